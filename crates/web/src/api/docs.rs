//! A readable page of the API document, drawn on the server: no script, no
//! file from another host, readable on a phone and by a screen reader.

use askama::Template;
use axum::response::Response;
use utoipa::openapi::{RefOr, path::Operation};

use crate::{
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Page},
};

struct OperationRow {
    method: &'static str,
    path: String,
    summary: String,
    description: String,
    parameters: Vec<String>,
    body: Option<String>,
    success: Vec<String>,
}

#[derive(Template)]
#[template(path = "api/docs.html")]
struct DocsPage {
    t: Tr,
    c: Chrome,
    operations: Vec<OperationRow>,
}

fn schema_name(content: Option<&utoipa::openapi::Content>) -> Option<String> {
    match content?.schema.as_ref()? {
        RefOr::Ref(r) => r.ref_location.rsplit('/').next().map(str::to_owned),
        RefOr::T(_) => Some("object".to_owned()),
    }
}

fn row(method: &'static str, path: &str, op: &Operation) -> OperationRow {
    let parameters = op
        .parameters
        .iter()
        .flatten()
        .filter_map(|p| match p {
            RefOr::T(p) => Some(p.name.clone()),
            RefOr::Ref(_) => None,
        })
        .collect();
    let body = op.request_body.as_ref().and_then(|b| match b {
        RefOr::T(b) => schema_name(b.content.get("application/json").and_then(|c| match c {
            RefOr::T(c) => Some(c),
            RefOr::Ref(_) => None,
        })),
        RefOr::Ref(_) => None,
    });
    let success = op
        .responses
        .responses
        .iter()
        .filter(|(status, _)| status.starts_with('2'))
        .map(|(status, response)| match response {
            RefOr::T(r) => {
                let json = r.content.get("application/json").and_then(|c| match c {
                    RefOr::T(c) => Some(c),
                    RefOr::Ref(_) => None,
                });
                match schema_name(json) {
                    Some(name) => format!("{status} {name}"),
                    None => format!("{status} {}", r.description),
                }
            }
            RefOr::Ref(_) => status.clone(),
        })
        .collect();
    OperationRow {
        method,
        path: path.to_owned(),
        summary: op.summary.clone().unwrap_or_default(),
        description: op.description.clone().unwrap_or_default(),
        parameters,
        body,
        success,
    }
}

pub(super) async fn show_docs(page: Page) -> Result<Response, AppError> {
    let doc = super::document();
    let mut operations = Vec::new();
    for (path, item) in &doc.paths.paths {
        let methods = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("DELETE", &item.delete),
        ];
        for (method, op) in methods {
            if let Some(op) = op {
                operations.push(row(method, path, op));
            }
        }
    }
    let Page { t, c } = page;
    pages::render(&DocsPage { t, c, operations })
}
