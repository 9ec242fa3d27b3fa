//! Keeping to a source's request rate, per token.

use std::time::Duration;

use tokio::time::Instant;

/// The most requests a second one token makes (Better Stack's own client keeps to this).
pub const REQUESTS_PER_SECOND: u32 = 8;
/// Added to each 1/8 s gap; 8 gaps give 40 ms for delays between here and the source.
const PACE_MARGIN: Duration = Duration::from_millis(5);
/// Spaces one token's requests evenly: at most [`REQUESTS_PER_SECOND`].
#[derive(Debug)]
pub struct Pace {
    next_slot: std::sync::Mutex<Option<Instant>>,
    interval: Duration,
}

impl Default for Pace {
    fn default() -> Self {
        Self {
            next_slot: std::sync::Mutex::new(None),
            // A few milliseconds over 1/8 s: a request that leaves a little late must not
            // arrive within the same second as the eighth after it.
            interval: Duration::from_secs(1) / REQUESTS_PER_SECOND + PACE_MARGIN,
        }
    }
}

impl Pace {
    /// Waits for this token's next free slot.
    pub async fn wait(&self) {
        let slot = {
            let mut next = self.next_slot.lock().expect("pace");
            let now = Instant::now();
            let slot = next.map_or(now, |next| next.max(now));
            *next = Some(slot + self.interval);
            slot
        };
        tokio::time::sleep_until(slot).await;
        // Woken late (a busy runtime): the next request keeps its distance from this one.
        let mut next = self.next_slot.lock().expect("pace");
        let spaced = Instant::now() + self.interval;
        if next.is_some_and(|next| next < spaced) {
            *next = Some(spaced);
        }
    }

    /// Whether a request may go out now without waiting: the pace can be forgotten.
    pub fn is_idle(&self) -> bool {
        self.next_slot
            .lock()
            .expect("pace")
            .is_none_or(|next| next <= Instant::now())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_pace_allows_eight_requests_a_second() {
        let pace = Pace::default();
        let start = Instant::now();
        for _ in 0..17 {
            pace.wait().await;
        }
        // 17 requests need 16 gaps of 130 ms: no 9 of them within one second.
        assert_eq!(start.elapsed(), Duration::from_millis(16 * 130));
    }
}
