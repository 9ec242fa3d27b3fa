//! Counting the commits this process makes, so that answers kept in memory
//! ([`crate::server::read_cache`]) can tell they are out of date.
//!
//! The count is bumped from SQLite's WAL hook, which runs after a commit has taken place and
//! its write lock is released: by the time the count moves, every new read sees the commit.
//! (The commit and update hooks sqlx offers run *before* the commit is visible, so a reader
//! could load the old row again right after them.) Every write through the main pool is
//! counted, whoever makes it: our services, migrations, deleting someone's sessions.
//!
//! tower-sessions' store writes through a pool of its own, counted apart ([`Counter`]):
//! signing in, out and renewing a session make kept sessions old, and nothing else.

use std::{
    ffi::{c_char, c_int, c_void},
    sync::atomic::{AtomicU64, Ordering},
};

use libsqlite3_sys::{sqlite3, sqlite3_wal_checkpoint, sqlite3_wal_hook, SQLITE_OK};
use sqlx::SqliteConnection;

/// Commits made through the main pools this process opened. One count for all of them: a
/// commit to one database making another's answers look old only costs a reload.
static COMMITS: AtomicU64 = AtomicU64::new(0);
/// Commits made through the session stores' pools.
static SESSION_COMMITS: AtomicU64 = AtomicU64::new(0);

/// Which count a connection's commits go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counter {
    /// Everything but the session store.
    Data,
    /// The session store's own writes.
    Sessions,
}

impl Counter {
    fn count(self) -> &'static AtomicU64 {
        match self {
            Counter::Data => &COMMITS,
            Counter::Sessions => &SESSION_COMMITS,
        }
    }
}

/// WAL frames after which a commit checkpoints, as SQLite's own automatic checkpoint does;
/// installing a WAL hook replaces that one.
const CHECKPOINT_FRAMES: c_int = 1000;

/// How many commits this process has seen so far, the session store's aside.
pub fn seen() -> u64 {
    COMMITS.load(Ordering::SeqCst)
}

/// How many commits this process has seen so far, the session store's included: what a
/// kept session is checked against (deleting someone's sessions is a data commit).
pub fn seen_with_sessions() -> u64 {
    seen().wrapping_add(SESSION_COMMITS.load(Ordering::SeqCst))
}

/// Counts every commit made on `conn` from now on, in `counter`. Fails unless the database is in WAL mode:
/// in any other mode the hook never runs, and memory would keep answering with old rows.
pub async fn watch(conn: &mut SqliteConnection, counter: Counter) -> sqlx::Result<()> {
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut *conn)
        .await?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(sqlx::Error::Configuration(
            format!("the database must be in WAL mode, but it is in {mode} mode").into(),
        ));
    }
    let mut handle = conn.lock_handle().await?;
    let count: *const AtomicU64 = counter.count();
    // SAFETY: the handle is locked, so its worker thread makes no call on it meanwhile; the
    // hook's argument is a static counter, and the hook lives as long as the program.
    unsafe {
        sqlite3_wal_hook(
            handle.as_raw_handle().as_ptr(),
            Some(after_commit),
            count.cast_mut().cast(),
        );
    }
    Ok(())
}

/// SQLite calls this after each commit on a watched connection.
unsafe extern "C" fn after_commit(
    count: *mut c_void,
    db: *mut sqlite3,
    schema: *const c_char,
    frames: c_int,
) -> c_int {
    // SAFETY: `watch` passed a pointer to one of the static counters.
    let count = unsafe { &*count.cast::<AtomicU64>() };
    count.fetch_add(1, Ordering::SeqCst);
    if frames >= CHECKPOINT_FRAMES {
        // SAFETY: SQLite hands the hook its own open handle and schema name, and allows a
        // checkpoint from inside it (its default hook does exactly this). A checkpoint that
        // cannot run now is retried after a later commit.
        unsafe { sqlite3_wal_checkpoint(db, schema) };
    }
    SQLITE_OK
}

#[cfg(test)]
mod tests {
    use sqlx::{sqlite::SqliteConnectOptions, ConnectOptions, Connection};

    use super::*;

    async fn watched(
        dir: &tempfile::TempDir,
        wal: bool,
        counter: Counter,
    ) -> sqlx::Result<SqliteConnection> {
        let mode = if wal {
            sqlx::sqlite::SqliteJournalMode::Wal
        } else {
            sqlx::sqlite::SqliteJournalMode::Delete
        };
        let mut conn = SqliteConnectOptions::new()
            .filename(dir.path().join("t.db"))
            .create_if_missing(true)
            .journal_mode(mode)
            .connect()
            .await?;
        watch(&mut conn, counter).await?;
        Ok(conn)
    }

    // One test on purpose: the count is process-wide, and tests run in parallel threads, so
    // each assertion is "moved at least" or "made no commit of its own" on this connection.
    #[tokio::test]
    async fn counts_commits_not_rollbacks_and_refuses_other_journal_modes() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = watched(&dir, true, Counter::Data).await.unwrap();
        sqlx::query("CREATE TABLE t (x)")
            .execute(&mut conn)
            .await
            .unwrap();

        let before = seen();
        sqlx::query("INSERT INTO t VALUES (1)")
            .execute(&mut conn)
            .await
            .unwrap();
        assert!(seen() > before, "an autocommitted write is counted");

        let before = seen();
        let mut tx = conn.begin().await.unwrap();
        sqlx::query("INSERT INTO t VALUES (2)")
            .execute(&mut *tx)
            .await
            .unwrap();
        let during = seen();
        tx.commit().await.unwrap();
        assert!(seen() > during, "a transaction is counted when it commits");
        assert!(during >= before);

        // Many frames: the hook's checkpoint keeps the WAL file from growing without end.
        for _ in 0..4 {
            sqlx::query(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
                 INSERT INTO t SELECT randomblob(200) FROM n",
            )
            .execute(&mut conn)
            .await
            .unwrap();
        }
        let (busy, log, checkpointed): (i64, i64, i64) =
            sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
                .fetch_one(&mut conn)
                .await
                .unwrap();
        assert_eq!(busy, 0);
        assert!(
            log < 2 * CHECKPOINT_FRAMES as i64,
            "the WAL was checkpointed along the way ({log} frames, {checkpointed} copied)"
        );
        conn.close().await.unwrap();

        let other = tempfile::tempdir().unwrap();
        let refused = watched(&other, false, Counter::Data).await.unwrap_err();
        assert!(refused.to_string().contains("WAL mode"), "{refused}");
    }

    /// Nothing else in this test binary writes through a session-counted connection, so its
    /// count moves by exactly this test's commits.
    #[tokio::test]
    async fn a_session_store_commit_is_counted_apart() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = watched(&dir, true, Counter::Sessions).await.unwrap();
        sqlx::query("CREATE TABLE s (x)")
            .execute(&mut conn)
            .await
            .unwrap();
        let sessions_before = SESSION_COMMITS.load(Ordering::SeqCst);
        let both_before = seen_with_sessions();
        sqlx::query("INSERT INTO s VALUES (1)")
            .execute(&mut conn)
            .await
            .unwrap();
        assert_eq!(SESSION_COMMITS.load(Ordering::SeqCst), sessions_before + 1);
        assert!(seen_with_sessions() > both_before);
    }
}
