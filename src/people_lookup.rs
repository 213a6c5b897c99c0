//! Finding one person's accounts in one profile: the stored directory first, a sync when the
//! store is missing or stale (which also warms it for the next lookup), then each matching
//! account's record fetched and audited. `who` and the explorer's People view run one lookup
//! per profile, concurrently, so a slow or failing provider holds back only its own rows.

use std::sync::Arc;

use futures::StreamExt as _;

use crate::audit::RecordAudit;
use crate::directory::Directory;
use crate::model::UserSummary;
use crate::people::{Account, ProfileAnswer, WhoQuery};
use crate::provider::Provider;

/// Records fetched at once within one profile: its own limits (the http client's) still apply.
const RECORDS_AT_ONCE: usize = 4;

/// One profile to search.
#[derive(Clone)]
pub struct LookupTarget {
    /// The profile's name.
    pub profile: String,
    /// Its provider.
    pub provider: Arc<dyn Provider>,
    /// Its directory (store and key).
    pub directory: Directory,
    /// The rules and settings the profile's records are audited with.
    pub audit: RecordAudit,
}

/// Searches one profile for the person (`now` in Unix seconds, for the store's age).
pub async fn lookup(target: &LookupTarget, query: &WhoQuery, now: i64) -> ProfileAnswer {
    ProfileAnswer {
        profile: target.profile.clone(),
        accounts: accounts(target, query, now).await,
    }
}

async fn accounts(
    target: &LookupTarget,
    query: &WhoQuery,
    now: i64,
) -> Result<Vec<Account>, String> {
    let users = directory_users(target, now).await?;
    let matches: Vec<(UserSummary, bool)> = users
        .into_iter()
        .filter_map(|user| query.matches(&user).map(|certain| (user, certain)))
        .collect();
    let fetched: Vec<Result<Account, String>> = futures::stream::iter(matches)
        .map(|(user, certain)| async move {
            let record = target
                .provider
                .fetch_record(&user.id)
                .await
                .map_err(|err| format!("user {}: {}", user.id, err.one_line()))?;
            let findings = target.audit.findings(&record);
            Ok(Account::from_record(
                &target.profile,
                &user,
                &record,
                &findings,
                certain,
            ))
        })
        .buffered(RECORDS_AT_ONCE)
        .collect()
        .await;
    fetched.into_iter().collect()
}

/// The profile's users: as stored when the store is fresh, else synced now.
async fn directory_users(target: &LookupTarget, now: i64) -> Result<Vec<UserSummary>, String> {
    // A blocking read of every stored row: off the async workers, as the explorer's open is.
    let directory = target.directory.clone();
    let stored = tokio::task::spawn_blocking(move || directory.load(now)).await;
    if let Ok(Ok(stored)) = stored
        && !stored.stale
        && stored.age_secs.is_some()
    {
        return Ok(stored.users);
    }
    let mut users = Vec::new();
    target
        .directory
        .sync(target.provider.as_ref(), |page| users.extend(page.users))
        .await
        .map_err(|err| err.one_line())?;
    Ok(users)
}
