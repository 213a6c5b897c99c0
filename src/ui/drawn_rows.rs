//! What the last frame drew, kept with what each part was drawn from: the list's rows, the
//! tree's rows and the key hints. The loop owns one beside its terminal and lends it to every
//! `ui::render`, so the memo is state of the view that a reader can see, not a hidden cache;
//! a part is reused only when its key (everything it shows) is unchanged, so a frame stays a
//! pure function of the state.

use super::footer::HintsMemo;
use super::row_memo::RowMemo;
use super::{list_row, tree};

/// The parts of the last frame a next frame may copy (an empty one draws everything).
#[derive(Default)]
pub struct DrawnRows {
    /// The list pane's rows.
    pub(super) list: RowMemo<list_row::RowKey>,
    /// The Tree tab's rows.
    pub(super) tree: RowMemo<tree::RowKey>,
    /// The key hints line.
    pub(super) hints: Option<HintsMemo>,
}

impl std::fmt::Debug for DrawnRows {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The rows' cells would fill a screen.
        formatter.debug_struct("DrawnRows").finish_non_exhaustive()
    }
}
