//! Accepting connections and reading request heads on one thread (with `mio`), so that idle
//! or half-open connections cost a buffer, never a thread; a fixed pool of workers answers.

use std::collections::HashMap;
use std::io::{ErrorKind, Read};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token};

use super::http::{self, MAX_HEAD_BYTES, Parsed, Request, Response};

/// Limits that keep slow or hostile clients from tying the server up.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Threads that answer requests (besides the one that reads them).
    pub workers: usize,
    /// Connections whose request head is still being read; beyond this the oldest is closed.
    pub pending: usize,
    /// Time a client has to send its whole request head.
    pub header_timeout: Duration,
    /// Time a connection may stay silent before it is closed.
    pub idle_timeout: Duration,
    /// Time a worker waits for a client to take a response.
    pub write_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            workers: 4,
            pending: 256,
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(5),
            write_timeout: Duration::from_secs(10),
        }
    }
}

/// Answers one request on its connection (the stream is blocking, with a write timeout).
pub type Handler = dyn Fn(Request, std::net::TcpStream) + Send + Sync;

type Job = (Request, std::net::TcpStream);

const LISTENER: Token = Token(0);
/// How often timeouts are checked when nothing happens.
const TICK: Duration = Duration::from_millis(250);

/// A connection whose request head is not complete yet.
struct Pending {
    stream: TcpStream,
    head: Vec<u8>,
    opened: Instant,
    last_read: Instant,
}

enum Progress {
    Waiting,
    Closed,
    Done(Parsed),
}

/// Accepts and serves connections until the listener fails. Blocks.
pub fn run(listener: std::net::TcpListener, limits: Limits, handler: Arc<Handler>) -> Result<()> {
    listener.set_nonblocking(true)?;
    let mut listener = TcpListener::from_std(listener);
    let mut poll = Poll::new().context("cannot start the server's event loop")?;
    poll.registry()
        .register(&mut listener, LISTENER, Interest::READABLE)?;
    let jobs = spawn_workers(limits, handler)?;
    let mut pending: HashMap<Token, Pending> = HashMap::new();
    let mut next_token = 1;
    let mut events = Events::with_capacity(256);
    loop {
        if let Err(error) = poll.poll(&mut events, Some(TICK)) {
            if error.kind() == ErrorKind::Interrupted {
                continue;
            }
            return Err(error).context("the server's event loop failed");
        }
        for event in &events {
            if event.token() == LISTENER {
                accept_all(&listener, &poll, &mut pending, &mut next_token, limits);
                continue;
            }
            let token = event.token();
            let Some(connection) = pending.get_mut(&token) else {
                continue;
            };
            match read_more(connection) {
                Progress::Waiting => {}
                Progress::Closed => close(&poll, &mut pending, token),
                Progress::Done(parsed) => {
                    let Some(mut connection) = pending.remove(&token) else {
                        continue;
                    };
                    let _ = poll.registry().deregister(&mut connection.stream);
                    dispatch(connection.stream.into(), parsed, &jobs, limits);
                }
            }
        }
        expire(&poll, &mut pending, limits);
    }
}

fn spawn_workers(limits: Limits, handler: Arc<Handler>) -> Result<SyncSender<Job>> {
    let (sender, receiver) = sync_channel::<Job>(limits.workers * 16);
    let receiver = Arc::new(Mutex::new(receiver));
    for n in 0..limits.workers {
        let (receiver, handler) = (receiver.clone(), handler.clone());
        std::thread::Builder::new()
            .name(format!("docket-serve-{n}"))
            .spawn(move || work(&receiver, &*handler))
            .context("cannot start the server's threads")?;
    }
    Ok(sender)
}

fn work(receiver: &Mutex<Receiver<Job>>, handler: &Handler) {
    loop {
        let job = match receiver.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        let Ok((request, stream)) = job else { return };
        handler(request, stream);
    }
}

fn accept_all(
    listener: &TcpListener,
    poll: &Poll,
    pending: &mut HashMap<Token, Pending>,
    next_token: &mut usize,
    limits: Limits,
) {
    loop {
        let mut stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(error) if error.kind() == ErrorKind::WouldBlock => return,
            // Out of file descriptors or a connection reset before accept: try again later.
            Err(_) => return,
        };
        if pending.len() >= limits.pending {
            let oldest = pending
                .iter()
                .min_by_key(|(_, c)| c.opened)
                .map(|(t, _)| *t);
            if let Some(token) = oldest {
                close(poll, pending, token);
            }
        }
        let token = Token(*next_token);
        *next_token = next_token.wrapping_add(1).max(1);
        if poll
            .registry()
            .register(&mut stream, token, Interest::READABLE)
            .is_err()
        {
            continue;
        }
        let now = Instant::now();
        pending.insert(
            token,
            Pending {
                stream,
                head: Vec::new(),
                opened: now,
                last_read: now,
            },
        );
    }
}

/// Reads what has arrived (until the socket would block) and parses the head so far.
fn read_more(connection: &mut Pending) -> Progress {
    let mut chunk = [0u8; 4096];
    loop {
        match connection.stream.read(&mut chunk) {
            Ok(0) => return Progress::Closed,
            Ok(n) => {
                connection.last_read = Instant::now();
                connection.head.extend_from_slice(&chunk[..n]);
                match http::parse(&connection.head) {
                    Parsed::Partial if connection.head.len() < MAX_HEAD_BYTES => {}
                    Parsed::Partial => {
                        return Progress::Done(http::parse(&connection.head[..MAX_HEAD_BYTES]));
                    }
                    parsed => return Progress::Done(parsed),
                }
            }
            Err(error) if error.kind() == ErrorKind::WouldBlock => return Progress::Waiting,
            Err(error) if error.kind() == ErrorKind::Interrupted => {}
            Err(_) => return Progress::Closed,
        }
    }
}

/// Hands a complete request to a worker, or answers at once when there is nothing to hand.
fn dispatch(stream: std::net::TcpStream, parsed: Parsed, jobs: &SyncSender<Job>, limits: Limits) {
    let response = match parsed {
        Parsed::Complete(request) => {
            if stream.set_nonblocking(false).is_err()
                || stream
                    .set_write_timeout(Some(limits.write_timeout))
                    .is_err()
            {
                return;
            }
            match jobs.try_send((request, stream)) {
                Ok(()) => return,
                Err(TrySendError::Full((_, stream)) | TrySendError::Disconnected((_, stream))) => {
                    answer_now(stream, Response::text(503, "Service Unavailable", "busy"));
                    return;
                }
            }
        }
        Parsed::Invalid(response) => response,
        Parsed::Partial => Response::bad_request(),
    };
    answer_now(stream, response);
}

/// A short answer written without waiting: a client that does not read it loses it.
fn answer_now(mut stream: std::net::TcpStream, response: Response) {
    let _ = stream.set_nonblocking(true);
    let _ = response.write_to(&mut stream, false);
}

fn close(poll: &Poll, pending: &mut HashMap<Token, Pending>, token: Token) {
    if let Some(mut connection) = pending.remove(&token) {
        let _ = poll.registry().deregister(&mut connection.stream);
    }
}

/// Closes connections that took too long to send their head or fell silent.
fn expire(poll: &Poll, pending: &mut HashMap<Token, Pending>, limits: Limits) {
    let now = Instant::now();
    let expired: Vec<Token> = pending
        .iter()
        .filter(|(_, c)| {
            now - c.opened > limits.header_timeout || now - c.last_read > limits.idle_timeout
        })
        .map(|(token, _)| *token)
        .collect();
    for token in expired {
        close(poll, pending, token);
    }
}
