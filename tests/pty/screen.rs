//! The screen model the reader thread feeds (U+FFFD shown as a one-column mark, terminal
//! requests counted) and how a test reads rows, panes, the list and the tree path off it.

use super::non_zero;

/// U+FFFD, the mark the app's sanitizer leaves where it removed something, as UTF-8.
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// What the screen model shows for U+FFFD. vt100 drops U+FFFD (it takes it for the residue of
/// invalid UTF-8) without advancing the cursor, unlike a real terminal, so the reader swaps it
/// for this one-column symbol, which the app never prints, before parsing. The raw log keeps the
/// real bytes.
pub const MARK_ON_SCREEN: char = '\u{2426}';

/// Terminal requests that matter to a test, as a terminal would act on them.
#[derive(Default)]
pub struct Requests {
    /// OSC 52 clipboard writes.
    pub clipboard_writes: usize,
    /// OSC 0/1/2 title or icon-name changes.
    pub title_changes: usize,
}

impl vt100::Callbacks for Requests {
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], _: &[u8]) {
        self.clipboard_writes += 1;
    }

    fn set_window_title(&mut self, _: &mut vt100::Screen, _: &[u8]) {
        self.title_changes += 1;
    }

    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, _: &[u8]) {
        self.title_changes += 1;
    }
}

/// Feeds bytes to the screen model with U+FFFD swapped for [`MARK_ON_SCREEN`]; a partial
/// U+FFFD at the end of a read is held back until the next read completes it.
pub(super) fn feed_screen(parser: &mut vt100::Parser<Requests>, held: &mut Vec<u8>, bytes: &[u8]) {
    held.extend_from_slice(bytes);
    let keep = (1..REPLACEMENT.len())
        .rev()
        .find(|&len| held.ends_with(&REPLACEMENT[..len]))
        .unwrap_or(0);
    let ready = held.len() - keep;
    let mut mark = [0_u8; 4];
    let mark = MARK_ON_SCREEN.encode_utf8(&mut mark).as_bytes();
    let mut start = 0;
    while let Some(at) = held[start..ready]
        .windows(REPLACEMENT.len())
        .position(|window| window == REPLACEMENT)
    {
        parser.process(&held[start..start + at]);
        parser.process(mark);
        start += at + REPLACEMENT.len();
    }
    parser.process(&held[start..ready]);
    held.drain(..ready);
}

/// Feeds reads to a fresh 80x24 screen model as the reader thread does: the (clipboard writes,
/// title changes) it saw and the first row's text.
pub fn replay(reads: &[&[u8]]) -> ((usize, usize), String) {
    let mut parser =
        vt100::Parser::new_with_callbacks(non_zero(24), non_zero(80), 0, Requests::default());
    let mut held = Vec::new();
    for read in reads {
        feed_screen(&mut parser, &mut held, read);
    }
    let requests = parser.callbacks();
    let first = screen_rows(parser.screen()).swap_remove(0);
    ((requests.clipboard_writes, requests.title_changes), first)
}

/// The screen's rows as text.
pub fn screen_rows(screen: &vt100::Screen) -> Vec<String> {
    let (_, cols) = screen.size();
    screen.rows(0, cols.get()).collect()
}

/// The pieces of a row between box-drawing borders, trimmed: for `│a  │ │b│` that is `a`, `b`.
pub fn panes(row: &str) -> Vec<&str> {
    row.split('│')
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .collect()
}

/// The user rows of the list pane, in order: the left pane's rows under its filter line
/// (which starts with `/`), without blank ones and the loading line.
pub fn list_rows(screen: &vt100::Screen) -> Vec<String> {
    screen_rows(screen)
        .iter()
        .filter_map(|row| {
            let row = row.strip_prefix('│')?;
            let (list, _) = row.split_once('│')?;
            let text = list.trim();
            let header = text.starts_with("NAME");
            (!text.is_empty()
                && !header
                && !text.starts_with('/')
                && !text.contains("loading users"))
            .then(|| list.to_owned())
        })
        .collect()
}

/// The tree tab's jq path line (`.discounts[0]  12/40`): the path, if the tree is shown.
pub fn tree_path(screen: &vt100::Screen) -> Option<String> {
    screen_rows(screen).iter().find_map(|row| {
        panes(row).into_iter().find_map(|pane| {
            let (path, position) = pane.rsplit_once(' ')?;
            let (at, of) = position.split_once('/')?;
            let digits = |text: &str| !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
            let path = path.trim();
            (path.starts_with('.') && digits(at) && digits(of)).then(|| path.to_owned())
        })
    })
}
