//! What the user asked for, resolved from a key by the keymap.

use crate::key_context::KeyContext;

/// A user intent, independent of the key that expressed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave userscope.
    Quit,
    /// Show or hide the keys of the focused pane.
    ToggleHelp,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Let the focused pane fill the body, or share it again.
    ToggleZoom,
    /// Move the cursor up one row.
    Up,
    /// Move the cursor down one row.
    Down,
    /// Up one screen.
    PageUp,
    /// Down one screen.
    PageDown,
    /// To the first row.
    Top,
    /// To the last row.
    Bottom,
    /// Start typing a filter.
    StartFilter,
    /// Open the selected item (or submit the filter, asking the server too).
    Open,
    /// Cancel: close an overlay, stop a filter or a fetch.
    Cancel,
    /// The next detail tab.
    NextTab,
    /// The previous detail tab.
    PrevTab,
    /// Write the selected record (or the marked set) to an export file.
    Export,
    /// Mark or unmark the selected user.
    ToggleMark,
    /// Mark every user the list shows (all, or those the filter matches).
    MarkAllShown,
    /// Clear every mark.
    ClearMarks,
    /// The selected user's person in every profile (the People view).
    PersonEverywhere,
    /// Fetch the selected record again.
    Refresh,
    /// Threads: sort by the next key.
    CycleSort,
    /// Threads: reverse the order.
    ReverseSort,
    /// Start a copy in the tree: the next key says what (value, key or path).
    YankStart,
    /// Copy the value under the tree cursor.
    YankValue,
    /// Copy the key under the tree cursor.
    YankKey,
    /// Copy the jq path of the tree cursor.
    YankPath,
    /// Copy the whole record.
    YankRecord,
    /// Raw view: to the next match.
    NextMatch,
    /// Raw view: to the previous match.
    PrevMatch,
    /// Open the `:` command line.
    CommandLine,
    /// Complete the word under the cursor (command line), or the next candidate.
    Complete,
    /// The previous candidate completing the word under the cursor (command line).
    CompletePrevious,
    /// The `:` line or the filter: the entry typed before the one shown, this session.
    HistoryPrevious,
    /// The `:` line or the filter: the entry typed after the one shown (at the end, the line
    /// being typed before the recall).
    HistoryNext,
    /// Tree: expand the node, or step into its first child (`l`).
    TreeExpand,
    /// Tree: collapse the node, or step out to its parent (`h`).
    TreeCollapse,
    /// Tree: expand or collapse the node.
    TreeToggle,
    /// Tree: to the parent (`H`).
    TreeParent,
    /// Tree: to the next sibling (`J`).
    TreeNextSibling,
    /// Tree: to the previous sibling (`K`).
    TreePrevSibling,
    /// Tree: expand the node and all below (`e`).
    TreeExpandSubtree,
    /// Tree: expand everything (`E`).
    TreeExpandAll,
    /// Tree: collapse the node and all below (`c`).
    TreeCollapseSubtree,
    /// Tree: collapse everything (`C`).
    TreeCollapseAll,
    /// Tree: show this many levels (`1`-`9`).
    TreeDepth(u8),
}

impl Action {
    /// Every action the config's `[keys]` table can bind (depth keys stay 1-9).
    pub const NAMED: &'static [Self] = &[
        Self::Quit,
        Self::ToggleHelp,
        Self::FocusNext,
        Self::FocusPrev,
        Self::ToggleZoom,
        Self::Up,
        Self::Down,
        Self::PageUp,
        Self::PageDown,
        Self::Top,
        Self::Bottom,
        Self::StartFilter,
        Self::Open,
        Self::Cancel,
        Self::NextTab,
        Self::PrevTab,
        Self::Export,
        Self::ToggleMark,
        Self::MarkAllShown,
        Self::ClearMarks,
        Self::PersonEverywhere,
        Self::Refresh,
        Self::TreeExpand,
        Self::TreeCollapse,
        Self::TreeToggle,
        Self::TreeParent,
        Self::TreeNextSibling,
        Self::TreePrevSibling,
        Self::TreeExpandSubtree,
        Self::TreeExpandAll,
        Self::TreeCollapseSubtree,
        Self::TreeCollapseAll,
        Self::CycleSort,
        Self::ReverseSort,
        Self::NextMatch,
        Self::PrevMatch,
        Self::YankStart,
        Self::YankValue,
        Self::YankKey,
        Self::YankPath,
        Self::YankRecord,
        Self::CommandLine,
        Self::Complete,
        Self::CompletePrevious,
        Self::HistoryPrevious,
        Self::HistoryNext,
    ];

    /// The name the config uses for this action.
    pub fn name(self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::ToggleHelp => "help",
            Self::FocusNext => "focus_next",
            Self::FocusPrev => "focus_prev",
            Self::ToggleZoom => "zoom",
            Self::Up => "up",
            Self::Down => "down",
            Self::PageUp => "page_up",
            Self::PageDown => "page_down",
            Self::Top => "top",
            Self::Bottom => "bottom",
            Self::StartFilter => "filter",
            Self::Open => "open",
            Self::Cancel => "cancel",
            Self::NextTab => "next_tab",
            Self::PrevTab => "prev_tab",
            Self::Export => "export",
            Self::ToggleMark => "mark",
            Self::MarkAllShown => "mark_all",
            Self::ClearMarks => "clear_marks",
            Self::PersonEverywhere => "person_everywhere",
            Self::Refresh => "refresh",
            Self::TreeExpand => "tree_expand",
            Self::TreeCollapse => "tree_collapse",
            Self::TreeToggle => "tree_toggle",
            Self::TreeParent => "tree_parent",
            Self::TreeNextSibling => "tree_next_sibling",
            Self::TreePrevSibling => "tree_prev_sibling",
            Self::TreeExpandSubtree => "tree_expand_below",
            Self::TreeExpandAll => "tree_expand_all",
            Self::TreeCollapseSubtree => "tree_collapse_below",
            Self::TreeCollapseAll => "tree_collapse_all",
            Self::TreeDepth(_) => "tree_depth",
            Self::CycleSort => "sort",
            Self::ReverseSort => "reverse_sort",
            Self::NextMatch => "next_match",
            Self::PrevMatch => "prev_match",
            Self::YankStart => "copy",
            Self::YankValue => "copy_value",
            Self::YankKey => "copy_key",
            Self::YankPath => "copy_path",
            Self::YankRecord => "copy_record",
            Self::CommandLine => "command_line",
            Self::Complete => "complete",
            Self::CompletePrevious => "complete_previous",
            Self::HistoryPrevious => "history_previous",
            Self::HistoryNext => "history_next",
        }
    }

    /// The action a config name means.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::NAMED
            .iter()
            .copied()
            .find(|action| action.name() == name)
    }

    /// What the action does in a pane, for the footer and the help overlay: the same key does
    /// different things in different panes (`/` searches the raw JSON; `Enter` runs a command,
    /// opens a thread or shows a finding's evidence).
    pub fn describe_in(self, context: KeyContext) -> &'static str {
        use KeyContext as In;
        match (self, context) {
            (Self::StartFilter, In::Raw) => "search the JSON",
            (Self::StartFilter, In::Detail | In::Tree | In::Threads | In::Audit) => "filter users",
            (Self::Open, In::List) => "open",
            (Self::Open, In::People) => "open the account",
            (Self::Refresh, In::People) => "search the profile again",
            (Self::Cancel, In::People) => "close",
            (Self::Open, In::Filter) => "search the server",
            (Self::Open, In::Threads) => "show / hide the thread",
            (Self::Open, In::Audit) => "show the evidence / fold",
            (Self::Open, In::Command) => "run",
            (Self::Open, In::RawSearch) => "find",
            (Self::Cancel, In::Filter | In::Command | In::RawSearch | In::Yank) => "cancel",
            (Self::Cancel, In::List) => "cancel / clear the marks",
            (Self::HistoryPrevious, In::Command) => "earlier command",
            (Self::HistoryNext, In::Command) => "later command",
            (Self::CycleSort, In::Threads | In::List) => "sort by the next column",
            (Self::ReverseSort, In::List) => "reverse the sort",
            (Self::CycleSort, In::Audit) => "group by the next key",
            (Self::ReverseSort, In::Audit) => "reverse the groups",
            _ => self.describe(),
        }
    }

    /// A short description for the footer and the help overlay, whatever the pane.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::ToggleHelp => "help",
            Self::FocusNext => "next pane",
            Self::FocusPrev => "previous pane",
            Self::ToggleZoom => "zoom",
            Self::Up => "up",
            Self::Down => "down",
            Self::PageUp => "page up",
            Self::PageDown => "page down",
            Self::Top => "first",
            Self::Bottom => "last",
            Self::StartFilter => "filter",
            Self::Open => "open / search server",
            Self::Cancel => "cancel / back",
            Self::NextTab => "next tab",
            Self::PrevTab => "previous tab",
            Self::Export => "export",
            Self::ToggleMark => "mark",
            Self::MarkAllShown => "mark all shown",
            Self::ClearMarks => "clear the marks",
            Self::PersonEverywhere => "this person everywhere",
            Self::Refresh => "refetch",
            Self::CycleSort => "sort or group by the next key",
            Self::ReverseSort => "reverse order",
            Self::YankStart => "copy… (then v, k or p)",
            Self::YankValue => "copy the value",
            Self::YankKey => "copy the key",
            Self::YankPath => "copy the jq path",
            Self::YankRecord => "copy the whole record",
            Self::NextMatch => "next match",
            Self::PrevMatch => "previous match",
            Self::CommandLine => "command line",
            Self::Complete => "complete / next",
            Self::CompletePrevious => "previous completion",
            Self::HistoryPrevious => "history",
            Self::HistoryNext => "history forward",
            Self::TreeExpand => "expand / into child",
            Self::TreeCollapse => "collapse / to parent",
            Self::TreeToggle => "fold / unfold",
            Self::TreeParent => "parent",
            Self::TreeNextSibling => "next sibling",
            Self::TreePrevSibling => "previous sibling",
            Self::TreeExpandSubtree => "expand all below",
            Self::TreeExpandAll => "expand everything",
            Self::TreeCollapseSubtree => "collapse all below",
            Self::TreeCollapseAll => "collapse everything",
            Self::TreeDepth(_) => "show N levels",
        }
    }
}
