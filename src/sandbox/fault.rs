//! Fault injection: the [`FaultPlan`] and its textual spec (shared by the per-request header, the
//! `sandbox_fault` query parameter and the CLI). `fault_layer` applies it.
//!
//! Spec syntax: comma-separated items, e.g. `latency=50,status=503,scope=/quip/`.
//! * `latency=MS` — wait before answering.
//! * `status=CODE` (provider error body), `status=CODE:empty`, `status=CODE:bare` (plain text).
//! * Body faults (one at a time): `malformed`, `truncated`, `cut` (status and headers, part of a
//!   chunked body, then the connection drops), `html` (a text/html page), `text-type` (the real JSON
//!   labelled `text/plain`), `shape` (valid JSON of the wrong shape), `empty` (200, no body),
//!   `error200` (200 with an error body), `stall` / `stall=MS` (headers, then the body hangs; default
//!   60 s), `huge=BYTES`, `gzip-bomb` / `gzip-bomb=BYTES` (gzip that expands to BYTES rounded up to a
//!   MiB, default 1 GiB),
//!   `deep` / `deep=LEVELS` (arrays nested LEVELS deep, default 100,000), and three that keep the real
//!   body but add members at its top: `bignum` (numbers beyond 64 bits), `dupkeys` (the first key
//!   twice, a decoy value first) and `badutf8` (a string that is not UTF-8).
//! * `storm=N` / `storm=N:S` — the first N requests get 429 with `Retry-After: S` (default 1).
//! * `rate=R` — at most R requests per second; the excess gets 429 + `Retry-After`, or under `/quip/`
//!   alternately 503 "Over Rate Limit" with a correct `X-Ratelimit-Reset` and 429 with reset 0.
//! * `redirect` — a redirect loop (302 to the same URL); `redirect=offsite` — a 302 to the same path
//!   on another origin (`localhost` instead of the IP), which a client must not follow with its token.
//! * `drf-urls` — Scanova's `next`/`previous` become full URLs (DRF's default) instead of page numbers.
//! * `scope=/prefix/` — only paths under the prefix are affected. `none` — no fault.
//!
//! A per-request spec (header `X-Sandbox-Fault` or query `sandbox_fault`) replaces the run-wide plan
//! for that request; its storm and rate counters are keyed by the spec text.

use std::fmt;
use std::str::FromStr;

/// What to do to the sandbox's answers. `Default` is no fault at all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FaultPlan {
    /// Only paths starting with this prefix are affected (`None`: all).
    pub scope: Option<String>,
    /// Added latency before answering, in milliseconds.
    pub latency_ms: u64,
    /// Answer with this status instead of calling the route.
    pub status: Option<StatusFault>,
    /// Damage the body of whatever answer there is.
    pub body: Option<BodyFault>,
    /// A 429 storm at the start.
    pub storm: Option<Storm>,
    /// A rate limit in requests per second.
    pub rate_per_second: Option<u32>,
    /// Answer with a redirect instead.
    pub redirect: Option<RedirectFault>,
    /// Scanova list links as full URLs instead of page numbers.
    pub drf_urls: bool,
}

/// Which redirect to answer with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirectFault {
    /// 302 to the very URL asked for, forever.
    Loop,
    /// 302 to the same path on another origin.
    OffSite,
}

/// A forced status code and what body goes with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusFault {
    /// The HTTP status code.
    pub code: u16,
    /// The body that goes with it.
    pub body: StatusBody,
}

/// The body of a forced status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusBody {
    /// The provider's own error body.
    Provider,
    /// No body at all.
    Empty,
    /// A bare `text/plain` line such as `503 Service Unavailable`.
    Bare,
}

/// Ways to damage a body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyFault {
    /// Syntactically invalid JSON (complete, but broken).
    Malformed,
    /// Cut short of valid JSON, with a matching `Content-Length`.
    Truncated,
    /// A chunked body that stops halfway: the stream errors and the connection drops.
    Cut,
    /// A `text/html` page instead of JSON.
    Html,
    /// The real JSON body, labelled `text/plain`.
    TextType,
    /// Valid JSON, but an array where every endpoint answers an object.
    Shape,
    /// 200 with an empty body.
    Empty,
    /// 200 carrying the provider's error body.
    ErrorWith200,
    /// Headers at once, then the body after `ms` milliseconds.
    Stall {
        /// How long the body hangs.
        ms: u64,
    },
    /// A valid JSON body of exactly `bytes` bytes (at least 14), streamed.
    Huge {
        /// The body size.
        bytes: u64,
    },
    /// `Content-Encoding: gzip` whose body decompresses to `bytes` bytes of JSON, compressed as
    /// it streams (about a thousandth of that on the wire).
    GzipBomb {
        /// The decompressed size.
        bytes: u64,
    },
    /// `[[[…]]]`, `levels` arrays deep.
    Deep {
        /// How deep.
        levels: u64,
    },
    /// The real body with numbers beyond 64 bits (and a fraction beyond a double) added at its top.
    BigNumbers,
    /// The real body with its first key written twice: a decoy value, then the real one.
    DuplicateKeys,
    /// The real body with a string member holding bytes that are not UTF-8.
    BadUtf8,
}

/// The default decompressed size of `gzip-bomb`: 1 GiB.
pub const GZIP_BOMB_BYTES: u64 = 1 << 30;

/// The default depth of `deep`.
pub const DEEP_LEVELS: u64 = 100_000;

/// The first `count` requests get 429 with `Retry-After: retry_after_secs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Storm {
    /// How many requests are refused.
    pub count: u64,
    /// The `Retry-After` value, in seconds.
    pub retry_after_secs: u64,
}

/// A fault spec that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad fault spec item {item:?}: {reason}")]
pub struct FaultSpecError {
    /// The offending item.
    pub item: String,
    /// Why it was refused.
    pub reason: &'static str,
}

impl FaultPlan {
    /// Whether the plan applies to `path` (its scope), ignoring whether it does anything.
    pub fn applies_to(&self, path: &str) -> bool {
        self.scope
            .as_deref()
            .is_none_or(|prefix| path.starts_with(prefix))
    }
}

fn number<T: FromStr>(item: &str, value: &str) -> Result<T, FaultSpecError> {
    value.trim().parse().map_err(|_| FaultSpecError {
        item: item.to_owned(),
        reason: "expected a number",
    })
}

impl FromStr for FaultPlan {
    type Err = FaultSpecError;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let mut plan = FaultPlan::default();
        for item in spec
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
        {
            let (name, value) = match item.split_once('=') {
                Some((name, value)) => (name.trim(), Some(value.trim())),
                None => (item, None),
            };
            let body = |fault| Ok::<_, FaultSpecError>(Some(fault));
            match (name.to_ascii_lowercase().as_str(), value) {
                ("none", None) => {}
                ("latency", Some(ms)) => plan.latency_ms = number(item, ms)?,
                ("status", Some(value)) => {
                    let (code, kind) = value.split_once(':').unwrap_or((value, "provider"));
                    let code: u16 = number(item, code)?;
                    if !(100..=599).contains(&code) {
                        return Err(FaultSpecError {
                            item: item.to_owned(),
                            reason: "status must be 100..=599",
                        });
                    }
                    let body = match kind {
                        "provider" | "" => StatusBody::Provider,
                        "empty" => StatusBody::Empty,
                        "bare" => StatusBody::Bare,
                        _ => {
                            return Err(FaultSpecError {
                                item: item.to_owned(),
                                reason: "status body must be empty or bare",
                            });
                        }
                    };
                    plan.status = Some(StatusFault { code, body });
                }
                ("malformed", None) => plan.body = body(BodyFault::Malformed)?,
                ("truncated", None) => plan.body = body(BodyFault::Truncated)?,
                ("cut", None) => plan.body = body(BodyFault::Cut)?,
                ("html", None) => plan.body = body(BodyFault::Html)?,
                ("text-type", None) => plan.body = body(BodyFault::TextType)?,
                ("shape", None) => plan.body = body(BodyFault::Shape)?,
                ("bignum", None) => plan.body = body(BodyFault::BigNumbers)?,
                ("dupkeys", None) => plan.body = body(BodyFault::DuplicateKeys)?,
                ("badutf8", None) => plan.body = body(BodyFault::BadUtf8)?,
                ("gzip-bomb", None) => {
                    plan.body = body(BodyFault::GzipBomb {
                        bytes: GZIP_BOMB_BYTES,
                    })?;
                }
                ("gzip-bomb", Some(bytes)) => {
                    plan.body = body(BodyFault::GzipBomb {
                        bytes: number(item, bytes)?,
                    })?;
                }
                ("deep", None) => {
                    plan.body = body(BodyFault::Deep {
                        levels: DEEP_LEVELS,
                    })?;
                }
                ("deep", Some(levels)) => {
                    plan.body = body(BodyFault::Deep {
                        levels: number(item, levels)?,
                    })?;
                }
                ("empty", None) => plan.body = body(BodyFault::Empty)?,
                ("error200", None) => plan.body = body(BodyFault::ErrorWith200)?,
                ("stall", None) => plan.body = body(BodyFault::Stall { ms: 60_000 })?,
                ("stall", Some(ms)) => {
                    plan.body = body(BodyFault::Stall {
                        ms: number(item, ms)?,
                    })?;
                }
                ("huge", Some(bytes)) => {
                    plan.body = body(BodyFault::Huge {
                        bytes: number(item, bytes)?,
                    })?;
                }
                ("storm", Some(value)) => {
                    let (count, secs) = value.split_once(':').unwrap_or((value, "1"));
                    plan.storm = Some(Storm {
                        count: number(item, count)?,
                        retry_after_secs: number(item, secs)?,
                    });
                }
                ("rate", Some(rate)) => {
                    plan.rate_per_second = Some(number::<u32>(item, rate)?.max(1));
                }
                ("redirect", None | Some("loop")) => plan.redirect = Some(RedirectFault::Loop),
                ("redirect", Some("offsite")) => plan.redirect = Some(RedirectFault::OffSite),
                ("drf-urls" | "drf_urls", None) => plan.drf_urls = true,
                ("scope", Some(prefix)) if prefix.starts_with('/') => {
                    plan.scope = Some(prefix.to_owned());
                }
                _ => {
                    return Err(FaultSpecError {
                        item: item.to_owned(),
                        reason: "unknown fault (see the sandbox docs for the syntax)",
                    });
                }
            }
        }
        Ok(plan)
    }
}

impl fmt::Display for FaultPlan {
    /// The canonical spec; parsing it gives the same plan back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut items = Vec::new();
        if self.latency_ms > 0 {
            items.push(format!("latency={}", self.latency_ms));
        }
        if let Some(status) = self.status {
            items.push(match status.body {
                StatusBody::Provider => format!("status={}", status.code),
                StatusBody::Empty => format!("status={}:empty", status.code),
                StatusBody::Bare => format!("status={}:bare", status.code),
            });
        }
        if let Some(body) = self.body {
            items.push(match body {
                BodyFault::Malformed => "malformed".to_owned(),
                BodyFault::Truncated => "truncated".to_owned(),
                BodyFault::Cut => "cut".to_owned(),
                BodyFault::Html => "html".to_owned(),
                BodyFault::TextType => "text-type".to_owned(),
                BodyFault::Shape => "shape".to_owned(),
                BodyFault::BigNumbers => "bignum".to_owned(),
                BodyFault::DuplicateKeys => "dupkeys".to_owned(),
                BodyFault::BadUtf8 => "badutf8".to_owned(),
                BodyFault::GzipBomb { bytes } => format!("gzip-bomb={bytes}"),
                BodyFault::Deep { levels } => format!("deep={levels}"),
                BodyFault::Empty => "empty".to_owned(),
                BodyFault::ErrorWith200 => "error200".to_owned(),
                BodyFault::Stall { ms } => format!("stall={ms}"),
                BodyFault::Huge { bytes } => format!("huge={bytes}"),
            });
        }
        if let Some(storm) = self.storm {
            items.push(format!("storm={}:{}", storm.count, storm.retry_after_secs));
        }
        if let Some(rate) = self.rate_per_second {
            items.push(format!("rate={rate}"));
        }
        match self.redirect {
            Some(RedirectFault::Loop) => items.push("redirect".to_owned()),
            Some(RedirectFault::OffSite) => items.push("redirect=offsite".to_owned()),
            None => {}
        }
        if self.drf_urls {
            items.push("drf-urls".to_owned());
        }
        if let Some(scope) = &self.scope {
            items.push(format!("scope={scope}"));
        }
        if items.is_empty() {
            items.push("none".to_owned());
        }
        f.write_str(&items.join(","))
    }
}

#[cfg(test)]
mod tests;
