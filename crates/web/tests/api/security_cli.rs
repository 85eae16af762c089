//! The command line's side of issue 10: serving outside loopback needs a
//! public address, refusals log below WARN, and the audit heads can be
//! exported and checked again later.

use std::{
    io::{BufRead, BufReader, Read},
    path::Path,
    process::{Command, Stdio},
};

const BIN: &str = env!("CARGO_BIN_EXE_carryover");

fn carryover(data_dir: &Path) -> Command {
    let mut command = Command::new(BIN);
    command
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("DATABASE_URL")
        .env_remove("CARRYOVER_DATABASE_URL")
        .env_remove("CARRYOVER_PUBLIC_URL")
        .env_remove("CARRYOVER_AUDIT_KEY")
        .env_remove("CARRYOVER_CONFIG")
        .env("RUST_LOG", "warn");
    command
}

#[test]
fn serving_outside_loopback_needs_a_public_address_for_links() {
    let dir = tempfile::tempdir().unwrap();
    let output = carryover(dir.path())
        .args(["serve", "--listen", "0.0.0.0:0", "--behind-tls-proxy"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("CARRYOVER_PUBLIC_URL"), "{said}");
}

/// Finding 7: an OPTIONS or PUT from anyone wrote an ERROR line.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_anyone_can_send_are_refused_without_a_warning_in_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let (child, address) = serve(dir.path());
    let client = reqwest::Client::new();
    for method in [reqwest::Method::OPTIONS, reqwest::Method::PUT, reqwest::Method::DELETE] {
        let response = client.request(method, format!("{address}/login")).send().await.unwrap();
        assert!(response.status().is_client_error());
    }
    let cross_site = client
        .post(format!("{address}/lang"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("lang", "es")])
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), 403);
    let logged = stop(child);
    assert!(!logged.contains("WARN") && !logged.contains("ERROR"), "{logged}");
}

/// Starts `serve` on loopback; returns it and the address it printed.
fn serve(data_dir: &Path) -> (std::process::Child, String) {
    serve_with(carryover(data_dir), &[])
}

fn serve_with(mut command: Command, flags: &[&str]) -> (std::process::Child, String) {
    let mut child = command
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(flags)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = stdout
        .find_map(|l| l.ok()?.strip_prefix("Carryover is ready at ").map(str::to_owned))
        .unwrap();
    (child, address)
}

fn stop(mut child: std::process::Child) -> String {
    assert!(
        Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap().success()
    );
    assert!(child.wait().unwrap().success());
    let mut logged = String::new();
    child.stderr.take().unwrap().read_to_string(&mut logged).unwrap();
    logged
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exported_audit_heads_are_checked_again_later() {
    let dir = tempfile::tempdir().unwrap();
    let (server, address) = serve(dir.path());
    // A failed sign-in of an unknown address is a row of the system chain.
    let form = [("email", "nobody@example.org"), ("password", "not a password")];
    let failed = reqwest::Client::new().post(format!("{address}/login")).form(&form).send().await;
    assert_eq!(failed.unwrap().status(), 401);
    stop(server);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let key = dir.path().join("carryover-audit.key");
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the key file is its owner's only");
    }
    let exported = carryover(dir.path()).args(["audit", "export-head"]).output().unwrap();
    assert!(exported.status.success());
    let heads = dir.path().join("heads.txt");
    std::fs::write(&heads, &exported.stdout).unwrap();
    let text = String::from_utf8_lossy(&exported.stdout).into_owned();
    assert!(text.starts_with("# carryover audit heads"), "{text}");
    assert!(text.lines().count() >= 2, "the system chain's head: {text}");

    let verified =
        carryover(dir.path()).args(["audit", "verify", "--against"]).arg(&heads).output().unwrap();
    let said = String::from_utf8_lossy(&verified.stdout);
    assert!(verified.status.success(), "{said}");
    assert!(said.contains("still contains the exported head"), "{said}");

    let other_key = tempfile::tempdir().unwrap();
    let forged = carryover(dir.path())
        .env("CARRYOVER_AUDIT_KEY_FILE", other_key.path().join("other.key"))
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(!forged.status.success(), "heads sealed by another key are not trusted");
}

/// Finding 2: behind the proxy, the request log line names the client the
/// proxy forwarded for, not the proxy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_request_log_line_names_the_forwarded_client_behind_the_proxy() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = carryover(dir.path());
    command.env("RUST_LOG", "info").args(["--log-format", "json"]);
    let (child, address) = serve_with(command, &["--behind-tls-proxy"]);
    let response = reqwest::Client::new()
        .get(format!("{address}/healthz"))
        .header("x-forwarded-for", "198.51.100.23")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let logged = stop(child);
    let served = logged.lines().find(|l| l.contains("\"served\"")).unwrap_or_default();
    assert!(served.contains("\"client\":\"198.51.100.23\""), "{logged}");
}

/// A clinic made on the command line requires two-step sign-in unless told
/// otherwise.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_clinic_requires_two_step_sign_in_unless_told_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    for (name, flags) in
        [("Strict OT", &[][..]), ("Relaxed OT", &["--second-factor", "optional"][..])]
    {
        let made = carryover(dir.path())
            .args(["admin", "create-clinic", name, "--admin-email"])
            .arg(format!("{}@example.org", name.split(' ').next().unwrap().to_lowercase()))
            .args(flags)
            .output()
            .unwrap();
        assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    }
    let options = carryover_store::DbOptions::Sqlite { path: dir.path().join("carryover.db") };
    let db = carryover_store::Db::connect(&options).await.unwrap();
    let required: Vec<(String, bool)> = db
        .list_clinics()
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.name, c.require_second_factor))
        .collect();
    db.close().await;
    assert_eq!(required, [("Strict OT".to_owned(), true), ("Relaxed OT".to_owned(), false)]);
}
