//! Every table that holds a clinic's data is keyed by clinic first, so that a
//! clinic's rows can live together on one node of a distributed PostgreSQL;
//! and an upgrade to those keys keeps every row and every audit hash.

use std::collections::{BTreeMap, BTreeSet};

use carryover_domain::audit::{AuditFields, GENESIS, chain_hash, verify_chain};
use carryover_store::{Backend, Db, on_both_databases, testing::TestDatabase};

/// Tables that hold no clinic's data, or are looked up before the clinic is
/// known: they stay global (or become reference tables) when distributed.
/// (table, constraint, kind, columns in key order, referenced table, referenced columns)
type Key = (String, String, String, Vec<String>, Option<String>, Vec<String>);

const GLOBAL_TABLES: &[&str] = &["schema_migration", "clinic", "sign_in_email", "sign_in_throttle"];

#[tokio::test]
async fn every_clinic_table_leads_its_keys_with_clinic_id_on_postgres() {
    if !carryover_store::testing::postgres_enabled("tenant keys") {
        return;
    }
    let database = TestDatabase::create(Backend::Postgres).await;
    let db = database.migrated().await;
    let pool = db.reader();
    let keys: Vec<Key> =
        sqlx::query_as::<_, (String, String, String, String, Option<String>, String)>(
            "SELECT t.relname::text, c.conname::text, c.contype::text, \
               (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(num, ord) \
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num), \
               r.relname::text, \
               COALESCE((SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(num, ord) \
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num), '') \
             FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid \
             LEFT JOIN pg_class r ON r.oid = c.confrelid \
             WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'f', 'u')",
        )
        .fetch_all(pool)
        .await
        .unwrap()
        .into_iter()
        .map(|(t, n, k, cols, r, rcols)| {
            let split = |s: String| s.split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect();
            (t, n, k, split(cols), r, split(rcols))
        })
        .collect();
    let tables: BTreeSet<String> = sqlx::query_scalar::<_, String>(
        "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'",
    )
    .fetch_all(pool)
    .await
    .unwrap()
    .into_iter()
    .collect();
    let mut problems = Vec::new();
    let clinic_tables: Vec<&String> =
        tables.iter().filter(|t| !GLOBAL_TABLES.contains(&t.as_str())).collect();
    assert!(clinic_tables.len() >= 8, "the catalog was not read: {tables:?}");
    for table in &clinic_tables {
        let primary = keys.iter().find(|k| &&k.0 == table && k.2 == "p");
        match primary {
            Some(k) if k.3.first().map(String::as_str) == Some("clinic_id") => {}
            Some(k) => problems.push(format!(
                "{table}: primary key ({}) does not start with clinic_id",
                k.3.join(", ")
            )),
            None => problems.push(format!("{table}: no primary key")),
        }
    }
    for (table, name, kind, columns, referenced, referenced_columns) in &keys {
        if GLOBAL_TABLES.contains(&table.as_str()) {
            continue;
        }
        match kind.as_str() {
            "u" if columns.first().map(String::as_str) != Some("clinic_id") => {
                problems.push(format!("{table}.{name}: unique key without clinic_id first"));
            }
            "f" => {
                let referenced = referenced.clone().unwrap_or_default();
                let to_clinic = referenced == "clinic" && columns == &["clinic_id".to_owned()];
                let position = columns.iter().position(|c| c == "clinic_id");
                let co_located = position.is_some()
                    && position == referenced_columns.iter().position(|c| c == "clinic_id");
                if !to_clinic && !co_located {
                    problems.push(format!(
                        "{table}.{name}: foreign key ({}) → {referenced} ({}) does not carry clinic_id",
                        columns.join(", "),
                        referenced_columns.join(", ")
                    ));
                }
                if GLOBAL_TABLES.contains(&referenced.as_str()) && referenced != "clinic" {
                    problems.push(format!(
                        "{table}.{name}: a clinic table points into global {referenced}"
                    ));
                }
            }
            _ => {}
        }
    }
    assert!(
        problems.is_empty(),
        "keys that would break distribution by clinic:\n{}",
        problems.join("\n")
    );
}

/// Writes rows the way release 0002 stored them, with a real audit chain.
async fn fill_as_release_two(db: &Db) {
    let mut tx = db.begin_write().await.unwrap();
    let at = "2026-11-02T09:00:00.000000Z";
    let clinic = "0190f000-0000-7000-8000-000000000001";
    let stmts = [
        format!(
            "INSERT INTO clinic (clinic_id, name, is_demo, created_at) VALUES ('{clinic}', 'Old', 0, '{at}')"
        ),
        format!(
            "INSERT INTO person (person_id, clinic_id, email, display_name, role, lang, is_active, created_at) VALUES ('0190f000-0000-7000-8000-000000000002', '{clinic}', 'ana@example.org', 'Ana', 'caregiver', 'en', 1, '{at}')"
        ),
        format!(
            "INSERT INTO household (household_id, clinic_id, name, created_at) VALUES ('0190f000-0000-7000-8000-000000000003', '{clinic}', 'Ana', '{at}')"
        ),
        format!(
            "INSERT INTO household_member (household_id, person_id, clinic_id, relationship, access, created_at) VALUES ('0190f000-0000-7000-8000-000000000003', '0190f000-0000-7000-8000-000000000002', '{clinic}', 'mother', 'guardian', '{at}')"
        ),
        format!(
            "INSERT INTO child (child_id, clinic_id, household_id, preferred_name, created_at) VALUES ('0190f000-0000-7000-8000-000000000004', '{clinic}', '0190f000-0000-7000-8000-000000000003', 'Mia', '{at}')"
        ),
    ];
    for sql in stmts {
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut *tx).await.unwrap();
    }
    let mut previous = GENESIS.to_owned();
    let rows = [(1, clinic, Some(clinic)), (2, clinic, Some(clinic)), (1, "system", None)];
    for (index, (seq, chain, clinic_id)) in rows.into_iter().enumerate() {
        if seq == 1 {
            previous = GENESIS.to_owned();
        }
        let fields = AuditFields {
            audit_event_id: format!("0190f000-0000-7000-8000-00000000010{index}"),
            chain: chain.to_owned(),
            seq,
            occurred_at: at.to_owned(),
            clinic_id: clinic_id.map(str::to_owned),
            action: "view".into(),
            resource_type: "child".into(),
            child_id: Some("0190f000-0000-7000-8000-000000000004".into()),
            outcome: "success".into(),
            ..AuditFields::default()
        };
        let hash = chain_hash(&previous, &fields);
        sqlx::query(
            "INSERT INTO audit_event (audit_event_id, chain, seq, occurred_at, clinic_id, action, resource_type, \
             child_id, outcome, prev_hash, row_hash) VALUES ($1, $2, $3, $4, $5, 'view', 'child', $6, 'success', $7, $8)",
        )
        .bind(fields.audit_event_id.clone())
        .bind(chain)
        .bind(seq)
        .bind(at)
        .bind(clinic_id)
        .bind(fields.child_id.clone())
        .bind(previous.clone())
        .bind(hash.clone())
        .execute(&mut *tx)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO audit_chain_head (chain, last_seq, last_hash) VALUES ($1, $2, $3) \
             ON CONFLICT (chain) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash",
        )
        .bind(chain)
        .bind(seq)
        .bind(hash.clone())
        .execute(&mut *tx)
        .await
        .unwrap();
        previous = hash;
    }
    tx.commit().await.unwrap();
}

async fn upgrading_to_clinic_keys_keeps_every_row_and_every_audit_hash(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let db = database.connect().await;
    db.migrate_up_to(2).await.unwrap();
    fill_as_release_two(&db).await;
    db.migrate().await.unwrap();
    let count = |table: &'static str| {
        let db = db.clone();
        async move {
            let sql = format!("SELECT COUNT(*) FROM {table}");
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql))
                .fetch_one(db.reader())
                .await
                .unwrap()
        }
    };
    let counts: BTreeMap<&str, i64> = BTreeMap::from([
        ("person", count("person").await),
        ("sign_in_email", count("sign_in_email").await),
        ("household_member", count("household_member").await),
        ("child", count("child").await),
        ("audit_event", count("audit_event").await),
    ]);
    assert_eq!(
        counts,
        BTreeMap::from([
            ("audit_event", 3),
            ("child", 1),
            ("household_member", 1),
            ("person", 1),
            ("sign_in_email", 1)
        ])
    );
    let chains = db.audit_chains().await.unwrap();
    assert_eq!(chains.len(), 2, "the clinic's chain and the system chain");
    for clinic in chains {
        let rows = db.audit_chain(clinic).await.unwrap();
        assert!(verify_chain(&rows).is_ok(), "chain {clinic} verifies after the upgrade");
    }
}

on_both_databases!(upgrading_to_clinic_keys_keeps_every_row_and_every_audit_hash);
