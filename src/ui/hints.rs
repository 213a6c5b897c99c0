//! The footer's key hints: which actions each pane offers there, and which go first when the
//! row is too narrow. Every description is the pane's own (`Action::describe_in`).

use unicode_width::UnicodeWidthStr as _;

use crate::action::Action;
use crate::keymap::Keymap;
use crate::state::KeyContext;

/// How readily a hint is dropped when the row is narrow: 0 never (help and quit), higher first.
type Rank = u8;

/// The hints of a pane, in the order shown, each with its rank.
fn pane_hints(context: KeyContext) -> &'static [(Action, Rank)] {
    use Action as A;
    match context {
        KeyContext::List => &[
            (A::ToggleHelp, 0),
            (A::StartFilter, 1),
            (A::Open, 1),
            (A::FocusNext, 3),
            (A::ToggleMark, 4),
            (A::MarkAllShown, 5),
            // Only offered while there are marks (see `hints`), and then it matters.
            (A::ClearMarks, 3),
            (A::Export, 3),
            (A::CommandLine, 4),
            (A::ToggleZoom, 5),
            (A::Cancel, 6),
            (A::Quit, 0),
        ],
        KeyContext::Filter => &[
            (A::Open, 1),
            (A::HistoryPrevious, 3),
            (A::Down, 4),
            (A::FocusNext, 2),
            (A::Cancel, 1),
            (A::Quit, 0),
        ],
        KeyContext::Detail => &[
            (A::ToggleHelp, 0),
            (A::YankValue, 1),
            (A::NextTab, 1),
            (A::FocusPrev, 2),
            (A::Export, 3),
            (A::Refresh, 4),
            (A::ToggleZoom, 5),
            (A::Cancel, 6),
            (A::Quit, 0),
        ],
        KeyContext::Tree => &[
            (A::ToggleHelp, 0),
            (A::TreeToggle, 1),
            (A::TreeExpandAll, 4),
            (A::TreeCollapseAll, 4),
            (A::YankStart, 2),
            (A::NextTab, 2),
            (A::FocusPrev, 3),
            (A::ToggleZoom, 5),
            (A::Quit, 0),
        ],
        KeyContext::Threads | KeyContext::Audit => &[
            (A::ToggleHelp, 0),
            (A::Open, 1),
            (A::CycleSort, 2),
            (A::ReverseSort, 4),
            (A::NextTab, 2),
            (A::FocusPrev, 3),
            (A::ToggleZoom, 5),
            (A::Quit, 0),
        ],
        KeyContext::Raw => &[
            (A::ToggleHelp, 0),
            (A::StartFilter, 1),
            (A::NextMatch, 2),
            (A::PrevMatch, 3),
            (A::NextTab, 2),
            (A::FocusPrev, 3),
            (A::ToggleZoom, 5),
            (A::Quit, 0),
        ],
        KeyContext::RawSearch => &[(A::Open, 1), (A::Cancel, 1), (A::Quit, 0)],
        KeyContext::People => &[
            (A::ToggleHelp, 0),
            (A::Open, 1),
            (A::Refresh, 2),
            (A::Cancel, 1),
            (A::Quit, 0),
        ],
        KeyContext::Command => &[
            (A::Complete, 1),
            (A::CompletePrevious, 2),
            (A::HistoryPrevious, 3),
            (A::Open, 1),
            (A::Cancel, 1),
        ],
        KeyContext::Yank => &[
            (A::YankValue, 1),
            (A::YankKey, 1),
            (A::YankPath, 1),
            (A::Cancel, 2),
        ],
    }
}

/// One hint: the key and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The key, as the help names it.
    pub key: String,
    /// What it does in this pane.
    pub description: &'static str,
}

impl Hint {
    /// Cells the hint takes: ` key description `.
    pub fn width(&self) -> usize {
        self.key.width() + self.description.width() + 3
    }
}

/// The hints of a pane that fit in `width` cells: the least used are dropped first, the rest
/// keep their order; help and quit always stay. Clearing the marks is offered only while
/// users are marked (`any_marked`), so the marks never linger unseen and their key is at hand.
pub fn hints(keymap: &Keymap, context: KeyContext, width: usize, any_marked: bool) -> Vec<Hint> {
    let ranked: Vec<(Hint, Rank)> = pane_hints(context)
        .iter()
        .filter(|(action, _)| any_marked || *action != Action::ClearMarks)
        .filter_map(|(action, rank)| {
            keymap.first_key(context, *action).map(|key| {
                let description = action.describe_in(context);
                (Hint { key, description }, *rank)
            })
        })
        .collect();
    let mut kept: Vec<bool> = vec![true; ranked.len()];
    let mut used: usize = ranked.iter().map(|(hint, _)| hint.width()).sum();
    // Highest rank first; among equals, the one further right.
    let mut order: Vec<usize> = (0..ranked.len()).filter(|&i| ranked[i].1 > 0).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(ranked[i].1), std::cmp::Reverse(i)));
    for index in order {
        if used <= width {
            break;
        }
        kept[index] = false;
        used -= ranked[index].0.width();
    }
    ranked
        .into_iter()
        .zip(kept)
        .filter_map(|((hint, _), kept)| kept.then_some(hint))
        .collect()
}

#[cfg(test)]
mod tests;
