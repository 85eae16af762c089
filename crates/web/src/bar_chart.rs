//! Bar charts drawn on the server as SVG (issue 14): the clinic page's
//! adherence spread and the caregiver's weeks against the target. Same
//! rules as `charts`: a `<figure>` with a title, a one-sentence summary and
//! the numbers as a table; Okabe–Ito colours; every bar carries its number
//! in the drawing, and the target is a dashed line named in the legend, so
//! colour is never the only difference.

use std::fmt::Write;

use crate::charts::{COLOURS, FONT, Format, esc};

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 200.0;
const LEFT: f64 = 12.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 50.0;

/// One bar: its label under it, its value, and the target it is held to.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub target: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// Unique on the page: the ids of the title and summary start with it.
    pub id: String,
    pub title: String,
    /// One sentence in words: what the chart shows.
    pub summary: String,
    /// Said instead of the drawing when there is nothing to draw.
    pub empty: String,
    /// The table's column headers: the bars' labels, their values, the targets.
    pub label_heading: String,
    pub value_heading: String,
    /// `None`: the bars have no target (no column, no line).
    pub target_heading: Option<String>,
    pub bars: Vec<Bar>,
    pub format: Format,
}

impl BarChart {
    /// Nothing to draw: no bar, or every value and target is 0.
    pub fn is_empty(&self) -> bool {
        !self.bars.iter().any(|b| {
            (b.value.is_finite() && b.value > 0.0)
                || b.target.is_some_and(|t| t.is_finite() && t > 0.0)
        })
    }

    fn top(&self) -> f64 {
        let highest = self
            .bars
            .iter()
            .flat_map(|b| [Some(b.value), b.target])
            .flatten()
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max);
        highest.max(1.0)
    }

    fn y(&self, value: f64) -> f64 {
        let plot = HEIGHT - TOP - BOTTOM;
        TOP + plot * (1.0 - (value / self.top()).clamp(0.0, 1.0))
    }

    fn draw(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut s = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" class="chart bar-chart" font-family="{FONT}" font-size="11" role="img" aria-labelledby="{id}-title {id}-summary" focusable="false">"#,
            id = esc(&self.id)
        );
        let base = HEIGHT - BOTTOM;
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" y1="{base}" x2="{x1}" y2="{base}" stroke="#333"/>"##,
            x1 = WIDTH - RIGHT
        );
        let slot = (WIDTH - LEFT - RIGHT) / self.bars.len().max(1) as f64;
        let width = (slot * 0.6).min(48.0);
        for (i, bar) in self.bars.iter().enumerate() {
            let centre = LEFT + slot * (i as f64 + 0.5);
            let value = if bar.value.is_finite() { bar.value.max(0.0) } else { 0.0 };
            let y = self.y(value);
            let target_y = bar.target.filter(|t| t.is_finite() && *t > 0.0).map(|t| self.y(t));
            // A number just under the target's dashed line would be crossed by it: lift it above the line.
            let number_y = match target_y {
                Some(t) if t > y - 15.0 && t < y + 2.0 => t - 5.0,
                _ => y - 4.0,
            };
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{width:.1}" height="{h:.1}" fill="{colour}"/>"#,
                x = centre - width / 2.0,
                h = base - y,
                colour = COLOURS[0],
            );
            let _ = write!(
                s,
                r##"<text x="{centre:.1}" y="{ty:.1}" text-anchor="middle" fill="#111">{n}</text><text x="{centre:.1}" y="{ly:.1}" text-anchor="middle" fill="#333" font-size="10">{label}</text>"##,
                ty = number_y,
                n = esc(&self.format.write(value)),
                ly = base + 14.0,
                label = esc(&bar.label),
            );
            if let Some(ty) = target_y {
                let _ = write!(
                    s,
                    r#"<line x1="{x0:.1}" y1="{ty:.1}" x2="{x1:.1}" y2="{ty:.1}" stroke="{colour}" stroke-width="2.5" stroke-dasharray="5 3"/>"#,
                    x0 = centre - width / 2.0 - 6.0,
                    x1 = centre + width / 2.0 + 6.0,
                    colour = COLOURS[1],
                );
            }
        }
        self.legend(&mut s);
        s.push_str("</svg>");
        Some(s)
    }

    fn legend(&self, s: &mut String) {
        let y = HEIGHT - 12.0;
        let _ = write!(
            s,
            r##"<rect x="{LEFT}" y="{ry}" width="10" height="10" fill="{colour}"/><text x="{tx}" y="{y}" fill="#111">{label}</text>"##,
            ry = y - 9.0,
            colour = COLOURS[0],
            tx = LEFT + 14.0,
            label = esc(&self.value_heading),
        );
        if let Some(target) = &self.target_heading {
            let x = LEFT + 30.0 + 6.0 * self.value_heading.chars().count() as f64;
            let _ = write!(
                s,
                r##"<line x1="{x}" y1="{ly}" x2="{x2}" y2="{ly}" stroke="{colour}" stroke-width="2.5" stroke-dasharray="5 3"/><text x="{tx}" y="{y}" fill="#111">{label}</text>"##,
                ly = y - 4.0,
                x2 = x + 16.0,
                colour = COLOURS[1],
                tx = x + 20.0,
                label = esc(target),
            );
        }
    }

    /// The whole figure: title, summary, drawing (or the empty state in
    /// words) and the numbers as a table.
    pub fn figure(&self) -> String {
        let id = esc(&self.id);
        let mut s = format!(
            r#"<figure class="chart-figure" data-testid="chart"><figcaption><strong id="{id}-title">{title}</strong> <span id="{id}-summary">{summary}</span></figcaption>"#,
            title = esc(&self.title),
            summary = esc(&self.summary),
        );
        match self.draw() {
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
            r#"<div class="table-wrap" tabindex="0" role="region" aria-labelledby="{id}-title"><table class="chart-table"><caption>{title}</caption><thead><tr><th scope="col">{l}</th><th scope="col">{v}</th>"#,
            id = esc(&self.id),
            title = esc(&self.title),
            l = esc(&self.label_heading),
            v = esc(&self.value_heading),
        );
        if let Some(target) = &self.target_heading {
            let _ = write!(s, r#"<th scope="col">{}</th>"#, esc(target));
        }
        s.push_str("</tr></thead><tbody>");
        for bar in &self.bars {
            let _ = write!(
                s,
                r#"<tr><th scope="row">{}</th><td>{}</td>"#,
                esc(&bar.label),
                esc(&self.format.write(bar.value))
            );
            if self.target_heading.is_some() {
                let target = bar.target.map(|t| self.format.write(t)).unwrap_or_else(|| "–".into());
                let _ = write!(s, "<td>{}</td>", esc(&target));
            }
            s.push_str("</tr>");
        }
        s.push_str("</tbody></table></div>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(bars: Vec<Bar>) -> BarChart {
        BarChart {
            id: "c".into(),
            title: "Weeks".into(),
            summary: "Three weeks.".into(),
            empty: "Nothing yet.".into(),
            label_heading: "Week".into(),
            value_heading: "Done".into(),
            target_heading: Some("Target".into()),
            bars,
            format: Format::Whole,
        }
    }

    #[test]
    fn a_chart_with_bars_draws_them_with_their_numbers_and_a_table() {
        let html = chart(vec![
            Bar { label: "Nov 9".into(), value: 3.0, target: Some(5.0) },
            Bar { label: "Nov 16".into(), value: 5.0, target: Some(5.0) },
        ])
        .figure();
        assert_eq!(html.matches("<rect").count(), 3, "two bars and the legend's key");
        assert!(html.contains("stroke-dasharray"), "the target line");
        assert!(html.contains("<tr><th scope=\"row\">Nov 9</th><td>3</td><td>5</td></tr>"));
        assert!(!html.contains("NaN"));
    }

    #[test]
    fn a_number_just_under_its_target_line_is_lifted_above_it() {
        let html = chart(vec![
            Bar { label: "Nov 9".into(), value: 13.0, target: Some(14.0) },
            Bar { label: "Nov 16".into(), value: 2.0, target: Some(14.0) },
        ])
        .figure();
        // Plot 18..150 for 0..14: the line of 14 at y 18, the bar of 13 tops at 150 − 132 · 13/14 =
        // 27.4, 9.4 under the line, so its number goes above the line (18 − 5 = 13); the bar of 2
        // tops at 131.1, far from it, and its number sits just above the bar (127.1).
        assert!(html.contains(r##"y="13.0" text-anchor="middle" fill="#111">13<"##), "{html}");
        assert!(html.contains(r##"y="127.1" text-anchor="middle" fill="#111">2<"##), "{html}");
    }

    #[test]
    fn a_chart_of_zeros_says_so_in_words() {
        let html = chart(vec![Bar { label: "Nov 9".into(), value: 0.0, target: None }]).figure();
        assert!(html.contains("Nothing yet."));
        assert!(!html.contains("<svg"));
    }
}
