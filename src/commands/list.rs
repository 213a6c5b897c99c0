//! `userscope list`: users of a profile as a table or a JSON array.

use std::io::Write;

use super::{CommandError, table};
use crate::cli::ListArgs;
use crate::model::UserSummary;
use crate::provider::{Provider, ProviderError};
use crate::session::Session;

/// Users asked of the server per page.
const PAGE_SIZE: usize = 100;

pub async fn run(
    session: &mut Session,
    profile: Option<&str>,
    args: &ListArgs,
) -> Result<(), CommandError> {
    let profile = session.profile(profile).await?;
    // Said on stderr once the users are written (a closed stdout ends the command first).
    let mut notes = Vec::new();
    let users = if args.all {
        every_user(session, &profile, args.cached).await?
    } else {
        let provider = crate::provider::build(&profile)?;
        let (users, more) = match &args.query {
            Some(query) => search(provider.as_ref(), query, args.limit).await?,
            None => collect(provider.as_ref(), args.limit, |_| true).await?,
        };
        if more {
            notes.push(format!(
                "showing the first {} users; more exist (--all lists every one, -n N more)",
                users.len()
            ));
        }
        if users.is_empty()
            && let Some(query) = args.query.as_deref()
            && let Some(note) = search_limits(profile.provider(), query)
        {
            notes.push(note);
        }
        users
    };
    write_users(&users, args.json)?;
    let mut stderr = std::io::stderr();
    for note in notes {
        let _ = writeln!(stderr, "userscope: {note}");
    }
    Ok(())
}

fn write_users(users: &[UserSummary], json: bool) -> Result<(), CommandError> {
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &users).map_err(std::io::Error::from)?;
        writeln!(stdout)?;
    } else {
        let rows: Vec<Vec<String>> = users.iter().map(row).collect();
        stdout.write_all(
            table::render(&["ID", "NAME", "EMAIL", "ROLE", "STATUS"], &rows).as_bytes(),
        )?;
    }
    Ok(())
}

fn row(user: &UserSummary) -> Vec<String> {
    let status: Vec<String> = user
        .status
        .iter()
        .map(crate::model::StatusMarker::label)
        .collect();
    vec![
        user.id.clone(),
        user.name.clone(),
        user.email.clone(),
        user.role.clone().unwrap_or_default(),
        status.join(" "),
    ]
}

/// Every user of the profile: synced now (and stored, unless the store is off), or, with
/// `cached`, as the store holds them.
async fn every_user(
    session: &mut Session,
    profile: &crate::config::Profile,
    cached: bool,
) -> Result<Vec<UserSummary>, CommandError> {
    let (directory, note) = session.directory(profile)?;
    if cached {
        if let Some(note) = note {
            let _ = writeln!(std::io::stderr(), "userscope: {note}");
        }
        let stored = directory
            .load(crate::directory::unix_now())
            .map_err(|message| CommandError {
                message,
                code: super::EXIT_IO,
            })?;
        if stored.age_secs.is_none() && stored.users.is_empty() {
            return Err(CommandError {
                message: format!(
                    "nothing stored for {}; run userscope sync -p {} first",
                    profile.name, profile.name
                ),
                code: super::EXIT_CONFIG,
            });
        }
        return Ok(stored.users);
    }
    let (_, users) = super::sync::sync_all(&directory, profile, note, true).await?;
    Ok(users)
}

/// Why a search may have found nothing where the API cannot search that way.
fn search_limits(provider: &str, query: &str) -> Option<String> {
    (provider == crate::provider::quip::NAME && !query.contains('@')).then(|| {
        format!(
            "Quip's API finds users by id or e-mail only, not by name ({query:?}); \
             userscope list --all lists every user, or filter with / in the explorer"
        )
    })
}

/// Pages through the list until `limit` users pass `keep` or the list ends; also whether
/// more users were left unread.
async fn collect(
    provider: &dyn Provider,
    limit: usize,
    keep: impl Fn(&UserSummary) -> bool,
) -> Result<(Vec<UserSummary>, bool), ProviderError> {
    let mut users = Vec::new();
    let mut cursor: Option<String> = None;
    let mut more = false;
    while users.len() < limit {
        let page = provider
            .list_users(cursor.as_deref(), PAGE_SIZE.min(limit.max(1)))
            .await?;
        users.extend(page.users.into_iter().filter(&keep));
        match page.next {
            Some(next) if cursor.as_ref() != Some(&next) => {
                cursor = Some(next);
                more = true;
            }
            _ => {
                more = false;
                break;
            }
        }
    }
    more |= users.len() > limit;
    users.truncate(limit);
    Ok((users, more))
}

/// The server's answers where it can search; else the list filtered here by name, e-mail and id.
async fn search(
    provider: &dyn Provider,
    query: &str,
    limit: usize,
) -> Result<(Vec<UserSummary>, bool), ProviderError> {
    match provider.search_users(query).await {
        Ok(mut users) => {
            let more = users.len() > limit;
            users.truncate(limit);
            Ok((users, more))
        }
        Err(ProviderError::Unsupported(_)) => {
            let needle = query.to_lowercase();
            collect(provider, limit, |user| {
                [&user.id, &user.name, &user.email]
                    .iter()
                    .any(|text| text.to_lowercase().contains(&needle))
            })
            .await
        }
        Err(other) => Err(other),
    }
}
