//! The joint plan in words (issue 11): routines, areas, strategies and plan
//! versions turned into what a page shows, in the reader's language. Pages
//! hold these rows, so that templates only place text.

use carryover_domain::{
    library::StrategySnapshot,
    people::Language,
    plan::{AgreedWhere, PlanStatus},
    strategies::Area,
};
use carryover_ops::{
    plan::{AssignmentView, ChangeView, VersionView},
    routines::RoutineLine,
    strategies::StrategyCard,
};

use crate::i18n::Tr;

pub fn area(t: &Tr, area: Area) -> String {
    t.get(&format!("area-{}", area.as_str()))
}

/// Every area, for a choice: (code, words).
pub fn area_choices(t: &Tr) -> Vec<(&'static str, String)> {
    Area::ALL.iter().map(|a| (a.as_str(), area(t, *a))).collect()
}

/// A routine's name: the standard one's in the reader's language, the
/// household's own as the family wrote it.
pub fn routine_name(t: &Tr, line: &RoutineLine) -> String {
    match (&line.standard, &line.name) {
        (Some(standard), _) => t.get(&format!("routine-{}", standard.as_str())),
        (None, Some(name)) => name.clone(),
        (None, None) => t.get("routine-removed"),
    }
}

/// "Bath (7:30 PM)" when the family gave a usual time.
pub fn routine_with_time(t: &Tr, line: &RoutineLine) -> String {
    let name = routine_name(t, line);
    match line.usual_time {
        Some(time) => format!("{name} ({})", t.time_of_day(time.hour(), time.minute())),
        None => name,
    }
}

/// An age range: "2 to 8 years", "6 to 18 months".
pub fn ages(t: &Tr, min: u16, max: u16) -> String {
    if min.is_multiple_of(12) && max.is_multiple_of(12) {
        t.with("ages-years", &[("min", (min / 12).into()), ("max", (max / 12).into())])
    } else {
        t.with("ages-months", &[("min", min.into()), ("max", max.into())])
    }
}

/// A strategy's text in the reader's language, or the one it was written in.
#[derive(Clone, Debug, Default)]
pub struct StrategyWords {
    /// The language of the text, for `lang` when it is not the page's.
    pub lang: &'static str,
    pub other_language: bool,
    pub title: String,
    pub why: String,
    pub steps: Vec<String>,
    pub tips: Vec<String>,
    pub signs: Vec<String>,
    pub adaptations: Vec<String>,
}

pub fn strategy(t: &Tr, snapshot: &StrategySnapshot) -> StrategyWords {
    let Some((text, lang)) = snapshot.text(t.lang.language()) else {
        return StrategyWords {
            lang: t.code(),
            title: t.get("strategy-no-text"),
            ..Default::default()
        };
    };
    let lang = match lang {
        Language::En => "en",
        Language::Es => "es",
    };
    StrategyWords {
        lang,
        other_language: lang != t.code(),
        title: text.title.clone(),
        why: text.why.clone(),
        steps: text.steps.clone(),
        tips: text.tips.clone(),
        signs: text.signs.clone(),
        adaptations: text.adaptations.clone(),
    }
}

/// One strategy in a list of results.
#[derive(Clone, Debug)]
pub struct StrategyRow {
    /// `starter:<slug>` or `clinic:<id>`, what a form sends.
    pub key: String,
    pub href: String,
    pub words: StrategyWords,
    pub areas: String,
    pub ages: String,
    pub is_clinic: bool,
    /// Already assigned in the version being edited.
    pub in_plan: bool,
}

pub fn strategy_row(t: &Tr, card: &StrategyCard) -> StrategyRow {
    use carryover_domain::library::StrategySource;
    let (href, is_clinic) = match &card.source {
        StrategySource::Starter(slug) => (format!("/strategies/starter/{slug}"), false),
        StrategySource::Clinic(id) => (format!("/strategies/clinic/{id}"), true),
    };
    StrategyRow {
        key: card.source.key(),
        href,
        words: strategy(t, &card.text),
        areas: card.areas.iter().map(|a| area(t, *a)).collect::<Vec<_>>().join(", "),
        ages: ages(t, card.age_min_months, card.age_max_months),
        is_clinic,
        in_plan: false,
    }
}

/// One assignment as a card: what to practise, when, how often, who.
#[derive(Clone, Debug)]
pub struct AssignmentCard {
    pub id: String,
    pub strategy: StrategyWords,
    pub when: String,
    pub how_often: String,
    pub who: String,
    pub goals: Vec<String>,
    /// The family's changes, one per line.
    pub changes: Vec<String>,
}

pub fn assignment_card(t: &Tr, a: &AssignmentView) -> AssignmentCard {
    AssignmentCard {
        id: a.assignment_id.to_string(),
        strategy: strategy(t, &a.text),
        when: a.routines.iter().map(|r| routine_with_time(t, r)).collect::<Vec<_>>().join(", "),
        how_often: t.with("plan-times-per-week", &[("count", a.times_per_week.into())]),
        who: a.practised_by_name.clone().unwrap_or_else(|| t.get("plan-any-caregiver")),
        goals: a.goals.iter().map(|g| g.words.clone()).collect(),
        changes: lines(&a.changes),
    }
}

pub fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

pub fn status(t: &Tr, status: PlanStatus) -> String {
    t.get(&format!("plan-status-{}", status.as_str()))
}

/// A version in words.
#[derive(Clone, Debug)]
pub struct VersionWords {
    pub id: String,
    pub number: i64,
    /// "Version 3".
    pub title: String,
    pub status: String,
    pub is_agreed: bool,
    pub priorities: Vec<String>,
    pub goals: Vec<String>,
    pub cards: Vec<AssignmentCard>,
    /// Who confirmed, when and where, one line each.
    pub confirmations: Vec<String>,
}

pub fn version(t: &Tr, v: &VersionView) -> VersionWords {
    let mut confirmations = Vec::new();
    if let Some(c) = &v.therapist {
        let args = [("name", c.name.clone().into()), ("when", t.datetime(c.at).into())];
        confirmations.push(t.with("plan-confirmed-therapist", &args));
    }
    if let Some(c) = &v.guardian {
        let key = match v.agreed_where {
            Some(AgreedWhere::InSession) => "plan-confirmed-in-session",
            _ => "plan-confirmed-own-device",
        };
        confirmations.push(
            t.with(key, &[("name", c.name.clone().into()), ("when", t.datetime(c.at).into())]),
        );
    }
    VersionWords {
        id: v.version_id.to_string(),
        number: v.number,
        title: t.with("plan-version-title", &[("number", v.number.into())]),
        status: status(t, v.status),
        is_agreed: v.status == PlanStatus::Agreed,
        priorities: lines(&v.priorities),
        goals: v.goals.iter().map(|g| g.words.clone()).collect(),
        cards: v.assignments.iter().map(|a| assignment_card(t, a)).collect(),
        confirmations,
    }
}

/// One line of "what changed".
pub fn change(t: &Tr, c: &ChangeView) -> String {
    let strategy = c.strategy.as_ref().map(|s| strategy(t, s).title).unwrap_or_default();
    let goal = c.goal.clone().unwrap_or_default();
    let parts: Vec<String> =
        c.parts.iter().map(|p| t.get(&format!("plan-part-{}", p.as_str()))).collect();
    let args =
        [("goal", goal.into()), ("strategy", strategy.into()), ("parts", parts.join(", ").into())];
    t.with(&format!("plan-change-{}", c.kind.as_str()), &args)
}
