//! The clinic page's figures in words and pictures (issue 14), once, for the
//! page: every empty figure says so in words, and no number is NaN.

use carryover_domain::clinic_metrics::AdherenceBucket;
use carryover_ops::clinic_metrics::ClinicMetricsView;

use crate::{
    bar_chart::{Bar, BarChart},
    charts::Format,
    i18n::Tr,
};

pub struct FidelityRow {
    pub name: String,
    pub visits: u32,
    /// "70%".
    pub average: String,
    /// "1 of 2".
    pub all_five: String,
}

pub struct ClinicWords {
    /// "From September 8, 2026 to November 30, 2026".
    pub period: String,
    /// "3 active households".
    pub active: String,
    /// The adherence spread as a figure (title, summary, bars, table).
    pub adherence_chart: String,
    /// "Median: 60% of the practice asked." or the empty state.
    pub median: String,
    pub fidelity: Vec<FidelityRow>,
    pub copm: String,
    /// The rule, with the clinic's threshold.
    pub copm_rule: String,
    pub gas: String,
}

fn bucket_label(t: &Tr, bucket: AdherenceBucket) -> String {
    match bucket {
        AdherenceBucket::Low => t.get("clinic-bucket-0-24"),
        AdherenceBucket::Some => t.get("clinic-bucket-25-49"),
        AdherenceBucket::Most => t.get("clinic-bucket-50-74"),
        AdherenceBucket::High => t.get("clinic-bucket-75-100"),
        AdherenceBucket::NoTarget => t.get("clinic-bucket-no-target"),
    }
}

pub fn clinic_words(t: &Tr, view: &ClinicMetricsView) -> ClinicWords {
    let households = |n: u32| t.with("clinic-households", &[("count", n.into())]);
    let with_target: u32 = view
        .adherence
        .buckets
        .iter()
        .filter(|b| b.bucket != AdherenceBucket::NoTarget)
        .map(|b| b.households)
        .sum();
    let summary = match view.adherence.median_percent {
        Some(median) => t.with(
            "clinic-adherence-summary",
            &[("count", with_target.into()), ("median", median.into())],
        ),
        None => t.get("clinic-adherence-no-target"),
    };
    let chart = BarChart {
        id: "clinic-adherence".into(),
        title: t.get("clinic-adherence-title"),
        summary,
        empty: t.get("clinic-adherence-empty"),
        label_heading: t.get("clinic-adherence-share"),
        value_heading: t.get("clinic-adherence-households"),
        target_heading: None,
        bars: view
            .adherence
            .buckets
            .iter()
            .map(|b| Bar {
                label: bucket_label(t, b.bucket),
                value: f64::from(b.households),
                target: None,
            })
            .collect(),
        format: Format::Whole,
    };
    let median = match view.adherence.median_percent {
        Some(m) => t.with("clinic-adherence-median", &[("median", m.into())]),
        None => t.get("clinic-adherence-no-median"),
    };
    let fidelity = view
        .fidelity
        .iter()
        .map(|f| FidelityRow {
            name: f.name.clone(),
            visits: f.visits,
            average: f
                .average_steps_percent
                .map(|p| t.with("clinic-percent", &[("percent", p.into())]))
                .unwrap_or_else(|| "–".into()),
            all_five: t.with(
                "clinic-fidelity-all-five-cell",
                &[("all", f.all_five.into()), ("total", f.visits.into())],
            ),
        })
        .collect();
    let copm = match view.copm.percent {
        Some(percent) => t.with(
            "clinic-copm-share",
            &[
                ("important", view.copm.important.into()),
                ("total", view.copm.goals_rerated.into()),
                ("percent", percent.into()),
            ],
        ),
        None => t.get("clinic-copm-empty"),
    };
    let gas = match view.gas.average_change {
        Some(change) => t.with(
            "clinic-gas-change",
            &[("change", t.signed_decimal(change).into()), ("count", view.gas.children.into())],
        ),
        None => t.get("clinic-gas-empty"),
    };
    ClinicWords {
        period: t.with(
            "clinic-period",
            &[("from", t.date(view.from).into()), ("to", t.date(view.to).into())],
        ),
        active: households(view.active_households),
        adherence_chart: chart.figure(),
        median,
        fidelity,
        copm,
        copm_rule: t.with("clinic-copm-rule", &[("points", view.copm.threshold.into())]),
        gas,
    }
}
