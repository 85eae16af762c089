//! Keyset paging: a page of rows after a cursor, in id order. Ids are
//! time-ordered (UUIDv7), so "after this id" is "newer than this row".

use uuid::Uuid;

/// Which page of a list to read. `limit: None` reads to the end (pages
/// that show a whole caseload); the API always sets one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Paging {
    pub after: Option<Uuid>,
    pub limit: Option<u32>,
}

impl Paging {
    pub fn all() -> Paging {
        Paging::default()
    }

    /// The SQL `LIMIT` value: one more than asked, to learn whether a next page exists.
    pub(crate) fn fetch_limit(&self) -> i64 {
        self.limit.map_or(i64::MAX, |l| i64::from(l) + 1)
    }

    /// `LIMIT n` as text for the statement, see [`limit_sql`].
    pub(crate) fn limit_sql(&self) -> String {
        limit_sql(self.fetch_limit())
    }
}

/// `LIMIT n` with the number written into the statement, never bound:
/// SQLite plans with a bound `LIMIT $n`'s value, which marks the statement
/// to be prepared again at every bind — two such lists made half the cost of
/// a caregiver's home (issue 15, callgrind). A number we computed is no
/// injection, and a few page sizes are a few cached statements.
pub(crate) fn limit_sql(limit: i64) -> String {
    format!("LIMIT {limit}")
}

/// A page of rows and the cursor of the next page, if there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<Uuid>,
}

impl<T> Page<T> {
    /// Cuts the extra row fetched by `fetch_limit` and names the next cursor.
    pub(crate) fn from_rows(mut rows: Vec<T>, paging: Paging, id: impl Fn(&T) -> Uuid) -> Page<T> {
        let limit = paging.limit.map_or(usize::MAX, |l| l as usize);
        let next = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(&id)
        } else {
            None
        };
        Page { items: rows, next }
    }
}
