//! Finding 3: `audit verify` missed truncation and rewriting. Each chain's
//! end is now checked against its head, sealed with a key kept outside the
//! database, and triggers keep heads moving forward and rows unreplaced.
//! The attacker here can write the database file freely (triggers dropped),
//! but does not hold the key.

use carryover::{admin_cli::verify_audit, audit_check};
use carryover_domain::audit::chain_hash;
use carryover_store::Backend;
use uuid::Uuid;

use crate::helpers::{TestApp, on_both_databases, spawn_app};
use crate::world::{Persona, World};

/// Runs `statements` with every audit trigger out of the way, as someone
/// with write access to the database file alone could.
async fn as_attacker(app: &TestApp, backend: Backend, statements: &[String]) {
    let mut tx = app.db.begin_write().await.unwrap();
    let lift: Vec<String> = match backend {
        Backend::Sqlite => [
            "audit_event_no_update",
            "audit_event_no_delete",
            "audit_event_child_no_update",
            "audit_event_child_no_delete",
            "audit_chain_head_forward_only",
            "audit_chain_head_no_delete",
            "audit_chain_head_starts_empty",
            "audit_event_append_only",
            "audit_event_child_append_only",
        ]
        .iter()
        .map(|t| format!("DROP TRIGGER IF EXISTS {t}"))
        .collect(),
        Backend::Postgres => ["audit_event", "audit_event_child", "audit_chain_head"]
            .iter()
            .map(|t| format!("ALTER TABLE {t} DISABLE TRIGGER USER"))
            .collect(),
    };
    for sql in lift.iter().chain(statements) {
        sqlx::query(sqlx::AssertSqlSafe(sql.clone())).execute(&mut *tx).await.unwrap();
    }
    carryover_store::commit(tx).await.unwrap();
}

async fn world_with_history(app: &TestApp) -> World {
    let world = World::build(app).await;
    for persona in [Persona::TeamTherapist, Persona::Guardian, Persona::Admin] {
        let response = world.client(persona).get(&format!("/children/{}", world.child)).await;
        assert_eq!(response.status(), 200);
    }
    world
}

async fn assert_broken(app: &TestApp, clinic: Uuid, what: &str) -> String {
    let report = verify_audit(&app.db).await.unwrap();
    assert!(!report.intact, "{what}: verify says intact:\n{}", report.text);
    assert!(report.text.contains(&format!("chain {clinic}: BROKEN")), "{what}:\n{}", report.text);
    report.text
}

async fn last_seq(app: &TestApp, clinic: Uuid) -> i64 {
    sqlx::query_scalar("SELECT MAX(seq) FROM audit_event WHERE clinic_id = $1")
        .bind(clinic.to_string())
        .fetch_one(app.db.reader())
        .await
        .unwrap()
}

async fn removing_the_last_rows_and_moving_the_head_back_is_found(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world_with_history(&app).await;
    let c = world.clinic;
    assert!(verify_audit(&app.db).await.unwrap().intact);
    let last = last_seq(&app, c).await;
    as_attacker(&app, backend, &[
        format!("DELETE FROM audit_event_child WHERE clinic_id = '{c}' AND seq >= {}", last - 1),
        format!("DELETE FROM audit_event WHERE clinic_id = '{c}' AND seq >= {}", last - 1),
        format!(
            "UPDATE audit_chain_head SET last_seq = {n}, last_hash = (SELECT row_hash FROM audit_event \
             WHERE clinic_id = '{c}' AND seq = {n}) WHERE clinic_id = '{c}'",
            n = last - 2
        ),
    ])
    .await;
    let text = assert_broken(&app, c, "the last two rows removed").await;
    assert!(text.contains("seal does not match"), "{text}");
}

async fn removing_the_last_row_alone_is_found_at_the_head(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world_with_history(&app).await;
    let c = world.clinic;
    let last = last_seq(&app, c).await;
    as_attacker(
        &app,
        backend,
        &[
            format!("DELETE FROM audit_event_child WHERE clinic_id = '{c}' AND seq = {last}"),
            format!("DELETE FROM audit_event WHERE clinic_id = '{c}' AND seq = {last}"),
        ],
    )
    .await;
    let text = assert_broken(&app, c, "the last row removed").await;
    assert!(text.contains(&format!("the head is at row {last}")), "{text}");
}

async fn removing_a_whole_chain_is_found_by_name(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world_with_history(&app).await;
    let c = world.clinic;
    as_attacker(
        &app,
        backend,
        &[
            format!("DELETE FROM audit_event_child WHERE clinic_id = '{c}'"),
            format!("DELETE FROM audit_event WHERE clinic_id = '{c}'"),
            format!("DELETE FROM audit_chain_head WHERE clinic_id = '{c}'"),
        ],
    )
    .await;
    let text = assert_broken(&app, c, "the whole chain removed").await;
    assert!(text.contains("the whole chain is missing"), "{text}");
}

async fn rewriting_a_row_and_every_later_hash_is_found(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world_with_history(&app).await;
    let c = world.clinic;
    let mut rows = app.db.audit_chain(c).await.unwrap();
    // The attacker makes the guardian's look at the record the other child's,
    // and recomputes every hash after it so that the rows chain again.
    let at = rows.iter().position(|r| r.fields.child_id.is_some()).unwrap();
    rows[at].fields.child_id = Some(world.other_child.to_string());
    let mut statements = Vec::new();
    let mut previous = rows[at].prev_hash.clone();
    for row in &mut rows[at..] {
        row.prev_hash = previous.clone();
        row.row_hash = chain_hash(&previous, &row.fields);
        previous = row.row_hash.clone();
        statements.push(format!(
            "UPDATE audit_event SET child_id = {}, prev_hash = '{}', row_hash = '{}' \
             WHERE clinic_id = '{c}' AND seq = {}",
            row.fields.child_id.as_ref().map_or("NULL".into(), |id| format!("'{id}'")),
            row.prev_hash,
            row.row_hash,
            row.fields.seq
        ));
    }
    statements.push(format!(
        "UPDATE audit_chain_head SET last_hash = '{previous}' WHERE clinic_id = '{c}'"
    ));
    as_attacker(&app, backend, &statements).await;
    assert!(
        carryover_domain::audit::verify_chain(&app.db.audit_chain(c).await.unwrap()).is_ok(),
        "the rewritten rows chain again, as the attacker wanted"
    );
    let text = assert_broken(&app, c, "a row rewritten with every later hash").await;
    assert!(text.contains("seal does not match"), "{text}");
}

/// SQLite's `REPLACE INTO` deletes the row it replaces without firing the
/// delete trigger; PostgreSQL's `ON CONFLICT DO UPDATE` meets the update one.
async fn replacing_a_row_is_refused_and_found(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world_with_history(&app).await;
    let c = world.clinic;
    let columns = "clinic_id, seq, audit_event_id, chain, occurred_at, actor_id, actor_role, action, \
        resource_type, resource_id, child_id, outcome, request_id, client_addr, prev_hash, row_hash";
    let copy = format!(
        "SELECT clinic_id, seq, audit_event_id, chain, occurred_at, actor_id, actor_role, 'list', \
         resource_type, resource_id, child_id, outcome, request_id, client_addr, prev_hash, row_hash \
         FROM audit_event WHERE clinic_id = '{c}' AND seq = 2"
    );
    let replace = match backend {
        Backend::Sqlite => format!("REPLACE INTO audit_event ({columns}) {copy}"),
        Backend::Postgres => format!(
            "INSERT INTO audit_event ({columns}) {copy} ON CONFLICT (clinic_id, seq) \
             DO UPDATE SET action = excluded.action"
        ),
    };
    let mut tx = app.db.begin_write().await.unwrap();
    let refused = sqlx::query(sqlx::AssertSqlSafe(replace.clone())).execute(&mut *tx).await;
    assert!(refused.is_err(), "the triggers refuse a replaced row");
    drop(tx);
    let head_back =
        format!("UPDATE audit_chain_head SET last_seq = last_seq - 1 WHERE clinic_id = '{c}'");
    let mut tx = app.db.begin_write().await.unwrap();
    assert!(
        sqlx::query(sqlx::AssertSqlSafe(head_back)).execute(&mut *tx).await.is_err(),
        "a head never goes back"
    );
    drop(tx);
    assert!(verify_audit(&app.db).await.unwrap().intact, "the refusals changed nothing");

    as_attacker(&app, backend, &[replace]).await;
    let text = assert_broken(&app, c, "a replaced row").await;
    assert!(text.contains("at row 2 "), "{text}");
}

/// An attacker who kept an older sealed head can cut the chain back to it;
/// only heads exported and kept elsewhere show that.
async fn an_exported_head_proves_a_chain_was_not_cut_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world_with_history(&app).await;
    let c = world.clinic;
    let (old_seq, old_hash, old_seal): (i64, String, String) = sqlx::query_as(
        "SELECT last_seq, last_hash, signature FROM audit_chain_head WHERE clinic_id = $1",
    )
    .bind(c.to_string())
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    world.client(Persona::TeamTherapist).get(&format!("/children/{}", world.child)).await;
    let exported = audit_check::export_heads(&app.db).await.unwrap();
    assert!(exported.contains(&c.to_string()), "{exported}");
    assert!(audit_check::verify_against(&app.db, &exported).await.unwrap().intact);

    as_attacker(
        &app,
        backend,
        &[
            format!("DELETE FROM audit_event_child WHERE clinic_id = '{c}' AND seq > {old_seq}"),
            format!("DELETE FROM audit_event WHERE clinic_id = '{c}' AND seq > {old_seq}"),
            format!(
                "UPDATE audit_chain_head SET last_seq = {old_seq}, last_hash = '{old_hash}', \
             signature = '{old_seal}' WHERE clinic_id = '{c}'"
            ),
        ],
    )
    .await;
    assert!(verify_audit(&app.db).await.unwrap().intact, "an old sealed head fools verify alone");
    let kept = audit_check::verify_against(&app.db, &exported).await.unwrap();
    assert!(!kept.intact);
    assert!(
        kept.text.contains(&format!("chain {c}: BROKEN it no longer contains")),
        "{}",
        kept.text
    );
}

on_both_databases!(
    removing_the_last_rows_and_moving_the_head_back_is_found,
    removing_the_last_row_alone_is_found_at_the_head,
    removing_a_whole_chain_is_found_by_name,
    rewriting_a_row_and_every_later_hash_is_found,
    replacing_a_row_is_refused_and_found,
    an_exported_head_proves_a_chain_was_not_cut_back,
);
