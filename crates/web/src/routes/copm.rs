//! Recording a COPM occasion: the first rating or a re-rating, with one row
//! per active goal. A rating outside 1–10 is refused at its field.

use askama::Template;
use axum::{
    Form,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::goal::CopmRespondent;
use carryover_ops::measures::{self, CopmForm, CopmInput, CopmProblemInput, problem_field};

use carryover_ops::Operation;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/copm/new", new_copm)
        .post("/children/{child_id}/copm", record_copm)
        .calls(Operation::RecordCopm)
}

/// One goal's three fields, named per goal.
struct ProblemRow {
    words: String,
    fields: [RatingField; 3],
}

struct RatingField {
    /// `importance-<goal id>` and so on.
    name: String,
    label: String,
    value: String,
}

#[derive(Template)]
#[template(path = "goals/copm.html")]
struct CopmPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    first: bool,
    today: String,
    rated_on: String,
    respondent: String,
    respondents: Vec<(&'static str, String)>,
    rows: Vec<ProblemRow>,
    errors: Errors,
    /// Messages about the form as a whole (too many rated, nothing rated).
    others: Vec<String>,
}

fn page_of(
    page: Page,
    grant: Grant,
    form: CopmForm,
    typed: Option<&CopmInput>,
    errors: Errors,
) -> CopmPage {
    let Page { t, c } = page.back_to(format!("/children/{}/copm/new", grant.child_id()));
    let typed_row = |goal: &str| typed.and_then(|i| i.problems.iter().find(|p| p.goal_id == goal));
    let rows: Vec<ProblemRow> = form
        .rows
        .iter()
        .map(|row| {
            let id = row.goal.goal_id.to_string();
            let typed = typed_row(&id);
            let value = |f: fn(&CopmProblemInput) -> &String, fallback: String| {
                typed.map_or(fallback, |p| f(p).clone())
            };
            let last = row.last_importance.map(|v| v.to_string()).unwrap_or_default();
            let field = |kind: &str, label: &str, value: String| RatingField {
                name: problem_field(kind, &id),
                label: t.get(label),
                value,
            };
            ProblemRow {
                words: row.goal.words.clone(),
                fields: [
                    field("importance", "copm-importance", value(|p| &p.importance, last)),
                    field(
                        "performance",
                        "copm-performance",
                        value(|p| &p.performance, String::new()),
                    ),
                    field(
                        "satisfaction",
                        "copm-satisfaction",
                        value(|p| &p.satisfaction, String::new()),
                    ),
                ],
            }
        })
        .collect();
    let mut shown: Vec<&str> = vec!["rated_on", "respondent"];
    for row in &rows {
        shown.extend(row.fields.iter().map(|f| f.name.as_str()));
    }
    let others = errors.others(&shown);
    let today = carryover_domain::text::date_text(form.today);
    CopmPage {
        child_id: grant.child_id().to_string(),
        child_name: form.child_name,
        first: form.first,
        rated_on: typed.map_or_else(|| today.clone(), |i| i.rated_on.clone()),
        respondent: typed.map_or_else(|| "caregiver".to_owned(), |i| i.respondent.clone()),
        respondents: CopmRespondent::ALL
            .iter()
            .map(|r| (r.as_str(), t.get(&format!("copm-respondent-{}", r.as_str()))))
            .collect(),
        today,
        rows,
        errors,
        others,
        c,
        t,
    }
}

async fn new_copm(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let form = measures::copm_form(&state.ops, &caller.who, &grant.0).await?;
    pages::render(&page_of(page, grant, form, None, Errors::default()))
}

/// The form's fields: `rated_on`, `respondent`, and per goal
/// `importance-<id>`, `performance-<id>`, `satisfaction-<id>`.
fn input_of(pairs: &[(String, String)]) -> CopmInput {
    let mut input = CopmInput::default();
    for (name, value) in pairs {
        match name.as_str() {
            "rated_on" => input.rated_on.clone_from(value),
            "respondent" => input.respondent.clone_from(value),
            _ => {
                let Some((kind, goal)) = name.split_once('-') else { continue };
                let row = match input.problems.iter_mut().position(|p| p.goal_id == goal) {
                    Some(i) => &mut input.problems[i],
                    None => {
                        input.problems.push(CopmProblemInput {
                            goal_id: goal.to_owned(),
                            ..Default::default()
                        });
                        let last = input.problems.len() - 1;
                        &mut input.problems[last]
                    }
                };
                match kind {
                    "importance" => row.importance.clone_from(value),
                    "performance" => row.performance.clone_from(value),
                    "satisfaction" => row.satisfaction.clone_from(value),
                    _ => {}
                }
            }
        }
    }
    input
}

async fn record_copm(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let input = input_of(&pairs);
    match measures::record_copm(&state.ops, &caller.who, &grant.0, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/children/{}/goals", grant.child_id())).into_response()),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let form = measures::copm_form(&state.ops, &caller.who, &grant.0).await?;
            let page = page_of(page, grant, form, Some(&input), errors);
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
