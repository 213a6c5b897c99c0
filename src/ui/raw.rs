//! The raw view: the record's JSON pretty-printed, only the lines in view drawn, matches of a
//! `/` search highlighted and the search shown on the last line.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::sanitize::one_line;
use crate::state::DetailState;
use crate::theme::Theme;

pub fn render(frame: &mut Frame<'_>, area: Rect, detail: &DetailState, theme: &Theme) {
    let search = &detail.raw_search;
    let searching = search.typing || !search.input.value().is_empty();
    let [text_area, search_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(u16::from(searching))])
            .areas(area);
    let height = usize::from(text_area.height);
    let lines = &detail.raw_lines;
    let scroll = detail.scroll.min(lines.len().saturating_sub(height));
    let current = search.current_line();
    // Only the lines in view are formatted: a big record has millions.
    let visible: Vec<Line<'_>> = (scroll..lines.len().min(scroll + height))
        .map(|index| (index, lines.line(index)))
        .map(|(index, line)| {
            let style = if Some(index) == current {
                theme.selection(true)
            } else if search.matches.binary_search(&index).is_ok() {
                theme.accent()
            } else {
                theme.text()
            };
            Line::from(Span::styled(one_line(&line), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(visible), text_area);
    if searching {
        let count = if search.matches.is_empty() {
            "no match".to_owned()
        } else {
            format!("{}/{}", search.current + 1, search.matches.len())
        };
        let line = Line::from(vec![
            Span::styled("/", theme.key()),
            Span::styled(one_line(search.input.value()), theme.text()),
            Span::styled(format!("  {count}  (n/N)"), theme.muted()),
        ]);
        frame.render_widget(Paragraph::new(line), search_area);
        if search.typing {
            let cursor = u16::try_from(search.input.visual_cursor()).unwrap_or(u16::MAX);
            frame.set_cursor_position((
                search_area.x.saturating_add(1).saturating_add(cursor),
                search_area.y,
            ));
        }
    }
}
