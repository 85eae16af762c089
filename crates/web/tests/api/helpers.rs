//! `spawn_app`: the real application on port 0, on a fresh database, with a
//! test clock and a small client that keeps cookies (reqwest's store would
//! drop the `Secure` ones over plain HTTP, which browsers keep for localhost).

use std::{
    collections::BTreeMap,
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use carryover::{Application, clock::TestClock, config::Config, passwords::PasswordCost};
use carryover_store::{Backend, Db, testing::TestDatabase};
use reqwest::{Response, header};
use time::macros::datetime;

pub use carryover_store::on_both_databases;

pub struct TestApp {
    pub address: String,
    pub db: Db,
    pub clock: TestClock,
    pub client: TestClient,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    _database: Arc<TestDatabase>,
}

/// The audit seal key of every test app (tests run the binary with it too).
pub const TEST_AUDIT_KEY: &str = "7e57a0d17e57a0d17e57a0d17e57a0d17e57a0d17e57a0d17e57a0d17e57a0d1";
/// `/metrics` answers test apps with this bearer token.
pub const TEST_METRICS_TOKEN: &str = "test-metrics-token";

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

/// The app with settings of the test's own (limits, a proxy in front …).
pub async fn spawn_app_with(backend: Backend, configure: impl FnOnce(&mut Config)) -> TestApp {
    let database = Arc::new(TestDatabase::create(backend).await);
    database.migrated().await.close().await;
    let clock = TestClock::at(datetime!(2026-11-02 09:00 UTC));
    let mut config = test_config();
    configure(&mut config);
    start(database, clock, &config).await
}

/// Another process of the same app: its own pools on the same database, as
/// when several `carryover` processes serve one PostgreSQL.
pub async fn spawn_sibling(app: &TestApp) -> TestApp {
    start(app._database.clone(), app.clock.clone(), &test_config()).await
}

fn test_config() -> Config {
    Config {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        password_cost: PasswordCost::Fast,
        audit_key: Some(TEST_AUDIT_KEY.to_owned().into()),
        metrics_token: Some(TEST_METRICS_TOKEN.to_owned().into()),
        ..Config::default()
    }
}

pub fn test_seal_key() -> carryover_domain::audit_seal::SealKey {
    carryover_domain::audit_seal::SealKey::from_hex(TEST_AUDIT_KEY).unwrap()
}

async fn start(database: Arc<TestDatabase>, clock: TestClock, config: &Config) -> TestApp {
    let db = database.connect().await.with_seal(test_seal_key());
    let app = Application::build(config, db.clone(), Arc::new(clock.clone())).await.unwrap();
    let address = format!("http://{}", app.local_addr().unwrap());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = rx.await;
    }));
    TestApp {
        client: TestClient::new(&address),
        address,
        db,
        clock,
        shutdown: Some(tx),
        _database: database,
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

impl TestApp {
    pub fn clock_now(&self) -> time::OffsetDateTime {
        carryover::clock::Clock::now(&self.clock)
    }

    /// Counts audit rows matching a condition, e.g. `action = 'view'`.
    pub async fn audit_count(&self, condition: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM audit_event WHERE {condition}");
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(self.db.reader()).await.unwrap()
    }

    /// A second browser: its own cookies.
    pub fn new_client(&self) -> TestClient {
        TestClient::new(&self.address)
    }
}

#[derive(Clone)]
pub struct TestClient {
    pub base: String,
    http: reqwest::Client,
    cookies: Arc<Mutex<BTreeMap<String, String>>>,
}

impl TestClient {
    pub fn new(base: &str) -> TestClient {
        let http =
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        TestClient { base: base.to_owned(), http, cookies: Default::default() }
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().get(name).cloned()
    }

    pub fn set_cookie(&self, name: &str, value: &str) {
        self.cookies.lock().unwrap().insert(name.to_owned(), value.to_owned());
    }

    fn cookie_header(&self) -> String {
        let cookies = self.cookies.lock().unwrap();
        cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn remember(&self, response: &Response) {
        let mut cookies = self.cookies.lock().unwrap();
        for value in response.headers().get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            let expired = text.contains("Max-Age=0") || value.is_empty();
            if expired {
                cookies.remove(name);
            } else {
                cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let mut builder = self.http.request(method, format!("{}{}", self.base, path));
        let cookies = self.cookie_header();
        if !cookies.is_empty() {
            builder = builder.header(header::COOKIE, cookies);
        }
        builder
    }

    pub async fn send(&self, builder: reqwest::RequestBuilder) -> Response {
        let response = builder.send().await.unwrap();
        self.remember(&response);
        response
    }

    pub async fn get(&self, path: &str) -> Response {
        self.send(self.request(reqwest::Method::GET, path)).await
    }

    /// A JSON request as a program (or a page's script) sends it.
    pub async fn send_json(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &serde_json::Value,
    ) -> Response {
        let builder = self.request(method, path).header("sec-fetch-site", "same-origin").json(body);
        self.send(builder).await
    }

    /// A form post as a browser on this site sends it.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Response {
        let builder = self
            .request(reqwest::Method::POST, path)
            .header("sec-fetch-site", "same-origin")
            .form(form);
        self.send(builder).await
    }
}
