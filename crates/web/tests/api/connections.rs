//! Finding 6: one client holding thousands of half-sent requests stopped
//! `/healthz` answering. Now a request header must arrive in time, idle
//! connections close, and one address may hold only so many connections.
//! Every connection here goes to this machine's loopback addresses.

use std::time::Duration;

use carryover_store::Backend;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpSocket, TcpStream},
};

use crate::helpers::{TestApp, spawn_app_with};

fn port(app: &TestApp) -> u16 {
    app.address.rsplit(':').next().unwrap().parse().unwrap()
}

/// A connection from `source` (another loopback address is another client).
async fn connect_from(app: &TestApp, source: [u8; 4]) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind((std::net::Ipv4Addr::from(source), 0).into())?;
    socket.connect(([127, 0, 0, 1], port(app)).into()).await
}

/// True when the server closes the connection within `wait`.
async fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    let mut buffer = [0u8; 1024];
    loop {
        match tokio::time::timeout(wait, stream.read(&mut buffer)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue,
            Err(_) => return false,
        }
    }
}

const HALF_A_REQUEST: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_half_sent_requests_does_not_stop_healthz_for_anyone_else() {
    let app = spawn_app_with(Backend::Sqlite, |c| {
        c.max_connections_per_client = 16;
        c.header_read_timeout_secs = 30;
    })
    .await;
    let mut flood = Vec::new();
    let mut refused = 0;
    for _ in 0..200 {
        let Ok(mut stream) = connect_from(&app, [127, 0, 0, 2]).await else {
            refused += 1;
            continue;
        };
        if stream.write_all(HALF_A_REQUEST).await.is_err() {
            refused += 1;
            continue;
        }
        flood.push(stream);
    }
    let started = std::time::Instant::now();
    let healthz = tokio::time::timeout(Duration::from_secs(2), app.client.get("/healthz")).await;
    assert_eq!(healthz.expect("/healthz answers during the flood").status(), 200);
    assert!(started.elapsed() < Duration::from_secs(2));
    let mut closed = 0;
    for stream in &mut flood {
        if closed_within(stream, Duration::from_millis(200)).await {
            closed += 1;
        }
    }
    assert!(
        refused + closed >= 200 - 16,
        "all but 16 of the flooding address's connections are refused ({refused} + {closed})"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_header_that_never_ends_is_cut_off() {
    let app = spawn_app_with(Backend::Sqlite, |c| c.header_read_timeout_secs = 1).await;
    let mut slow = connect_from(&app, [127, 0, 0, 3]).await.unwrap();
    slow.write_all(HALF_A_REQUEST).await.unwrap();
    assert!(
        closed_within(&mut slow, Duration::from_secs(4)).await,
        "closed after the header timeout"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_kept_alive_connection_is_closed() {
    let app = spawn_app_with(Backend::Sqlite, |c| c.keep_alive_timeout_secs = 1).await;
    let mut idle = connect_from(&app, [127, 0, 0, 4]).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n").await.unwrap();
    let mut buffer = [0u8; 4096];
    let read = idle.read(&mut buffer).await.unwrap();
    assert!(String::from_utf8_lossy(&buffer[..read]).starts_with("HTTP/1.1 200"));
    assert!(closed_within(&mut idle, Duration::from_secs(4)).await, "closed once idle");
}

/// Waiting for the next request on a kept-alive connection is waiting for
/// its header: the header-read timeout bounds that wait too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_connection_waits_no_longer_than_the_header_timeout() {
    let app = spawn_app_with(Backend::Sqlite, |c| {
        c.keep_alive_timeout_secs = 60;
        c.header_read_timeout_secs = 1;
    })
    .await;
    let mut idle = connect_from(&app, [127, 0, 0, 5]).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n").await.unwrap();
    let mut buffer = [0u8; 4096];
    assert!(idle.read(&mut buffer).await.unwrap() > 0);
    assert!(closed_within(&mut idle, Duration::from_secs(4)).await);
}
