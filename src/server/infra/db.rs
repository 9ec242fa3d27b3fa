//! Opening the SQLite database and bringing its schema up to date.

pub mod commits;
pub mod file_modes;

use std::time::Duration;

use sqlx::{
    sqlite::{SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
    SqlitePool,
};

use crate::{
    domain::text::natural_cmp,
    server::infra::config::{ConfigError, DatabaseSettings},
};
use commits::Counter;

/// Connections in the pool: SQLite has one writer at a time, so a few readers beside it are
/// all a 2-core machine can use.
const POOL_SIZE: u32 = 8;
const SESSION_POOL_SIZE: u32 = 4;
/// How long a write waits for another write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens (creating if missing, private to this user) the database file, in WAL mode with
/// foreign keys enforced.
pub async fn open(settings: &DatabaseSettings) -> Result<SqlitePool, ConfigError> {
    let fail = |why: String| {
        ConfigError::new(
            "DATABASE_URL",
            format!(
                "cannot open the database file {}: {why}",
                settings.file.display()
            ),
        )
    };
    file_modes::create_private(&settings.file).map_err(|e| fail(e.to_string()))?;
    let options = settings
        .options
        .clone()
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(BUSY_TIMEOUT)
        .foreign_keys(true)
        // Names sort as people count ("Service 2" before "Service 10"): `COLLATE natural_order`.
        .collation("natural_order", natural_cmp);
    let pool = SqlitePoolOptions::new()
        .max_connections(POOL_SIZE)
        .after_connect(|conn, _| Box::pin(commits::watch(conn, Counter::Data)))
        .connect_with(options)
        .await
        .map_err(|e| fail(e.to_string()))?;
    Ok(pool)
}

/// A small pool of its own for tower-sessions' store, on the main pool's database: its
/// commits are counted apart ([`Counter::Sessions`]), so signing in and renewing a session make
/// no other kept answer old. Connects when first used.
pub fn sessions_pool(main: &SqlitePool) -> SqlitePool {
    SqlitePoolOptions::new()
        .max_connections(SESSION_POOL_SIZE)
        .after_connect(|conn, _| Box::pin(commits::watch(conn, Counter::Sessions)))
        .connect_lazy_with((*main.connect_options()).clone())
}

/// Applies the migrations in `migrations/` that this database has not seen yet.
pub async fn migrate(pool: &SqlitePool) -> Result<(), ConfigError> {
    sqlx::migrate!("./migrations")
        .run(pool)
        .await
        .map_err(|e| ConfigError::new("DATABASE_URL", format!("cannot apply migrations: {e}")))
}

/// How many migrations this database has applied.
pub async fn applied_migrations(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = 1")
        .fetch_one(pool)
        .await
}

/// A transaction that takes SQLite's write lock at once. Use it whenever a transaction reads
/// something to decide a write (the last Admin, a one-time link): two of them cannot both
/// read the old state.
pub async fn begin_write(
    pool: &SqlitePool,
) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
    pool.begin_with("BEGIN IMMEDIATE").await
}
