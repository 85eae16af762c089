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
#[test]
fn every_word_of_the_domain_shown_on_a_page_has_a_translation() {
    use carryover_domain::{
        audit::AuditAction,
        password::PasswordProblem,
        people::{Access, Relationship, Role},
    };
    let en = keys(EN_FTL);
    let mut needed: Vec<String> = Vec::new();
    needed.extend(
        [Role::Admin, Role::Therapist, Role::Caregiver].map(|r| format!("role-{}", r.as_str())),
    );
    needed.extend(Relationship::ALL.map(|r| format!("relationship-{}", r.as_str())));
    needed.extend([Access::Guardian, Access::Helper].map(|a| format!("access-{}", a.as_str())));
    needed.extend(AuditAction::ALL.map(|a| format!("audit-action-{}", a.as_str())));
    needed.extend(["denied", "failure"].map(|o| format!("audit-outcome-{o}")));
    needed.extend(
        ["child", "audit_log", "person", "session", "invitation"]
            .map(|r| format!("audit-resource-{r}")),
    );
    let problems = [
        PasswordProblem::TooShort,
        PasswordProblem::TooLong,
        PasswordProblem::TooCommon,
        PasswordProblem::Personal,
    ];
    needed.extend(problems.map(|p| p.message_key().to_owned()));
    let missing: Vec<_> = needed.iter().filter(|k| !en.contains(*k)).collect();
    assert!(missing.is_empty(), "missing translations: {missing:?}");
}
