//! The visit record page (issue 13): one small form per field and per
//! entry, each saving on its own without JavaScript; `/static/visit.js`
//! saves the same fields on change through the API twins, without reloading.
//! A save from a stale revision shows the message and both texts.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::visit::EntryKind;
use carryover_ops::{
    OpError, Operation,
    visits::{
        self, EntryInput, EntryView, FieldInput, LinksInput, RecordView, RevisionInput, Saved,
        VisitFieldsInput,
    },
};
use uuid::Uuid;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
    plan_words, visit_words,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/sessions/{session_id}", show)
        .calls(Operation::ViewRecord)
        .post("/children/{child_id}/sessions/{session_id}/field", save_field)
        .calls(Operation::SaveRecordField)
        .post("/children/{child_id}/sessions/{session_id}/visit", save_visit)
        .calls(Operation::SaveRecordVisit)
        .post("/children/{child_id}/sessions/{session_id}/goals", save_goals)
        .calls(Operation::SaveRecordGoals)
        .post("/children/{child_id}/sessions/{session_id}/attendees", save_attendees)
        .calls(Operation::SaveRecordAttendees)
        .post("/children/{child_id}/sessions/{session_id}/entries", add_entry)
        .calls(Operation::AddRecordEntry)
        .post("/children/{child_id}/sessions/{session_id}/entries/{entry_id}", update_entry)
        .calls(Operation::UpdateRecordEntry)
        .post("/children/{child_id}/sessions/{session_id}/entries/{entry_id}/remove", remove_entry)
        .calls(Operation::RemoveRecordEntry)
}

/// One text box of the record, with its own form.
pub struct TextBox {
    pub name: &'static str,
    pub label: String,
    pub value: String,
    pub rows: u8,
    pub error: Option<String>,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// An entry as its edit form shows it.
pub struct EntryRow {
    pub id: String,
    /// `entry-<id>`: the form's name for errors and anchors.
    pub form_key: String,
    pub field_prefix: String,
    pub line: String,
    pub strategy: String,
    pub routine: String,
    pub question: String,
    pub notes: String,
    pub reason: String,
    pub confidence: String,
}

pub struct StepBlock {
    pub code: &'static str,
    /// `new-<step>`: the new entry form's name.
    pub new_key: String,
    pub heading: String,
    pub entries: Vec<EntryRow>,
    /// The kinds a new entry of this step may have.
    pub kinds: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "visits/record.html")]
struct RecordPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    session_id: String,
    revision: i64,
    date: String,
    time: String,
    duration: String,
    setting: &'static str,
    settings: Vec<(&'static str, String)>,
    header: Vec<TextBox>,
    step1: Vec<TextBox>,
    step5: Vec<TextBox>,
    summary: Vec<TextBox>,
    caregivers: Vec<Choice>,
    goals: Vec<Choice>,
    steps: Vec<StepBlock>,
    strategies: Vec<Choice>,
    routines: Vec<Choice>,
    questions: Vec<String>,
    missing: Option<String>,
    kept: Vec<String>,
    stale: bool,
    signed: bool,
    ended: bool,
    /// Which form the errors are about: `visit`, a text field's name,
    /// `new-<kind>`, or `entry-<id>`.
    errors_for: String,
    errors: Errors,
    typed: EntryInput,
    blank: EntryInput,
}

fn entry_row(t: &Tr, e: &EntryView) -> EntryRow {
    EntryRow {
        id: e.entry_id.to_string(),
        form_key: format!("entry-{}", e.entry_id),
        field_prefix: format!("e{}", e.entry_id),
        line: visit_words::entry_line(t, e),
        strategy: e.assignment_id.map(|id| id.to_string()).unwrap_or_default(),
        routine: e.routine.clone().unwrap_or_default(),
        question: e.question.clone(),
        notes: e.notes.clone(),
        reason: e.reason.clone(),
        confidence: e.confidence.map(|c| c.to_string()).unwrap_or_default(),
    }
}

fn text_box(
    t: &Tr,
    name: &'static str,
    key: &str,
    value: &str,
    rows: u8,
    errors: &Errors,
    errors_for: &str,
) -> TextBox {
    TextBox {
        name,
        label: t.get(key),
        value: value.to_owned(),
        rows,
        error: (errors_for == name)
            .then(|| errors.get("text").or(errors.get(name)).cloned())
            .flatten(),
    }
}

struct Shown {
    errors_for: String,
    errors: Errors,
    stale: bool,
    typed: EntryInput,
}

fn record_page(page: Page, grant: &Grant, v: RecordView, shown: Shown) -> RecordPage {
    let Page { t, c } =
        page.back_to(format!("/children/{}/sessions/{}", grant.child_id(), v.session_id));
    let (e, f) = (&shown.errors, shown.errors_for.as_str());
    let header =
        vec![text_box(&t, "others_present", "visit-others-present", &v.others_present, 1, e, f)];
    let step1 = vec![
        text_box(&t, "since_last", "visit-since-last", &v.since_last, 3, e, f),
        text_box(&t, "agenda", "visit-agenda", &v.agenda, 4, e, f),
    ];
    let step5 = vec![
        text_box(&t, "affirmed", "visit-affirmed", &v.affirmed, 2, e, f),
        text_box(&t, "suggested", "visit-suggested", &v.suggested, 2, e, f),
        text_box(&t, "information", "visit-information", &v.information, 2, e, f),
    ];
    let summary = vec![text_box(&t, "summary", "visit-summary", &v.summary, 3, e, f)];
    use carryover_domain::fidelity::CoachingStep as S;
    let block = |step: S, kinds: &[EntryKind]| StepBlock {
        code: step.as_str(),
        new_key: format!("new-{}", step.as_str()),
        heading: visit_words::step(&t, step),
        entries: v
            .entries
            .iter()
            .filter(|x| kinds.contains(&x.kind))
            .map(|x| entry_row(&t, x))
            .collect(),
        kinds: kinds.iter().map(|k| (k.as_str(), visit_words::kind(&t, *k))).collect(),
    };
    let steps = vec![
        block(S::Observation, &[EntryKind::Modelled, EntryKind::Observed]),
        block(S::Action, &[EntryKind::Action]),
        block(S::Reflection, &[EntryKind::Reflection]),
        block(S::Feedback, &[EntryKind::Modification]),
    ];
    RecordPage {
        child_id: grant.child_id().to_string(),
        session_id: v.session_id.to_string(),
        revision: v.revision,
        date: v.date.clone(),
        time: v.time.clone(),
        duration: v.duration_minutes.map(|m| m.to_string()).unwrap_or_default(),
        setting: v.setting.as_str(),
        settings: visit_words::setting_choices(&t),
        header,
        step1,
        step5,
        summary,
        caregivers: v
            .caregivers
            .iter()
            .map(|c| Choice {
                value: c.person_id.to_string(),
                label: c.name.clone(),
                checked: v.attendees.contains(&c.person_id),
            })
            .collect(),
        goals: v
            .goals
            .iter()
            .map(|g| Choice {
                value: g.goal_id.to_string(),
                label: g.words.clone(),
                checked: v.goals_addressed.contains(&g.goal_id),
            })
            .collect(),
        steps,
        strategies: v
            .strategies
            .iter()
            .map(|s| Choice {
                value: s.assignment_id.to_string(),
                label: plan_words::strategy(&t, &s.text).title,
                checked: false,
            })
            .collect(),
        routines: v
            .routines
            .iter()
            .map(|r| Choice {
                value: r.key.clone(),
                label: plan_words::routine_name(&t, r),
                checked: false,
            })
            .collect(),
        questions: visit_words::questions(&t, &v.questions),
        missing: visit_words::missing_line(&t, &v.steps_missing),
        kept: v
            .kept
            .iter()
            .map(|k| {
                t.with(
                    "visit-kept-line",
                    &[("name", k.written_by.clone().into()), ("text", k.text.clone().into())],
                )
            })
            .collect(),
        stale: shown.stale,
        signed: v.signed,
        ended: v.ended,
        child_name: v.child_name,
        errors_for: shown.errors_for,
        errors: shown.errors,
        typed: shown.typed,
        blank: EntryInput::default(),
        c,
        t,
    }
}

async fn render(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: &Grant,
    session_id: Uuid,
    status: StatusCode,
    shown: Shown,
) -> Result<Response, AppError> {
    let view = visits::record(&state.ops, &caller.who, &grant.0, session_id).await?;
    pages::render_with(status, &record_page(page, grant, view, shown))
}

fn nothing_shown() -> Shown {
    Shown {
        errors_for: String::new(),
        errors: Errors::default(),
        stale: false,
        typed: EntryInput::default(),
    }
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    render(&state, page, &caller, &grant, session_id, StatusCode::OK, nothing_shown()).await
}

/// After a save: back to the record (its anchor), or the page again with
/// the message about a stale save or the refused fields.
#[allow(clippy::too_many_arguments)]
async fn answer(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: &Grant,
    session_id: Uuid,
    errors_for: String,
    typed: EntryInput,
    result: Result<Saved, OpError>,
) -> Result<Response, AppError> {
    match result {
        Ok(Saved::Saved { .. }) => Ok(Redirect::to(&format!(
            "/children/{}/sessions/{session_id}#{errors_for}",
            grant.child_id()
        ))
        .into_response()),
        Ok(Saved::Stale { .. }) => {
            let shown = Shown { errors_for, errors: Errors::default(), stale: true, typed };
            render(state, page, caller, grant, session_id, StatusCode::CONFLICT, shown).await
        }
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let shown = Shown { errors_for, errors, stale: false, typed };
            render(state, page, caller, grant, session_id, StatusCode::UNPROCESSABLE_ENTITY, shown)
                .await
        }
    }
}

async fn save_field(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
    Form(input): Form<FieldInput>,
) -> Result<Response, AppError> {
    let result = visits::save_field(&state.ops, &caller.who, &grant.0, session_id, &input).await;
    let name = input.field.trim().to_owned();
    answer(&state, page, &caller, &grant, session_id, name, EntryInput::default(), result).await
}

async fn save_visit(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
    Form(input): Form<VisitFieldsInput>,
) -> Result<Response, AppError> {
    let result = visits::save_visit(&state.ops, &caller.who, &grant.0, session_id, &input).await;
    answer(&state, page, &caller, &grant, session_id, "visit".into(), EntryInput::default(), result)
        .await
}

fn links(pairs: &[(String, String)]) -> LinksInput {
    let mut input = LinksInput::default();
    for (name, value) in pairs {
        match name.as_str() {
            "ids" => input.ids.push(value.clone()),
            "revision" => input.revision.clone_from(value),
            _ => {}
        }
    }
    input
}

async fn save_goals(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let result =
        visits::save_goals(&state.ops, &caller.who, &grant.0, session_id, &links(&pairs)).await;
    answer(&state, page, &caller, &grant, session_id, "goals".into(), EntryInput::default(), result)
        .await
}

async fn save_attendees(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let result =
        visits::save_attendees(&state.ops, &caller.who, &grant.0, session_id, &links(&pairs)).await;
    answer(
        &state,
        page,
        &caller,
        &grant,
        session_id,
        "attendees".into(),
        EntryInput::default(),
        result,
    )
    .await
}

async fn add_entry(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id)): Path<(Uuid, Uuid)>,
    Form(input): Form<EntryInput>,
) -> Result<Response, AppError> {
    let result = visits::add_entry(&state.ops, &caller.who, &grant.0, session_id, &input).await;
    let step = EntryKind::parse(input.kind.trim()).map_or("observation", |k| k.step().as_str());
    let name = format!("new-{step}");
    answer(&state, page, &caller, &grant, session_id, name, input, result).await
}

async fn update_entry(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id, entry_id)): Path<(Uuid, Uuid, Uuid)>,
    Form(input): Form<EntryInput>,
) -> Result<Response, AppError> {
    let result =
        visits::update_entry(&state.ops, &caller.who, &grant.0, session_id, entry_id, &input).await;
    answer(&state, page, &caller, &grant, session_id, format!("entry-{entry_id}"), input, result)
        .await
}

async fn remove_entry(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, session_id, entry_id)): Path<(Uuid, Uuid, Uuid)>,
    Form(input): Form<RevisionInput>,
) -> Result<Response, AppError> {
    let result =
        visits::remove_entry(&state.ops, &caller.who, &grant.0, session_id, entry_id, &input).await;
    answer(
        &state,
        page,
        &caller,
        &grant,
        session_id,
        "entries".into(),
        EntryInput::default(),
        result,
    )
    .await
}
