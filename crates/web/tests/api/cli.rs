//! The `carryover` binary as a person runs it.

use std::{
    collections::BTreeSet,
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
        mpsc,
    },
    time::Duration,
};

use carryover_store::{Db, DbOptions, NewClinic};
use time::OffsetDateTime;

const BIN: &str = env!("CARGO_BIN_EXE_carryover");

fn carryover(data_dir: &Path) -> Command {
    let mut command = Command::new(BIN);
    command
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("DATABASE_URL")
        .env_remove("CARRYOVER_DATABASE_URL")
        .env("RUST_LOG", "warn");
    command
}

/// A running `serve`, with the lines it printed up to "ready".
struct Server {
    child: Child,
    lines: Vec<String>,
}

fn serve_demo(data_dir: &Path, password: Option<&str>) -> Server {
    let mut command = carryover(data_dir);
    command.args(["serve", "--demo", "--listen", "127.0.0.1:0"]).stdout(Stdio::piped());
    match password {
        Some(p) => command.env("CARRYOVER_DEMO_PASSWORD", p),
        None => command.env_remove("CARRYOVER_DEMO_PASSWORD"),
    };
    let mut child = command.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    // The ready line comes first; the demo lines follow it at once.
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(60)) {
        let ready = line.starts_with("Carryover is ready at http://");
        lines.push(line);
        if ready {
            break;
        }
    }
    while let Ok(line) = rx.recv_timeout(Duration::from_millis(300)) {
        lines.push(line);
    }
    assert!(lines.iter().any(|l| l.starts_with("Carryover is ready at")), "{lines:?}");
    Server { child, lines }
}

impl Server {
    /// SIGTERM, as a service manager sends it; the server must stop cleanly.
    fn stop(mut self) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        let status = self.child.wait().unwrap();
        assert!(status.success(), "graceful shutdown exits 0, got {status}");
    }
}

/// Starts `serve` and waits for its ready line; returns the address it printed.
fn start_serving(mut command: Command) -> (Child, String) {
    let mut child = command.stdout(Stdio::piped()).spawn().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let ready = stdout
        .find_map(|l| l.ok()?.strip_prefix("Carryover is ready at ").map(str::to_owned))
        .unwrap();
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || stdout.for_each(drop));
    (child, ready)
}

async fn clinics_in(data_dir: &Path) -> i64 {
    let db = Db::connect(&DbOptions::Sqlite { path: data_dir.join("carryover.db") }).await.unwrap();
    let count = db.count_clinics().await.unwrap();
    db.close().await;
    count
}

#[test]
fn version_and_help_explain_themselves() {
    let version = Command::new(BIN).arg("version").output().unwrap();
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("carryover 0."));
    let help = Command::new(BIN).arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&help.stdout);
    for command in ["serve", "migrate", "backup", "restore", "version", "DATABASE_URL"] {
        assert!(text.contains(command), "--help mentions {command}: {text}");
    }
}

#[tokio::test]
async fn demo_data_is_created_once_and_kept_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let first = serve_demo(dir.path(), Some("a-demo-password-for-tests"));
    let first_lines = first.lines.clone();
    first.stop();
    assert_eq!(clinics_in(dir.path()).await, 1);

    let demo_lines: Vec<_> = first_lines.iter().filter(|l| l.starts_with("demo ")).collect();
    for role in ["admin", "therapist", "caregiver", "helper"] {
        let line = demo_lines.iter().find(|l| l.starts_with(&format!("demo {role}: "))).unwrap();
        let words: Vec<_> = line.split(' ').collect();
        assert_eq!(words.len(), 4, "demo <role>: <email> <password>: {line}");
        assert!(words[2].ends_with("@example.org"));
        assert_eq!(words[3], "a-demo-password-for-tests");
    }

    let second = serve_demo(dir.path(), None);
    let printed = second.lines.clone();
    second.stop();
    assert_eq!(clinics_in(dir.path()).await, 1, "a second --demo start adds nothing: {printed:?}");
    let again: Vec<_> = printed.iter().filter(|l| l.starts_with("demo ")).collect();
    let emails = |lines: &[&String]| -> Vec<String> {
        lines.iter().map(|l| l.split(' ').nth(2).unwrap().to_owned()).collect()
    };
    assert_eq!(emails(&again), emails(&demo_lines), "the same accounts, in the same order");
    assert!(again.iter().all(|l| l.ends_with("(set at first start)")), "{again:?}");
}

#[test]
fn random_demo_passwords_are_printed_once_and_differ() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_demo(dir.path(), None);
    let passwords: std::collections::BTreeSet<_> = server
        .lines
        .iter()
        .filter(|l| l.starts_with("demo "))
        .map(|l| l.rsplit(' ').next().unwrap().to_owned())
        .collect();
    server.stop();
    assert!(passwords.len() >= 9, "each account gets its own password: {passwords:?}");
    assert!(passwords.iter().all(|p| p.len() >= 16));
}

#[test]
fn plain_http_on_a_public_address_is_refused_without_a_tls_proxy() {
    let dir = tempfile::tempdir().unwrap();
    let output = carryover(dir.path()).args(["serve", "--listen", "0.0.0.0:0"]).output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--behind-tls-proxy"));
}

#[test]
fn create_clinic_prints_the_first_admins_invitation_link() {
    let dir = tempfile::tempdir().unwrap();
    let output = carryover(dir.path())
        .args(["admin", "create-clinic", "Bright Steps OT", "--admin-email", "owner@example.org"])
        .args(["--public-url", "https://carryover.example.org"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("https://carryover.example.org/invite/"), "{stdout}");
    let verify = carryover(dir.path()).args(["audit", "verify"]).output().unwrap();
    assert!(verify.status.success());
}

#[tokio::test]
async fn migrate_creates_the_database_and_backup_copies_it() {
    let dir = tempfile::tempdir().unwrap();
    let migrate = carryover(dir.path()).arg("migrate").output().unwrap();
    assert!(migrate.status.success(), "{migrate:?}");
    assert!(dir.path().join("carryover.db").exists());

    let server = serve_demo(dir.path(), Some("a-demo-password-for-tests"));
    let target = dir.path().join("copy.db");
    let backup = carryover(dir.path()).arg("backup").arg(&target).output().unwrap();
    server.stop();
    let said = String::from_utf8_lossy(&backup.stderr);
    assert!(backup.status.success(), "{said}");
    // Not a terminal: plain lines, not a redrawn spinner, say how it went.
    assert!(said.contains("writing the backup…"), "{said}");
    assert!(said.contains("writing the backup: done in "), "{said}");
    assert!(!said.contains('\r'), "no spinner in a pipe: {said}");
    let copy = Db::connect(&DbOptions::Sqlite { path: target }).await.unwrap();
    assert_eq!(copy.count_clinics().await.unwrap(), 1, "the copy holds the demo clinic");
}

#[test]
fn backup_on_postgres_points_to_pg_dump() {
    let output = Command::new(BIN)
        .args(["backup", "/tmp/never-written.db"])
        .env("DATABASE_URL", "postgres://postgres@127.0.0.1:1/none")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("pg_dump"), "{stderr}");
}

/// Logs are JSON lines when asked, and hold no password, token or cookie.
#[tokio::test]
async fn json_logs_never_hold_passwords_tokens_or_cookies() {
    let dir = tempfile::tempdir().unwrap();
    let password = "a-secret-demo-password-77";
    let mut command = carryover(dir.path());
    command
        .args(["--log-format", "json", "serve", "--demo", "--listen", "127.0.0.1:0"])
        .env("RUST_LOG", "info")
        .env("CARRYOVER_DEMO_PASSWORD", password)
        .stderr(Stdio::piped());
    let (child, ready) = start_serving(command);
    let client = crate::helpers::TestClient::new(&ready);
    let signed =
        client.post_form("/login", &[("email", "admin@example.org"), ("password", password)]).await;
    assert_eq!(signed.status(), 303);
    let cookie = client.cookie("__Host-carryover").unwrap();
    let token = "f".repeat(64);
    assert_eq!(client.get(&format!("/invite/{token}")).await.status(), 410);
    client.get(&format!("/nowhere/{token}")).await;
    client
        .post_form("/login", &[("email", "admin@example.org"), ("password", "wrong-secret-guess")])
        .await;

    let pid = child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let output = child.wait_with_output().unwrap();
    let logs = String::from_utf8_lossy(&output.stderr);
    assert!(logs.lines().count() >= 4, "{logs}");
    for line in logs.lines() {
        serde_json::from_str::<serde_json::Value>(line)
            .unwrap_or_else(|_| panic!("not JSON: {line}"));
    }
    for secret in [password, "wrong-secret-guess", cookie.as_str(), token.as_str()] {
        assert!(!logs.contains(secret), "the log holds a secret: {secret}");
    }
}

/// SIGTERM in the middle of a burst of writes: the server stops cleanly and
/// every write it acknowledged is in the database afterwards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_graceful_stop_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let password = "a-demo-password-for-tests";
    let mut command = carryover(dir.path());
    command
        .args(["serve", "--demo", "--listen", "127.0.0.1:0"])
        .env("CARRYOVER_DEMO_PASSWORD", password);
    let (mut child, ready) = start_serving(command);
    let therapist = crate::helpers::TestClient::new(&ready);
    let signed = therapist
        .post_form("/login", &[("email", "therapist@example.org"), ("password", password)])
        .await;
    assert_eq!(signed.status(), 303);

    let writes: Vec<_> = (0..60)
        .map(|i| {
            let client = therapist.clone();
            tokio::spawn(async move {
                let name = format!("Child{i}");
                let email = format!("burst{i}@example.org");
                let form = [
                    ("child_name", name.as_str()),
                    ("caregiver_name", "Burst Parent"),
                    ("caregiver_email", email.as_str()),
                    ("relationship", "mother"),
                    ("access", "guardian"),
                ];
                let builder = client
                    .request(reqwest::Method::POST, "/households")
                    .header("sec-fetch-site", "same-origin")
                    .form(&form);
                let acknowledged = matches!(builder.send().await, Ok(r) if r.status() == 200);
                (name, acknowledged)
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(30)).await;
    let pid = child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let mut acknowledged = Vec::new();
    for write in writes {
        let (name, ok) = write.await.unwrap();
        if ok {
            acknowledged.push(name);
        }
    }
    let status = child.wait().unwrap();
    assert!(status.success(), "graceful shutdown exits 0, got {status}");

    let db =
        Db::connect(&DbOptions::Sqlite { path: dir.path().join("carryover.db") }).await.unwrap();
    let stored: Vec<String> = sqlx::query_scalar("SELECT preferred_name FROM child")
        .fetch_all(db.reader())
        .await
        .unwrap();
    let lost: Vec<_> = acknowledged.iter().filter(|n| !stored.contains(n)).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    eprintln!("{} of 60 writes acknowledged before the stop; none lost", acknowledged.len());
}

async fn write_clinics_until(db: Db, stop: Arc<AtomicBool>) -> usize {
    let mut written = 0;
    while !stop.load(Ordering::Relaxed) {
        let new = NewClinic { name: format!("Busy {written}"), is_demo: false };
        db.create_clinic(&new, OffsetDateTime::now_utc()).await.unwrap();
        written += 1;
    }
    written
}

/// A data directory whose database holds one clinic, and a `carryover backup` of it.
async fn a_backup_of(clinic: &str, root: &Path) -> PathBuf {
    let source = root.join(format!("{clinic} data"));
    let db = Db::connect(&DbOptions::Sqlite { path: source.join("carryover.db") }).await.unwrap();
    db.migrate().await.unwrap();
    db.create_clinic(&NewClinic { name: clinic.into(), is_demo: false }, OffsetDateTime::now_utc())
        .await
        .unwrap();
    db.close().await;
    let file = root.join(format!("{clinic}.db"));
    let backup = carryover(&source).arg("backup").arg(&file).output().unwrap();
    assert!(backup.status.success(), "{}", String::from_utf8_lossy(&backup.stderr));
    file
}

async fn clinic_names(database: &Path) -> Vec<String> {
    let db = Db::connect(&DbOptions::Sqlite { path: database.to_path_buf() }).await.unwrap();
    let names = db.list_clinics().await.unwrap().into_iter().map(|c| c.name).collect();
    db.close().await;
    names
}

fn restore(data_dir: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    carryover(data_dir).arg("restore").arg(file).args(extra).output().unwrap()
}

/// Runs a command that should end at once; `None` if it still runs after
/// ten seconds (it is then killed), so a missing refusal fails instead of hanging.
fn exit_of(command: &mut Command) -> Option<std::process::Output> {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    for _ in 0..200 {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    None
}

fn files_in(dir: &Path) -> std::collections::BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_writes_restores_into_a_fresh_data_directory_whole() {
    let root = tempfile::tempdir().unwrap();
    let live = root.path().join("live");
    let db = Db::connect(&DbOptions::Sqlite { path: live.join("carryover.db") }).await.unwrap();
    db.migrate().await.unwrap();
    for i in 0..20 {
        let new = NewClinic { name: format!("Before {i}"), is_demo: false };
        db.create_clinic(&new, OffsetDateTime::now_utc()).await.unwrap();
    }
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> =
        (0..2).map(|_| tokio::spawn(write_clinics_until(db.clone(), stop.clone()))).collect();
    tokio::time::sleep(Duration::from_millis(50)).await;
    // Every row acknowledged before the backup begins must come back.
    let acknowledged: BTreeSet<_> =
        db.list_clinics().await.unwrap().into_iter().map(|c| c.clinic_id).collect();
    let file = root.path().join("backup.db");
    let command = carryover(&live).arg("backup").arg(&file).output();
    let backup = tokio::task::spawn_blocking(move || command).await.unwrap().unwrap();
    stop.store(true, Ordering::Relaxed);
    let mut written_during = 0;
    for writer in writers {
        written_during += writer.await.unwrap();
    }
    db.close().await;
    assert!(backup.status.success(), "{}", String::from_utf8_lossy(&backup.stderr));
    assert!(written_during > 0, "writes went on while the backup ran");

    let fresh = root.path().join("fresh");
    let restored = restore(&fresh, &file, &[]);
    let stdout = String::from_utf8_lossy(&restored.stdout);
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
    assert!(stdout.contains("restored "), "{stdout}");
    assert!(stdout.contains("up to date"), "{stdout}");

    let copy = Db::connect(&DbOptions::Sqlite { path: fresh.join("carryover.db") }).await.unwrap();
    let check: String =
        sqlx::query_scalar("PRAGMA integrity_check").fetch_one(copy.reader()).await.unwrap();
    assert_eq!(check, "ok");
    let in_copy: BTreeSet<_> =
        copy.list_clinics().await.unwrap().into_iter().map(|c| c.clinic_id).collect();
    let lost: Vec<_> = acknowledged.difference(&in_copy).collect();
    assert!(lost.is_empty(), "acknowledged before the backup but not restored: {lost:?}");
    assert!(copy.is_ready().await);
}

#[tokio::test]
async fn while_a_server_runs_restore_and_a_second_server_are_refused_and_change_nothing() {
    let root = tempfile::tempdir().unwrap();
    let file = a_backup_of("Backed up", root.path()).await;
    let data = root.path().join("data");
    let db = Db::connect(&DbOptions::Sqlite { path: data.join("carryover.db") }).await.unwrap();
    db.migrate().await.unwrap();
    db.create_clinic(
        &NewClinic { name: "Serving".into(), is_demo: false },
        OffsetDateTime::now_utc(),
    )
    .await
    .unwrap();
    db.close().await;
    let mut command = carryover(&data);
    command.args(["serve", "--listen", "127.0.0.1:0"]);
    let (child, _) = start_serving(command);
    let server = Server { child, lines: Vec::new() };
    let before = files_in(&data);

    let refused = restore(&data, &file, &["--replace"]);
    let second = exit_of(carryover(&data).args(["serve", "--listen", "127.0.0.1:0"]));
    let after = files_in(&data);
    server.stop();
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("a Carryover server is using"), "{stderr}");
    assert!(stderr.contains("stop it first"), "{stderr}");
    let second = second.expect("a second server on one SQLite file is refused, not started");
    assert!(!second.status.success());
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains("another Carryover server is already using"), "{stderr}");
    assert_eq!(before, after, "no file was added, moved or removed");
    assert_eq!(clinic_names(&data.join("carryover.db")).await, ["Serving"]);

    // Once the server has stopped, its lock is gone.
    let restored = restore(&data, &file, &["--replace"]);
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
    assert_eq!(clinic_names(&data.join("carryover.db")).await, ["Backed up"]);
}

#[tokio::test]
async fn restoring_over_a_database_needs_replace_which_keeps_the_old_one_beside_it() {
    let root = tempfile::tempdir().unwrap();
    let file = a_backup_of("Backed up", root.path()).await;
    let data = root.path().join("Old data");
    let database = data.join("carryover.db");
    let db = Db::connect(&DbOptions::Sqlite { path: database.clone() }).await.unwrap();
    db.migrate().await.unwrap();
    db.create_clinic(&NewClinic { name: "Old".into(), is_demo: false }, OffsetDateTime::now_utc())
        .await
        .unwrap();
    db.close().await;

    let refused = restore(&data, &file, &[]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("a database is already at"), "{stderr}");
    assert!(stderr.contains("--replace"), "{stderr}");
    assert_eq!(clinic_names(&database).await, ["Old"]);

    let replaced = restore(&data, &file, &["--replace"]);
    assert!(replaced.status.success(), "{}", String::from_utf8_lossy(&replaced.stderr));
    let stdout = String::from_utf8_lossy(&replaced.stdout);
    assert!(stdout.contains("kept the previous database file as"), "{stdout}");
    assert_eq!(clinic_names(&database).await, ["Backed up"]);
    let kept: Vec<_> =
        files_in(&data).into_iter().filter(|n| n.starts_with("carryover.db.replaced-")).collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(stdout.contains(&kept[0]), "{stdout}");
    assert_eq!(clinic_names(&data.join(&kept[0])).await, ["Old"], "the old database is whole");
}

#[tokio::test]
async fn a_damaged_foreign_or_newer_file_is_refused_and_nothing_is_written() {
    let root = tempfile::tempdir().unwrap();
    let good = a_backup_of("Good", root.path()).await;

    let text = root.path().join("notes.db");
    std::fs::write(&text, "a shopping list, not a database").unwrap();

    let damaged = root.path().join("damaged.db");
    std::fs::copy(&good, &damaged).unwrap();
    {
        use std::io::{Seek, SeekFrom, Write};
        let length = std::fs::metadata(&damaged).unwrap().len();
        let mut f = std::fs::OpenOptions::new().write(true).open(&damaged).unwrap();
        f.seek(SeekFrom::Start(length / 2 / 4096 * 4096)).unwrap();
        f.write_all(&[0xab; 4096]).unwrap();
    }

    let foreign = root.path().join("foreign.db");
    let db = Db::connect(&DbOptions::Sqlite { path: foreign.clone() }).await.unwrap();
    let mut tx = db.begin_write().await.unwrap();
    sqlx::query("CREATE TABLE recipe (name TEXT)").execute(&mut *tx).await.unwrap();
    tx.commit().await.unwrap();
    db.close().await;

    let newer = root.path().join("newer.db");
    std::fs::copy(&good, &newer).unwrap();
    let db = Db::connect(&DbOptions::Sqlite { path: newer.clone() }).await.unwrap();
    let mut tx = db.begin_write().await.unwrap();
    sqlx::query("INSERT INTO schema_migration VALUES (999, '0999_future', 'later')")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    db.close().await;

    let data = root.path().join("data");
    for (file, says) in [
        (&text, "is not a SQLite database"),
        (&damaged, "is damaged"),
        (&foreign, "is not a Carryover database"),
        (&newer, "comes from a newer Carryover"),
        (&root.path().join("missing.db"), "there is no backup file at"),
    ] {
        let refused = restore(&data, file, &["--replace"]);
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(!refused.status.success(), "{} was restored", file.display());
        assert!(stderr.contains(says), "{}: {stderr}", file.display());
        assert!(!data.exists(), "a refused restore writes nothing");
    }
}

#[test]
fn restore_on_postgres_points_to_pg_restore() {
    let output = Command::new(BIN)
        .args(["restore", "/tmp/never-read.db"])
        .env("DATABASE_URL", "postgres://postgres@127.0.0.1:1/none")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("pg_restore --clean --if-exists --dbname \"$DATABASE_URL\" carryover.dump"),
        "{stderr}"
    );
}
