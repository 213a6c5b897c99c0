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
    let provider = crate::provider::build(&profile)?;
    let users = match &args.query {
        Some(query) => search(provider.as_ref(), query, args.limit).await?,
        None => collect(provider.as_ref(), args.limit, |_| true).await?,
    };
    let mut stdout = std::io::stdout().lock();
    if args.json {
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

/// Pages through the list until `limit` users pass `keep` or the list ends.
async fn collect(
    provider: &dyn Provider,
    limit: usize,
    keep: impl Fn(&UserSummary) -> bool,
) -> Result<Vec<UserSummary>, ProviderError> {
    let mut users = Vec::new();
    let mut cursor: Option<String> = None;
    while users.len() < limit {
        let page = provider
            .list_users(cursor.as_deref(), PAGE_SIZE.min(limit.max(1)))
            .await?;
        users.extend(page.users.into_iter().filter(&keep));
        match page.next {
            Some(next) if cursor.as_ref() != Some(&next) => cursor = Some(next),
            _ => break,
        }
    }
    users.truncate(limit);
    Ok(users)
}

/// The server's answers where it can search; else the list filtered here by name, e-mail and id.
async fn search(
    provider: &dyn Provider,
    query: &str,
    limit: usize,
) -> Result<Vec<UserSummary>, ProviderError> {
    match provider.search_users(query).await {
        Ok(mut users) => {
            users.truncate(limit);
            Ok(users)
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
