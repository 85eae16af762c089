//! Ending a visit with next week's practice plan, the session note (print
//! view and plain text), signing it, addenda, and sharing the summary with
//! the guardians (issue 13); coaching fidelity for therapists and admins.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::{
    Operation,
    visits::{self, AddendumInput, EndInput, FidelityFigures, ShareInput},
};
use uuid::Uuid;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
    plan_words,
    visit_words::{self, NoteSection},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/sessions/{session_id}/end", show_ending)
        .calls(Operation::ViewEnding)
        .post("/children/{child_id}/sessions/{session_id}/end", end)
        .calls(Operation::EndVisit)
        .get("/children/{child_id}/sessions/{session_id}/note", show_note)
        .calls(Operation::ViewNote)
        .get("/children/{child_id}/sessions/{session_id}/note.txt", note_text)
        .calls(Operation::ViewNote)
        .post("/children/{child_id}/sessions/{session_id}/sign", sign)
        .calls(Operation::SignNote)
        .post("/children/{child_id}/sessions/{session_id}/addenda", add_addendum)
        .calls(Operation::AddAddendum)
        .post("/children/{child_id}/sessions/{session_id}/share", share)
        .calls(Operation::ShareSummary)
        .get("/fidelity", my_fidelity)
        .calls(Operation::MyFidelity)
        .get("/admin/fidelity", clinic_fidelity)
        .calls(Operation::ClinicFidelity)
        .get("/admin/reflection-questions", show_questions)
        .calls(Operation::ViewQuestions)
        .post("/admin/reflection-questions", set_questions)
        .calls(Operation::SetQuestions)
}

pub struct Option2 {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "visits/end.html")]
struct EndingPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    session_id: String,
    revision: i64,
    strategies: Vec<String>,
    modifications: Vec<String>,
    guardians: Vec<Option2>,
    ended: bool,
    errors: Errors,
}

async fn ending_page(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: &Grant,
    session_id: Uuid,
    errors: Errors,
) -> Result<EndingPage, AppError> {
    let v = visits::ending(&state.ops, &caller.who, &grant.0, session_id).await?;
    let Page { t, c } =
        page.back_to(format!("/children/{}/sessions/{session_id}/end", grant.child_id()));
    let first = v.attending.first().copied();
    Ok(EndingPage {
        child_id: grant.child_id().to_string(),
        session_id: session_id.to_string(),
        revision: v.revision,
        strategies: v.strategies.iter().map(|s| plan_words::strategy(&t, &s.text).title).collect(),
        modifications: v.modifications.iter().map(|m| visit_words::entry_line(&t, m)).collect(),
        guardians: v
            .guardians
            .iter()
            .map(|g| Option2 {
                value: g.person_id.to_string(),
                label: g.name.clone(),
                checked: Some(g.person_id) == first,
            })
            .collect(),
        ended: v.ended,
        child_name: v.child_name,
        errors,
        c,
        t,
    })
}

async fn show_ending(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    pages::render(&ending_page(&state, page, &caller, &grant, session_id, Errors::default()).await?)
}

async fn end(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
    Form(input): Form<EndInput>,
) -> Result<Response, AppError> {
    match visits::end(&state.ops, &caller.who, &grant.0, session_id, &input).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/children/{}/sessions/{session_id}/note", grant.child_id()))
                .into_response())
        }
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page = ending_page(&state, page, &caller, &grant, session_id, errors).await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

pub struct AddendumRow {
    pub heading: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "visits/note.html")]
struct NotePage {
    t: Tr,
    c: Chrome,
    child_id: String,
    session_id: String,
    title: String,
    header: Vec<String>,
    sections: Vec<NoteSection>,
    missing: Option<String>,
    signed: Option<String>,
    ended: bool,
    summary: String,
    summary_shared: bool,
    addenda: Vec<AddendumRow>,
    errors: Errors,
}

async fn note_page(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: &Grant,
    session_id: Uuid,
    errors: Errors,
) -> Result<NotePage, AppError> {
    let note = visits::note(&state.ops, &caller.who, &grant.0, session_id).await?;
    let Page { t, c } =
        page.back_to(format!("/children/{}/sessions/{session_id}/note", grant.child_id()));
    Ok(NotePage {
        child_id: grant.child_id().to_string(),
        session_id: session_id.to_string(),
        title: t.with("visit-note-title", &[("name", note.child_name.clone().into())]),
        header: visit_words::header_lines(&t, &note),
        sections: visit_words::sections(&t, &note),
        missing: visit_words::missing_line(&t, &note.steps_missing),
        signed: note.signed_by.as_ref().zip(note.signed_date.as_ref()).map(|(by, date)| {
            t.with(
                "visit-note-signed",
                &[("name", by.clone().into()), ("date", date.clone().into())],
            )
        }),
        ended: note.ended,
        summary: note.summary.clone(),
        summary_shared: note.summary_shared,
        addenda: note
            .addenda
            .iter()
            .map(|a| AddendumRow {
                heading: t.with(
                    "visit-addendum-by",
                    &[("name", a.written_by.clone().into()), ("date", a.date.clone().into())],
                ),
                text: a.text.clone(),
            })
            .collect(),
        errors,
        c,
        t,
    })
}

async fn show_note(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    pages::render(&note_page(&state, page, &caller, &grant, session_id, Errors::default()).await?)
}

async fn note_text(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let note = visits::note(&state.ops, &caller.who, &grant.0, session_id).await?;
    let text = visit_words::plain_text(&page.t, &note);
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response())
}

fn to_note(grant: &Grant, session_id: Uuid) -> Response {
    Redirect::to(&format!("/children/{}/sessions/{session_id}/note", grant.child_id()))
        .into_response()
}

async fn sign(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    visits::sign(&state.ops, &caller.who, &grant.0, session_id).await?;
    Ok(to_note(&grant, session_id))
}

async fn add_addendum(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
    Form(input): Form<AddendumInput>,
) -> Result<Response, AppError> {
    match visits::add_addendum(&state.ops, &caller.who, &grant.0, session_id, &input).await {
        Ok(()) => Ok(to_note(&grant, session_id)),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page = note_page(&state, page, &caller, &grant, session_id, errors).await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

async fn share(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
    Form(input): Form<ShareInput>,
) -> Result<Response, AppError> {
    visits::share_summary(&state.ops, &caller.who, &grant.0, session_id, &input).await?;
    Ok(to_note(&grant, session_id))
}

pub struct FidelityRow {
    pub name: String,
    pub four: String,
    pub twelve: String,
}

#[derive(Template)]
#[template(path = "visits/fidelity.html")]
struct FidelityPage {
    t: Tr,
    c: Chrome,
    rows: Vec<FidelityRow>,
    admin: bool,
}

fn share_text(t: &Tr, all: u32, total: u32, percent: Option<u32>) -> String {
    match percent {
        None => t.get("fidelity-no-visits"),
        Some(p) => t.with(
            "fidelity-share",
            &[("percent", p.into()), ("all", all.into()), ("total", total.into())],
        ),
    }
}

fn fidelity_row(t: &Tr, name: String, f: &FidelityFigures) -> FidelityRow {
    FidelityRow {
        name,
        four: share_text(t, f.last_4_weeks_all_five, f.last_4_weeks_visits, f.last_4_weeks_percent),
        twelve: share_text(
            t,
            f.last_12_weeks_all_five,
            f.last_12_weeks_visits,
            f.last_12_weeks_percent,
        ),
    }
}

async fn my_fidelity(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
) -> Result<Response, AppError> {
    let figures = visits::my_fidelity(&state.ops, &caller.who).await?;
    let Page { t, c } = page;
    let rows = vec![fidelity_row(&t, caller.person.display_name.clone(), &figures)];
    pages::render(&FidelityPage { rows, admin: false, c, t })
}

async fn clinic_fidelity(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
) -> Result<Response, AppError> {
    let all = visits::clinic_fidelity(&state.ops, &caller.who).await?;
    let Page { t, c } = page;
    let rows = all.iter().map(|f| fidelity_row(&t, f.name.clone(), &f.figures)).collect();
    pages::render(&FidelityPage { rows, admin: true, c, t })
}

#[derive(Template)]
#[template(path = "visits/questions.html")]
struct QuestionsPage {
    t: Tr,
    c: Chrome,
    text: String,
    defaults: Vec<String>,
    saved: bool,
    errors: Errors,
}

fn questions_page(page: Page, text: String, saved: bool, errors: Errors) -> QuestionsPage {
    let Page { t, c } = page.back_to("/admin/reflection-questions");
    QuestionsPage { defaults: visit_words::questions(&t, &[]), text, saved, errors, c, t }
}

async fn show_questions(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
) -> Result<Response, AppError> {
    let view = visits::questions(&state.ops, &caller.who).await?;
    pages::render(&questions_page(page, view.questions.join("\n"), false, Errors::default()))
}

async fn set_questions(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Form(input): Form<visits::QuestionsInput>,
) -> Result<Response, AppError> {
    match visits::set_questions(&state.ops, &caller.who, &input).await {
        Ok(()) => pages::render(&questions_page(page, input.questions, true, Errors::default())),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            pages::render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &questions_page(page, input.questions, false, errors),
            )
        }
    }
}
