//! One profile's HTTP policies, and the base URL check that keeps tokens off plain http.

use std::net::IpAddr;

use url::Url;

use super::HttpError;

/// The policies of one profile's client.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    /// Base URL the request paths are appended to (its path is kept as a prefix).
    pub base_url: String,
    /// Connect timeout.
    pub connect_timeout_ms: u64,
    /// How long to wait for response headers.
    pub timeout_ms: u64,
    /// How long the body may go without a byte.
    pub read_timeout_ms: u64,
    /// Largest accepted body, after decompression.
    pub max_body_bytes: u64,
    /// Retries after the first attempt on 429/5xx.
    pub max_retries: u32,
    /// The longest single wait before a retry; a server asking for more gets an error instead.
    pub max_retry_wait_ms: u64,
    /// Requests in flight at once.
    pub max_concurrency: usize,
    /// Requests per second, if limited.
    pub requests_per_second: Option<f64>,
    /// Allow `http://` to a host that is not loopback.
    pub allow_insecure_http: bool,
}

/// Default body cap: 64 MiB.
pub const DEFAULT_MAX_BODY_BYTES: u64 = 64 * 1024 * 1024;

impl HttpSettings {
    /// Defaults for a base URL.
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            connect_timeout_ms: 5_000,
            timeout_ms: 30_000,
            read_timeout_ms: 30_000,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_retries: 3,
            max_retry_wait_ms: 65_000,
            max_concurrency: 8,
            requests_per_second: None,
            allow_insecure_http: false,
        }
    }
}

pub(super) fn parse_base_url(settings: &HttpSettings) -> Result<Url, HttpError> {
    let url = Url::parse(&settings.base_url).map_err(|err| HttpError::InvalidUrl {
        url: settings.base_url.clone(),
        detail: err.to_string(),
    })?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if settings.allow_insecure_http || is_loopback(&url) => Ok(url),
        "http" => Err(HttpError::InsecureUrl {
            host: url.host_str().unwrap_or_default().to_owned(),
        }),
        other => Err(HttpError::InvalidUrl {
            url: settings.base_url.clone(),
            detail: format!("unsupported scheme {other}"),
        }),
    }
}

/// Whether a URL points at this machine (the sandbox, a local proxy).
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}
