use thiserror::Error;

/// What can go wrong in storage, in words the web layer can map to an answer.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A named unique or foreign-key constraint refused the write.
    #[error("conflict on {constraint}")]
    Conflict { constraint: String },
    #[error("stored value is not valid: {0}")]
    Corrupt(String),
    #[error("database error")]
    Database(#[source] sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::RowNotFound = error {
            return StoreError::NotFound;
        }
        if let Some(db_error) = error.as_database_error()
            && (db_error.is_unique_violation() || db_error.is_foreign_key_violation())
        {
            let constraint = db_error
                .constraint()
                .map(str::to_owned)
                .unwrap_or_else(|| db_error.message().to_owned());
            return StoreError::Conflict { constraint };
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
}
