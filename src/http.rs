//! The one HTTP client every provider speaks through, and its policies: GET only, timeouts, a
//! body size cap enforced while streaming, retries with backoff that honour the server's wait,
//! a per-profile concurrency and rate limit, and secrets redacted from every error.

mod body;
mod error;
mod rate;
pub mod redirect;
pub mod retry;
mod settings;
mod transport;
pub mod waits;

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use tokio::sync::Semaphore;
use url::Url;

pub use error::HttpError;
use rate::RateLimiter;
use settings::parse_base_url;
pub use settings::{DEFAULT_MAX_BODY_BYTES, HttpSettings, is_loopback};

use crate::secret::{Redactor, Secret};

/// Installs rustls' ring provider once; reqwest is built without a default one.
pub fn install_crypto_provider() {
    // An error only means a provider is installed already.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// A successful (2xx) response with its whole body.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The request path the body answers (no host, no query).
    pub path: String,
    /// Response headers.
    pub headers: HeaderMap,
    /// The body exactly as received (after transfer decoding).
    pub body: Bytes,
}

impl Response {
    /// The `Content-Type` without parameters, lower-cased.
    pub fn content_type(&self) -> String {
        self.headers
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .map(|value| value.trim().to_ascii_lowercase())
            .unwrap_or_default()
    }
}

/// Reads a provider's error body into one readable message.
pub type ErrorMessageReader = fn(&[u8]) -> Option<String>;

/// A header to send on every request (auth); the value is a secret.
pub type AuthHeader = (HeaderName, Secret);

/// One profile's client. Clone is cheap and shares the limits.
#[derive(Clone, Debug)]
pub struct HttpClient {
    inner: reqwest::Client,
    settings: Arc<HttpSettings>,
    base: Url,
    auth: Arc<Vec<AuthHeader>>,
    redactor: Arc<Redactor>,
    concurrency: Arc<Semaphore>,
    rate: Option<Arc<RateLimiter>>,
    error_message: ErrorMessageReader,
}

impl HttpClient {
    /// Builds a client; refuses plain http to a non-loopback host unless allowed.
    pub fn new(
        settings: HttpSettings,
        auth: Vec<AuthHeader>,
        error_message: ErrorMessageReader,
    ) -> Result<Self, HttpError> {
        install_crypto_provider();
        let base = parse_base_url(&settings)?;
        let redactor = Redactor::new(auth.iter().map(|(_, secret)| secret.clone()));
        let inner = reqwest::Client::builder()
            .connect_timeout(Duration::from_millis(settings.connect_timeout_ms))
            .redirect(redirect::policy())
            .user_agent(concat!("userscope/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|err| HttpError::Transport {
                path: String::new(),
                detail: redactor.clean(&err.to_string()),
            })?;
        let rate = settings
            .requests_per_second
            .filter(|rps| *rps > 0.0)
            .map(|rps| Arc::new(RateLimiter::new(rps)));
        let concurrency = Arc::new(Semaphore::new(settings.max_concurrency.max(1)));
        Ok(Self {
            inner,
            settings: Arc::new(settings),
            base,
            auth: Arc::new(auth),
            redactor: Arc::new(redactor),
            concurrency,
            rate,
            error_message,
        })
    }

    /// The settings this client runs with.
    pub fn settings(&self) -> &HttpSettings {
        &self.settings
    }

    /// Redacts this client's secrets from a text.
    pub fn redact(&self, text: &str) -> String {
        self.redactor.clean(text)
    }

    /// `GET base/path?query` with the profile's auth headers.
    pub async fn get(&self, path: &str, query: &[(&str, String)]) -> Result<Response, HttpError> {
        self.get_with(path, query, &[]).await
    }

    /// `GET` with some auth headers replaced for this request (e.g. a per-user token).
    pub async fn get_with(
        &self,
        path: &str,
        query: &[(&str, String)],
        overrides: &[AuthHeader],
    ) -> Result<Response, HttpError> {
        let url = self.url_for(path, query)?;
        let redactor = self.redactor_with(overrides);
        let mut attempt = 0;
        loop {
            let permit = self
                .concurrency
                .acquire()
                .await
                .map_err(|_| HttpError::Transport {
                    path: path.to_owned(),
                    detail: "client shut down".to_owned(),
                })?;
            if let Some(rate) = &self.rate {
                rate.acquire().await;
            }
            let failure = match self.attempt(&url, path, overrides, &redactor).await {
                Ok(response) => return Ok(response),
                Err(failure) => failure,
            };
            drop(permit);
            let (status, headers, message) = match failure {
                Failure::Final(error) => return Err(error),
                Failure::Retryable {
                    status,
                    headers,
                    message,
                } => (status, headers, message),
            };
            let now = chrono::Utc::now().timestamp();
            let asked = retry::server_requested_wait(status, &headers, now);
            let delay = retry::retry_delay(status, &headers, attempt, now, retry::jitter());
            let too_long = delay.as_millis() > u128::from(self.settings.max_retry_wait_ms);
            if attempt >= self.settings.max_retries || too_long {
                return Err(HttpError::Status {
                    status,
                    path: path.to_owned(),
                    message,
                    retry_after: asked,
                });
            }
            tracing::debug!(
                status,
                path,
                attempt,
                delay_ms = delay.as_millis() as u64,
                "retrying"
            );
            attempt += 1;
            waits::sleep_telling(waits::ServerWait {
                status,
                wait: delay,
                retry: attempt,
                retries: self.settings.max_retries,
            })
            .await;
        }
    }

    /// One try: send, check the status, read the body under the cap and the stall timeout.
    async fn attempt(
        &self,
        url: &Url,
        path: &str,
        overrides: &[AuthHeader],
        redactor: &Redactor,
    ) -> Result<Response, Failure> {
        let mut headers = HeaderMap::new();
        for (name, secret) in self
            .auth
            .iter()
            .filter(|(name, _)| !overrides.iter().any(|(other, _)| other == name))
            .chain(overrides)
        {
            let mut value = HeaderValue::from_str(secret.expose()).map_err(|_| {
                Failure::Final(HttpError::Transport {
                    path: path.to_owned(),
                    detail: format!("the {name} value holds characters a header cannot carry"),
                })
            })?;
            value.set_sensitive(true);
            headers.insert(name.clone(), value);
        }
        let request = self.inner.get(url.clone()).headers(headers).send();
        let timeout_ms = self.settings.timeout_ms;
        let response = match tokio::time::timeout(Duration::from_millis(timeout_ms), request).await
        {
            Err(_) => {
                return Err(Failure::Final(HttpError::Timeout {
                    path: path.to_owned(),
                    timeout_ms,
                }));
            }
            Ok(Err(err)) => {
                return Err(Failure::Final(transport::transport_error(
                    &err, url, path, timeout_ms, redactor,
                )));
            }
            Ok(Ok(response)) => response,
        };
        let status = response.status().as_u16();
        let response_headers = response.headers().clone();
        if (200..300).contains(&status) {
            let body = body::read_body(
                response,
                path,
                self.settings.max_body_bytes,
                self.settings.read_timeout_ms,
                redactor,
            )
            .await
            .map_err(Failure::Final)?;
            return Ok(Response {
                status,
                path: path.to_owned(),
                headers: response_headers,
                body,
            });
        }
        // An error body is only read for its message: a small cap, and a failure to read is no matter.
        let body = body::read_body(
            response,
            path,
            body::ERROR_BODY_CAP,
            self.settings.read_timeout_ms,
            redactor,
        )
        .await
        .unwrap_or_default();
        let message = (self.error_message)(&body).map(|text| redactor.clean(&text));
        if retry::is_retryable(status) {
            return Err(Failure::Retryable {
                status,
                headers: response_headers,
                message,
            });
        }
        let retry_after =
            retry::server_requested_wait(status, &response_headers, chrono::Utc::now().timestamp());
        Err(Failure::Final(HttpError::Status {
            status,
            path: path.to_owned(),
            message,
            retry_after,
        }))
    }

    fn redactor_with(&self, overrides: &[AuthHeader]) -> Redactor {
        let mut redactor = (*self.redactor).clone();
        for (_, secret) in overrides {
            redactor.add(secret.clone());
        }
        redactor
    }

    fn url_for(&self, path: &str, query: &[(&str, String)]) -> Result<Url, HttpError> {
        let base = self.base.as_str().trim_end_matches('/');
        let mut url =
            Url::parse(&format!("{base}{path}")).map_err(|err| HttpError::InvalidUrl {
                url: format!("{base}{path}"),
                detail: err.to_string(),
            })?;
        if !query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (key, value) in query {
                pairs.append_pair(key, value);
            }
        }
        Ok(url)
    }
}

/// Why an attempt failed, and whether another is worth it.
enum Failure {
    Final(HttpError),
    Retryable {
        status: u16,
        headers: HeaderMap,
        message: Option<String>,
    },
}

#[cfg(test)]
mod tests;
