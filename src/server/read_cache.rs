//! Answers read from the database, kept in memory until something commits.
//!
//! Every hot read (the session, the signed-in user, a connection's page, a page of the
//! connections list) is otherwise several round trips to SQLite's worker threads, and those
//! hand-offs cost more than the queries. An answer here is served again only
//! while no commit has happened since its load *began* ([`commits`]): a write that
//! commits before or during the load makes it old, so a stale answer — a permission already
//! taken away — is never served after the write's response has gone out.
//!
//! Misses for the same key share one load, so an answer that grows old under load is loaded
//! once, not once per request in flight. Both that and the bound on memory are `moka`'s: an
//! answer is kept under its key *and* the commit count when its load began, so a commit simply
//! moves every reader to keys not loaded yet, and the old ones age out.
//!
//! Writes by another process (`plugboard admin …`, sqlite3 by hand) are not counted; an answer
//! is also loaded again once it has been kept for [`MAX_AGE`], which bounds how long those go
//! unseen (caches of slow loads set a longer age of their own, [`SLOW_LOAD_MAX_AGE`]). That
//! reload is made by the first caller to find the answer too old; callers arriving
//! while it runs are served the answer it replaces, so a slow load (the dashboard over
//! thousands of connections) costs one request its time, not every request in flight; with
//! [`ReadCache::get_or_load_aside`] it costs no request its time. This never serves anything
//! older than a commit of this process: a commit changes the key.

use std::{
    future::Future,
    hash::Hash,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use moka::future::Cache;

use crate::server::infra::db::commits;

/// How old an answer may grow before it is loaded again, when this process committed nothing
/// since.
pub const MAX_AGE: Duration = Duration::from_secs(1);
/// [`MAX_AGE`] for answers read from rows only this process writes, pulled records and who may
/// see them, that take tens of milliseconds to load (the dashboard, a connection's Overview):
/// `plugboard admin` changes passwords and sessions, never those rows, so only an edit by
/// hand goes unseen this long, while loading such an answer every second would take a
/// noticeable share of a small server's time.
pub const SLOW_LOAD_MAX_AGE: Duration = Duration::from_secs(10);
/// An answer nobody asked for in this long is dropped, reloading or not.
const KEPT_AT_MOST: Duration = Duration::from_secs(30);

pub struct ReadCache<K, V> {
    /// Answers by (commit count when their load began, key).
    answers: Cache<(u64, K), Kept<V>>,
    /// The commit count answers are checked against.
    commits: fn() -> u64,
    max_age: Duration,
}

/// An answer, when it was loaded, and whether a caller is loading it again.
#[derive(Clone)]
struct Kept<V> {
    value: V,
    loaded: Instant,
    reloading: Arc<AtomicBool>,
}

impl<V> Kept<V> {
    fn new(value: V) -> Self {
        Self {
            value,
            loaded: Instant::now(),
            reloading: Arc::default(),
        }
    }

    /// The turn to load this answer again: `None` while it is young enough, or while another
    /// caller is loading it again (whoever finds `None` serves this answer).
    fn reload_turn(&self, max_age: Duration) -> Option<ReloadTurn> {
        if self.loaded.elapsed() < max_age || self.reloading.swap(true, Ordering::AcqRel) {
            return None;
        }
        Some(ReloadTurn(self.reloading.clone()))
    }
}

/// Lets the next caller reload if this one's reload ends without an answer (an error, or
/// the request went away).
struct ReloadTurn(Arc<AtomicBool>);

impl Drop for ReloadTurn {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

impl<K, V> ReadCache<K, V>
where
    K: Eq + Hash + Clone + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    /// A cache of at most `capacity` answers, made old by any commit but the session store's.
    pub fn new(capacity: usize) -> Self {
        Self::counting(capacity, commits::seen)
    }

    /// A cache of at most `capacity` answers, made old whenever `commits` moves.
    pub fn counting(capacity: usize, commits: fn() -> u64) -> Self {
        Self {
            answers: Cache::builder()
                .max_capacity(capacity as u64)
                .time_to_idle(KEPT_AT_MOST)
                .build(),
            commits,
            max_age: MAX_AGE,
        }
    }

    /// This cache, its answers loaded again once `max_age` old rather than [`MAX_AGE`].
    pub fn reloaded_after(self, max_age: Duration) -> Self {
        Self { max_age, ..self }
    }

    /// The answer for `key`: from memory if nothing committed since its load began, otherwise
    /// from `load`, kept if it succeeds. Errors are not kept. While one caller loads `key`,
    /// others wanting it (and having seen the same commits) wait and take its answer; if the
    /// answer is only too old, they take the one being replaced instead of waiting.
    pub async fn get_or_load<E, Load>(&self, key: K, load: Load) -> Result<V, E>
    where
        Load: Future<Output = Result<V, E>>,
    {
        // Only this caller's own failure is its answer; the cache hands waiters a shared `()`.
        let failure: Mutex<Option<E>> = Mutex::new(None);
        let mut own_load = std::pin::pin!(async {
            load.await.map_err(|error| {
                *failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(error);
            })
        });
        loop {
            let generation = (self.commits)();
            if let Some(kept) = self.answers.get(&(generation, key.clone())).await {
                let Some(_turn) = kept.reload_turn(self.max_age) else {
                    return Ok(kept.value);
                };
                return match own_load.as_mut().await {
                    Ok(value) => {
                        let fresh = Kept::new(value.clone());
                        self.answers.insert((generation, key), fresh).await;
                        Ok(value)
                    }
                    Err(()) => Err(failure
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .take()
                        .expect("a failed load leaves its error")),
                };
            }
            let load_and_keep = async { own_load.as_mut().await.map(Kept::new) };
            let answer = self
                .answers
                .try_get_with((generation, key.clone()), load_and_keep)
                .await;
            match answer {
                Ok(kept) => return Ok(kept.value),
                Err(_) => {
                    if let Some(error) = failure.lock().unwrap_or_else(|e| e.into_inner()).take() {
                        return Err(error);
                    }
                    // Another caller's load failed: that says nothing of this one's, which
                    // runs now.
                }
            }
        }
    }

    /// As [`Self::get_or_load`], except that an answer which is only too old is loaded again
    /// by a task of its own, and this caller too takes the answer it replaces. For loads slow
    /// enough that the one request making them would show in a page's slowest times: a page
    /// load holds one of the few render turns while it waits
    /// ([`crate::server::http::render_slots`]). A failed reload keeps nothing; the next caller
    /// to find the answer too old tries again.
    ///
    /// A reload that finds the same answer keeps the one it had (for an `Arc`, the same
    /// allocation), so whatever was made once per answer — its rendered HTML — still applies.
    pub async fn get_or_load_aside<E, Load>(&self, key: K, load: Load) -> Result<V, E>
    where
        V: PartialEq,
        Load: Future<Output = Result<V, E>> + Send + 'static,
    {
        let generation = (self.commits)();
        if let Some(kept) = self.answers.get(&(generation, key.clone())).await {
            if let Some(turn) = kept.reload_turn(self.max_age) {
                let answers = self.answers.clone();
                let previous = kept.value.clone();
                tokio::spawn(async move {
                    let _turn = turn;
                    let Some(value) = load.await.ok() else {
                        return;
                    };
                    let value = if value == previous { previous } else { value };
                    answers.insert((generation, key), Kept::new(value)).await;
                });
            }
            return Ok(kept.value);
        }
        self.get_or_load(key, load).await
    }

    #[cfg(test)]
    async fn len(&self) -> u64 {
        self.answers.run_pending_tasks().await;
        self.answers.entry_count()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use sqlx::{sqlite::SqliteConnectOptions, ConnectOptions, SqlitePool};

    use super::*;

    /// A database whose commits are counted, as the app's is, with one row to read.
    async fn database(dir: &tempfile::TempDir) -> SqlitePool {
        let options = SqliteConnectOptions::new()
            .filename(dir.path().join("cache.db"))
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal);
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .after_connect(|conn, _| Box::pin(commits::watch(conn, commits::Counter::Data)))
            .connect_with(options)
            .await
            .unwrap();
        sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query("INSERT INTO t VALUES (1, 'old')")
            .execute(&pool)
            .await
            .unwrap();
        pool
    }

    async fn name(pool: &SqlitePool, loads: &AtomicUsize) -> sqlx::Result<String> {
        loads.fetch_add(1, Ordering::SeqCst);
        sqlx::query_scalar("SELECT name FROM t WHERE id = 1")
            .fetch_one(pool)
            .await
    }

    async fn rename(pool: &SqlitePool, to: &str) {
        sqlx::query("UPDATE t SET name = ? WHERE id = 1")
            .bind(to)
            .execute(pool)
            .await
            .unwrap();
    }

    // Other tests in this process commit too, which only ever causes extra loads; so these
    // tests assert what must be served, and count loads only where nothing can interfere
    // (a load that must happen).

    #[tokio::test]
    async fn a_commit_after_the_load_makes_the_answer_old() {
        let dir = tempfile::tempdir().unwrap();
        let pool = database(&dir).await;
        let cache = ReadCache::new(10);
        let loads = AtomicUsize::new(0);
        assert_eq!(
            cache.get_or_load(1, name(&pool, &loads)).await.unwrap(),
            "old"
        );
        rename(&pool, "new").await;
        let before = loads.load(Ordering::SeqCst);
        assert_eq!(
            cache.get_or_load(1, name(&pool, &loads)).await.unwrap(),
            "new"
        );
        assert_eq!(loads.load(Ordering::SeqCst), before + 1);
    }

    #[tokio::test]
    async fn a_commit_during_the_load_is_not_hidden_by_it() {
        let dir = tempfile::tempdir().unwrap();
        let pool = database(&dir).await;
        let cache = ReadCache::new(10);
        // The load reads the old name, then a write commits before the load is kept: what was
        // read must not be served afterwards.
        let read_then_written = async {
            let read: String = sqlx::query_scalar("SELECT name FROM t WHERE id = 1")
                .fetch_one(&pool)
                .await?;
            rename(&pool, "new").await;
            Ok::<_, sqlx::Error>(read)
        };
        assert_eq!(
            cache.get_or_load(1, read_then_written).await.unwrap(),
            "old"
        );
        let loads = AtomicUsize::new(0);
        assert_eq!(
            cache.get_or_load(1, name(&pool, &loads)).await.unwrap(),
            "new"
        );
        assert_eq!(loads.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn an_answer_is_served_again_without_a_load_until_it_is_too_old() {
        let dir = tempfile::tempdir().unwrap();
        let pool = database(&dir).await;
        let cache = ReadCache::new(10);
        let loads = AtomicUsize::new(0);
        // Other tests' commits may force extra loads; with none, the second read is a hit.
        // Retrying until one pair of reads sees no foreign commit keeps this from flaking.
        let served_from_memory = loop {
            let before = loads.load(Ordering::SeqCst);
            let commits_before = commits::seen();
            cache.get_or_load(1, name(&pool, &loads)).await.unwrap();
            cache.get_or_load(1, name(&pool, &loads)).await.unwrap();
            if commits::seen() == commits_before {
                break loads.load(Ordering::SeqCst) - before;
            }
        };
        assert!(served_from_memory <= 1, "the second read was a load too");

        // A change no commit counter sees (another process's write: here a connection that is
        // not watched) shows after MAX_AGE.
        let mut elsewhere = SqliteConnectOptions::new()
            .filename(dir.path().join("cache.db"))
            .connect()
            .await
            .unwrap();
        sqlx::query("UPDATE t SET name = 'elsewhere' WHERE id = 1")
            .execute(&mut elsewhere)
            .await
            .unwrap();
        tokio::time::sleep(MAX_AGE).await;
        assert_eq!(
            cache.get_or_load(1, name(&pool, &loads)).await.unwrap(),
            "elsewhere"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn callers_missing_the_same_answer_at_once_share_one_load() {
        let cache = std::sync::Arc::new(ReadCache::<u32, u32>::new(10));
        let loads = std::sync::Arc::new(AtomicUsize::new(0));
        // Another test's commit during a round makes a waiter load again, rightly; a round
        // that saw none must have loaded once.
        let loads_in_a_quiet_round = loop {
            let before = loads.load(Ordering::SeqCst);
            let commits_before = commits::seen();
            let callers: Vec<_> = (0..16)
                .map(|_| {
                    let (cache, loads) = (cache.clone(), loads.clone());
                    tokio::spawn(async move {
                        let slow_load = async {
                            loads.fetch_add(1, Ordering::SeqCst);
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            Ok::<_, ()>(7)
                        };
                        cache.get_or_load(1, slow_load).await
                    })
                })
                .collect();
            for caller in callers {
                assert_eq!(caller.await.unwrap(), Ok(7));
            }
            if commits::seen() == commits_before {
                break loads.load(Ordering::SeqCst) - before;
            }
            tokio::time::sleep(MAX_AGE).await;
        };
        assert_eq!(loads_in_a_quiet_round, 1);
    }

    fn no_commits() -> u64 {
        0
    }

    #[tokio::test]
    async fn an_answer_too_old_is_reloaded_by_one_caller_while_the_others_take_it() {
        let cache: ReadCache<u32, &str> = ReadCache::counting(10, no_commits);
        assert_eq!(
            cache.get_or_load(1, async { Ok::<_, ()>("old") }).await,
            Ok("old")
        );
        tokio::time::sleep(MAX_AGE).await;
        let reloads = AtomicUsize::new(0);
        let slow_reload = async {
            reloads.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(300)).await;
            Ok::<_, ()>("new")
        };
        let meanwhile = async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let started = Instant::now();
            let answer = cache
                .get_or_load(1, async {
                    reloads.fetch_add(1, Ordering::SeqCst);
                    Ok::<_, ()>("second reload")
                })
                .await;
            (answer, started.elapsed())
        };
        let (reloaded, (served, waited)) =
            tokio::join!(cache.get_or_load(1, slow_reload), meanwhile);
        assert_eq!(reloaded, Ok("new"), "the first caller waits for its reload");
        assert_eq!(served, Ok("old"), "the others take the answer it replaces");
        assert!(
            waited < Duration::from_millis(200),
            "without waiting: {waited:?}"
        );
        assert_eq!(reloads.load(Ordering::SeqCst), 1);
        assert_eq!(
            cache.get_or_load(1, async { Ok::<_, ()>("unused") }).await,
            Ok("new")
        );
    }

    #[tokio::test]
    async fn a_reload_aside_keeps_even_its_first_caller_from_waiting() {
        let cache: ReadCache<u32, &str> = ReadCache::counting(10, no_commits);
        let load = |answer: &'static str| async move { Ok::<_, ()>(answer) };
        assert_eq!(cache.get_or_load_aside(1, load("old")).await, Ok("old"));
        tokio::time::sleep(MAX_AGE).await;
        let (reloaded_tx, reloaded) = tokio::sync::oneshot::channel();
        let slow_reload = async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            let _ = reloaded_tx.send(());
            Ok::<_, ()>("new")
        };
        let started = Instant::now();
        assert_eq!(cache.get_or_load_aside(1, slow_reload).await, Ok("old"));
        assert!(
            started.elapsed() < Duration::from_millis(150),
            "it did not wait"
        );
        // While it runs, nobody starts another.
        assert_eq!(cache.get_or_load_aside(1, load("second")).await, Ok("old"));
        reloaded.await.unwrap();
        tokio::task::yield_now().await;
        let mut answer = cache.get_or_load_aside(1, load("unused")).await;
        for _ in 0..20 {
            if answer == Ok("new") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
            answer = cache.get_or_load_aside(1, load("unused")).await;
        }
        assert_eq!(answer, Ok("new"), "the reload's answer is kept");
        // A miss is still loaded by its caller.
        assert_eq!(cache.get_or_load_aside(2, load("two")).await, Ok("two"));
    }

    #[tokio::test]
    async fn a_reload_aside_that_finds_the_same_answer_keeps_the_one_it_had() {
        let cache: ReadCache<u32, Arc<String>> = ReadCache::counting(10, no_commits);
        let load = |text: &str| {
            let answer = Arc::new(text.to_owned());
            async move { Ok::<_, ()>(answer) }
        };
        let first = cache.get_or_load_aside(1, load("same")).await.unwrap();
        let cache = &cache;
        // Once the reload has run, each later call is served what it kept.
        let after_reload = |text: &'static str| async move {
            tokio::time::sleep(MAX_AGE).await;
            let (done_tx, done) = tokio::sync::oneshot::channel();
            let reload = async move {
                let _ = done_tx.send(());
                Ok::<_, ()>(Arc::new(text.to_owned()))
            };
            cache.get_or_load_aside(1, reload).await.unwrap();
            done.await.unwrap();
            for _ in 0..50 {
                tokio::time::sleep(Duration::from_millis(10)).await;
                let kept = cache.get_or_load_aside(1, load("unused")).await.unwrap();
                if kept.as_str() == text {
                    return kept;
                }
            }
            panic!("the reload's answer was not kept");
        };
        let reloaded = after_reload("same").await;
        assert!(
            Arc::ptr_eq(&first, &reloaded),
            "the same answer, kept as it was"
        );
        let changed = after_reload("changed").await;
        assert!(!Arc::ptr_eq(&first, &changed));
    }

    #[tokio::test]
    async fn a_cache_with_an_age_of_its_own_reloads_only_at_that_age() {
        let cache: ReadCache<u32, &str> =
            ReadCache::counting(10, no_commits).reloaded_after(MAX_AGE * 3);
        let load = |answer: &'static str| async move { Ok::<_, ()>(answer) };
        assert_eq!(cache.get_or_load(1, load("old")).await, Ok("old"));
        tokio::time::sleep(MAX_AGE).await;
        assert_eq!(cache.get_or_load(1, load("new")).await, Ok("old"));
        tokio::time::sleep(MAX_AGE * 2).await;
        assert_eq!(cache.get_or_load(1, load("new")).await, Ok("new"));
    }

    #[tokio::test]
    async fn a_reload_that_fails_leaves_the_next_caller_to_reload() {
        let cache: ReadCache<u32, &str> = ReadCache::counting(10, no_commits);
        assert_eq!(
            cache.get_or_load(1, async { Ok::<_, ()>("old") }).await,
            Ok("old")
        );
        tokio::time::sleep(MAX_AGE).await;
        assert_eq!(
            cache.get_or_load(1, async { Err("down") }).await,
            Err("down")
        );
        assert_eq!(
            cache.get_or_load(1, async { Ok::<_, &str>("new") }).await,
            Ok("new")
        );
    }

    #[tokio::test]
    async fn a_failed_load_leaves_the_next_caller_to_load() {
        let cache: ReadCache<u32, u32> = ReadCache::new(3);
        let (first, second) = tokio::join!(
            cache.get_or_load(1, async {
                tokio::time::sleep(Duration::from_millis(20)).await;
                Err("down")
            }),
            cache.get_or_load(1, async { Ok::<_, &str>(5) }),
        );
        assert_eq!(first, Err("down"));
        assert_eq!(second, Ok(5));
    }

    #[tokio::test]
    async fn errors_are_not_kept_and_capacity_is_bounded() {
        let cache: ReadCache<u32, u32> = ReadCache::new(3);
        let failed: Result<u32, &str> = cache.get_or_load(1, async { Err("no") }).await;
        assert!(failed.is_err());
        assert_eq!(cache.get_or_load(1, async { Ok::<_, ()>(7) }).await, Ok(7));
        for key in 2..10 {
            cache
                .get_or_load(key, async { Ok::<_, ()>(key) })
                .await
                .unwrap();
        }
        assert!(cache.len().await <= 3);
    }
}
