//! Incidents: the newest days and every open one in an incremental pull; all of them in a
//! complete one.

use super::{confirm, dedupe, stored_error};
use crate::server::{
    connectors::{
        betterstack::{kinds::*, pager::Pager, records},
        PullError, Pulled, Replacing,
    },
    repo::synced::Memory,
};

/// The largest page the API allows for incidents.
const INCIDENT_PAGE_SIZE: u32 = 50;
const INCIDENTS_PATH: &str = "/api/v3/incidents";

pub(super) async fn pull_incidents(
    pager: &Pager<'_>,
    memory: &Memory,
    complete: bool,
    pulled: &mut Pulled,
) -> Result<(), PullError> {
    let read = records::incident;
    let newest = if complete {
        None
    } else {
        memory
            .newest(INCIDENTS, "started_at")
            .await
            .map_err(stored_error)?
    };
    match newest.as_deref().map(|at| &at[..at.len().min(10)]) {
        Some(day) => {
            let from = [("from", day.to_owned())];
            let mut items = pager
                .fetch_all(INCIDENTS_PATH, INCIDENT_PAGE_SIZE, &from)
                .await?;
            let open = [("resolved", "false".to_owned())];
            items.extend(
                pager
                    .fetch_all(INCIDENTS_PATH, INCIDENT_PAGE_SIZE, &open)
                    .await?,
            );
            let records = dedupe(items.iter().filter_map(read).collect());
            let stored_open = memory
                .ids_without(INCIDENTS, "resolved_at")
                .await
                .map_err(stored_error)?;
            let records = confirm(pager, INCIDENTS_PATH, read, records, &stored_open).await?;
            pulled.add(INCIDENTS, records, Replacing::Nothing);
        }
        None => {
            let stored = memory.ids(INCIDENTS).await.map_err(stored_error)?;
            let items = pager
                .fetch_all(INCIDENTS_PATH, INCIDENT_PAGE_SIZE, &[])
                .await?;
            let records = dedupe(items.iter().filter_map(read).collect());
            let records = confirm(pager, INCIDENTS_PATH, read, records, &stored).await?;
            pulled.add(INCIDENTS, records, Replacing::Everything);
        }
    }
    Ok(())
}
