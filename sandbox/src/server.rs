//! The HTTP/1 server under the router: an accept loop with a cap on open
//! connections, and a watchdog per connection for the header and idle
//! timeouts. The body limit and body timeout are the router's (`api.rs`),
//! because only a request knows its path and can be answered 408 or 413.
//!
//! Why not `axum::serve`: it gives hyper no timer, so no timeout applies
//! and a client sending a byte a second keeps its connection for ever; and
//! it accepts every connection it can, until the process runs out of
//! descriptors. hyper's own `header_read_timeout` starts as soon as a
//! connection waits for a request, so it cannot allow an idle keep-alive
//! connection longer than a slow request head; the watchdog can, because it
//! sees both the bytes that arrive and the requests handed to the router.

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;

/// Request heads over this many bytes (start line included) are answered
/// 431 by hyper: its default, about 400 KB, would let a few hundred
/// connections hold a hundred megabytes of headers.
const MAX_HEADER_BYTES: usize = 32 * 1024;

/// How long to wait before accepting again after an error that is not one
/// connection's (EMFILE, ENFILE, ENOBUFS, ENOMEM): retrying at once would
/// spin, as the pending connection stays ready; a descriptor may be freed
/// any moment by a connection closing, so the wait is short.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// How long stopping waits for open connections to finish their request.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// What bounds a connection's life and the number of connections.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) header_timeout: Duration,
    pub(crate) idle_timeout: Duration,
    pub(crate) max_connections: usize,
}

/// Serves `app` on `listener` until `shutdown` resolves.
///
/// At most `max_connections` are served at once. When all slots are taken,
/// the loop holds the connection it has just accepted until one frees, and
/// accepts no other: those wait in the kernel's listen backlog, costing no
/// descriptor, and are served in order (as with Go's
/// `netutil.LimitListener`, give or take the one in hand). While a
/// connection waits, an idle keep-alive one is closed to make room, as nginx
/// does when short of connections: a client waiting to be served matters
/// more than one that may come back, and holding the waiting connection
/// (rather than guessing at the backlog) is what tells that someone waits. Every other
/// slot is freed within the header or body timeout, so a flood delays
/// others but cannot stop the server.
pub(crate) async fn run(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let (closing, closing_rx) = watch::channel(());
    // True while an accepted connection waits for a slot; `wanted` is the
    // one eviction that asks for, taken by the first idle connection to see it.
    let (pressure, pressure_rx) = watch::channel(false);
    let wanted = Arc::new(AtomicBool::new(false));
    let mut connections = JoinSet::new();
    let mut failing = false;
    tokio::pin!(shutdown);
    'serve: loop {
        // Finished connections are reaped while waiting, or their results pile up.
        let accepted = tokio::select! {
            () = &mut shutdown => break,
            Some(_) = connections.join_next() => continue,
            accepted = listener.accept() => accepted,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            // One connection's trouble (reset before it was accepted): the next may be fine.
            Err(e) if per_connection(&e) => continue,
            Err(e) => {
                // Said once per run of errors: a descriptor shortage repeats ten times a second.
                if !failing {
                    eprintln!(
                        "scankit-sandbox: accept: {e}; retrying every {} ms",
                        ACCEPT_BACKOFF.as_millis()
                    );
                    failing = true;
                }
                tokio::select! {
                    () = &mut shutdown => break,
                    () = tokio::time::sleep(ACCEPT_BACKOFF) => {}
                }
                continue;
            }
        };
        failing = false;
        let slot = match slots.clone().try_acquire_owned() {
            Ok(slot) => slot,
            Err(_) => {
                wanted.store(true, Ordering::Release);
                pressure.send_replace(true);
                let slot = loop {
                    tokio::select! {
                        () = &mut shutdown => break 'serve,
                        Some(_) = connections.join_next() => {}
                        slot = slots.clone().acquire_owned() => match slot {
                            Ok(slot) => break slot,
                            Err(_) => break 'serve, // never closed
                        },
                    }
                };
                wanted.store(false, Ordering::Release);
                pressure.send_replace(false);
                slot
            }
        };
        let signals = Signals {
            closing: closing_rx.clone(),
            pressure: pressure_rx.clone(),
            wanted: wanted.clone(),
        };
        connections.spawn(connection(stream, app.clone(), limits, slot, signals));
    }
    // New connections are refused from here; open ones finish their request.
    drop(listener);
    drop(closing);
    let drain = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(SHUTDOWN_GRACE, drain).await.is_err() {
        connections.shutdown().await;
    }
}

fn per_connection(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::Interrupted
    )
}

/// What the accept loop tells every connection.
struct Signals {
    /// Changes (its sender is dropped) when the server stops.
    closing: watch::Receiver<()>,
    /// True while an accepted connection waits for a slot.
    pressure: watch::Receiver<bool>,
    /// Whether that connection still wants an idle one closed.
    wanted: Arc<AtomicBool>,
}

/// Serves one connection until it ends, its watchdog expires, or the server
/// stops. Holds its slot until then.
async fn connection(
    stream: TcpStream,
    app: Router,
    limits: Limits,
    _slot: OwnedSemaphorePermit,
    signals: Signals,
) {
    let Signals {
        mut closing,
        mut pressure,
        wanted,
    } = signals;
    // Small answers to requests that each wait for the last: no Nagle delay.
    let _ = stream.set_nodelay(true);
    let dog = Arc::new(Watchdog::new(limits, wanted));
    let io = TokioIo::new(Watched {
        stream,
        dog: dog.clone(),
    });
    let router = TowerToHyperService::new(app);
    let on_request = dog.clone();
    let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
        on_request.request();
        let answer = hyper::service::Service::call(&router, request);
        let dog = on_request.clone();
        async move {
            let answer = answer.await;
            dog.answered();
            answer
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.max_header_size(MAX_HEADER_BYTES);
    let conn = builder.serve_connection(io, service);
    tokio::pin!(conn);
    let mut stopping = false;
    loop {
        tokio::select! {
            _ = conn.as_mut() => break,
            // Dropping the connection closes the socket: no answer is owed to
            // a client that has not finished asking.
            () = dog.expired() => break,
            // hyper's graceful shutdown closes an idle connection once any
            // answer is written, and lets one in progress finish first.
            _ = closing.changed(), if !stopping => {
                stopping = true;
                conn.as_mut().graceful_shutdown();
            }
            () = dog.idle_under(&mut pressure), if !stopping => {
                stopping = true;
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}

/// Where a connection is, as far as timeouts go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// A request head is arriving (or, on a new connection, is awaited):
    /// it must be complete by the deadline.
    Head,
    /// The router has the request. Its body is read within the body
    /// timeout and answered at once, so no deadline is kept here.
    Busy,
    /// Answered; waiting for the client to read the answer or to start
    /// another request. Each byte written moves the deadline on.
    Idle,
}

/// Tells when a connection has been slow or idle for too long.
///
/// Changes of phase wake nobody: that cost a third more CPU per request.
/// `expired` wakes at least every `min(header, idle)` timeout instead, which
/// is enough, as no phase entered after it looked can have an earlier
/// deadline than that (see there).
struct Watchdog {
    limits: Limits,
    state: Mutex<(Phase, Instant)>,
    /// The accept loop's wish for an idle connection to close.
    wanted: Arc<AtomicBool>,
    /// Wakes `idle_under` when the connection turns idle while that is wished.
    idled: Notify,
}

/// `d` after `from`, or far in the future when that does not fit in an `Instant`.
fn after(from: Instant, d: Duration) -> Instant {
    from.checked_add(d)
        .or_else(|| from.checked_add(Duration::from_secs(365 * 24 * 3600)))
        .unwrap_or(from)
}

impl Watchdog {
    /// A new connection must send its first request head within the header
    /// timeout: an idle allowance before it would let a client that never
    /// speaks hold a slot for the (longer) idle timeout.
    fn new(limits: Limits, wanted: Arc<AtomicBool>) -> Self {
        Watchdog {
            limits,
            state: Mutex::new((Phase::Head, after(Instant::now(), limits.header_timeout))),
            wanted,
            idled: Notify::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, (Phase, Instant)> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Bytes arrived: on an idle connection they start a request, whose
    /// head has the header timeout from now, however slowly it trickles.
    fn read(&self) {
        let mut state = self.lock();
        if state.0 == Phase::Idle {
            *state = (
                Phase::Head,
                after(Instant::now(), self.limits.header_timeout),
            );
        }
    }

    /// Bytes of an answer left: a client reading its answer is not idle.
    fn wrote(&self) {
        let mut state = self.lock();
        if state.0 == Phase::Idle {
            state.1 = after(Instant::now(), self.limits.idle_timeout);
        }
    }

    fn request(&self) {
        *self.lock() = (Phase::Busy, Instant::now());
    }

    fn answered(&self) {
        *self.lock() = (Phase::Idle, after(Instant::now(), self.limits.idle_timeout));
        if self.wanted.load(Ordering::Acquire) {
            self.idled.notify_one();
        }
    }

    /// Resolves once the deadline of the current phase has passed.
    async fn expired(&self) {
        loop {
            let now = Instant::now();
            let (phase, deadline) = *self.lock();
            if phase != Phase::Busy && deadline <= now {
                return;
            }
            // While it sleeps, the phase may change unseen. A head that
            // starts later has its deadline a header timeout after it
            // starts, an idle spell an idle timeout after: neither before
            // `look_again`. A head's own deadline never moves, an idle
            // one's only later, so sleeping until it is safe too.
            let look_again = after(
                now,
                self.limits.header_timeout.min(self.limits.idle_timeout),
            );
            let wake = match phase {
                Phase::Head => deadline,
                Phase::Idle => deadline.min(look_again),
                Phase::Busy => look_again,
            };
            tokio::time::sleep_until(wake.into()).await;
        }
    }

    /// Resolves once the connection is idle while an accepted one waits for
    /// a slot, and is the one (of those idle) to make room for it.
    async fn idle_under(&self, pressure: &mut watch::Receiver<bool>) {
        loop {
            // Made before looking, so a turn to idle in between is not missed.
            let idled = self.idled.notified();
            if *pressure.borrow_and_update()
                && self.lock().0 == Phase::Idle
                && self
                    .wanted
                    .compare_exchange(true, false, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok()
            {
                return;
            }
            tokio::select! {
                changed = pressure.changed() => {
                    if changed.is_err() {
                        // The server is stopping; `closing` sees to that.
                        std::future::pending::<()>().await;
                    }
                }
                () = idled => {}
            }
        }
    }
}

/// The socket, telling the watchdog when bytes move.
struct Watched {
    stream: TcpStream,
    dog: Arc<Watchdog>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.dog.read();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.dog.wrote();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.dog.wrote();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
