//! How a finding's severity looks: the badge in the Audit tab and the list's finding column.

use ratatui::style::Style;

use crate::audit::Severity;
use crate::theme::Theme;

/// How a severity badge looks.
pub fn severity_style(severity: Severity, theme: &Theme) -> Style {
    match severity {
        Severity::Critical | Severity::High => theme.error(),
        Severity::Medium => theme.warning(),
        Severity::Low | Severity::Info => theme.muted(),
    }
}
