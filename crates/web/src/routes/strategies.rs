//! The strategy library for the clinic's staff: search, each strategy's own
//! page, copying a starter strategy to edit it, writing a new one.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::library::StrategyDraft;
use carryover_ops::strategies::{self, LibraryInput, StrategyCard, StrategyInput};
use serde::Deserialize;
use uuid::Uuid;

use carryover_ops::Operation;

use super::Routes;
use crate::{
    AppState,
    auth::Caller,
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
    plan_words::{StrategyRow, StrategyWords, area_choices, strategy_row},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/strategies", show_library)
        .calls(Operation::StrategyLibrary)
        .get("/strategies/new", new_strategy)
        .post("/strategies", create_strategy)
        .calls(Operation::CreateStrategy)
        .get("/strategies/starter/{slug}", show_starter)
        .calls(Operation::ViewStarterStrategy)
        .post("/strategies/starter/{slug}/copy", copy_starter)
        .calls(Operation::CopyStarterStrategy)
        .get("/strategies/clinic/{strategy_id}", show_clinic_strategy)
        .calls(Operation::ViewClinicStrategy)
        .get("/strategies/clinic/{strategy_id}/edit", edit_strategy)
        .post("/strategies/clinic/{strategy_id}", update_strategy)
        .calls(Operation::UpdateStrategy)
}

#[derive(Template)]
#[template(path = "strategies/index.html")]
struct LibraryPage {
    t: Tr,
    c: Chrome,
    count: String,
    form: LibraryInput,
    areas: Vec<(&'static str, String)>,
    results: Vec<StrategyRow>,
}

async fn show_library(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Query(form): Query<LibraryInput>,
) -> Result<Response, AppError> {
    let view = strategies::library(&state.ops, &caller.who, &form).await?;
    let Page { t, c } = page;
    let results: Vec<StrategyRow> =
        view.results.iter().map(|card| strategy_row(&t, card)).collect();
    let count = t.with("strategies-count", &[("count", results.len().into())]);
    pages::render(&LibraryPage { areas: area_choices(&t), count, results, form, c, t })
}

#[derive(Template)]
#[template(path = "strategies/show.html")]
struct StrategyPage {
    t: Tr,
    c: Chrome,
    row: StrategyRow,
    /// The text in the other language too, for a bilingual family.
    other: Option<StrategyWords>,
    copied_from: Option<String>,
    updated: Option<String>,
    /// Where "copy" posts (starter) or "edit" links (clinic).
    copy_action: Option<String>,
    edit_href: Option<String>,
    copies: Vec<String>,
}

fn other_language(t: &Tr, card: &StrategyCard, shown: &StrategyWords) -> Option<StrategyWords> {
    let other = match shown.lang {
        "en" => card.text.es.clone().map(|es| (es, "es")),
        _ => card.text.en.clone().map(|en| (en, "en")),
    }?;
    let _ = t;
    Some(StrategyWords {
        lang: other.1,
        other_language: true,
        title: other.0.title,
        why: other.0.why,
        steps: other.0.steps,
        tips: other.0.tips,
        signs: other.0.signs,
        adaptations: other.0.adaptations,
    })
}

async fn show_starter(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let view = strategies::starter(&state.ops, &caller.who, &slug).await?;
    let Page { t, c } = page;
    let row = strategy_row(&t, &view.card);
    pages::render(&StrategyPage {
        other: other_language(&t, &view.card, &row.words),
        copy_action: Some(format!("/strategies/starter/{slug}/copy")),
        copies: view.copies.iter().map(|id| format!("/strategies/clinic/{id}")).collect(),
        copied_from: None,
        updated: None,
        edit_href: None,
        row,
        c,
        t,
    })
}

async fn copy_starter(
    State(state): State<AppState>,
    caller: Caller,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let id = strategies::copy_starter(&state.ops, &caller.who, &slug).await?;
    Ok(Redirect::to(&format!("/strategies/clinic/{id}/edit")).into_response())
}

#[derive(Deserialize)]
struct StrategyPath {
    strategy_id: Uuid,
}

async fn show_clinic_strategy(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Path(path): Path<StrategyPath>,
) -> Result<Response, AppError> {
    let view = strategies::clinic_strategy(&state.ops, &caller.who, path.strategy_id).await?;
    let Page { t, c } = page;
    let row = strategy_row(&t, &view.card);
    let updated = t.with(
        "strategies-updated",
        &[
            ("date", t.date(t.zone().local_date(view.updated_at)).into()),
            ("name", view.updated_by.clone().into()),
        ],
    );
    pages::render(&StrategyPage {
        other: other_language(&t, &view.card, &row.words),
        copied_from: view
            .card
            .copied_from
            .as_ref()
            .map(|slug| format!("/strategies/starter/{slug}")),
        edit_href: Some(format!("/strategies/clinic/{}/edit", view.strategy_id)),
        updated: Some(updated),
        copy_action: None,
        copies: Vec::new(),
        row,
        c,
        t,
    })
}

/// One language's fields of the form.
struct LanguageFields {
    lang: &'static str,
    heading: String,
    parts: Vec<PartField>,
}

/// One part of a strategy's text: `title_en`, `steps_es` …
struct PartField {
    name: String,
    label: String,
    value: String,
    /// A list, typed one item per line.
    multiline: bool,
}

fn language_fields(t: &Tr, lang: &'static str, draft: StrategyDraft) -> LanguageFields {
    let part = |part: &str, value: String, multiline| PartField {
        name: format!("{part}_{lang}"),
        label: t.get(&format!("strategy-part-{part}")),
        value,
        multiline,
    };
    LanguageFields {
        lang,
        heading: t.get(&format!("lang-{lang}")),
        parts: vec![
            part("title", draft.title, false),
            part("why", draft.why, false),
            part("steps", draft.steps, true),
            part("tips", draft.tips, true),
            part("signs", draft.signs, true),
            part("adaptations", draft.adaptations, true),
        ],
    }
}

#[derive(Template)]
#[template(path = "strategies/form.html")]
struct StrategyFormPage {
    t: Tr,
    c: Chrome,
    action: String,
    heading: String,
    languages: Vec<LanguageFields>,
    areas: Vec<(&'static str, String, bool)>,
    age_min_months: String,
    age_max_months: String,
    errors: Errors,
}

fn form_page(
    page: Page,
    action: String,
    input: StrategyInput,
    errors: Errors,
    new: bool,
) -> StrategyFormPage {
    let back = if new { "/strategies/new".to_owned() } else { format!("{action}/edit") };
    let Page { t, c } = page.back_to(back);
    let areas = area_choices(&t)
        .into_iter()
        .map(|(code, words)| (code, words, input.areas.iter().any(|a| a == code)))
        .collect();
    StrategyFormPage {
        heading: t.get(if new { "strategies-new" } else { "strategies-edit" }),
        languages: vec![language_fields(&t, "en", input.en), language_fields(&t, "es", input.es)],
        age_min_months: input.age_min_months,
        age_max_months: input.age_max_months,
        action,
        areas,
        errors,
        c,
        t,
    }
}

/// Reads the form: areas repeat; each language's parts are `<part>_<lang>`.
fn strategy_input(pairs: Vec<(String, String)>) -> StrategyInput {
    let mut input = StrategyInput::default();
    for (name, value) in pairs {
        let (part, lang) = name.rsplit_once('_').unwrap_or((name.as_str(), ""));
        let draft = match lang {
            "en" => &mut input.en,
            "es" => &mut input.es,
            _ => {
                match name.as_str() {
                    "areas" => input.areas.push(value),
                    "age_min_months" => input.age_min_months = value,
                    "age_max_months" => input.age_max_months = value,
                    _ => {}
                }
                continue;
            }
        };
        let slot = match part {
            "title" => &mut draft.title,
            "why" => &mut draft.why,
            "steps" => &mut draft.steps,
            "tips" => &mut draft.tips,
            "signs" => &mut draft.signs,
            "adaptations" => &mut draft.adaptations,
            _ => continue,
        };
        *slot = value;
    }
    input
}

async fn new_strategy(page: Page, caller: Caller) -> Result<Response, AppError> {
    if !caller.who.actor.is_staff() {
        return Err(AppError::NotFound);
    }
    let input = StrategyInput {
        age_min_months: "24".into(),
        age_max_months: "96".into(),
        ..StrategyInput::default()
    };
    pages::render(&form_page(page, "/strategies".into(), input, Errors::default(), true))
}

async fn create_strategy(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let input = strategy_input(pairs);
    match strategies::create(&state.ops, &caller.who, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/strategies/clinic/{id}")).into_response()),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page = form_page(page, "/strategies".into(), input, errors, true);
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

async fn edit_strategy(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Path(path): Path<StrategyPath>,
) -> Result<Response, AppError> {
    let input = strategies::edit_form(&state.ops, &caller.who, path.strategy_id).await?;
    let action = format!("/strategies/clinic/{}", path.strategy_id);
    pages::render(&form_page(page, action, input, Errors::default(), false))
}

async fn update_strategy(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Path(path): Path<StrategyPath>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let input = strategy_input(pairs);
    let action = format!("/strategies/clinic/{}", path.strategy_id);
    match strategies::update(&state.ops, &caller.who, path.strategy_id, &input).await {
        Ok(()) => Ok(Redirect::to(&action).into_response()),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            pages::render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(page, action, input, errors, false),
            )
        }
    }
}
