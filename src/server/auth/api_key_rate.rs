//! Requests per minute per API key (`PLUGBOARD_API_RATE_PER_MINUTE`), counted in fixed
//! one-minute windows in memory.

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicU32, Ordering},
        Mutex,
    },
};

use crate::server::infra::config::DEFAULT_API_RATE_PER_MINUTE;

pub struct KeyRate {
    per_minute: AtomicU32,
    /// Per key: the minute counted and the requests in it. Bounded by the keys that exist
    /// and are valid: only authenticated requests are counted.
    windows: Mutex<HashMap<i64, (i64, u32)>>,
}

impl Default for KeyRate {
    fn default() -> Self {
        Self {
            per_minute: AtomicU32::new(DEFAULT_API_RATE_PER_MINUTE),
            windows: Mutex::default(),
        }
    }
}

impl KeyRate {
    pub fn set_per_minute(&self, per_minute: u32) {
        self.per_minute.store(per_minute, Ordering::Relaxed);
    }

    /// Counts a request of key `key_id` at `now` (Unix seconds): `Ok` if within the limit
    /// (`Ok(true)` for the key's first request of this minute), else the seconds until the
    /// next minute starts.
    pub fn admit(&self, key_id: i64, now: i64) -> Result<bool, u64> {
        let minute = now.div_euclid(60);
        let limit = self.per_minute.load(Ordering::Relaxed);
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > 10_000 {
            windows.retain(|_, (counted, _)| *counted == minute);
        }
        let (counted, used) = windows.entry(key_id).or_insert((minute, 0));
        if *counted != minute {
            (*counted, *used) = (minute, 0);
        }
        if *used >= limit {
            return Err((60 - now.rem_euclid(60)) as u64);
        }
        *used += 1;
        Ok(*used == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_gets_its_requests_per_minute_then_waits_for_the_next_minute() {
        let rate = KeyRate::default();
        rate.set_per_minute(2);
        let start = 600; // the start of a minute
        assert_eq!(rate.admit(1, start + 10), Ok(true), "the minute's first");
        assert_eq!(rate.admit(1, start + 11), Ok(false));
        assert_eq!(rate.admit(1, start + 15), Err(45));
        assert_eq!(
            rate.admit(2, start + 15),
            Ok(true),
            "each key has its own count"
        );
        assert_eq!(rate.admit(1, start + 60), Ok(true), "a new minute");
    }
}
