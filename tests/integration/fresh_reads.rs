//! What the server keeps in memory (sessions, users, connection pages, list pages) is never
//! served after a change has been answered, even while others read the same pages
//! continuously. See `server::read_cache`.

use std::sync::{
    atomic::{AtomicBool, AtomicUsize, Ordering},
    Arc,
};

use plugboard::api::{
    connection_changes::{ChangePrivacy, GetConnectionDetail, RenameConnection},
    connections::ListConnections,
    members::{ChangeRole, RemoveMember},
    session::GetViewer,
};

use crate::support::{
    browser::{Browser, Reply},
    connections::{app_with_double, create_connection, save_credential, usual_world, SOURCE},
};
use plugboard::wire::{connection_detail::ConnectionDetail, connections::SourceConnections};

async fn detail(browser: &Browser, id: &str) -> Reply {
    browser
        .call::<GetConnectionDetail>(&[("source", SOURCE), ("id", id)])
        .await
}

async fn visible(browser: &Browser, id: &str) -> ConnectionDetail {
    let reply = detail(browser, id).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

async fn list(browser: &Browser) -> SourceConnections {
    let reply = browser
        .call::<ListConnections>(&[("source", SOURCE), ("page", "1")])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

/// Another handle on the same browser (same cookies), for a task of its own.
fn same_browser(browser: &Browser) -> Browser {
    Browser {
        client: browser.client.clone(),
        jar: browser.jar.clone(),
        base: browser.base.clone(),
    }
}

#[tokio::test]
async fn every_change_shows_on_the_next_read_while_others_keep_reading() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod", "team_freshReads000TOKEN").await;
    let id = create_connection(&app, &admin, tile.id, "Status", "workspace", None)
        .await
        .to_string();
    let bo = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let bo_id = app.user_id("bo@acme.test").await.to_string();

    // Readers that keep the same pages loaded (and so kept) the whole time.
    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = [&bo, &admin, &bo]
        .into_iter()
        .map(|browser| {
            let (browser, stop, reads, id) = (
                same_browser(browser),
                stop.clone(),
                reads.clone(),
                id.clone(),
            );
            tokio::spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    let detail = detail(&browser, &id).await;
                    let list = browser
                        .call::<ListConnections>(&[("source", SOURCE), ("page", "1")])
                        .await;
                    for reply in [detail, list] {
                        assert!(reply.status < 500, "{reply:?}");
                    }
                    reads.fetch_add(2, Ordering::Relaxed);
                }
            })
        })
        .collect();

    for round in 0..15 {
        let name = format!("Status {round}");
        let renamed = admin
            .call::<RenameConnection>(&[("source", SOURCE), ("id", &id), ("name", &name)])
            .await;
        assert_eq!(renamed.status, 200, "{renamed:?}");
        assert_eq!(visible(&bo, &id).await.facts.name, name);
        assert_eq!(list(&bo).await.connections[0].name, name);

        let narrowed = admin
            .call::<ChangePrivacy>(&[
                ("source", SOURCE),
                ("id", &id),
                ("privacy", "private"),
                ("confirm", "yes"),
            ])
            .await;
        assert_eq!(narrowed.status, 200, "{narrowed:?}");
        assert_eq!(detail(&bo, &id).await.status, 404, "round {round}");
        assert_eq!(list(&bo).await.total, 0, "round {round}");

        let widened = admin
            .call::<ChangePrivacy>(&[("source", SOURCE), ("id", &id), ("privacy", "workspace")])
            .await;
        assert_eq!(widened.status, 200, "{widened:?}");
        assert!(!visible(&bo, &id).await.can_manage);

        // The same person, a different role: what they may do follows at once, both ways.
        for (role, manages) in [("admin", true), ("member", false)] {
            let changed = admin
                .call::<ChangeRole>(&[("member_id", &bo_id), ("role", role)])
                .await;
            assert_eq!(changed.status, 200, "{changed:?}");
            assert_eq!(visible(&bo, &id).await.can_manage, manages, "as {role}");
        }
    }

    let removed = admin.call::<RemoveMember>(&[("member_id", &bo_id)]).await;
    assert_eq!(removed.status, 200, "{removed:?}");
    assert_eq!(bo.call::<GetViewer>(&[]).await.body, "null");
    assert_eq!(detail(&bo, &id).await.status, 401);

    stop.store(true, Ordering::Relaxed);
    for reader in readers {
        reader.await.expect("a reader saw a server error");
    }
    assert!(
        reads.load(Ordering::Relaxed) > 100,
        "the readers kept reading"
    );
}
