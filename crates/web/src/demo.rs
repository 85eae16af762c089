//! The demo clinic that `serve --demo` creates on an empty database.

use carryover_store::{Db, NewClinic, StoreError};
use secrecy::SecretString;
use time::OffsetDateTime;
use uuid::Uuid;

pub const DEMO_CLINIC_NAME: &str = "Sunrise Pediatric Therapy (demo)";

#[derive(Debug)]
pub struct DemoSeed {
    /// True when this start created the demo data.
    pub created: bool,
}

impl DemoSeed {
    /// The lines `serve --demo` prints once the server is ready.
    pub fn lines(&self) -> Vec<String> {
        Vec::new()
    }
}

/// Fills an empty database with the demo clinic; leaves a filled one alone.
pub async fn seed_if_empty(
    db: &Db,
    now: OffsetDateTime,
    _password: Option<&SecretString>,
) -> anyhow::Result<DemoSeed> {
    if db.count_clinics().await? > 0 {
        return Ok(DemoSeed { created: false });
    }
    let mut tx = db.begin_write().await?;
    let new = NewClinic {
        name: DEMO_CLINIC_NAME.into(),
        is_demo: true,
    };
    match Db::insert_clinic(&mut tx, &new, Uuid::now_v7(), now).await {
        Ok(_) => {}
        // Another process seeded it a moment ago.
        Err(StoreError::Conflict { .. }) => return Ok(DemoSeed { created: false }),
        Err(e) => return Err(e.into()),
    }
    tx.commit().await?;
    Ok(DemoSeed { created: true })
}
