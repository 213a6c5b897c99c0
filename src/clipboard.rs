//! Copying through the terminal with OSC 52, which works over SSH: the terminal on the
//! operator's machine sets its clipboard. Inside tmux the plain sequence is sent: tmux takes it
//! when its `set-clipboard` option is `on` (it fills a buffer and passes it on to the outer
//! terminal), while a sequence wrapped for passthrough is dropped unless `allow-passthrough` is
//! on. Inside GNU screen, which does not read OSC 52 itself, the sequence is wrapped so it passes
//! through. Large payloads are refused rather than truncated.

use base64::Engine as _;

/// The largest text copied (terminals commonly cap OSC 52 around 100 KB of base64).
pub const MAX_COPY_BYTES: usize = 74_994;

/// Which multiplexer, if any, sits between userscope and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Multiplexer {
    /// Talking to the terminal directly.
    None,
    /// Inside tmux (`TMUX` set), with its `set-clipboard` option as it was at start.
    Tmux(TmuxClipboard),
    /// Inside GNU screen (`STY` set).
    Screen,
}

/// tmux's `set-clipboard` option: whether tmux takes an application's OSC 52.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TmuxClipboard {
    /// `on`: tmux fills a buffer and sets the outer terminal's clipboard.
    On,
    /// `external` (tmux's default) or `off`: tmux ignores an application's OSC 52.
    Ignored,
    /// The option could not be read.
    Unknown,
}

impl TmuxClipboard {
    /// The option from `tmux show-options -gv set-clipboard`'s output.
    pub fn from_option(value: &str) -> Self {
        match value.trim() {
            "on" => Self::On,
            "external" | "off" => Self::Ignored,
            _ => Self::Unknown,
        }
    }

    /// Asks the tmux server userscope runs under (`TMUX` names its socket).
    fn query() -> Self {
        std::process::Command::new("tmux")
            .args(["show-options", "-gv", "set-clipboard"])
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()
            .filter(|output| output.status.success())
            .map_or(Self::Unknown, |output| {
                Self::from_option(&String::from_utf8_lossy(&output.stdout))
            })
    }
}

impl Multiplexer {
    /// Detects the multiplexer from the environment (and, inside tmux, its `set-clipboard`).
    pub fn detect() -> Self {
        if std::env::var_os("TMUX").is_some() {
            Self::Tmux(TmuxClipboard::query())
        } else if std::env::var_os("STY").is_some() {
            Self::Screen
        } else {
            Self::None
        }
    }

    /// Why a copy sent through this multiplexer may not have reached the clipboard, when that is
    /// known to be in doubt: said in the status after the copy.
    pub fn doubt(self) -> Option<&'static str> {
        match self {
            Self::None | Self::Tmux(TmuxClipboard::On) => None,
            // Said the same whether the option is known to be off or could not be read: the fix
            // is the same line of tmux.conf.
            Self::Tmux(TmuxClipboard::Ignored | TmuxClipboard::Unknown) => {
                Some("can't confirm the copy: tmux takes it with `set -g set-clipboard on`")
            }
            Self::Screen => Some("can't confirm the copy through screen"),
        }
    }
}

/// Why a text was not copied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CopyError {
    /// Over the size cap.
    #[error(
        "{size} bytes is too big to copy through the terminal (limit {limit}); press x to export instead"
    )]
    TooLarge {
        /// The text's size.
        size: usize,
        /// The cap.
        limit: usize,
    },
}

/// The bytes that ask the terminal to put `text` on the clipboard.
pub fn osc52(text: &str, multiplexer: Multiplexer) -> Result<Vec<u8>, CopyError> {
    if text.len() > MAX_COPY_BYTES {
        return Err(CopyError::TooLarge {
            size: text.len(),
            limit: MAX_COPY_BYTES,
        });
    }
    let payload = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let sequence = format!("\u{1b}]52;c;{payload}\u{7}");
    Ok(match multiplexer {
        // tmux reads OSC 52 itself (set-clipboard); its passthrough wrapping is dropped unless
        // allow-passthrough is on, so the plain sequence is the one that lands.
        Multiplexer::None | Multiplexer::Tmux(_) => sequence.into_bytes(),
        // screen passes a DCS body on to the terminal unread.
        Multiplexer::Screen => format!("\u{1b}P{sequence}\u{1b}\\").into_bytes(),
    })
}

#[cfg(test)]
mod tests;
