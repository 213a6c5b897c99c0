//! `userscope who QUERY`: one person's accounts in every profile, one line (or JSON object)
//! per account; the profiles that could not be searched named on stderr, and then exit 1, since
//! "found nowhere" can only be said of the profiles that answered.

use std::io::Write as _;

use super::{CommandError, EXIT_CONFIG, EXIT_REMOTE, table};
use crate::audit::trail::{self, TrailEntry};
use crate::audit::{RecordAudit, select_rules};
use crate::cli::WhoArgs;
use crate::people::{Account, MatchKind, ProfileAnswer, WhoQuery};
use crate::people_lookup::{LookupTarget, lookup};
use crate::session::Session;

pub async fn run(
    session: &mut Session,
    profile: Option<&str>,
    args: &WhoArgs,
) -> Result<(), CommandError> {
    let query = WhoQuery::parse(&args.query).ok_or_else(|| CommandError {
        message: "who needs an e-mail address or a name".to_owned(),
        code: EXIT_CONFIG,
    })?;
    let names: Vec<String> = match profile {
        Some(name) => vec![name.to_owned()],
        None => session
            .profiles()
            .into_iter()
            .map(|listing| listing.name)
            .collect(),
    };
    let (targets, mut unsearched) = targets(session, &names).await;
    // Every profile at once, the answers in the targets' order; a wait a server asks for is
    // said with the profile's name, since several may wait at once.
    let now = crate::directory::unix_now();
    let answers = futures::future::join_all(targets.iter().map(|target| {
        crate::http::waits::reporting_waits(
            super::stderr::say_waits(Some(&target.profile)),
            lookup(target, &query, now),
        )
    }))
    .await;
    let mut accounts: Vec<Account> = Vec::new();
    for ProfileAnswer {
        profile,
        accounts: found,
    } in answers
    {
        match found {
            Ok(found) => {
                record_in_trail(session, &profile, &found, &args.query);
                accounts.extend(found);
            }
            Err(reason) => unsearched.push((profile, reason)),
        }
    }
    write_accounts(&accounts, args.json)?;
    for (profile, reason) in &unsearched {
        super::stderr::line(&format!("could not search {profile}: {reason}"));
    }
    if !unsearched.is_empty() {
        return Err(CommandError {
            message: format!(
                "incomplete: {} of {} profiles could not be searched",
                unsearched.len(),
                names.len()
            ),
            code: EXIT_REMOTE,
        });
    }
    let active = accounts.iter().filter(|account| account.active).count();
    if args.fail_if_active && active > 0 {
        return Err(CommandError {
            message: format!(
                "{active} of the {} accounts found are active (--fail-if-active)",
                accounts.len()
            ),
            code: EXIT_REMOTE,
        });
    }
    Ok(())
}

/// What each profile is searched with; a profile that cannot even be opened is unsearched.
pub async fn targets(
    session: &mut Session,
    names: &[String],
) -> (Vec<LookupTarget>, Vec<(String, String)>) {
    let mut settings = session
        .config
        .as_ref()
        .map(|config| config.audit.clone())
        .unwrap_or_default();
    let rules = select_rules(None, &settings.disabled_rules).unwrap_or_default();
    let mut targets = Vec::new();
    let mut unsearched = Vec::new();
    for name in names {
        let opened = async {
            let profile = session.profile(Some(name)).await?;
            let (directory, _) = session.directory(&profile)?;
            let provider = crate::provider::build(&profile)?;
            Ok::<_, CommandError>((profile, directory, provider))
        }
        .await;
        match opened {
            Ok((profile, directory, provider)) => {
                settings.now = profile.is_sandbox.then(crate::sandbox_clock::now).flatten();
                targets.push(LookupTarget {
                    profile: profile.name.clone(),
                    provider,
                    directory,
                    audit: RecordAudit {
                        profile: profile.name.clone(),
                        rules: rules.clone(),
                        settings: settings.clone(),
                    },
                });
            }
            Err(error) => unsearched.push((name.clone(), error.message)),
        }
    }
    (targets, unsearched)
}

/// One `who` entry per profile searched, one per account found there.
fn record_in_trail(session: &Session, profile: &str, found: &[Account], query: &str) {
    let state_dir = &session.paths.state_dir;
    let entries: Vec<TrailEntry> = if found.is_empty() {
        vec![TrailEntry::who(profile, None, query)]
    } else {
        found
            .iter()
            .map(|account| TrailEntry::who(profile, Some(&account.user_id), query))
            .collect()
    };
    for entry in entries {
        if let Err(err) = trail::append(state_dir, &entry) {
            super::report_out::warn_trail(Err(err));
            return;
        }
    }
}

fn write_accounts(accounts: &[Account], json: bool) -> Result<(), CommandError> {
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, accounts).map_err(std::io::Error::from)?;
        writeln!(stdout)?;
    } else if accounts.is_empty() {
        writeln!(stdout, "no account found")?;
    } else {
        let rows: Vec<Vec<String>> = accounts.iter().map(row).collect();
        stdout.write_all(
            table::render(
                &[
                    "PROFILE",
                    "PROVIDER",
                    "ID",
                    "NAME",
                    "EMAIL",
                    "ACTIVE",
                    "LAST LOGIN",
                    "MFA",
                    "FINDINGS",
                    "MATCH",
                ],
                &rows,
            )
            .as_bytes(),
        )?;
    }
    stdout.flush()?;
    Ok(())
}

fn row(account: &Account) -> Vec<String> {
    let yes_no = |flag: bool| if flag { "yes" } else { "no" }.to_owned();
    vec![
        account.profile.clone(),
        account.provider.to_string(),
        account.user_id.clone(),
        account.name.clone(),
        account.email.clone(),
        yes_no(account.active),
        account.last_login.clone().unwrap_or_else(|| "—".to_owned()),
        account.mfa.map_or_else(|| "—".to_owned(), yes_no),
        account.findings_text(),
        match account.certainty {
            MatchKind::Certain => "certain",
            MatchKind::Possible => "possible",
        }
        .to_owned(),
    ]
}
