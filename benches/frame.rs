//! Issue 6: drawing. One full frame (list + detail + tree) at 200x60 with 100,000 users loaded;
//! a cursor move and the frame after it, in the list and in the 1.56M-row tree; and the bytes a
//! real terminal backend writes for that frame (printed: criterion measures time only).

mod common;

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use userscope::model::UserRecord;
use userscope::state::{DetailTab, Focus, State};
use userscope::theme::{Colors, Theme};
use userscope::tui::ScrollingBackend;
use userscope::ui;
use userscope::update::update;

const SIZE: (u16, u16) = (200, 60);
const USERS: usize = 100_000;
/// The 31 MB record (see `benches/tree.rs`): 2 x 8,750 credits.
const BIG_CREDITS: u64 = 8_750;

/// A terminal and the rows its last frame drew, as the explorer's loop keeps them.
struct Screen<B: Backend> {
    terminal: Terminal<B>,
    drawn: ui::DrawnRows,
}

impl<B: Backend> Screen<B> {
    fn new(terminal: Terminal<B>) -> Self {
        Self {
            terminal,
            drawn: ui::DrawnRows::default(),
        }
    }
}

fn draw<B: Backend>(screen: &mut Screen<B>, state: &State) {
    let drawn = &mut screen.drawn;
    screen
        .terminal
        .draw(|frame| ui::render(frame, state, &state.theme, drawn))
        .expect("drawing to memory cannot fail");
}

/// 100,000 users and a sandbox-sized Zooza record on the tree tab, the list focused.
fn list_state() -> State {
    common::state_with(
        common::users(USERS),
        common::zooza_record(20),
        DetailTab::Tree,
        SIZE,
    )
}

/// The big record's tree, expanded all, focused, the cursor mid-tree.
fn tree_state(record: Arc<UserRecord>) -> State {
    tree_state_beside(record, USERS)
}

/// `tree_state` beside a list of `users` (one: the explorer of `userscope open`).
fn tree_state_beside(record: Arc<UserRecord>, users: usize) -> State {
    let mut state = common::state_with(common::users(users), record, DetailTab::Tree, SIZE);
    state.focus = Focus::Detail;
    let rows = state.detail_rows();
    let tree = &mut state.detail.tree;
    tree.set_expanded(true, true);
    tree.cursor = tree.visible.len() / 2;
    tree.offset = tree.cursor - rows / 2;
    state
}

/// One key (`j` or `k`, whichever keeps the cursor near the middle of its pane) through `update`,
/// then the frame after it: one cursor move as the operator sees it.
fn move_and_draw<B: Backend>(state: &mut State, screen: &mut Screen<B>) {
    let (cursor, offset, rows) = if state.focus == Focus::List {
        (state.list.cursor, state.list.offset, state.list_page_rows())
    } else {
        let tree = &state.detail.tree;
        (tree.cursor, tree.offset, state.detail_rows())
    };
    let key = if cursor < offset + rows / 2 { 'j' } else { 'k' };
    update(state, common::key(key));
    draw(screen, state);
}

/// A terminal that keeps the screen in memory, behind the backend the explorer draws through
/// (which scrolls bands of lines that moved: its cost is part of a frame's).
fn test_terminal() -> Screen<ScrollingBackend<TestBackend>> {
    let backend = ScrollingBackend::new(TestBackend::new(SIZE.0, SIZE.1))
        .unwrap_or_else(|never| match never {});
    Screen::new(Terminal::new(backend).expect("a test backend always opens"))
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    let mut state = list_state();
    let mut terminal = test_terminal();
    // One full frame: `ui::render` of every pane into a fresh buffer, then ratatui's diff against
    // the last frame and the (empty) write to `TestBackend`, as `Terminal::draw` does in the app.
    draw(&mut terminal, &state);
    group.bench_function("full_frame_200x60_100k_users_tree_tab", |b| {
        b.iter(|| draw(&mut terminal, &state));
    });
    // A whole `Terminal::draw` (render, diff against the last frame, write to the backend), the
    // screen changing every time: one list cursor move (down or up, staying mid-page) per iteration.
    group.bench_function("list_move_and_draw_200x60_100k_users", |b| {
        b.iter(|| move_and_draw(&mut state, &mut terminal));
    });
    drop(state);

    let record = common::zooza_record(BIG_CREDITS);
    let mut state = tree_state(Arc::clone(&record));
    println!(
        "frame: tree of {} nodes, {} rows visible",
        state.detail.tree.len(),
        state.detail.tree.visible.len()
    );
    let mut terminal = test_terminal();
    draw(&mut terminal, &state);
    group.bench_function("tree_move_and_draw_200x60_1.5M_rows", |b| {
        b.iter(|| move_and_draw(&mut state, &mut terminal));
    });
    // A move off the last row of the page every time: the pane scrolls by one row each frame
    // (the band that moved is found and scrolled, or the rows rewritten).
    let rows = state.detail_rows();
    let tree = &mut state.detail.tree;
    tree.cursor = tree.offset + rows - 1;
    draw(&mut terminal, &state);
    group.bench_function("tree_scroll_and_draw_200x60_1.5M_rows", |b| {
        b.iter(|| {
            update(&mut state, common::key('j'));
            draw(&mut terminal, &state);
        });
    });
    group.finish();
    drop(state);

    bench_bytes(&record);
}

/// A terminal that only counts the bytes written to it.
#[derive(Clone, Default)]
struct ByteCount(Rc<Cell<usize>>);

impl std::io::Write for ByteCount {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + bytes.len());
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes `CrosstermBackend` writes for the frame after one cursor move (ratatui keeps the last
/// frame and writes only the cells that changed), in the list and in the tree.
fn bench_bytes(record: &Arc<UserRecord>) {
    // The colours a terminal shows (`theme::Colors`): 24-bit where `COLORTERM` says so, the
    // 256-colour palette in a tmux pane that was not told, the 16 ANSI colours elsewhere.
    let themes_dir = std::path::Path::new("/nonexistent");
    for colors in [Colors::TrueColor, Colors::Palette256, Colors::Ansi16] {
        let theme = Theme::load(colors.default_theme(), themes_dir, colors)
            .expect("the built-in themes load");
        bench_bytes_in(record, &theme, colors);
    }
}

fn bench_bytes_in(record: &Arc<UserRecord>, theme: &Theme, colors: Colors) {
    let moves: [(&str, State); 5] = [
        ("list (100,000 users)", list_state()),
        (
            "tree (31 MB record, expanded all)",
            tree_state(Arc::clone(record)),
        ),
        (
            "tree beside a list of one (userscope open of the 31 MB record)",
            tree_state_beside(Arc::clone(record), 1),
        ),
        ("tree zoomed (`z`)", {
            let mut state = tree_state(Arc::clone(record));
            state.zoomed = true;
            state
        }),
        ("list zoomed (`z`)", {
            let mut state = list_state();
            state.zoomed = true;
            state
        }),
    ];
    for (what, mut state) in moves {
        state.theme = theme.clone();
        let written = ByteCount::default();
        // As the explorer writes to a terminal: through the backend that scrolls what moved.
        let backend = ScrollingBackend::with_size(
            CrosstermBackend::new(written.clone()),
            ratatui::layout::Size::new(SIZE.0, SIZE.1),
        );
        let viewport = Viewport::Fixed(Rect::new(0, 0, SIZE.0, SIZE.1));
        let mut terminal = Screen::new(
            Terminal::with_options(backend, TerminalOptions { viewport })
                .expect("a fixed viewport needs no terminal"),
        );
        draw(&mut terminal, &state);
        let first = written.0.replace(0);
        let rows = if state.focus == Focus::List {
            state.list_page_rows()
        } else {
            state.detail_rows()
        };
        // One move inside the page (only the two rows and the status change), then a run of
        // ten pages of moves down from there: the view moves line by line in a pane as wide as
        // the screen, half a page at a time beside another (`state::scroll`).
        update(&mut state, common::key('j'));
        draw(&mut terminal, &state);
        let inside = written.0.replace(0);
        let run = rows * 10;
        let (mut total, mut most) = (0, 0);
        for _ in 0..run {
            update(&mut state, common::key('j'));
            draw(&mut terminal, &state);
            let bytes = written.0.replace(0);
            total += bytes;
            most = most.max(bytes);
        }
        let depth = match colors {
            Colors::TrueColor => "24-bit colour",
            Colors::Palette256 => "256 colours",
            Colors::Ansi16 | Colors::None => "16 colours",
        };
        println!(
            "bytes ({depth}): {what}: first frame {first} B; one move inside the page {inside} B; \
             {run} moves down: {} B a move on average, at most {most} B (a move that scrolls)",
            total / run
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
