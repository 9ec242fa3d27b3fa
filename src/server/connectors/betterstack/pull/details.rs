//! Reads per monitor and heartbeat (availability, response times), a few each sync, the ones
//! read longest ago first.

use std::collections::HashMap;

use serde_json::Value;

use super::stored_error;
use crate::server::{
    connectors::{
        betterstack::{
            kinds::*,
            pager::Pager,
            records::{availability, response_times},
        },
        PullError, Pulled, Record, Replacing,
    },
    infra::clock,
    repo::synced::Memory,
};

const AVAILABILITY_DAYS: i64 = 30;

/// The availability of the monitors and heartbeats read longest ago (or never), at most
/// `details`, none read within a day.
pub(super) async fn pull_availability(
    pager: &Pager<'_>,
    memory: &Memory,
    details: usize,
    pulled: &mut Pulled,
) -> Result<(), PullError> {
    let read_at = memory
        .texts(AVAILABILITY, "fetched_at")
        .await
        .map_err(stored_error)?;
    let now = clock::now();
    let day_ago = clock::format_iso(now - clock::DAY);
    let subjects = pulled
        .records(MONITORS)
        .iter()
        .map(|m| ("Monitor", m, format!("/api/v2/monitors/{}/sla", m.id)))
        .chain(pulled.records(HEARTBEATS).iter().map(|h| {
            (
                "Heartbeat",
                h,
                format!("/api/v2/heartbeats/{}/availability", h.id),
            )
        }));
    let mut subjects_now = Vec::new();
    let mut due: Vec<(&str, &Record, String, Option<&String>)> = subjects
        .map(|(of, subject, path)| {
            let key = format!("{}-{}", of.to_lowercase(), subject.id);
            let last = read_at.get(&key);
            subjects_now.push(key);
            (of, subject, path, last)
        })
        .filter(|(.., last)| last.is_none_or(|at| at.as_str() < day_ago.as_str()))
        .collect();
    due.sort_by(|a, b| a.3.cmp(&b.3));
    let to = clock::format_day(now);
    let from = clock::format_day(now - AVAILABILITY_DAYS * clock::DAY);
    let fetched_at = clock::format_iso(now);
    let mut records = Vec::new();
    for (of, subject, path, _) in due.into_iter().take(details) {
        let query = format!("{path}?from={from}&to={to}");
        match detail(pager.fetch_one(&query).await)? {
            Some(Some(data)) => {
                records.extend(availability(of, subject, &data, (&from, &to), &fetched_at))
            }
            Some(None) => {}
            None => break,
        }
    }
    // The availability of a monitor or heartbeat that is gone goes with it.
    pulled.add(AVAILABILITY, records, Replacing::AllBut(subjects_now));
    Ok(())
}

/// The response times of the monitors read longest ago (or never), at most `details`: kept
/// as a series, so history grows past Better Stack's day.
pub(super) async fn pull_response_times(
    pager: &Pager<'_>,
    memory: &Memory,
    details: usize,
    pulled: &mut Pulled,
) -> Result<(), PullError> {
    let newest: HashMap<String, String> = memory
        .newest_by(RESPONSE_TIMES, "monitor_id", "at")
        .await
        .map_err(stored_error)?;
    let mut monitors: Vec<&Record> = pulled.records(MONITORS).iter().collect();
    monitors.sort_by_key(|m| newest.get(&m.id));
    let mut records = Vec::new();
    for monitor in monitors.into_iter().take(details) {
        let path = format!("/api/v2/monitors/{}/response-times", monitor.id);
        match detail(pager.fetch_one(&path).await)? {
            Some(Some(data)) => records.extend(response_times(monitor, &data)),
            Some(None) => {}
            None => break,
        }
    }
    pulled.add(RESPONSE_TIMES, records, Replacing::Nothing);
    Ok(())
}

/// A detail read's answer; `Ok(None)` when this token or plan may not read details (403, or
/// a refusal): the lists still count, and the details are left for now.
fn detail(read: Result<Option<Value>, PullError>) -> Result<Option<Option<Value>>, PullError> {
    match read {
        Ok(found) => Ok(Some(found)),
        Err(PullError::NoAccess | PullError::Refused(_)) => {
            tracing::info!("this token cannot read availability or response times");
            Ok(None)
        }
        Err(other) => Err(other),
    }
}
