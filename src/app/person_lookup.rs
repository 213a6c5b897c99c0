//! `Effect::LookupPerson` off the loop: each profile opened and searched in its own task (its
//! own provider, limits and directory), answering with its own `PersonLookedUp`, so a slow or
//! failing provider holds back only its rows. These tasks outlive a profile switch: the view
//! they fill belongs to no one profile.

use std::sync::Arc;

use tokio::sync::mpsc;

use super::ProfileSource;
use crate::audit::trail::{self, TrailEntry};
use crate::audit::{AuditSettings, RecordAudit, select_rules};
use crate::msg::Msg;
use crate::people::{ProfileAnswer, WhoQuery};
use crate::people_lookup::{LookupTarget, lookup};
use crate::state::RequestId;

/// What one lookup needs from the app's context.
pub(super) struct LookupContext {
    pub(super) profiles: Arc<dyn ProfileSource>,
    pub(super) state_dir: Option<std::path::PathBuf>,
}

/// Starts one task per profile.
pub(super) fn spawn(
    context: &LookupContext,
    request: RequestId,
    query: &WhoQuery,
    names: Vec<String>,
    settings: &AuditSettings,
    sender: &mpsc::UnboundedSender<Msg>,
) {
    let rules = select_rules(None, &settings.disabled_rules).unwrap_or_default();
    for name in names {
        let profiles = Arc::clone(&context.profiles);
        let state_dir = context.state_dir.clone();
        let (query, sender, rules) = (query.clone(), sender.clone(), rules.clone());
        let mut settings = settings.clone();
        let (waits, waiting_profile) = (sender.clone(), name.clone());
        let said_waits = move |wait| {
            let _ = waits.send(Msg::PersonWaiting {
                request,
                profile: waiting_profile.clone(),
                wait,
            });
        };
        tokio::spawn(crate::http::waits::reporting_waits(
            said_waits,
            async move {
                let answer = match profiles.open(&name).await {
                    Ok(opened) => {
                        if opened.view.badge.is_sandbox {
                            settings.now = crate::sandbox_clock::now();
                        }
                        let target = LookupTarget {
                            profile: name.clone(),
                            provider: opened.provider,
                            directory: opened.directory,
                            audit: RecordAudit {
                                profile: name.clone(),
                                rules,
                                settings,
                            },
                        };
                        lookup(&target, &query, crate::directory::unix_now()).await
                    }
                    Err(reason) => ProfileAnswer {
                        profile: name.clone(),
                        accounts: Err(reason),
                    },
                };
                if let (Some(dir), Ok(accounts)) = (state_dir, &answer.accounts) {
                    record_in_trail(&dir, &name, accounts, &query.text());
                }
                let _ = sender.send(Msg::PersonLookedUp { request, answer });
            },
        ));
    }
}

/// The same `who` entries the command writes: one per account found, or one for the profile.
fn record_in_trail(
    dir: &std::path::Path,
    profile: &str,
    accounts: &[crate::people::Account],
    query: &str,
) {
    let entries: Vec<TrailEntry> = if accounts.is_empty() {
        vec![TrailEntry::who(profile, None, query)]
    } else {
        accounts
            .iter()
            .map(|account| TrailEntry::who(profile, Some(&account.user_id), query))
            .collect()
    };
    for entry in entries {
        if let Err(err) = trail::append(dir, &entry) {
            tracing::warn!("cannot append to the audit trail: {err}");
            return;
        }
    }
}
