//! What the walk sends to the calendar feed's routes (issue 12 part C).

use carryover_ops::secrets::{ClinicToken, RandomSecrets};
use uuid::Uuid;

use crate::helpers::TestApp;

/// A live feed link of a staff member who is no persona (so no persona's
/// "make a new link" ends it), for `{feed}`: every persona may read it, as
/// anyone holding a link may.
pub(super) async fn spare_feed(app: &TestApp, clinic: Uuid, person: Uuid) -> String {
    let token = ClinicToken::new(clinic, &RandomSecrets);
    let mut tx = app.db.begin_write().await.unwrap();
    sqlx::query(
        "INSERT INTO calendar_feed (clinic_id, calendar_feed_id, person_id, token_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(clinic.to_string())
    .bind(Uuid::now_v7().to_string())
    .bind(person.to_string())
    .bind(token.hash())
    .bind(carryover_store::time_text::to_text(app.clock_now()).unwrap())
    .execute(&mut *tx)
    .await
    .unwrap();
    carryover_store::commit(tx).await.unwrap();
    format!("{}.ics", token.reveal())
}
