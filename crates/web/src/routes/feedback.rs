//! Guided reflections, their threads and flags, the child's thread, and the
//! therapist's inbox (issue 12 part B). Plain HTML forms; messages are
//! plain text, escaped when shown.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::reflection::{ReflectionNeed, RespondedPositively};
use carryover_ops::children::Paging;
use carryover_ops::{
    Operation,
    feedback::{self, MessageInput},
    reflections::{self, AnswerInput, ReflectionInput},
};
use serde::Deserialize;
use uuid::Uuid;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    feedback_words::{self, InboxLine, MessageLine, ReflectionCard},
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
    plan_words,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/inbox", show_inbox)
        .calls(Operation::Inbox)
        .get("/children/{child_id}/reflections", show_reflections)
        .calls(Operation::ViewReflections)
        .post("/children/{child_id}/reflections", reflect)
        .calls(Operation::Reflect)
        .get("/children/{child_id}/reflections/{reflection_id}", show_reflection)
        .calls(Operation::ViewReflection)
        .post("/children/{child_id}/reflections/{reflection_id}/messages", answer)
        .calls(Operation::AnswerReflection)
        .post("/children/{child_id}/reflections/{reflection_id}/handled", handled)
        .calls(Operation::HandleFlag)
        .get("/children/{child_id}/messages", show_messages)
        .calls(Operation::ViewChildThread)
        .post("/children/{child_id}/messages", write)
        .calls(Operation::WriteAboutChild)
        .get("/children/{child_id}/logs/{log_id}/feedback", show_log_thread)
        .calls(Operation::ViewLogThread)
        .post("/children/{child_id}/logs/{log_id}/feedback", answer_log)
        .calls(Operation::AnswerLog)
}

#[derive(Template)]
#[template(path = "feedback/inbox.html")]
struct InboxPage {
    t: Tr,
    c: Chrome,
    lines: Vec<InboxLine>,
}

async fn show_inbox(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
) -> Result<Response, AppError> {
    let found = feedback::inbox(&state.ops, &caller.who, Paging::all()).await?;
    let Page { t, c } = page.back_to("/inbox");
    pages::render(&InboxPage { lines: feedback_words::inbox_lines(&t, &found.items), c, t })
}

/// One choice of a radio group.
struct Choice {
    value: String,
    words: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "feedback/reflections.html")]
struct ReflectionsPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    can_reflect: bool,
    about: Vec<Choice>,
    responded: Vec<Choice>,
    difficulty: Vec<Choice>,
    need: Vec<Choice>,
    words: String,
    cards: Vec<ReflectionCard>,
    flags: Vec<ReflectionCard>,
    notice: Option<String>,
    errors: Errors,
}

#[derive(Deserialize)]
struct Done {
    #[serde(default)]
    done: String,
}

fn choices(values: &[&str], words: impl Fn(&str) -> String, typed: &str) -> Vec<Choice> {
    values
        .iter()
        .map(|v| Choice { value: (*v).to_owned(), words: words(v), checked: typed.trim() == *v })
        .collect()
}

async fn reflections_page(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: &Grant,
    typed: ReflectionInput,
    errors: Errors,
    notice: Option<String>,
) -> Result<ReflectionsPage, AppError> {
    let view = reflections::reflections_page(&state.ops, &caller.who, &grant.0).await?;
    let child_id = grant.child_id().to_string();
    let Page { t, c } = page.back_to(format!("/children/{child_id}/reflections"));
    let mut about: Vec<Choice> = view
        .choices
        .iter()
        .map(|choice| {
            let id = choice.assignment_id.to_string();
            let checked = typed.assignment == id;
            Choice { words: plan_words::strategy(&t, &choice.strategy).title, value: id, checked }
        })
        .collect();
    about.push(Choice {
        value: String::new(),
        words: t.get("reflect-about-week"),
        checked: typed.assignment.trim().is_empty(),
    });
    let levels: Vec<Choice> = (1..=5)
        .map(|n: i64| {
            let value = n.to_string();
            let checked = typed.difficulty.trim() == value;
            Choice { value, words: t.get(&format!("reflect-difficulty-{n}")), checked }
        })
        .collect();
    Ok(ReflectionsPage {
        responded: choices(
            &RespondedPositively::CODES,
            |v| t.get(&format!("reflect-responded-{v}")),
            &typed.responded,
        ),
        need: choices(&ReflectionNeed::CODES, |v| t.get(&format!("reflect-need-{v}")), &typed.need),
        difficulty: levels,
        about,
        words: typed.words,
        cards: view
            .reflections
            .iter()
            .map(|r| feedback_words::reflection_card(&t, &child_id, r))
            .collect(),
        flags: view
            .open_flags
            .iter()
            .map(|r| feedback_words::reflection_card(&t, &child_id, r))
            .collect(),
        can_reflect: view.can_reflect,
        child_name: view.child_name,
        child_id,
        notice,
        errors,
        c,
        t,
    })
}

async fn show_reflections(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    let notice = (done.done == "sent").then(|| page.t.get("reflect-sent"));
    let page = reflections_page(
        &state,
        page,
        &caller,
        &grant,
        ReflectionInput::default(),
        Errors::default(),
        notice,
    )
    .await?;
    pages::render(&page)
}

async fn reflect(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(input): Form<ReflectionInput>,
) -> Result<Response, AppError> {
    match reflections::reflect(&state.ops, &caller.who, &grant.0, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/children/{}/reflections?done=sent", grant.child_id()))
            .into_response()),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page = reflections_page(&state, page, &caller, &grant, input, errors, None).await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

#[derive(Deserialize)]
struct ReflectionPath {
    reflection_id: Uuid,
}

#[derive(Template)]
#[template(path = "feedback/reflection.html")]
struct ReflectionPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    card: ReflectionCard,
    messages: Vec<MessageLine>,
    action: String,
    can_answer: bool,
    can_handle: bool,
    /// The answer form offers to mark the flag handled too.
    offer_handled: bool,
    body: String,
    errors: Errors,
}

async fn reflection_page(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: &Grant,
    reflection_id: Uuid,
    body: String,
    errors: Errors,
) -> Result<ReflectionPage, AppError> {
    let view =
        reflections::reflection_thread(&state.ops, &caller.who, &grant.0, reflection_id, true)
            .await?;
    let child_id = grant.child_id().to_string();
    let Page { t, c } = page.back_to(format!("/children/{child_id}/reflections/{reflection_id}"));
    Ok(ReflectionPage {
        card: feedback_words::reflection_card(&t, &child_id, &view.reflection),
        messages: feedback_words::message_lines(&t, &view.messages),
        action: format!("/children/{child_id}/reflections/{reflection_id}/messages"),
        can_answer: view.can_answer,
        can_handle: view.can_handle,
        offer_handled: view.can_handle,
        child_name: view.child_name,
        child_id,
        body,
        errors,
        c,
        t,
    })
}

async fn show_reflection(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<ReflectionPath>,
) -> Result<Response, AppError> {
    let page = reflection_page(
        &state,
        page,
        &caller,
        &grant,
        path.reflection_id,
        String::new(),
        Errors::default(),
    )
    .await?;
    pages::render(&page)
}

async fn answer(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<ReflectionPath>,
    Form(input): Form<AnswerInput>,
) -> Result<Response, AppError> {
    let result = reflections::answer_reflection(
        &state.ops,
        &caller.who,
        &grant.0,
        path.reflection_id,
        &input,
    )
    .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!(
            "/children/{}/reflections/{}",
            grant.child_id(),
            path.reflection_id
        ))
        .into_response()),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page = reflection_page(
                &state,
                page,
                &caller,
                &grant,
                path.reflection_id,
                input.body,
                errors,
            )
            .await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

async fn handled(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<ReflectionPath>,
) -> Result<Response, AppError> {
    reflections::handle_flag(&state.ops, &caller.who, &grant.0, path.reflection_id).await?;
    Ok(Redirect::to(&format!("/children/{}/reflections/{}", grant.child_id(), path.reflection_id))
        .into_response())
}

#[derive(Template)]
#[template(path = "feedback/messages.html")]
struct MessagesPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    messages: Vec<MessageLine>,
    action: String,
    can_answer: bool,
    offer_handled: bool,
    body: String,
    errors: Errors,
}

async fn messages_page(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: &Grant,
    body: String,
    errors: Errors,
) -> Result<MessagesPage, AppError> {
    let view =
        feedback::child_thread(&state.ops, &caller.who, &grant.0, Paging::all(), true).await?;
    let child_id = grant.child_id().to_string();
    let Page { t, c } = page.back_to(format!("/children/{child_id}/messages"));
    Ok(MessagesPage {
        messages: feedback_words::message_lines(&t, &view.messages),
        action: format!("/children/{child_id}/messages"),
        can_answer: view.can_write,
        offer_handled: false,
        child_name: view.child_name,
        child_id,
        body,
        errors,
        c,
        t,
    })
}

async fn show_messages(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let page =
        messages_page(&state, page, &caller, &grant, String::new(), Errors::default()).await?;
    pages::render(&page)
}

async fn write(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(input): Form<MessageInput>,
) -> Result<Response, AppError> {
    match feedback::write_about_child(&state.ops, &caller.who, &grant.0, &input).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/children/{}/messages", grant.child_id())).into_response())
        }
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page = messages_page(&state, page, &caller, &grant, input.body, errors).await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

#[derive(Deserialize)]
struct LogPath {
    log_id: Uuid,
}

#[derive(Template)]
#[template(path = "feedback/log.html")]
struct LogPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    practised: String,
    response: String,
    note: String,
    messages: Vec<MessageLine>,
    action: String,
    can_answer: bool,
    offer_handled: bool,
    body: String,
    errors: Errors,
}

async fn log_page(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: &Grant,
    log_id: Uuid,
    body: String,
    errors: Errors,
) -> Result<LogPage, AppError> {
    let view = feedback::log_thread(&state.ops, &caller.who, &grant.0, log_id, true).await?;
    let child_id = grant.child_id().to_string();
    let Page { t, c } = page.back_to(format!("/children/{child_id}/logs/{log_id}/feedback"));
    Ok(LogPage {
        practised: t.with(
            "feedback-log-practised",
            &[
                ("name", view.log.practised_by_name.clone().into()),
                ("date", t.date(view.log.practised_on).into()),
            ],
        ),
        response: t.get(&format!("feedback-log-response-{}", view.log.response.as_str())),
        note: view.log.note,
        messages: feedback_words::message_lines(&t, &view.messages),
        action: format!("/children/{child_id}/logs/{log_id}/feedback"),
        can_answer: view.can_write,
        offer_handled: false,
        child_name: view.child_name,
        child_id,
        body,
        errors,
        c,
        t,
    })
}

async fn show_log_thread(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
) -> Result<Response, AppError> {
    let page =
        log_page(&state, page, &caller, &grant, path.log_id, String::new(), Errors::default())
            .await?;
    pages::render(&page)
}

async fn answer_log(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
    Form(input): Form<MessageInput>,
) -> Result<Response, AppError> {
    match feedback::answer_log(&state.ops, &caller.who, &grant.0, path.log_id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/children/{}/logs/{}/feedback",
            grant.child_id(),
            path.log_id
        ))
        .into_response()),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page =
                log_page(&state, page, &caller, &grant, path.log_id, input.body, errors).await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
