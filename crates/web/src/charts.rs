//! Charts drawn on the server as SVG (issue 14): no chart library in the
//! browser, the same picture in the page and in the PDF. Every chart is a
//! `<figure>` with a title, a one-sentence summary in words and its numbers
//! as a table, so that a screen reader and a printout lose nothing.
//!
//! Colours are Okabe–Ito (safe for colour-blind readers), and each series
//! also has its own marker and dash pattern, so that colour is never the
//! only difference. The drawing is 360 units wide: on a phone one unit is
//! one pixel, and it scales up on a laptop.

use std::fmt::Write;

/// Okabe–Ito, the darker ones first (the yellow is too light on white).
pub(crate) const COLOURS: [&str; 5] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000"];
const DASHES: [&str; 5] = ["", "6 3", "2 3", "8 3 2 3", "4 4"];

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 210.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 52.0;
pub(crate) const FONT: &str = "Liberation Sans, Arial, sans-serif";

/// One line of a chart: a value (or a gap) at each of the chart's x labels.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub values: Vec<Option<f64>>,
}

/// A line (or step) chart over time, with a categorical x axis: rating
/// occasions or weeks, each labelled in words.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    /// Unique on the page: the ids of the title and summary start with it.
    pub id: String,
    pub title: String,
    /// One sentence in words: what the chart shows.
    pub summary: String,
    /// Said instead of the drawing when there is nothing to draw.
    pub empty: String,
    /// The header of the table's first column ("Date", "Week").
    pub x_heading: String,
    pub x_labels: Vec<String>,
    pub y_min: f64,
    pub y_max: f64,
    /// The values marked on the y axis.
    pub y_ticks: Vec<f64>,
    /// A step chart holds each value until the next (GAS levels, adherence).
    pub step: bool,
    pub series: Vec<Series>,
    /// How a value is written in the table and on the axis.
    pub format: Format,
    /// Said in the table where a series has no value ("–", "no target").
    pub gap: String,
}

/// How a chart writes its values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An average: "7.67" (or "7,67" with `comma`), a whole one "7".
    Hundredths { comma: bool },
    /// "6"
    Whole,
    /// A GAS level: "+1", "0", "−2" (a true minus sign).
    Signed,
    /// "80%"
    Percent,
}

impl Format {
    pub fn write(self, value: f64) -> String {
        let whole = value.round() as i64;
        match self {
            Format::Hundredths { .. } if (value - value.round()).abs() < 0.005 => whole.to_string(),
            Format::Hundredths { comma } => {
                let text = format!("{value:.2}");
                if comma { text.replace('.', ",") } else { text }
            }
            Format::Whole => whole.to_string(),
            Format::Signed if whole > 0 => format!("+{whole}"),
            Format::Signed if whole < 0 => format!("\u{2212}{}", -whole),
            Format::Signed => "0".to_owned(),
            Format::Percent => format!("{whole}%"),
        }
    }
}

impl LineChart {
    /// Whether any series has a finite value to draw.
    pub fn is_empty(&self) -> bool {
        !self.series.iter().flat_map(|s| &s.values).any(|v| v.is_some_and(f64::is_finite))
    }

    fn x(&self, index: usize) -> f64 {
        let plot = WIDTH - LEFT - RIGHT;
        match self.x_labels.len() {
            0 | 1 => LEFT + plot / 2.0,
            n => LEFT + plot * index as f64 / (n - 1) as f64,
        }
    }

    fn y(&self, value: f64) -> f64 {
        let plot = HEIGHT - TOP - BOTTOM;
        let span = self.y_max - self.y_min;
        let share = if span > 0.0 { (value - self.y_min) / span } else { 0.5 };
        TOP + plot * (1.0 - share.clamp(0.0, 1.0))
    }

    /// The drawing alone, as a standalone SVG document (what the PDF embeds).
    /// `None` when there is nothing to draw: show [`LineChart::empty`] instead.
    pub fn svg(&self) -> Option<String> {
        self.draw(false)
    }

    fn draw(&self, inline: bool) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut s = String::new();
        let aria = if inline {
            format!(
                r#" role="img" aria-labelledby="{id}-title {id}-summary" focusable="false""#,
                id = esc(&self.id)
            )
        } else {
            String::new()
        };
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" class="chart" font-family="{FONT}" font-size="11"{aria}>"#
        );
        self.axes(&mut s);
        for (n, series) in self.series.iter().enumerate() {
            self.line(&mut s, n, series);
        }
        self.legend(&mut s);
        s.push_str("</svg>");
        Some(s)
    }

    fn axes(&self, s: &mut String) {
        let (x0, x1) = (LEFT, WIDTH - RIGHT);
        for tick in &self.y_ticks {
            let y = self.y(*tick);
            let _ = write!(
                s,
                r##"<line x1="{x0}" y1="{y:.1}" x2="{x1}" y2="{y:.1}" stroke="#d0d0d0" stroke-width="1"/><text x="{tx}" y="{ty:.1}" text-anchor="end" fill="#333">{label}</text>"##,
                tx = LEFT - 4.0,
                ty = y + 4.0,
                label = esc(&self.format.write(*tick)),
            );
        }
        let base = HEIGHT - BOTTOM;
        let _ = write!(s, r##"<line x1="{x0}" y1="{base}" x2="{x1}" y2="{base}" stroke="#333"/>"##);
        for (i, anchor) in self.fitting_labels() {
            let _ = write!(
                s,
                r##"<text x="{x:.1}" y="{y}" text-anchor="{anchor}" fill="#333">{label}</text>"##,
                x = self.x(i),
                y = base + 14.0,
                label = esc(&self.x_labels[i]),
            );
        }
    }

    /// The x labels that fit without touching each other, with their anchor:
    /// the last (the latest week) always, the first when both fit, and
    /// between them evenly spaced ones (six at most) with room around them.
    /// Long dates ("28 de septiembre de 2026") leave only the ends; the table
    /// has them all.
    fn fitting_labels(&self) -> Vec<(usize, &'static str)> {
        const GAP: f64 = 8.0;
        let n = self.x_labels.len();
        if n <= 1 {
            return (0..n).map(|i| (i, "middle")).collect();
        }
        // Roughly 6 units a character at this size, as the legend counts.
        let width = |i: usize| 6.0 * self.x_labels[i].chars().count() as f64;
        let widest = (0..n).map(width).fold(0.0, f64::max);
        let step = self.x(1) - self.x(0);
        let every = (((widest + GAP) / step).ceil() as usize).max(n.div_ceil(6)).max(1);
        let last_left = self.x(n - 1) - width(n - 1);
        let mut chosen = Vec::new();
        let mut right = f64::NEG_INFINITY;
        for i in (0..n - 1).step_by(every) {
            let (left, anchor) =
                if i == 0 { (self.x(0), "start") } else { (self.x(i) - width(i) / 2.0, "middle") };
            if left >= right + GAP && left + width(i) + GAP <= last_left {
                chosen.push((i, anchor));
                right = left + width(i);
            }
        }
        chosen.push((n - 1, "end"));
        chosen
    }

    fn line(&self, s: &mut String, n: usize, series: &Series) {
        let (colour, dash) = (COLOURS[n % COLOURS.len()], DASHES[n % DASHES.len()]);
        let points: Vec<(f64, f64)> = series
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (self.x(i), self.y(v))))
            .collect();
        let mut path = String::new();
        for (i, (x, y)) in points.iter().enumerate() {
            match (i, self.step) {
                (0, _) => {
                    let _ = write!(path, "M{x:.1} {y:.1}");
                }
                (_, true) => {
                    let _ = write!(path, " H{x:.1} V{y:.1}");
                }
                (_, false) => {
                    let _ = write!(path, " L{x:.1} {y:.1}");
                }
            }
        }
        if points.len() > 1 {
            let dash = if dash.is_empty() {
                String::new()
            } else {
                format!(r#" stroke-dasharray="{dash}""#)
            };
            let _ = write!(
                s,
                r#"<path d="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>"#
            );
        }
        for (x, y) in points {
            marker(s, n, x, y, colour);
        }
    }

    fn legend(&self, s: &mut String) {
        let y = HEIGHT - 14.0;
        let mut x = LEFT;
        for (n, series) in self.series.iter().enumerate() {
            let colour = COLOURS[n % COLOURS.len()];
            marker(s, n, x + 5.0, y - 4.0, colour);
            let _ = write!(
                s,
                r##"<text x="{tx:.1}" y="{y}" fill="#111">{label}</text>"##,
                tx = x + 14.0,
                label = esc(&series.label),
            );
            // Roughly 6 units a character at this size.
            x += 26.0 + 6.0 * series.label.chars().count() as f64;
        }
    }

    /// The whole figure for a page: title, summary, drawing (or the empty
    /// state in words) and the numbers as a table.
    pub fn figure(&self) -> String {
        let id = esc(&self.id);
        let mut s = format!(
            r#"<figure class="chart-figure" data-testid="chart"><figcaption><strong id="{id}-title">{title}</strong> <span id="{id}-summary">{summary}</span></figcaption>"#,
            title = esc(&self.title),
            summary = esc(&self.summary),
        );
        match self.draw(true) {
            None => {
                let _ = write!(s, r#"<p class="empty-state">{}</p>"#, esc(&self.empty));
            }
            Some(svg) => {
                s.push_str(&svg);
                self.table(&mut s);
            }
        }
        s.push_str("</figure>");
        s
    }

    fn table(&self, s: &mut String) {
        let _ = write!(
            s,
            r#"<div class="table-wrap" tabindex="0" role="region" aria-labelledby="{id}-title"><table class="chart-table"><caption>{title}</caption><thead><tr><th scope="col">{x}</th>"#,
            id = esc(&self.id),
            title = esc(&self.title),
            x = esc(&self.x_heading),
        );
        for series in &self.series {
            let _ = write!(s, r#"<th scope="col">{}</th>"#, esc(&series.label));
        }
        s.push_str("</tr></thead><tbody>");
        for (i, label) in self.x_labels.iter().enumerate() {
            let _ = write!(s, r#"<tr><th scope="row">{}</th>"#, esc(label));
            for series in &self.series {
                let cell = series
                    .values
                    .get(i)
                    .copied()
                    .flatten()
                    .filter(|v| v.is_finite())
                    .map(|v| self.format.write(v))
                    .unwrap_or_else(|| self.gap.clone());
                let _ = write!(s, "<td>{}</td>", esc(&cell));
            }
            s.push_str("</tr>");
        }
        s.push_str("</tbody></table></div>");
    }
}

/// Circle, square, triangle, diamond, cross: the marker of series `n`.
fn marker(s: &mut String, n: usize, x: f64, y: f64, colour: &str) {
    let _ = match n % 5 {
        0 => write!(s, r#"<circle cx="{x:.1}" cy="{y:.1}" r="4" fill="{colour}"/>"#),
        1 => write!(
            s,
            r#"<rect x="{:.1}" y="{:.1}" width="8" height="8" fill="{colour}"/>"#,
            x - 4.0,
            y - 4.0
        ),
        2 => write!(
            s,
            r#"<path d="M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z" fill="{colour}"/>"#,
            y - 5.0,
            x + 5.0,
            y + 4.0,
            x - 5.0,
            y + 4.0
        ),
        3 => write!(
            s,
            r#"<path d="M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} L{:.1} {y:.1} Z" fill="{colour}"/>"#,
            y - 5.0,
            x + 5.0,
            y + 5.0,
            x - 5.0
        ),
        _ => write!(
            s,
            r#"<path d="M{:.1} {:.1} L{:.1} {:.1} M{:.1} {:.1} L{:.1} {:.1}" stroke="{colour}" stroke-width="2.5"/>"#,
            x - 4.0,
            y - 4.0,
            x + 4.0,
            y + 4.0,
            x - 4.0,
            y + 4.0,
            x + 4.0,
            y - 4.0
        ),
    };
}

/// A small inline chart of one series (the triage's four weeks): a picture
/// with its numbers in its label, for a row of a table.
pub fn sparkline(label: &str, values: &[Option<f64>], y_max: f64) -> String {
    let (w, h) = (80.0, 20.0);
    let finite: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i, v)))
        .collect();
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{}" focusable="false">"#,
        esc(label)
    );
    let step = if values.len() > 1 { (w - 4.0) / (values.len() - 1) as f64 } else { 0.0 };
    let point = |i: usize, v: f64| {
        let share = if y_max > 0.0 { (v / y_max).clamp(0.0, 1.0) } else { 0.0 };
        (2.0 + step * i as f64, h - 2.0 - (h - 4.0) * share)
    };
    let path: Vec<String> = finite
        .iter()
        .enumerate()
        .map(|(n, (i, v))| {
            let (x, y) = point(*i, *v);
            format!("{}{x:.1} {y:.1}", if n == 0 { "M" } else { " L" })
        })
        .collect();
    if finite.len() > 1 {
        let _ = write!(
            s,
            r#"<path d="{}" fill="none" stroke="{}" stroke-width="2"/>"#,
            path.concat(),
            COLOURS[0]
        );
    }
    if let Some((i, v)) = finite.last() {
        let (x, y) = point(*i, *v);
        let _ = write!(s, r#"<circle cx="{x:.1}" cy="{y:.1}" r="2.5" fill="{}"/>"#, COLOURS[0]);
    }
    s.push_str("</svg>");
    s
}

/// Text made safe for HTML and SVG, inside elements and quoted attributes.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(series: Vec<Series>, labels: &[&str]) -> LineChart {
        LineChart {
            id: "copm-1".into(),
            title: "Puts on shoes <alone>".into(),
            summary: "Performance went from 3 to 6.".into(),
            empty: "No ratings yet.".into(),
            x_heading: "Date".into(),
            x_labels: labels.iter().map(|l| (*l).to_owned()).collect(),
            y_min: 1.0,
            y_max: 10.0,
            y_ticks: vec![1.0, 5.0, 10.0],
            step: false,
            series,
            format: Format::Whole,
            gap: "–".into(),
        }
    }

    fn two_occasions() -> LineChart {
        chart(
            vec![
                Series { label: "Performance".into(), values: vec![Some(3.0), Some(6.0)] },
                Series { label: "Satisfaction".into(), values: vec![Some(2.0), None] },
            ],
            &["Oct 5", "Nov 2"],
        )
    }

    #[test]
    fn a_chart_draws_each_point_and_lists_it_in_its_table() {
        let figure = two_occasions().figure();
        // y of 3 on 1..10: 12 + 146 · (1 − 2/9) = 125.6; of 6: 12 + 146 · (1 − 5/9) = 76.9.
        // x of two occasions: 34 and 348.
        assert!(figure.contains(r#"<path d="M34.0 125.6 L348.0 76.9""#), "{figure}");
        assert!(figure.contains(r#"<circle cx="34.0" cy="125.6""#), "{figure}");
        assert!(figure.contains("<tr><th scope=\"row\">Nov 2</th><td>6</td><td>–</td></tr>"));
        assert!(figure.contains(r#"role="img" aria-labelledby="copm-1-title copm-1-summary""#));
        assert!(
            figure.contains(r#"<strong id="copm-1-title">Puts on shoes &lt;alone&gt;</strong>"#)
        );
        assert!(figure.contains("Performance went from 3 to 6."));
        assert!(!figure.contains("NaN"));
    }

    #[test]
    fn series_differ_by_colour_marker_and_dash() {
        let svg = two_occasions().svg().unwrap();
        assert!(svg.contains("#0072B2") && svg.contains("#D55E00"));
        assert!(svg.contains("<rect"), "the second series' marker is a square: {svg}");
        assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg""#));
        assert!(!svg.contains("role="), "the PDF's copy carries no page ids");
    }

    #[test]
    fn a_step_chart_holds_each_value_until_the_next() {
        let mut c = two_occasions();
        c.step = true;
        assert!(c.svg().unwrap().contains("M34.0 125.6 H348.0 V76.9"));
    }

    #[test]
    fn an_empty_series_is_said_in_words_never_drawn_as_nan() {
        let empty = chart(
            vec![Series { label: "P".into(), values: vec![None, Some(f64::NAN)] }],
            &["a", "b"],
        );
        assert!(empty.is_empty());
        assert_eq!(empty.svg(), None);
        let figure = empty.figure();
        assert!(figure.contains(r#"<p class="empty-state">No ratings yet.</p>"#), "{figure}");
        assert!(!figure.contains("NaN") && !figure.contains("<svg"));
        let nothing = chart(Vec::new(), &[]);
        assert!(nothing.figure().contains("No ratings yet."));
    }

    #[test]
    fn an_average_keeps_two_decimals_in_the_readers_way_and_a_gap_says_why() {
        assert_eq!(Format::Hundredths { comma: false }.write(7.67), "7.67");
        assert_eq!(Format::Hundredths { comma: true }.write(7.67), "7,67");
        assert_eq!(Format::Hundredths { comma: false }.write(5.0), "5");
        let mut c = chart(
            vec![Series { label: "Done".into(), values: vec![Some(60.0), None] }],
            &["Nov 2", "Nov 9"],
        );
        c.gap = "no target".into();
        assert!(c.figure().contains("<th scope=\"row\">Nov 9</th><td>no target</td>"));
    }

    #[test]
    fn one_occasion_is_a_point_in_the_middle() {
        let one = chart(vec![Series { label: "P".into(), values: vec![Some(10.0)] }], &["Oct 5"]);
        let svg = one.svg().unwrap();
        assert!(svg.contains(r#"<circle cx="191.0" cy="12.0""#), "{svg}");
        assert!(!svg.contains("<path d=\"M"), "no line through one point: {svg}");
    }

    /// The x of the labels drawn under the axis (they sit at y 210 − 52 + 14 = 172).
    fn drawn_labels(c: &LineChart) -> Vec<String> {
        let svg = c.svg().unwrap();
        svg.split(r#"y="172" "#)
            .skip(1)
            .map(|t| t.split('>').nth(1).unwrap().replace("</text", ""))
            .collect()
    }

    #[test]
    fn long_week_labels_never_overlap_the_axis_keeps_the_ends() {
        let weeks: Vec<String> =
            (0..12).map(|w| format!("{} de septiembre de 2026", w + 1)).collect();
        let refs: Vec<&str> = weeks.iter().map(String::as_str).collect();
        let c = chart(vec![Series { label: "P".into(), values: vec![Some(5.0); 12] }], &refs);
        // 24 characters ≈ 144 units: the first (34..178) and the last (204..348) fit, nothing between.
        assert_eq!(drawn_labels(&c), ["1 de septiembre de 2026", "12 de septiembre de 2026"]);
    }

    #[test]
    fn short_week_labels_are_drawn_every_other_week_without_touching() {
        let weeks: Vec<String> = (0..12).map(|w| format!("W{:02}", w + 1)).collect();
        let refs: Vec<&str> = weeks.iter().map(String::as_str).collect();
        let c = chart(vec![Series { label: "P".into(), values: vec![Some(5.0); 12] }], &refs);
        // 3 characters ≈ 18 units, a week every 314 / 11 = 28.5 units, six labels at most:
        // every 12 / 6 = 2nd week. W11 (ends 319.5 + 9 = 328.5) would touch W12
        // (starts 348 − 18 = 330), so it is left out.
        assert_eq!(drawn_labels(&c), ["W01", "W03", "W05", "W07", "W09", "W12"]);
    }

    #[test]
    fn a_sparkline_names_its_numbers_and_survives_no_data() {
        let s = sparkline("4 weeks: 50%, 75%", &[Some(50.0), Some(75.0)], 100.0);
        assert!(s.contains(r#"aria-label="4 weeks: 50%, 75%""#));
        assert!(s.contains("<path d=\"M2.0 10.0 L78.0 6.0\""), "{s}");
        let none = sparkline("no practice yet", &[None, None], 0.0);
        assert!(!none.contains("NaN") && !none.contains("<path"));
    }
}
