//! The header: what is being explored, and a SANDBOX badge when it is the sandbox.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::sanitize::one_line;
use crate::state::State;
use crate::theme::Theme;

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let profile = &state.profile;
    let mut spans = vec![
        Span::styled(" userscope ", theme.header()),
        Span::raw(" "),
        Span::styled(one_line(&profile.name), theme.accent()),
        Span::styled(format!("  {}", profile.provider), theme.muted()),
    ];
    if profile.is_sandbox {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(" SANDBOX ", theme.sandbox_badge()));
    }
    super::draw::line(frame.buffer_mut(), area, &Line::from(spans));
}
