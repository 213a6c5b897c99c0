//! The footer: key hints from the keymap, and the status line.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::status_text::fit_status;
use super::{draw, spinner};
use crate::keymap::Keymap;
use crate::sanitize::one_line;
use crate::state::{KeyContext, State};
use crate::theme::Theme;

/// Draws the hints (reusing the last frame's `hints` while they are for the same keys) and the
/// status line, or the `:` line over it.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &State,
    theme: &Theme,
    hints: &mut Option<HintsMemo>,
) {
    let context = state.key_context();
    let width = area.width;
    let any_marked = !state.list.marked.is_empty();
    let buf = frame.buffer_mut();
    let fresh = hints
        .as_ref()
        .is_some_and(|memo| memo.is_for(&state.keymap, context, width, any_marked, theme));
    if !fresh {
        *hints = Some(HintsMemo::new(
            &state.keymap,
            context,
            width,
            any_marked,
            theme,
        ));
    }
    if let Some(memo) = hints {
        draw::line(buf, area, &memo.line);
    }
    if let Some(status_area) = area
        .height
        .checked_sub(1)
        .filter(|rows| *rows > 0)
        .map(|_| Rect {
            y: area.y + 1,
            height: 1,
            ..area
        })
    {
        draw::line(
            buf,
            status_area,
            &status_line(state, theme, usize::from(width)),
        );
    }
    if let Some(line) = &state.command {
        render_command_line(frame, area, line, theme);
    }
}

/// The key hints line and what it was made from. It changes only with the keymap, the key
/// context, the width, whether users are marked and the theme, so a frame reuses the last one
/// rather than looking up its keys (a reverse lookup each, through the whole table); it is a
/// pure function of those five.
pub(super) struct HintsMemo {
    /// Held so that the pointer cannot be reused by another keymap while it is compared.
    keymap: Arc<Keymap>,
    context: KeyContext,
    width: u16,
    any_marked: bool,
    styles: (Style, Style),
    line: Line<'static>,
}

impl HintsMemo {
    fn new(
        keymap: &Arc<Keymap>,
        context: KeyContext,
        width: u16,
        any_marked: bool,
        theme: &Theme,
    ) -> Self {
        let mut spans = Vec::new();
        for hint in super::hints::hints(keymap, context, usize::from(width), any_marked) {
            spans.push(Span::styled(format!(" {}", hint.key), theme.key()));
            spans.push(Span::styled(
                format!(" {} ", hint.description),
                theme.muted(),
            ));
        }
        Self {
            keymap: Arc::clone(keymap),
            context,
            width,
            any_marked,
            styles: (theme.key(), theme.muted()),
            line: Line::from(spans),
        }
    }

    fn is_for(
        &self,
        keymap: &Arc<Keymap>,
        context: KeyContext,
        width: u16,
        any_marked: bool,
        theme: &Theme,
    ) -> bool {
        self.context == context
            && self.width == width
            && self.any_marked == any_marked
            && self.styles == (theme.key(), theme.muted())
            && (Arc::ptr_eq(&self.keymap, keymap) || self.keymap == *keymap)
    }
}

/// The `:` line over the status line, with its completions when Tab offered several.
fn render_command_line(
    frame: &mut Frame<'_>,
    area: Rect,
    line: &crate::state::CommandLine,
    theme: &Theme,
) {
    let Some(row) = area.height.checked_sub(1).map(|offset| Rect {
        y: area.y + offset,
        height: 1,
        ..area
    }) else {
        return;
    };
    let mut spans = vec![
        Span::styled(":", theme.key()),
        Span::styled(one_line(line.input.value()), theme.text()),
    ];
    if line.completions.len() > 1 {
        // The wildmenu: the candidate Tab put in the line stands out among the others.
        spans.push(Span::styled("  ", theme.muted()));
        for (index, candidate) in line.completions.iter().enumerate() {
            let style = if line.completion_index == Some(index) {
                theme.key()
            } else {
                theme.muted()
            };
            spans.push(Span::styled(" ", theme.muted()));
            spans.push(Span::styled(one_line(candidate), style));
            spans.push(Span::styled(" ", theme.muted()));
        }
    }
    frame.render_widget(ratatui::widgets::Clear, row);
    frame.render_widget(Paragraph::new(Line::from(spans)), row);
    let cursor = u16::try_from(line.input.visual_cursor()).unwrap_or(u16::MAX);
    frame.set_cursor_position((
        row.x
            .saturating_add(1)
            .saturating_add(cursor)
            .min(row.right().saturating_sub(1)),
        row.y,
    ));
}

fn status_line(state: &State, theme: &Theme, width: usize) -> Line<'static> {
    // The glyph and the space before a message.
    let room = width.saturating_sub(3);
    if let Some(error) = &state.status.error {
        return Line::from(Span::styled(
            format!(" ✖ {}", fit_status(&one_line(error), room)),
            theme.error(),
        ));
    }
    let mut busy = Vec::new();
    if state.list.directory.opening.is_some() {
        busy.push("opening the stored directory".to_owned());
    }
    if state.list.directory.syncing.is_some() {
        busy.push("syncing the directory".to_owned());
    }
    if state.list.searching.is_some() {
        busy.push("searching the server".to_owned());
    }
    if let Some((_, id)) = &state.detail.loading {
        busy.push(format!("fetching {}", one_line(id)));
    }
    if let Some(name) = &state.switching {
        busy.push(format!("opening profile {}", one_line(name)));
    }
    if state.exporting {
        busy.push("exporting".to_owned());
    }
    if state.audit_scan.running {
        busy.push(audit_progress(state.audit_scan.progress.as_ref()));
    }
    // Why something seems stuck: its server asked it to wait (a status bar that says so beats
    // a spinner turning for a minute). `update` drops the wait once it is over.
    let wait = state
        .status
        .server_wait
        .map(|(_, wait)| format!(" {}", wait.describe()))
        .unwrap_or_default();
    if !busy.is_empty() || !wait.is_empty() {
        return Line::from(Span::styled(
            format!(
                " {}{}",
                spinner(state),
                busy_text(&busy, &wait, width.saturating_sub(2))
            ),
            theme.accent(),
        ));
    }
    match &state.status.info {
        Some(info) => Line::from(Span::styled(
            format!(" {}", fit_status(&one_line(info), room + 2)),
            theme.ok(),
        )),
        None => Line::from(Span::styled(" ready", theme.muted())),
    }
}

/// What is being done, why it waits and how to stop it, in `room` cells. The wait stays whole
/// longest; what is being done is cut in its middle (a long record id, the audit's progress);
/// `(Esc cancels)` goes when both cannot keep a few cells.
fn busy_text(busy: &[String], wait: &str, room: usize) -> String {
    const CANCEL: &str = " (Esc cancels)";
    const DOING_AT_LEAST: usize = 12;
    let doing = if busy.is_empty() {
        String::new()
    } else {
        format!(" {}…", busy.join(", "))
    };
    let fixed = wait.width() + CANCEL.width();
    if doing.width() + fixed <= room {
        format!("{doing}{wait}{CANCEL}")
    } else if room >= fixed + DOING_AT_LEAST {
        format!("{}{wait}{CANCEL}", fit_status(&doing, room - fixed))
    } else if room >= wait.width() + DOING_AT_LEAST {
        format!("{}{wait}", fit_status(&doing, room - wait.width()))
    } else if wait.is_empty() {
        fit_status(&doing, room)
    } else {
        fit_status(wait, room)
    }
}

/// The scan's progress as a bar and a line: `[#####-----] audit: 40/200 users, ... 12s left`.
fn audit_progress(progress: Option<&crate::audit::scan::ScanProgress>) -> String {
    let Some(progress) = progress else {
        return "audit starting".to_owned();
    };
    let bar = match progress.total {
        Some(total) if total > 0 => {
            let filled = (progress.done as u64 * 10 / total).min(10) as usize;
            format!("[{}{}] ", "#".repeat(filled), "-".repeat(10 - filled))
        }
        _ => String::new(),
    };
    format!("{bar}{}", progress.line())
}

#[cfg(test)]
mod tests;
