use thiserror::Error;

/// What can go wrong in storage, in terms the operations can answer with.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique constraint refused the write. `constraint` is its name, the
    /// same on both databases (see [`constraint`]).
    #[error("conflict on {constraint}")]
    Conflict { constraint: String },
    /// A foreign key found nothing to point to: an id that does not exist
    /// (in this clinic). Never a conflict: nothing was taken.
    #[error("a referenced row does not exist")]
    MissingReference,
    /// A value that cannot be stored, e.g. a time with no fixed-width text.
    #[error("cannot store: {0}")]
    Invalid(String),
    #[error("stored value is not valid: {0}")]
    Corrupt(String),
    /// The database cannot be reached (PostgreSQL stopped or restarting, a
    /// broken connection, no connection within the pool's wait): nothing was
    /// changed that was acknowledged, and trying again later may succeed.
    #[error("database unavailable")]
    Unavailable(#[source] sqlx::Error),
    #[error("database error")]
    Database(#[source] sqlx::Error),
}

/// Whether sqlx's error means "the database is not there right now" rather
/// than "this statement is wrong" (issue 16: answered 503, not 500).
fn is_unavailable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|code| {
            // Class 08: connection exceptions; 57P01–57P03: the server is
            // shutting down, crashed, or not accepting connections yet.
            code.starts_with("08") || matches!(code.as_ref(), "57P01" | "57P02" | "57P03")
        }),
        _ => false,
    }
}

/// Names of the unique constraints that callers answer differently from
/// other failures. PostgreSQL reports the name; SQLite reports the columns,
/// which [`sqlite_constraint`] maps back to the same name.
pub mod constraint {
    pub const PERSON_EMAIL: &str = "person_email_unique";
    pub const SIGN_IN_EMAIL: &str = "sign_in_email_pkey";
    pub const HOUSEHOLD_MEMBER: &str = "household_member_pkey";
    pub const CARE_TEAM_MEMBER: &str = "care_team_member_pkey";
    pub const INVITATION_TOKEN: &str = "invitation_token_unique";
    pub const CLINIC_ONE_DEMO: &str = "clinic_one_demo";
    /// One primary therapist per child (issue 9).
    pub const CARE_TEAM_ONE_PRIMARY: &str = "care_team_one_primary";
    // Issue 11, the joint plan.
    pub const PLAN_VERSION_ONE_OPEN: &str = "plan_version_one_open";
    pub const PLAN_VERSION_NUMBER: &str = "plan_version_number";
    // Issue 13, coaching sessions.
    pub const COACHING_SESSION_ONE_OPEN: &str = "coaching_session_one_open";

    /// (name, table, columns as SQLite lists them).
    pub(crate) const KNOWN: &[(&str, &str, &str)] = &[
        (PERSON_EMAIL, "person", "clinic_id, email"),
        (SIGN_IN_EMAIL, "sign_in_email", "email"),
        (HOUSEHOLD_MEMBER, "household_member", "clinic_id, household_id, person_id"),
        (CARE_TEAM_MEMBER, "care_team_member", "clinic_id, child_id, person_id"),
        (INVITATION_TOKEN, "invitation", "clinic_id, token_hash"),
        (CLINIC_ONE_DEMO, "clinic", "is_demo"),
        (CARE_TEAM_ONE_PRIMARY, "care_team_member", "clinic_id, child_id"),
        (PLAN_VERSION_ONE_OPEN, "plan_version", "clinic_id, child_id"),
        (PLAN_VERSION_NUMBER, "plan_version", "clinic_id, child_id, number"),
        // Issue 13, coaching sessions.
        (COACHING_SESSION_ONE_OPEN, "coaching_session", "clinic_id, child_id"),
    ];
}

/// SQLite names the columns of a failed unique constraint ("UNIQUE
/// constraint failed: person.clinic_id, person.email"), not the constraint.
fn sqlite_constraint(message: &str) -> Option<String> {
    let columns = message.strip_prefix("UNIQUE constraint failed: ")?;
    let table = columns.split('.').next()?;
    let bare: Vec<&str> =
        columns.split(", ").map(|c| c.split_once('.').map_or(c, |(_, col)| col)).collect();
    let bare = bare.join(", ");
    let known = constraint::KNOWN.iter().find(|(_, t, cols)| *t == table && *cols == bare);
    Some(known.map_or_else(|| format!("{table}({bare})"), |(name, _, _)| (*name).to_owned()))
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::RowNotFound = error {
            return StoreError::NotFound;
        }
        if let sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) = error {
            return StoreError::Corrupt(error.to_string());
        }
        if let sqlx::Error::Encode(e) = &error {
            return StoreError::Invalid(e.to_string());
        }
        if is_unavailable(&error) {
            return StoreError::Unavailable(error);
        }
        if let Some(db_error) = error.as_database_error() {
            if db_error.is_foreign_key_violation() {
                return StoreError::MissingReference;
            }
            if db_error.is_unique_violation() {
                let constraint = db_error
                    .constraint()
                    .map(str::to_owned)
                    .or_else(|| sqlite_constraint(db_error.message()))
                    .unwrap_or_else(|| "unknown".to_owned());
                return StoreError::Conflict { constraint };
            }
        }
        StoreError::Database(error)
    }
}

impl StoreError {
    /// True when the database said it was busy or locked: the one failure the
    /// SQLite single-writer design exists to prevent.
    pub fn is_locked(&self) -> bool {
        match self {
            StoreError::Database(e) => e.to_string().contains("database is locked"),
            _ => false,
        }
    }

    /// True for a conflict on this constraint.
    pub fn is_conflict_on(&self, name: &str) -> bool {
        matches!(self, StoreError::Conflict { constraint } if constraint == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_unique_messages_map_to_the_postgres_constraint_names() {
        assert_eq!(
            sqlite_constraint("UNIQUE constraint failed: person.clinic_id, person.email")
                .as_deref(),
            Some(constraint::PERSON_EMAIL)
        );
        assert_eq!(
            sqlite_constraint("UNIQUE constraint failed: thing.a").as_deref(),
            Some("thing(a)")
        );
        assert_eq!(sqlite_constraint("FOREIGN KEY constraint failed"), None);
    }

    #[test]
    fn a_database_that_is_away_is_unavailable_not_a_failure() {
        for error in
            [sqlx::Error::PoolTimedOut, sqlx::Error::PoolClosed, sqlx::Error::WorkerCrashed]
        {
            assert!(matches!(StoreError::from(error), StoreError::Unavailable(_)));
        }
        let refused = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused");
        assert!(matches!(StoreError::from(sqlx::Error::Io(refused)), StoreError::Unavailable(_)));
        assert!(matches!(
            StoreError::from(sqlx::Error::Protocol("bad".into())),
            StoreError::Database(_)
        ));
    }
}
