//! Time for [`super::RetrievalClient::wait_for_scan`], injectable so tests
//! run the whole schedule in milliseconds.

use std::time::{Duration, Instant};

/// A monotonic clock: time since any fixed start.
pub trait Clock: Send + Sync {
    /// Time elapsed since the clock's start.
    fn now(&self) -> Duration;
}

/// Something that waits.
pub trait Sleeper: Send + Sync {
    /// Blocks for `duration`.
    fn sleep(&self, duration: Duration);
}

/// The real clock and sleeper.
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    start: Instant,
}

impl SystemClock {
    /// A clock starting now.
    pub fn new() -> Self {
        SystemClock {
            start: Instant::now(),
        }
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.start.elapsed()
    }
}

impl Sleeper for SystemClock {
    fn sleep(&self, duration: Duration) {
        std::thread::sleep(duration);
    }
}
