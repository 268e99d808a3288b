//! What to do after each status code, and the retry schedule.
//!
//! | code | action |
//! | --- | --- |
//! | 200 | [`Action::Process`] the card data |
//! | 400 | [`Action::FixRequest`]: check the request parameters |
//! | 429 | [`Action::RetryWithBackoff`]: wait before making more requests |
//! | 250 | [`Action::TopUp`] the token account |
//! | 500 | [`Action::RetryWithBackoff`], then contact support ([`Action::GiveUp`] once the schedule runs out) |
//! | 430 | [`Action::RefreshTokenAndRetry`]: issue a new token (the old one timed out or was finalized) |
//! | other, or `status` disagreeing with the code | [`Action::GiveUp`] |

use super::response::{Status, StatusCode};
use serde::Serialize;
use std::time::Duration;

/// The next step after a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Action {
    /// Success: process the card data.
    Process,
    /// Wait (see [`Backoff`]) and send the same request again.
    RetryWithBackoff,
    /// Build a new token (new `mobicard_token_id`) and send again.
    RefreshTokenAndRetry,
    /// Top up the token account; retrying before that fails again.
    TopUp,
    /// The request is wrong: fix it; retrying as is fails again.
    FixRequest,
    /// Nothing known helps: report the failure.
    GiveUp,
}

impl Action {
    /// Whether sending again (possibly after waiting or a new token) can help.
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            Action::RetryWithBackoff | Action::RefreshTokenAndRetry
        )
    }
}

/// The action for a status and code.
pub fn action_for(status: &Status, code: &StatusCode) -> Action {
    match (status, code) {
        (Status::Success, StatusCode::Success) => Action::Process,
        (Status::Success, _) | (_, StatusCode::Success) => Action::GiveUp,
        (_, StatusCode::BadRequest) => Action::FixRequest,
        (_, StatusCode::TooManyRequests | StatusCode::Unavailable) => Action::RetryWithBackoff,
        (_, StatusCode::InsufficientTokens) => Action::TopUp,
        (_, StatusCode::Timeout) => Action::RefreshTokenAndRetry,
        _ => Action::GiveUp,
    }
}

/// Settings of [`Backoff`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackoffConfig {
    /// The first delay's ceiling.
    pub base: Duration,
    /// No delay exceeds this.
    pub max: Duration,
    /// How many delays the schedule gives before it ends (then give up).
    pub max_retries: u32,
    /// Full jitter: each delay is drawn uniformly from `0..=ceiling`, so
    /// clients that failed together do not retry together. Without it the
    /// delays are the ceilings.
    pub jitter: bool,
}

impl Default for BackoffConfig {
    fn default() -> Self {
        BackoffConfig {
            base: Duration::from_millis(500),
            max: Duration::from_secs(30),
            max_retries: 6,
            jitter: true,
        }
    }
}

/// The retry schedule as an iterator of delays, sans I/O: it neither sleeps
/// nor reads a clock or a random source. The ceiling doubles from `base`
/// up to `max`; with jitter each delay is drawn from a small generator
/// seeded by the caller (seed it from anything that differs between
/// clients, e.g. the token id or the time).
#[derive(Clone, Debug)]
pub struct Backoff {
    config: BackoffConfig,
    attempt: u32,
    state: u64,
}

impl Backoff {
    /// A schedule with `config`, jitter drawn from `seed`.
    pub fn new(config: BackoffConfig, seed: u64) -> Self {
        Backoff {
            config,
            attempt: 0,
            state: seed,
        }
    }

    /// The ceiling of the `n`-th delay (0-based): `base * 2^n`, at most `max`.
    pub fn ceiling(&self, n: u32) -> Duration {
        let factor = 1u32.checked_shl(n.min(31)).unwrap_or(u32::MAX);
        self.config
            .base
            .checked_mul(factor)
            .unwrap_or(self.config.max)
            .min(self.config.max)
    }

    /// splitmix64: small, fast, and good enough to spread retries.
    fn next_random(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Iterator for Backoff {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        if self.attempt >= self.config.max_retries {
            return None;
        }
        let ceiling = self.ceiling(self.attempt);
        self.attempt += 1;
        if !self.config.jitter {
            return Some(ceiling);
        }
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        let r = self.next_random();
        Some(Duration::from_nanos(if nanos == u64::MAX {
            r
        } else {
            r % (nanos + 1)
        }))
    }
}
