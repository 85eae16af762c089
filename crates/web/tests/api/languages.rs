use std::collections::BTreeSet;

use carryover::i18n::{EN_FTL, ES_FTL, Lang};
use carryover_store::Backend;

use crate::helpers::{on_both_databases, spawn_app};

fn keys(source: &str) -> BTreeSet<String> {
    let resource = fluent_syntax::parser::parse(source).unwrap();
    let mut keys = BTreeSet::new();
    for entry in resource.body {
        if let fluent_syntax::ast::Entry::Message(message) = entry {
            keys.insert(message.id.name.to_owned());
            for attribute in message.attributes {
                keys.insert(format!("{}.{}", message.id.name, attribute.id.name));
            }
        }
    }
    keys
}

#[test]
fn every_text_exists_in_english_and_in_spanish() {
    let (en, es) = (keys(EN_FTL), keys(ES_FTL));
    assert!(en.len() > 10);
    let only_en: Vec<_> = en.difference(&es).collect();
    let only_es: Vec<_> = es.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_es.is_empty(),
        "only in en: {only_en:?}; only in es: {only_es:?}"
    );
}

#[test]
fn accept_language_picks_the_best_supported_language() {
    assert_eq!(Lang::from_accept_language("fr-CA, es-MX;q=0.8, en;q=0.5"), Some(Lang::Es));
    assert_eq!(Lang::from_accept_language("en-US,en;q=0.9,es;q=0.8"), Some(Lang::En));
    assert_eq!(Lang::from_accept_language("de, fr"), None);
    assert_eq!(Lang::from_accept_language("es;q=0, en;q=0.1"), Some(Lang::En));
}

async fn the_browser_language_is_used_until_the_person_picks_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let spanish_browser = |path: &'static str| {
        app.client.request(reqwest::Method::GET, path).header("accept-language", "es-MX,es;q=0.9")
    };
    let body = app.client.send(spanish_browser("/")).await.text().await.unwrap();
    assert!(body.contains("Práctica que cabe en su día"));

    let switched = app.client.post_form("/lang", &[("lang", "en"), ("next", "/")]).await;
    assert_eq!(switched.status(), 303);
    assert_eq!(switched.headers()["location"], "/");
    assert_eq!(app.client.cookie("lang").as_deref(), Some("en"));
    let body = app.client.send(spanish_browser("/")).await.text().await.unwrap();
    assert!(body.contains("Practice that fits your day"), "the chosen language wins");
}

async fn the_language_switcher_only_returns_to_pages_of_this_site(backend: Backend) {
    let app = spawn_app(backend).await;
    for next in ["https://evil.example/", "//evil.example/", "/\\evil.example"] {
        let response = app.client.post_form("/lang", &[("lang", "es"), ("next", next)]).await;
        assert_eq!(response.headers()["location"], "/", "{next}");
    }
}

on_both_databases!(
    the_browser_language_is_used_until_the_person_picks_one,
    the_language_switcher_only_returns_to_pages_of_this_site,
);

/// Keys built at run time from the domain's words must exist too.
fn dynamic_keys() -> Vec<(&'static str, Vec<String>)> {
    use carryover_domain::{
        audit::{AuditAction, AuditResource},
        people::{Access, Relationship, Role},
        record::{DischargeReason, HomeLanguage},
    };
    use carryover_domain::{
        fidelity::CoachingStep,
        visit::{EntryKind, VisitSetting},
    };
    use carryover_domain::{
        goal::{CopmRespondent, GasRater, GoalStatus},
        library::StrategyPart,
        plan::{AssignmentPart, PlanStatus},
        routine::StandardRoutine,
        strategies::Area,
    };
    use carryover_ops::{Problem, plan::ChangeKind, scores::NoScore};
    // Issue 12 part B.
    use carryover_domain::{
        generalization::ChildResponse,
        reflection::{ReflectionNeed, RespondedPositively, ThreadSubject},
    };
    fn all<T: Copy>(values: &[T], code: impl Fn(T) -> &'static str) -> Vec<String> {
        values.iter().map(|v| code(*v).to_owned()).collect()
    }
    vec![
        ("role-", all(&Role::ALL, Role::as_str)),
        ("relationship-", all(&Relationship::ALL, Relationship::as_str)),
        ("access-", all(&Access::ALL, Access::as_str)),
        ("audit-action-", all(&AuditAction::ALL, AuditAction::as_str)),
        ("audit-resource-", all(&AuditResource::ALL, AuditResource::as_str)),
        ("audit-outcome-", vec!["denied".into(), "failure".into()]),
        ("problem-", all(&Problem::ALL, Problem::as_str)),
        // The people side (issue 9).
        ("language-", all(&HomeLanguage::ALL, HomeLanguage::as_str)),
        ("discharge-reason-", all(&DischargeReason::ALL, DischargeReason::as_str)),
        (
            "export-field-",
            carryover_ops::export::FIELDS.iter().map(|f| f.replace('.', "-")).collect(),
        ),
        // Issue 11, the joint plan.
        ("area-", all(&Area::ALL, Area::as_str)),
        ("routine-", all(&StandardRoutine::ALL, StandardRoutine::as_str)),
        ("goal-status-", all(&GoalStatus::ALL, GoalStatus::as_str)),
        ("plan-status-", all(&PlanStatus::ALL, PlanStatus::as_str)),
        ("copm-respondent-", all(&CopmRespondent::ALL, CopmRespondent::as_str)),
        ("gas-rater-", all(&GasRater::ALL, GasRater::as_str)),
        ("gas-rates-as-", all(&GasRater::ALL, GasRater::as_str)),
        ("gas-no-score-", all(&NoScore::ALL, NoScore::as_str)),
        ("plan-change-", all(&ChangeKind::ALL, ChangeKind::as_str)),
        ("plan-part-", all(&AssignmentPart::ALL, AssignmentPart::as_str)),
        ("strategy-part-", all(&StrategyPart::ALL, StrategyPart::as_str)),
        ("lang-", vec!["en".into(), "es".into()]),
        // Issue 12 part A: practice logs.
        (
            "log-response-",
            all(
                &carryover_domain::generalization::ChildResponse::ALL,
                carryover_domain::generalization::ChildResponse::as_str,
            ),
        ),
        (
            "log-when-",
            all(
                &carryover_domain::practice::SaidWhen::ALL,
                carryover_domain::practice::SaidWhen::as_str,
            ),
        ),
        // Issue 12 part B: reflections and feedback.
        ("reflect-responded-", all(&RespondedPositively::ALL, RespondedPositively::as_str)),
        ("reflect-need-", all(&ReflectionNeed::ALL, ReflectionNeed::as_str)),
        ("reflect-difficulty-", (1..=5).map(|n: u8| n.to_string()).collect()),
        ("inbox-subject-", all(&ThreadSubject::ALL, ThreadSubject::as_str)),
        ("feedback-new-", all(&ThreadSubject::ALL, ThreadSubject::as_str)),
        ("feedback-log-response-", all(&ChildResponse::ALL, ChildResponse::as_str)),
        // Issue 13, coaching visits.
        ("visit-setting-", all(&VisitSetting::ALL, VisitSetting::as_str)),
        ("visit-step-", all(&CoachingStep::ALL, CoachingStep::as_str)),
        ("visit-kind-", all(&EntryKind::ALL, EntryKind::as_str)),
        ("visit-question-", vec!["1".into(), "2".into(), "3".into(), "4".into()]),
        // Issue 14: the triage's filters.
        (
            "triage-filter-",
            all(
                &carryover_domain::triage::TriageFilter::ALL,
                carryover_domain::triage::TriageFilter::as_str,
            ),
        ),
        // Issue 14, second part: the progress timeline.
        (
            "timeline-visit-",
            all(
                &carryover_domain::visit::VisitStatus::ALL,
                carryover_domain::visit::VisitStatus::as_str,
            ),
        ),
    ]
}

/// Every `t.get("…")`, `t.with("…", …)` and `t.with_name("…", …)` in the
/// templates and the web crate's code, and every key built from a prefix
/// and a domain code: each must exist in every language. A key built from a
/// prefix the test does not know fails too, so that it gets listed here.
#[test]
fn every_key_the_code_and_templates_use_exists_in_every_language() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    let mut folders = vec![
        std::path::PathBuf::from(root).join("src"),
        std::path::PathBuf::from(root).join("templates"),
    ];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 20, "the sources were not found: {files:?}");
    let dynamic = dynamic_keys();
    let mut used = std::collections::BTreeSet::new();
    let mut unknown_prefixes = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for call in ["t.get(\"", "t.with(\"", "t.with_name(\""] {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                let key = &rest[..rest.find('"').unwrap()];
                // Doc comments show the call with a placeholder ("key").
                if key.contains('-') {
                    used.insert(key.to_owned());
                }
            }
        }
        // Error pages name their keys as plain literals ("error-not-found").
        for (at, _) in text.match_indices("\"error-") {
            let rest = &text[at + 1..];
            let key = &rest[..rest.find('"').unwrap()];
            if key.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                used.insert(key.to_owned());
            }
        }
        for call in ["t.get(&format!(\"", "t.with(&format!(\""] {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                let prefix = &rest[..rest.find('{').unwrap()];
                if !dynamic.iter().any(|(known, _)| *known == prefix) {
                    unknown_prefixes.push(format!("{}: {prefix}", file.display()));
                }
            }
        }
    }
    for (prefix, codes) in &dynamic {
        used.extend(codes.iter().map(|c| format!("{prefix}{c}")));
    }
    assert!(used.len() > 100, "too few keys found: {}", used.len());
    assert!(
        unknown_prefixes.is_empty(),
        "keys built from prefixes this test does not know: {unknown_prefixes:#?}"
    );
    for (lang, source) in [("en", EN_FTL), ("es", ES_FTL)] {
        let defined = keys(source);
        let missing: Vec<_> = used.iter().filter(|k| !defined.contains(*k)).collect();
        assert!(missing.is_empty(), "keys used but missing in {lang}: {missing:#?}");
    }
}
