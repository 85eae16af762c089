//! Cursor paging for lists: `?limit=` (1–100, default 50) and `?cursor=`
//! from the previous page's `next_cursor`. Ids are time-ordered, so a
//! cursor is simply the last id seen.

use carryover_ops::children::Paging;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::error::AppError;

/// The most items one page holds.
pub const MAX_PAGE: u32 = 100;
pub const DEFAULT_PAGE: u32 = 50;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// `next_cursor` of the previous page; omit for the first page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100 (default 50).
    pub limit: Option<u32>,
}

impl PageQuery {
    fn limit(&self) -> Result<u32, AppError> {
        match self.limit {
            None => Ok(DEFAULT_PAGE),
            Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
            Some(_) => Err(AppError::BadRequest(format!("limit must be 1 to {MAX_PAGE}"))),
        }
    }

    /// Paging by id; a cursor that is not one of ours is refused.
    pub fn by_id(&self) -> Result<Paging, AppError> {
        let after = match self.cursor.as_deref() {
            None | Some("") => None,
            Some(text) => Some(Uuid::parse_str(text).map_err(|_| bad_cursor())?),
        };
        Ok(Paging { after, limit: Some(self.limit()?) })
    }

    /// Paging newest first by audit sequence number.
    pub fn by_seq(&self) -> Result<carryover_ops::audit_logs::Window, AppError> {
        let before = match self.cursor.as_deref() {
            None | Some("") => None,
            Some(text) => Some(text.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(bad_cursor)?),
        };
        Ok(carryover_ops::audit_logs::Window { before, limit: Some(self.limit()?) })
    }
}

fn bad_cursor() -> AppError {
    AppError::BadRequest("cursor is not one this API gave out".into())
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"items": [], "next_cursor": "0190f000-0000-7000-8000-000000000004"}))]
pub struct Paged<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to read the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}
