//! Start-up configuration: `Leptos.toml` for the site, environment variables for the rest.
//!
//! Every bad value becomes a [`ConfigError`] naming the variable, which `main` prints as one line.

use std::{
    net::{IpAddr, SocketAddr},
    path::PathBuf,
    str::FromStr,
    time::Duration,
};

use leptos::config::LeptosOptions;
use sqlx::sqlite::SqliteConnectOptions;
use url::Url;

use crate::server::infra::master_key::KeySource;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/plugboard.db";
pub const DEFAULT_KEY_FILE: &str = "data/master.key";
pub const DEFAULT_BETTERSTACK_UPTIME_URL: &str = "https://uptime.betterstack.com";
pub const DEFAULT_SYNC_INTERVAL: Duration = Duration::from_secs(15 * 60);
/// Requests per minute per API key unless `PLUGBOARD_API_RATE_PER_MINUTE` says otherwise.
pub const DEFAULT_API_RATE_PER_MINUTE: u32 = 600;
const LEPTOS_TOML: &str = "Leptos.toml";

// Its own module, so that the master key's loader can report with it without importing this.
pub use crate::server::infra::config_error::ConfigError;

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Settings {
    pub leptos: LeptosOptions,
    pub database: DatabaseSettings,
    pub master_key: KeySource,
    pub betterstack_uptime_url: Url,
    pub public_url: Option<Url>,
    pub sync_interval: Duration,
    /// Monitors and heartbeats whose availability, and monitors whose response times, one
    /// sync reads (`PLUGBOARD_DETAILS_PER_SYNC`; 0 reads none).
    pub details_per_sync: usize,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`PLUGBOARD_TRUSTED_PROXIES`).
    pub trusted_proxies: Vec<IpAddr>,
    /// Requests per minute each API key may make (`PLUGBOARD_API_RATE_PER_MINUTE`).
    pub api_rate_per_minute: u32,
}

/// Where the SQLite database lives.
#[derive(Debug, Clone)]
pub struct DatabaseSettings {
    pub options: SqliteConnectOptions,
    /// The database file; its directory is created at start-up if missing.
    pub file: PathBuf,
}

impl Settings {
    /// Reads the settings from the process environment and `Leptos.toml` in the working directory.
    pub fn from_process_env() -> Result<Self, ConfigError> {
        let env = |name: &str| std::env::var(name).ok();
        // Checked here because leptos's own loader reports a bad address without naming it.
        site_addr(env("LEPTOS_SITE_ADDR"))?;
        let leptos = leptos::config::get_configuration(Some(LEPTOS_TOML))
            .map_err(|e| ConfigError::new("LEPTOS_* / Leptos.toml", e.to_string()))?
            .leptos_options;
        Self::from_env(leptos, env)
    }

    /// The non-Leptos settings, from any environment (tests pass their own).
    pub fn from_env(
        leptos: LeptosOptions,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        Ok(Self {
            leptos,
            database: database(env("DATABASE_URL"))?,
            master_key: KeySource::from_env(env("PLUGBOARD_MASTER_KEY"), DEFAULT_KEY_FILE)?,
            betterstack_uptime_url: betterstack_uptime_url(env("BETTERSTACK_UPTIME_URL"))?,
            public_url: public_url(env("PLUGBOARD_PUBLIC_URL"))?,
            sync_interval: sync_interval(env("PLUGBOARD_SYNC_INTERVAL"))?,
            details_per_sync: details_per_sync(env("PLUGBOARD_DETAILS_PER_SYNC"))?,
            trusted_proxies: trusted_proxies(env("PLUGBOARD_TRUSTED_PROXIES"))?,
            api_rate_per_minute: api_rate_per_minute(env("PLUGBOARD_API_RATE_PER_MINUTE"))?,
        })
    }
}

/// `LEPTOS_SITE_ADDR`, when set, must be a socket address.
pub fn site_addr(value: Option<String>) -> Result<Option<SocketAddr>, ConfigError> {
    value
        .map(|raw| {
            raw.trim().parse().map_err(|_| {
                ConfigError::new(
                    "LEPTOS_SITE_ADDR",
                    format!("'{raw}' is not an address to listen on, like 127.0.0.1:3000"),
                )
            })
        })
        .transpose()
}

/// `DATABASE_URL`: a SQLite URL naming a file (default under `./data`).
pub fn database(value: Option<String>) -> Result<DatabaseSettings, ConfigError> {
    let raw = value.unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
    let bad = |why: &str| ConfigError::new("DATABASE_URL", format!("'{raw}' {why}"));
    if !raw.starts_with("sqlite:") {
        return Err(bad("is not a SQLite URL, like sqlite://data/plugboard.db"));
    }
    let options = SqliteConnectOptions::from_str(&raw).map_err(|_| bad("cannot be parsed"))?;
    let file = options.get_filename().to_path_buf();
    let in_memory = raw.contains(":memory:") || raw.contains("mode=memory");
    if file.as_os_str().is_empty() || in_memory {
        return Err(bad(
            "must name a database file; Plugboard keeps its data on disk",
        ));
    }
    Ok(DatabaseSettings { options, file })
}

/// `PLUGBOARD_API_RATE_PER_MINUTE`: a whole number from 1 to 100,000 (default 600).
pub fn api_rate_per_minute(value: Option<String>) -> Result<u32, ConfigError> {
    let Some(raw) = value else {
        return Ok(DEFAULT_API_RATE_PER_MINUTE);
    };
    raw.trim()
        .parse()
        .ok()
        .filter(|n| (1..=10_000_000).contains(n))
        .ok_or_else(|| {
            ConfigError::new(
                "PLUGBOARD_API_RATE_PER_MINUTE",
                format!("'{raw}' is not a number of requests from 1 to 10000000"),
            )
        })
}

/// `BETTERSTACK_UPTIME_URL`: an http(s) base URL without path, query or fragment.
pub fn betterstack_uptime_url(value: Option<String>) -> Result<Url, ConfigError> {
    let raw = value.unwrap_or_else(|| DEFAULT_BETTERSTACK_UPTIME_URL.to_owned());
    let bad = |why: &str| ConfigError::new("BETTERSTACK_UPTIME_URL", format!("'{raw}' {why}"));
    let url = Url::parse(raw.trim()).map_err(|_| bad("is not a URL"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(bad("must be an http:// or https:// URL"));
    }
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return Err(bad(
            "must be a base URL only, like https://uptime.betterstack.com",
        ));
    }
    Ok(url)
}

/// How many monitors a sync reads details of when `PLUGBOARD_DETAILS_PER_SYNC` is unset: a
/// few seconds of requests at 8 a second, so a large account's lists never wait on them.
pub const DEFAULT_DETAILS_PER_SYNC: usize = 25;
const MAX_DETAILS_PER_SYNC: usize = 1_000;

/// `PLUGBOARD_DETAILS_PER_SYNC`: a whole number from 0 to 1,000.
pub fn details_per_sync(value: Option<String>) -> Result<usize, ConfigError> {
    let Some(raw) = value.filter(|v| !v.trim().is_empty()) else {
        return Ok(DEFAULT_DETAILS_PER_SYNC);
    };
    raw.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| *n <= MAX_DETAILS_PER_SYNC)
        .ok_or_else(|| {
            ConfigError::new(
                "PLUGBOARD_DETAILS_PER_SYNC",
                format!("'{raw}' is not a whole number from 0 to {MAX_DETAILS_PER_SYNC}"),
            )
        })
}

const MAX_SYNC_INTERVAL: Duration = Duration::from_secs(30 * 24 * 3600);

/// `PLUGBOARD_SYNC_INTERVAL`: how often connections sync, like `15m`, `1h`, `90s` or `1h 30m`
/// (plain numbers are seconds); at least 10 seconds.
pub fn sync_interval(value: Option<String>) -> Result<Duration, ConfigError> {
    let Some(raw) = value.filter(|raw| !raw.trim().is_empty()) else {
        return Ok(DEFAULT_SYNC_INTERVAL);
    };
    let bad = || {
        ConfigError::new(
            "PLUGBOARD_SYNC_INTERVAL",
            format!("'{raw}' is not an interval like 15m, 1h or 90s"),
        )
    };
    let text = raw.trim();
    let interval = if text.bytes().all(|byte| byte.is_ascii_digit()) {
        text.parse().map(Duration::from_secs).map_err(|_| bad())?
    } else {
        humantime::parse_duration(text).map_err(|_| bad())?
    };
    if interval < Duration::from_secs(10) {
        return Err(ConfigError::new(
            "PLUGBOARD_SYNC_INTERVAL",
            format!("'{raw}' is shorter than 10 seconds"),
        ));
    }
    // The scheduler adds it to the clock: a span of centuries would overflow that.
    if interval > MAX_SYNC_INTERVAL {
        return Err(ConfigError::new(
            "PLUGBOARD_SYNC_INTERVAL",
            format!("'{raw}' is longer than 30 days"),
        ));
    }
    Ok(interval)
}

/// `PLUGBOARD_TRUSTED_PROXIES`: comma-separated IP addresses of the reverse proxies in front
/// of Plugboard; none by default, when the TCP peer is the client.
pub fn trusted_proxies(value: Option<String>) -> Result<Vec<IpAddr>, ConfigError> {
    let Some(raw) = value else {
        return Ok(Vec::new());
    };
    raw.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse().map_err(|_| {
                ConfigError::new(
                    "PLUGBOARD_TRUSTED_PROXIES",
                    format!("'{part}' is not an IP address, like 127.0.0.1 or ::1"),
                )
            })
        })
        .collect()
}

/// `PLUGBOARD_PUBLIC_URL`: how people reach Plugboard, when it is behind a proxy or on https.
pub fn public_url(value: Option<String>) -> Result<Option<Url>, ConfigError> {
    value
        .filter(|raw| !raw.trim().is_empty())
        .map(|raw| {
            let bad =
                |why: &str| ConfigError::new("PLUGBOARD_PUBLIC_URL", format!("'{raw}' {why}"));
            let mut url = Url::parse(raw.trim()).map_err(|_| bad("is not a URL"))?;
            if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
                return Err(bad("must be an http:// or https:// URL"));
            }
            if url.query().is_some() || url.fragment().is_some() {
                return Err(bad("must not have a query or fragment"));
            }
            // Links are joined onto it, so it must end with a slash to keep its path.
            if !url.path().ends_with('/') {
                url.set_path(&format!("{}/", url.path()));
            }
            Ok(url)
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_without_a_port_is_refused_naming_the_variable() {
        let err = site_addr(Some("localhost".into())).unwrap_err();
        assert_eq!(err.variable, "LEPTOS_SITE_ADDR");
        assert!(err.to_string().starts_with("LEPTOS_SITE_ADDR: 'localhost'"));
    }

    #[test]
    fn the_default_database_is_a_file_under_data() {
        let db = database(None).unwrap();
        assert_eq!(db.file, std::path::Path::new("data/plugboard.db"));
    }

    #[test]
    fn an_in_memory_or_non_sqlite_database_is_refused() {
        assert!(database(Some("sqlite::memory:".into())).is_err());
        let err = database(Some("postgres://localhost/plugboard".into())).unwrap_err();
        assert_eq!(err.variable, "DATABASE_URL");
    }

    #[test]
    fn the_sync_interval_reads_seconds_minutes_and_hours() {
        assert_eq!(sync_interval(None).unwrap(), Duration::from_secs(900));
        assert_eq!(
            sync_interval(Some("90s".into())).unwrap(),
            Duration::from_secs(90)
        );
        assert_eq!(
            sync_interval(Some("2h".into())).unwrap(),
            Duration::from_secs(7200)
        );
        assert_eq!(
            sync_interval(Some("45".into())).unwrap(),
            Duration::from_secs(45)
        );
        assert_eq!(
            sync_interval(Some("1h 30m".into())).unwrap(),
            Duration::from_secs(5400)
        );
        assert!(sync_interval(Some("5s".into())).is_err());
        assert!(sync_interval(Some("99999999999h".into())).is_err());
        assert!(sync_interval(Some("soon".into()))
            .unwrap_err()
            .to_string()
            .starts_with("PLUGBOARD_SYNC_INTERVAL"));
    }

    #[test]
    fn details_per_sync_is_a_bounded_whole_number() {
        assert_eq!(details_per_sync(None).unwrap(), DEFAULT_DETAILS_PER_SYNC);
        assert_eq!(details_per_sync(Some("0".into())).unwrap(), 0);
        assert_eq!(details_per_sync(Some(" 100 ".into())).unwrap(), 100);
        assert!(details_per_sync(Some("1001".into())).is_err());
        assert!(details_per_sync(Some("-1".into()))
            .unwrap_err()
            .to_string()
            .starts_with("PLUGBOARD_DETAILS_PER_SYNC"));
    }

    #[test]
    fn trusted_proxies_are_a_list_of_addresses_and_none_by_default() {
        assert!(trusted_proxies(None).unwrap().is_empty());
        assert_eq!(
            trusted_proxies(Some("127.0.0.1, ::1".into())).unwrap(),
            vec![
                "127.0.0.1".parse::<IpAddr>().unwrap(),
                "::1".parse::<IpAddr>().unwrap()
            ]
        );
        let err = trusted_proxies(Some("10.0.0.0/8".into())).unwrap_err();
        assert_eq!(err.variable, "PLUGBOARD_TRUSTED_PROXIES");
    }

    #[test]
    fn a_public_url_keeps_its_path_for_joining_links() {
        let url = public_url(Some("https://tools.example.com/plugboard".into()))
            .unwrap()
            .unwrap();
        assert_eq!(
            url.join("join/abc").unwrap().as_str(),
            "https://tools.example.com/plugboard/join/abc"
        );
        assert_eq!(public_url(None).unwrap(), None);
        assert!(public_url(Some("tools.example.com".into())).is_err());
    }

    #[test]
    fn the_betterstack_url_must_be_a_bare_http_base() {
        assert_eq!(
            betterstack_uptime_url(None).unwrap().as_str(),
            "https://uptime.betterstack.com/"
        );
        assert!(betterstack_uptime_url(Some("http://127.0.0.1:9000".into())).is_ok());
        assert!(betterstack_uptime_url(Some("ftp://example.com".into())).is_err());
        assert!(betterstack_uptime_url(Some("https://example.com/api/v2".into())).is_err());
        assert!(betterstack_uptime_url(Some("not a url".into())).is_err());
    }
}
