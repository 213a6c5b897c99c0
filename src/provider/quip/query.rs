//! The requests Quip takes, built as plain values: the Admin "Get a user" options (seed 002),
//! the search terms `/1/users/?ids=` accepts, thread id batches and SCIM paging.

use super::super::ProviderError;

/// Most ids `GET /1/admin/threads/?ids=` is sent at once.
pub const THREAD_BATCH_SIZE: usize = 100;
/// Most ids or e-mails `GET /1/users/?ids=` takes.
pub const MAX_LOOKUP_TERMS: usize = 1000;
/// SCIM page size when the caller asks for none.
pub const DEFAULT_SCIM_PAGE: usize = 100;
/// Largest SCIM page asked for; the server may send fewer.
pub const MAX_SCIM_PAGE: usize = 1000;

/// Which way Quip sorts the shared and group folder id lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    /// `asc`.
    Ascending,
    /// `desc`.
    Descending,
}

impl SortOrder {
    fn as_param(self) -> &'static str {
        match self {
            Self::Ascending => "asc",
            Self::Descending => "desc",
        }
    }
}

/// The options of `GET /1/admin/users/{id}` besides the required `company_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserQuery {
    /// Slim mode: threads as id → last update, permalink and deleted flag; no contacts.
    pub threads_meta: bool,
    /// Only threads updated after this time, microseconds since the epoch.
    pub since_updated_usec: Option<i64>,
    /// Include threads the user was removed from.
    pub include_deleted: bool,
    /// Only these threads.
    pub thread_ids: Vec<String>,
    /// A thread of the admin's company through which an external user may be seen
    /// (the answer is then restricted to name, e-mails, company and id).
    pub shared_thread_id: Option<String>,
    /// Field the folder id lists are sorted by (e.g. `title`).
    pub sort_by: Option<String>,
    /// Order of the folder id lists.
    pub sort_order: Option<SortOrder>,
}

impl Default for UserQuery {
    /// Slim mode: the full mode can be too large to answer for big companies.
    fn default() -> Self {
        Self {
            threads_meta: true,
            since_updated_usec: None,
            include_deleted: false,
            thread_ids: Vec::new(),
            shared_thread_id: None,
            sort_by: None,
            sort_order: None,
        }
    }
}

/// The query string of `GET /1/admin/users/{id}`, in the seed's order. Flags that are off and
/// options that are unset are left out, so the server's defaults apply.
pub fn user_query_params(company_id: &str, query: &UserQuery) -> Vec<(&'static str, String)> {
    let mut params = vec![("company_id", company_id.to_owned())];
    if query.threads_meta {
        params.push(("threads_meta", "true".to_owned()));
    }
    if let Some(since) = query.since_updated_usec {
        params.push(("since_updated_usec", since.to_string()));
    }
    if query.include_deleted {
        params.push(("include_deleted", "true".to_owned()));
    }
    let thread_ids: Vec<&str> = query
        .thread_ids
        .iter()
        .map(|id| id.trim())
        .filter(|id| !id.is_empty())
        .collect();
    if !thread_ids.is_empty() {
        params.push(("thread_ids", thread_ids.join(",")));
    }
    if let Some(thread) = query
        .shared_thread_id
        .as_deref()
        .filter(|id| !id.is_empty())
    {
        params.push(("shared_thread_id", thread.to_owned()));
    }
    if let Some(field) = query.sort_by.as_deref().filter(|field| !field.is_empty()) {
        params.push(("sort_by", field.to_owned()));
    }
    if let Some(order) = query.sort_order {
        params.push(("sort_order", order.as_param().to_owned()));
    }
    params
}

/// The ids or e-mails in a search, split on commas and white space, duplicates dropped.
pub fn lookup_terms(query: &str) -> Result<Vec<&str>, ProviderError> {
    let mut terms: Vec<&str> = Vec::new();
    for term in query.split(|c: char| c == ',' || c.is_whitespace()) {
        if !term.is_empty() && !terms.contains(&term) {
            terms.push(term);
        }
    }
    if terms.len() > MAX_LOOKUP_TERMS {
        return Err(ProviderError::Unsupported(format!(
            "quip looks up at most {MAX_LOOKUP_TERMS} ids or e-mails at once; this search has {}",
            terms.len()
        )));
    }
    Ok(terms)
}

/// Thread ids in batches for `GET /1/admin/threads/?ids=`, blanks and duplicates dropped.
pub fn thread_batches(thread_ids: &[String]) -> Vec<Vec<String>> {
    let mut unique: Vec<String> = Vec::new();
    for id in thread_ids.iter().map(|id| id.trim()) {
        if !id.is_empty() && !unique.iter().any(|seen| seen == id) {
            unique.push(id.to_owned());
        }
    }
    unique
        .chunks(THREAD_BATCH_SIZE)
        .map(<[String]>::to_vec)
        .collect()
}

/// SCIM's 1-based `startIndex` from a list cursor (`None`: the first page).
pub fn scim_start_index(cursor: Option<&str>) -> Result<u64, ProviderError> {
    let Some(cursor) = cursor else {
        return Ok(1);
    };
    match cursor.trim().parse::<u64>() {
        Ok(start) if start >= 1 => Ok(start),
        _ => Err(ProviderError::Config(format!(
            "quip: list cursor {cursor:?} is not a SCIM startIndex (a number from 1)"
        ))),
    }
}

/// SCIM's `count` for a requested page size.
pub fn scim_count(limit: usize) -> usize {
    if limit == 0 {
        DEFAULT_SCIM_PAGE
    } else {
        limit.min(MAX_SCIM_PAGE)
    }
}

#[cfg(test)]
mod tests;
