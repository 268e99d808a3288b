//! The spec's polling schedule, sans I/O: time is an input.
//!
//! Best practice from the spec: poll the status until it is not `PENDING`,
//! at most 10 times after the images were acquired (the end of the user
//! journey, or the API call), at 40, 60, 100, 160, 240, 340, 460, 600, 760
//! and 940 seconds; after that, once a day. Then retrieve details and
//! images once.

use super::classify::{RetrievalError, RetryHint};
use super::codes::ScanStatus;
use std::time::Duration;

/// The spec's recommended offsets, in seconds after image acquisition.
pub const RECOMMENDED_SECONDS: [u64; 10] = [40, 60, 100, 160, 240, 340, 460, 600, 760, 940];

/// The daily attempts after the tenth.
pub const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// When to poll: the offsets after image acquisition, as an endless
/// iterator (the recommended ten, then one a day after the last).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollSchedule {
    offsets: Vec<Duration>,
    next: usize,
    days: u32,
}

impl PollSchedule {
    /// The spec's schedule.
    pub fn recommended() -> Self {
        Self::custom(RECOMMENDED_SECONDS.iter().map(|s| Duration::from_secs(*s)))
    }

    /// Your own offsets (the spec allows it), then daily after the last.
    pub fn custom(offsets: impl IntoIterator<Item = Duration>) -> Self {
        let mut offsets: Vec<Duration> = offsets.into_iter().collect();
        offsets.sort();
        PollSchedule {
            offsets,
            next: 0,
            days: 0,
        }
    }

    /// How many offsets come before the daily ones.
    pub fn consecutive(&self) -> usize {
        self.offsets.len()
    }
}

impl Default for PollSchedule {
    fn default() -> Self {
        Self::recommended()
    }
}

impl Iterator for PollSchedule {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        if let Some(at) = self.offsets.get(self.next) {
            self.next += 1;
            return Some(*at);
        }
        self.days = self.days.saturating_add(1);
        let last = self.offsets.last().copied().unwrap_or_default();
        Some(last + DAY * self.days)
    }
}

/// What to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollAction {
    /// Wait this long, then ask again.
    Wait(Duration),
    /// Poll the status now, and report it with [`Poller::observe`] or
    /// [`Poller::observe_error`].
    Poll,
    /// Stop: `DONE` or `FAILED` (or a status the spec does not list, which
    /// is not `PENDING`) was seen; retrieve details and images once.
    Final(ScanStatus),
    /// Stop: still `PENDING` after every allowed attempt.
    GaveUp {
        /// Attempts made.
        attempts: u32,
    },
    /// Stop: an error that retrying will not fix.
    Failed(RetrievalError),
}

/// Polling state for one transaction. Times are offsets from any epoch the
/// caller picks (e.g. an `Instant` taken at start), as long as it is the
/// same for every call.
///
/// A slot of the schedule that has passed when a poll is reported is
/// skipped, not made up for: polling late never bunches requests, and the
/// daily polls start when the schedule says.
#[derive(Debug, Clone)]
pub struct Poller {
    schedule: PollSchedule,
    acquired_at: Duration,
    next_at: Option<Duration>,
    attempts: u32,
    slots: u32,
    max_slots: u32,
    stopped: Option<PollAction>,
}

impl Poller {
    /// Polls on the spec's schedule from `acquired_at` (when the images were
    /// acquired), the ten slots only; see [`with_daily`](Self::with_daily).
    pub fn new(acquired_at: Duration) -> Self {
        Self::with_schedule(acquired_at, PollSchedule::recommended(), 0)
    }

    /// Also polls once a day, `days` times, after the consecutive slots.
    pub fn with_daily(mut self, days: u32) -> Self {
        self.max_slots = self.schedule.consecutive() as u32 + days;
        self
    }

    /// Polls on any schedule, with `daily` slots after its offsets.
    pub fn with_schedule(acquired_at: Duration, mut schedule: PollSchedule, daily: u32) -> Self {
        let max_slots = schedule.consecutive() as u32 + daily;
        let first = schedule.next().map(|o| acquired_at + o);
        Poller {
            schedule,
            acquired_at,
            next_at: first.filter(|_| max_slots > 0),
            attempts: 0,
            slots: 1,
            max_slots,
            stopped: None,
        }
    }

    /// Polls reported so far.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// When the next poll is due (an offset from the caller's epoch), if any.
    pub fn next_at(&self) -> Option<Duration> {
        if self.stopped.is_some() {
            None
        } else {
            self.next_at
        }
    }

    /// What to do at time `now`.
    pub fn action(&self, now: Duration) -> PollAction {
        if let Some(stop) = &self.stopped {
            return stop.clone();
        }
        match self.next_at {
            Some(at) if at > now => PollAction::Wait(at - now),
            Some(_) => PollAction::Poll,
            None => PollAction::GaveUp {
                attempts: self.attempts,
            },
        }
    }

    /// Reports the status seen by a poll at `now` (ignored once stopped).
    pub fn observe(&mut self, status: &ScanStatus, now: Duration) -> PollAction {
        if self.stopped.is_some() {
            return self.action(now);
        }
        self.attempts += 1;
        if status.is_final() {
            self.stopped = Some(PollAction::Final(status.clone()));
        } else {
            self.advance(now, now);
        }
        self.action(now)
    }

    /// Reports a failed poll at `now`: a retryable error takes the attempt's
    /// slot, and the next poll waits for the later of the schedule and the
    /// error's retry hint; any other error stops polling (ignored once stopped).
    pub fn observe_error(&mut self, error: RetrievalError, now: Duration) -> PollAction {
        if self.stopped.is_some() {
            return self.action(now);
        }
        self.attempts += 1;
        match error.retry {
            RetryHint::After(d) => self.advance(now, now + d),
            RetryHint::Never => self.stopped = Some(PollAction::Failed(error)),
        }
        self.action(now)
    }

    /// Moves to the first slot after `now`, not earlier than `not_before`.
    fn advance(&mut self, now: Duration, not_before: Duration) {
        self.next_at = None;
        while self.slots < self.max_slots {
            self.slots += 1;
            match self.schedule.next().map(|o| self.acquired_at + o) {
                Some(at) if at > now => {
                    self.next_at = Some(at.max(not_before));
                    return;
                }
                Some(_) => continue,
                None => break,
            }
        }
        self.stopped = Some(PollAction::GaveUp {
            attempts: self.attempts,
        });
    }
}
