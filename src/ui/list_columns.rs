//! The user list's columns: which fit a pane's width, how wide each is, the header naming them,
//! and how a name or an e-mail too long for its column is shortened.
//!
//! Name and e-mail come first and stay readable; ROLE, STATUS and FINDING are added, in that
//! order, only while name and e-mail keep a comfortable width. Widths are measured over the
//! page shown, so the columns line up on screen without measuring every user held each frame.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::audit::Severity;
use crate::model::{StatusMarker, UserRef};
use crate::sanitize::one_line;
use crate::state::list_sort::{ListSort, SortColumn, display_name};

/// Cells before the name: the mark, the status glyph and the finding's letter.
pub const GUTTER: usize = 3;
/// Below these a name or an e-mail stops being readable; optional columns give way first.
const NAME_COMFORT: usize = 20;
const EMAIL_COMFORT: usize = 26;
/// Roles are capped: a long role is cut rather than squeezing the name.
const ROLE_MAX: usize = 14;
/// The widest status word and severity name.
const STATUS_WIDTH: usize = 8;
const FINDING_WIDTH: usize = 8;

/// The widths of the list's columns in one pane; 0 is a column left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Columns {
    /// The name's cells.
    pub name: usize,
    /// The e-mail's cells.
    pub email: usize,
    /// The role's cells (0: left out).
    pub role: usize,
    /// The status word's cells (0: left out).
    pub status: usize,
    /// The finding's cells (0: left out).
    pub finding: usize,
}

impl Columns {
    /// The columns for a row `width` cells wide showing `page`.
    pub fn fit<'a>(width: usize, page: &(impl Iterator<Item = UserRef<'a>> + Clone)) -> Self {
        // The gutter, then a space before each column.
        let room = width.saturating_sub(GUTTER + 1);
        let widest = |measure: &dyn Fn(UserRef<'a>) -> usize, header: &str| {
            page.clone()
                .map(measure)
                .max()
                .unwrap_or(0)
                .max(header.width())
        };
        let name = widest(&|user| one_line(display_name(user)).width(), "NAME");
        let email = widest(&|user| one_line(user.email).width(), "EMAIL");
        let has_role = page
            .clone()
            .any(|user| user.role.is_some_and(|r| !r.is_empty()));
        let role = if has_role {
            widest(&|user| one_line(user.role.unwrap_or("")).width(), "ROLE").min(ROLE_MAX)
        } else {
            0
        };
        // The optional columns that leave name and e-mail a comfortable width, in order.
        let comfort = name.min(NAME_COMFORT) + 1 + email.min(EMAIL_COMFORT);
        let mut extra = [role, STATUS_WIDTH, FINDING_WIDTH];
        let mut used = 0;
        for column in &mut extra {
            if *column > 0 && comfort + used + 1 + *column <= room {
                used += 1 + *column;
            } else {
                *column = 0;
            }
        }
        let [role, status, finding] = extra;
        let (name, email) = split(room.saturating_sub(used), name, email);
        Self {
            name,
            email,
            role,
            status,
            finding,
        }
    }
}

/// Shares `room` between name and e-mail (a space between): each its natural width when both
/// fit, else the name first and the e-mail at least half.
fn split(room: usize, name: usize, email: usize) -> (usize, usize) {
    if name + 1 + email <= room {
        return (name, email);
    }
    let email_room = email.min(room.saturating_sub(name.min(room / 2) + 1));
    let name_room = room.saturating_sub(email_room + usize::from(email_room > 0));
    (name_room, email_room)
}

/// The status word for the STATUS column: the first marker, as the glyph's legend names it.
pub fn status_word(user: UserRef<'_>) -> &'static str {
    match user.status.first() {
        Some(StatusMarker::Blocked(_)) => "blocked",
        Some(StatusMarker::Disabled) => "disabled",
        Some(StatusMarker::PendingInvitation) => "invited",
        Some(StatusMarker::Owner) => "owner",
        Some(StatusMarker::Robot) => "robot",
        Some(StatusMarker::Inactive) => "inactive",
        Some(StatusMarker::NeverLoggedIn) => "no login",
        None => "",
    }
}

/// The severity word for the FINDING column.
pub fn finding_word(severity: Option<Severity>) -> &'static str {
    severity.map_or("", Severity::as_str)
}

/// The header's label for a column, with the sort's arrow when the rows are sorted by it.
pub fn header_label(label: &str, column: SortColumn, sort: Option<ListSort>) -> String {
    match sort {
        Some(sort) if sort.column == column => {
            format!("{label}{}", if sort.reversed { '↓' } else { '↑' })
        }
        _ => label.to_owned(),
    }
}

/// Text padded or shortened to exactly `width` cells, cut in the middle.
pub fn cell(text: &str, width: usize) -> String {
    pad(fit_middle(text, width), width)
}

/// Pads text with spaces to `width` cells.
pub fn pad(text: String, width: usize) -> String {
    let missing = width.saturating_sub(text.width());
    if missing == 0 {
        text
    } else {
        text + &" ".repeat(missing)
    }
}

/// Shortens text to `width` cells with `…` in the middle: a name keeps its first and last
/// words, which tell people apart better than the middle.
pub fn fit_middle(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let keep = width - 1;
    let head = take_width(text.chars(), keep.div_ceil(2));
    let tail: String = take_width(text.chars().rev(), keep / 2)
        .chars()
        .rev()
        .collect();
    format!("{head}…{tail}")
}

/// Shortens an e-mail to `width` cells: the mailbox is what tells users apart (their domain is
/// often the same), so the domain is cut in its middle first, and when the mailbox itself
/// leaves no room the domain goes and the mailbox's end is cut.
pub fn fit_email(email: &str, width: usize) -> String {
    if email.width() <= width {
        return email.to_owned();
    }
    match email.rsplit_once('@') {
        // Room for the mailbox, the `@` and at least `x…z` of the domain.
        Some((mailbox, domain)) if mailbox.width() + 1 + 3 <= width => {
            let room = width - mailbox.width() - 1;
            format!("{mailbox}@{}", fit_middle(domain, room))
        }
        _ if width == 0 => String::new(),
        _ => format!("{}…", take_width(email.chars(), width - 1)),
    }
}

/// The leading characters of `chars` that fill at most `width` cells.
fn take_width(chars: impl Iterator<Item = char>, width: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in chars {
        let char_width = c.width().unwrap_or(0);
        if used + char_width > width {
            break;
        }
        used += char_width;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
