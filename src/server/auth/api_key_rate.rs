//! Requests per minute per API key (`PLUGBOARD_API_RATE_PER_MINUTE`), and failed key checks
//! per minute per client address, counted in fixed one-minute windows in memory.

use std::{
    collections::HashMap,
    hash::Hash,
    net::IpAddr,
    sync::{
        atomic::{AtomicU32, Ordering},
        Mutex,
    },
};

use crate::{
    domain::limits::MAX_FAILED_KEY_CHECKS_PER_MINUTE,
    server::infra::config::DEFAULT_API_RATE_PER_MINUTE,
};

/// Counters kept at most before those of earlier minutes go.
const COUNTERS_KEPT: usize = 10_000;

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
        let used = this_minute(&mut windows, key_id, minute);
        if *used >= limit {
            return Err(until_next_minute(now));
        }
        *used += 1;
        Ok(*used == 1)
    }
}

/// Failed key checks per client: a client trying keys it does not hold is told to wait once
/// it has failed [`MAX_FAILED_KEY_CHECKS_PER_MINUTE`] times this minute, before its next
/// key reaches the database. An IPv6 client is counted by its /64, which one client usually
/// holds whole; counting single addresses would give it billions of budgets.
#[derive(Default)]
pub struct FailedKeyChecks {
    windows: Mutex<HashMap<IpAddr, (i64, u32)>>,
}

impl FailedKeyChecks {
    /// `Ok` while `client` may still have a key checked this minute, else the seconds until
    /// the next minute starts. Only reads: a client that never fails is never counted.
    pub fn admit(&self, client: IpAddr, now: i64) -> Result<(), u64> {
        let windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let failed = windows
            .get(&counted_as(client))
            .filter(|(minute, _)| *minute == now.div_euclid(60))
            .map_or(0, |(_, failed)| *failed);
        if failed >= MAX_FAILED_KEY_CHECKS_PER_MINUTE {
            return Err(until_next_minute(now));
        }
        Ok(())
    }

    /// Counts a failed check by `client` at `now`.
    pub fn failed(&self, client: IpAddr, now: i64) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        *this_minute(&mut windows, counted_as(client), now.div_euclid(60)) += 1;
        // Keys are bounded by those that exist, addresses only by what callers choose: when
        // every counter is of this minute, they all start over.
        if windows.len() > COUNTERS_KEPT {
            windows.clear();
        }
    }
}

fn counted_as(client: IpAddr) -> IpAddr {
    match client.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6((u128::from(v6) & !(u128::MAX >> 64)).into()),
        v4 => v4,
    }
}

/// The count of `key` in `minute`, starting it (at 0) if its last count was of another.
fn this_minute<K: Eq + Hash>(
    windows: &mut HashMap<K, (i64, u32)>,
    key: K,
    minute: i64,
) -> &mut u32 {
    if windows.len() > COUNTERS_KEPT {
        windows.retain(|_, (counted, _)| *counted == minute);
    }
    let (counted, used) = windows.entry(key).or_insert((minute, 0));
    if *counted != minute {
        (*counted, *used) = (minute, 0);
    }
    used
}

fn until_next_minute(now: i64) -> u64 {
    (60 - now.rem_euclid(60)) as u64
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

    #[test]
    fn a_client_that_keeps_failing_waits_for_the_next_minute() {
        let checks = FailedKeyChecks::default();
        let client: IpAddr = "203.0.113.7".parse().unwrap();
        let start = 600;
        for _ in 0..MAX_FAILED_KEY_CHECKS_PER_MINUTE {
            assert_eq!(checks.admit(client, start + 5), Ok(()));
            checks.failed(client, start + 5);
        }
        assert_eq!(checks.admit(client, start + 20), Err(40));
        let neighbour: IpAddr = "203.0.113.8".parse().unwrap();
        assert_eq!(checks.admit(neighbour, start + 20), Ok(()), "its own count");
        assert_eq!(
            checks.windows.lock().unwrap().len(),
            1,
            "admitting counts nobody"
        );
        assert_eq!(checks.admit(client, start + 60), Ok(()), "a new minute");
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64_and_a_mapped_ipv4_one_as_ipv4() {
        let checks = FailedKeyChecks::default();
        for host in 0..MAX_FAILED_KEY_CHECKS_PER_MINUTE {
            checks.failed(format!("2001:db8:1:2::{host:x}").parse().unwrap(), 0);
        }
        let same_64: IpAddr = "2001:db8:1:2:ffff::1".parse().unwrap();
        assert!(checks.admit(same_64, 1).is_err());
        let other_64: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(checks.admit(other_64, 1), Ok(()));

        for _ in 0..MAX_FAILED_KEY_CHECKS_PER_MINUTE {
            checks.failed("198.51.100.1".parse().unwrap(), 0);
        }
        let mapped: IpAddr = "::ffff:198.51.100.1".parse().unwrap();
        assert!(checks.admit(mapped, 1).is_err());
    }

    #[test]
    fn counters_stay_bounded_however_many_clients_fail() {
        let checks = FailedKeyChecks::default();
        for n in 0..(COUNTERS_KEPT as u32 * 3) {
            checks.failed(IpAddr::V4(n.into()), 0);
        }
        assert!(checks.windows.lock().unwrap().len() <= COUNTERS_KEPT);
    }
}
