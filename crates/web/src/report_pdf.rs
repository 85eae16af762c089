//! The progress report as the PDF lays it out (issue 14): the same words
//! and charts as the report page ([`ReportWords`]), as blocks for
//! `carryover-report`, which typesets them with Typst.

use carryover_report::{Block, ReportDoc, Table};

use crate::{charts::LineChart, i18n::Tr, report_words::ReportWords};

fn table(t: &crate::report_words::Table) -> Table {
    Table { head: t.head.clone(), rows: t.rows.clone() }
}

fn chart_block(chart: &LineChart) -> Block {
    let mut head = vec![chart.x_heading.clone()];
    head.extend(chart.series.iter().map(|s| s.label.clone()));
    let rows = if chart.is_empty() {
        Vec::new()
    } else {
        chart
            .x_labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let mut row = vec![label.clone()];
                row.extend(chart.series.iter().map(|s| {
                    s.values
                        .get(i)
                        .copied()
                        .flatten()
                        .filter(|v| v.is_finite())
                        .map_or_else(|| chart.gap.clone(), |v| chart.format.write(v))
                }));
                row
            })
            .collect()
    };
    Block::Chart {
        title: chart.title.clone(),
        summary: chart.summary.clone(),
        svg: chart.svg(),
        empty: chart.empty.clone(),
        table: Table { head, rows },
    }
}

/// The report as the PDF lays it out.
pub fn report_doc(t: &Tr, words: &ReportWords) -> ReportDoc {
    let heading = |text: String| Block::Heading { level: 2, text };
    let paragraph = |text: String| Block::Paragraph { text };
    let mut blocks = vec![heading(t.get("report-goals")), Block::Table(table(&words.goals))];
    blocks.push(heading(t.get("gas-t-title")));
    let scores = Table {
        head: vec![
            t.get("report-score-who"),
            t.get("report-score-value"),
            t.get("report-score-note"),
        ],
        rows: words
            .words
            .scores
            .iter()
            .map(|s| {
                vec![s.label.clone(), s.value.clone().unwrap_or_else(|| "–".into()), s.note.clone()]
            })
            .collect(),
    };
    blocks.push(Block::Table(scores));
    blocks.push(paragraph(t.get("gas-t-hint")));
    for goal in &words.words.goals {
        blocks.push(heading(goal.words.clone()));
        blocks.push(paragraph(goal.copm_change.clone()));
        blocks.push(chart_block(&goal.copm));
        blocks.push(paragraph(goal.gas_now.clone()));
        if let Some(gas) = &goal.gas {
            blocks.push(chart_block(gas));
        }
    }
    let practice = &words.words.practice;
    blocks.push(heading(t.get("progress-practice-heading")));
    blocks.push(chart_block(&practice.adherence));
    blocks.push(chart_block(&practice.responses));
    blocks.push(heading(t.get("progress-confidence-title")));
    blocks.push(paragraph(t.get("progress-confidence-not-validated")));
    blocks.push(chart_block(&practice.confidence));
    blocks.push(heading(t.get("measure-grid-heading")));
    if practice.grids.is_empty() {
        blocks.push(paragraph(t.get("progress-grid-none")));
    } else {
        blocks.push(paragraph(t.get("measure-grid-hint")));
    }
    for grid in &practice.grids {
        blocks.push(Block::Heading { level: 3, text: grid.strategy.title.clone() });
        let mut head = vec![t.get("log-routine")];
        head.extend(grid.caregivers.iter().cloned());
        let rows = grid
            .rows
            .iter()
            .map(|(routine, cells)| {
                let mut row = vec![routine.clone()];
                row.extend(cells.iter().cloned());
                row
            })
            .collect();
        blocks.push(Block::Table(Table { head, rows }));
    }
    blocks.push(heading(t.get("progress-visits-heading")));
    blocks.push(paragraph(practice.visits.clone()));
    blocks.push(heading(t.get("report-summary")));
    if words.summary.is_empty() {
        blocks.push(paragraph(t.get("report-summary-none")));
    } else {
        blocks.extend(words.summary.split("\n\n").map(|p| paragraph(p.trim().to_owned())));
        blocks.push(paragraph(words.summary_by.clone()));
    }
    ReportDoc {
        lang: t.code().to_owned(),
        title: words.title.clone(),
        subtitle: words.subtitle.clone(),
        blocks,
        footer: t.get("report-footer"),
    }
}
