//! The accept loop. axum's own `serve` keeps a half-sent request open for
//! ever and accepts without limit; one client holding thousands of them
//! starved everyone else. Here every connection must send its request
//! header in time, an idle kept-alive connection is closed, the number of
//! open connections is capped, and so is the number one client address may
//! hold: a flooding address is refused while everyone else is served.

use std::{
    collections::HashMap,
    future::Future,
    io,
    net::{IpAddr, SocketAddr},
    pin::Pin,
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, Ordering},
    },
    task::{Context, Poll},
    time::{Duration, Instant},
};

use axum::{Router, extract::ConnectInfo};
use hyper::{body::Incoming, server::conn::http1};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::{
    io::{AsyncRead, AsyncWrite, ReadBuf},
    net::{TcpListener, TcpStream},
    sync::{Semaphore, watch},
};
use tower::ServiceExt;

use crate::client_addr::Trust;

/// How long a stop waits for requests in flight before closing anyway.
const DRAIN_FOR: Duration = Duration::from_secs(35);

#[derive(Clone, Debug)]
pub struct Limits {
    pub max_connections: usize,
    pub max_per_client: usize,
    pub header_read_timeout: Duration,
    pub keep_alive_timeout: Duration,
    /// Our proxies are exempt from the per-address cap: they carry everyone.
    pub trust: Trust,
}

/// Open connections per client address.
#[derive(Default)]
struct PerClient(Mutex<HashMap<IpAddr, usize>>);

/// One connection's place in [`PerClient`], given back when it closes.
struct Slot {
    table: Arc<PerClient>,
    addr: IpAddr,
}

impl PerClient {
    fn take(table: &Arc<PerClient>, addr: IpAddr, cap: usize) -> Option<Slot> {
        let mut open = table.0.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(addr).or_insert(0);
        if *count >= cap {
            return None;
        }
        *count += 1;
        Some(Slot { table: table.clone(), addr })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.table.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.addr) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.addr);
            }
        }
    }
}

/// Serves until `shutdown` completes, then lets requests in flight finish
/// (each connection closes once its current request is answered).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let per_client = Arc::new(PerClient::default());
    let (stop, stopping) = watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, say: wait rather than spin.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tracing::debug!("refused a connection: too many open");
            continue;
        };
        let addr = peer.ip().to_canonical();
        let slot = if limits.trust.is_proxy(addr) {
            None
        } else {
            match PerClient::take(&per_client, addr, limits.max_per_client) {
                Some(slot) => Some(slot),
                None => {
                    tracing::debug!(client = %addr, "refused a connection: too many from one address");
                    continue;
                }
            }
        };
        let (router, limits, stopping) = (router.clone(), limits.clone(), stopping.clone());
        tokio::spawn(async move {
            serve_connection(stream, peer, router, &limits, stopping).await;
            drop((permit, slot));
        });
    }
    drop(listener);
    let _ = stop.send(true);
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    if tokio::time::timeout(DRAIN_FOR, permits.acquire_many(all)).await.is_err() {
        tracing::warn!("stopped with requests still in flight");
    }
    Ok(())
}

async fn serve_connection(
    stream: TcpStream,
    peer: SocketAddr,
    router: Router,
    limits: &Limits,
    mut stopping: watch::Receiver<bool>,
) {
    let started = Instant::now();
    let last_active = Arc::new(AtomicU64::new(0));
    let io = Tracked { inner: stream, started, last_active: last_active.clone() };
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        router.clone().oneshot(request)
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .keep_alive(true);
    let connection = builder.serve_connection(TokioIo::new(io), service);
    let mut connection = std::pin::pin!(connection);
    let mut closing = false;
    let tick =
        (limits.keep_alive_timeout / 4).clamp(Duration::from_millis(50), Duration::from_secs(1));
    // One timer for the connection's life, moved on when it fires: a new
    // `sleep` per loop would register a timer at every wake-up.
    let mut ticker = std::pin::pin!(tokio::time::sleep(tick));
    loop {
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(error) = result {
                    tracing::debug!(%error, "connection ended with an error");
                }
                return;
            }
            _ = stopping.changed(), if !closing => {
                closing = true;
                connection.as_mut().graceful_shutdown();
            }
            () = ticker.as_mut(), if !closing => {
                ticker.as_mut().reset(tokio::time::Instant::now() + tick);
                let now_ms = started.elapsed().as_millis() as u64;
                let idle_ms = now_ms.saturating_sub(last_active.load(Ordering::Relaxed));
                if Duration::from_millis(idle_ms) >= limits.keep_alive_timeout {
                    // Answers a request in progress first, then closes.
                    closing = true;
                    connection.as_mut().graceful_shutdown();
                }
            }
        }
    }
}

/// A stream that remembers when it last moved a byte, for the idle timeout.
struct Tracked {
    inner: TcpStream,
    started: Instant,
    last_active: Arc<AtomicU64>,
}

impl Tracked {
    fn touch(&self) {
        self.last_active.store(self.started.elapsed().as_millis() as u64, Ordering::Relaxed);
    }
}

impl AsyncRead for Tracked {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(result, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.touch();
        }
        result
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let result = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(result, Poll::Ready(Ok(n)) if n > 0) {
            self.touch();
        }
        result
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let result = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if matches!(result, Poll::Ready(Ok(n)) if n > 0) {
            self.touch();
        }
        result
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}
