//! Turning response bodies into JSON, tolerantly, with errors that say what arrived instead.

use bytes::Bytes;

use crate::http::Response;

/// How deep `serde_json` nests before it refuses a body.
pub const MAX_JSON_DEPTH: usize = 128;

/// The bytes of a body that could not be read, kept so `get --raw` can still write them. Its
/// `Debug` gives the length only: a body has no place in a log line.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct UnreadBody(pub Bytes);

impl std::fmt::Debug for UnreadBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} bytes>", self.0.len())
    }
}

/// A body that could not be read as the JSON expected.
#[derive(Debug, Clone, thiserror::Error)]
pub enum DecodeError {
    /// Not JSON at all, or cut short.
    #[error("{path}: the server sent {what} instead of JSON ({detail})")]
    NotJson {
        /// Request path.
        path: String,
        /// What arrived: "an empty body", "text/html", "malformed JSON"...
        what: String,
        /// The parser's complaint, with line and column.
        detail: String,
        /// The body as received.
        body: UnreadBody,
    },
    /// JSON, but nested past what can be parsed and shown.
    #[error(
        "{path}: the server sent JSON nested deeper than {MAX_JSON_DEPTH} levels, which can't be shown"
    )]
    TooDeep {
        /// Request path.
        path: String,
        /// The body as received.
        body: UnreadBody,
    },
    /// JSON holding a number no 64-bit float can hold (such as `1e400`).
    #[error(
        "{path}: the server sent a number too large for a 64-bit float ({detail}), so the body can't be read"
    )]
    NumberOutOfRange {
        /// Request path.
        path: String,
        /// Where, as the parser said.
        detail: String,
        /// The body as received.
        body: UnreadBody,
    },
    /// A success status whose body is the provider's error body.
    #[error("{path}: the server answered 200 with an error: {message}")]
    ErrorBody {
        /// Request path.
        path: String,
        /// The error body's message.
        message: String,
    },
    /// JSON, but not of the shape this endpoint returns.
    #[error("{path}: unexpected response shape: {detail}")]
    Shape {
        /// Request path.
        path: String,
        /// What was expected and found.
        detail: String,
    },
}

impl DecodeError {
    /// What the operator can try next.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::NotJson { .. } => {
                "the server or a proxy in between answered oddly; try again, check base_url"
            }
            Self::TooDeep { .. } | Self::NumberOutOfRange { .. } => {
                "`userscope get --raw ID > FILE` saves a record's exact bytes for other tools"
            }
            Self::ErrorBody { .. } => {
                "the server reported a failure despite its status; try again or check the id"
            }
            Self::Shape { .. } => {
                "the API may have changed, or base_url points at another service; check base_url"
            }
        }
    }

    /// The body the server sent, when it could not be read at all.
    pub fn unread_body(&self) -> Option<&Bytes> {
        match self {
            Self::NotJson { body, .. }
            | Self::TooDeep { body, .. }
            | Self::NumberOutOfRange { body, .. } => Some(&body.0),
            Self::ErrorBody { .. } | Self::Shape { .. } => None,
        }
    }

    /// A shape error for a path.
    pub fn shape(path: &str, detail: impl Into<String>) -> Self {
        Self::Shape {
            path: path.to_owned(),
            detail: detail.into(),
        }
    }
}

/// A response's body kept as part of a record, under a label.
pub fn raw_body(label: &str, response: &Response) -> crate::model::RawBody {
    crate::model::RawBody {
        label: label.to_owned(),
        path: response.path.clone(),
        bytes: response.body.clone(),
    }
}

/// Parses a response body as JSON (key order kept), saying what came instead when it is not.
/// The content type is not required to say JSON: a body that parses is taken. A body that is not
/// UTF-8 is read with U+FFFD in place of the bad bytes (the raw bytes are kept elsewhere, and
/// `json_notes` marks the strings), rather than refusing a whole record for one odd name.
pub fn parse_json(response: &Response) -> Result<serde_json::Value, DecodeError> {
    // One validation of the whole body, then serde_json's `str` reader, which trusts it: the
    // slice reader validates every string again as it goes (~3% of a Zooza record's fetch).
    let parsed = match std::str::from_utf8(&response.body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_str(&String::from_utf8_lossy(&response.body)),
    };
    parsed.map_err(|error| not_json(response, &error))
}

/// What a body that did not parse is, in words.
fn not_json(response: &Response, error: &serde_json::Error) -> DecodeError {
    let path = response.path.clone();
    let body = UnreadBody(response.body.clone());
    let detail = error.to_string();
    // serde_json says these two only in its message text.
    if detail.starts_with("recursion limit exceeded") {
        return DecodeError::TooDeep { path, body };
    }
    if detail.starts_with("number out of range") {
        return DecodeError::NumberOutOfRange { path, detail, body };
    }
    let content_type = response.content_type();
    let what = if response.body.iter().all(u8::is_ascii_whitespace) {
        "an empty body".to_owned()
    } else if !content_type.is_empty() && !content_type.contains("json") {
        format!("a {content_type} body")
    } else {
        "malformed JSON".to_owned()
    };
    DecodeError::NotJson {
        path,
        what,
        detail,
        body,
    }
}

/// Checks that a record body is an object of the record's kind: an object holding none of the
/// record's `known` keys but reading as the provider's error body is a 200 that carries an error.
pub fn expect_record_object(
    response: &Response,
    json: &serde_json::Value,
    known: &[&str],
    error_message: fn(&[u8]) -> Option<String>,
) -> Result<(), DecodeError> {
    let Some(object) = json.as_object() else {
        return Err(DecodeError::shape(&response.path, "expected a user object"));
    };
    if !object.keys().any(|key| known.contains(&key.as_str()))
        && let Some(message) = error_message(&response.body)
    {
        return Err(DecodeError::ErrorBody {
            path: response.path.clone(),
            message,
        });
    }
    Ok(())
}

/// The body as lossy UTF-8 text, trimmed and shortened for a message.
pub fn body_text(body: &[u8], max_chars: usize) -> String {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    let mut short: String = trimmed.chars().take(max_chars).collect();
    if trimmed.chars().count() > max_chars {
        short.push('…');
    }
    short
}

/// An error body's message, from the first of `keys` holding a string (or a list of strings).
pub fn error_message_from_keys(body: &[u8], keys: &[&str]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    keys.iter().find_map(|key| match value.get(key)? {
        serde_json::Value::String(text) if !text.is_empty() => Some(text.clone()),
        serde_json::Value::Array(items) => {
            let texts: Vec<String> = items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect();
            (!texts.is_empty()).then(|| texts.join("; "))
        }
        _ => None,
    })
}

/// A non-JSON error body as a short message (e.g. a proxy's "Over Rate Limit" page).
pub fn plain_text_message(body: &[u8]) -> Option<String> {
    let text = body_text(body, 160);
    (!text.is_empty() && !text.starts_with('<') && !text.starts_with('{')).then_some(text)
}

#[cfg(test)]
mod tests;
