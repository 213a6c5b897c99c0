//! `userscope get`: one user's record as text, as pretty JSON, or as the exact bytes received.

use std::fmt::Write as _;
use std::io::Write;

use super::CommandError;
use crate::cli::GetArgs;
use crate::model::UserRecord;
use crate::provider::{ProviderError, json_notes};
use crate::sanitize::one_line;
use crate::session::Session;

pub async fn run(
    session: &mut Session,
    profile: Option<&str>,
    args: &GetArgs,
) -> Result<(), CommandError> {
    let profile = session.profile(profile).await?;
    let provider = crate::provider::build(&profile)?;
    let mut record = match provider.fetch_record(&args.id).await {
        Ok(record) => record,
        Err(ProviderError::Decode(error)) if args.raw && error.unread_body().is_some() => {
            // `--raw` promises the bytes as sent, and needs no parsing: a body this client can't
            // read is exactly what someone will want to look at with other tools.
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(error.unread_body().map_or(&[][..], |body| &body[..]))?;
            stdout.flush()?;
            super::stderr::line(&format!(
                "wrote the body as received; it can't be read as a record: {}",
                one_line(&error.to_string())
            ));
            return Ok(());
        }
        Err(error) => return Err(error.into()),
    };
    if record.deferred {
        // The overview the explorer builds when it shows the record: this prints it.
        record = crate::provider::deferred::map_in_full(&record)?;
    }
    let notes = json_notes::record_notes(&record);
    json_notes::annotate_sections(&mut record.sections, &notes);
    let mut stdout = std::io::stdout().lock();
    if args.raw {
        // Byte for byte what the server sent: no newline added, nothing re-encoded.
        stdout.write_all(record.raw())?;
    } else if args.json && (!notes.is_empty() || record.big.is_some()) {
        // The parsed JSON would round long numbers and drop duplicate keys, and a big body's
        // leaves out the lists read in place from its bytes: lay out the bytes.
        for line in json_notes::pretty_lines(&record) {
            writeln!(stdout, "{line}")?;
        }
    } else if args.json {
        serde_json::to_writer_pretty(&mut stdout, &record.json).map_err(std::io::Error::from)?;
        writeln!(stdout)?;
    } else {
        stdout.write_all(render_text(&record).as_bytes())?;
    }
    stdout.flush()?;
    Ok(())
}

/// The record's sections as aligned `label  value` lines, sanitized.
pub fn render_text(record: &UserRecord) -> String {
    let mut out = format!("{} user {}\n", record.provider, one_line(&record.id));
    let width = record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .map(|field| field.label.chars().count())
        .max()
        .unwrap_or(0);
    for section in &record.sections {
        out.push('\n');
        out.push_str(&one_line(&section.title));
        out.push('\n');
        for field in &section.fields {
            let label = one_line(&field.label);
            let pad = width.saturating_sub(label.chars().count());
            let _ = writeln!(
                out,
                "  {label}{}  {}",
                " ".repeat(pad),
                one_line(&field.value.display_in(crate::model::local_offset()))
            );
        }
    }
    out
}
