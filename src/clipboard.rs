//! Copying through the terminal with OSC 52, which works over SSH: the terminal on the
//! operator's machine sets its clipboard. Inside tmux or screen the sequence is wrapped so it
//! passes through to the outer terminal. Large payloads are refused rather than truncated.

use base64::Engine as _;

/// The largest text copied (terminals commonly cap OSC 52 around 100 KB of base64).
pub const MAX_COPY_BYTES: usize = 74_994;

/// Which multiplexer, if any, sits between userscope and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Multiplexer {
    /// Talking to the terminal directly.
    None,
    /// Inside tmux (`TMUX` set).
    Tmux,
    /// Inside GNU screen (`STY` set).
    Screen,
}

impl Multiplexer {
    /// Detects the multiplexer from the environment.
    pub fn detect() -> Self {
        if std::env::var_os("TMUX").is_some() {
            Self::Tmux
        } else if std::env::var_os("STY").is_some() {
            Self::Screen
        } else {
            Self::None
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
        Multiplexer::None => sequence.into_bytes(),
        // tmux passes a DCS through when every ESC inside it is doubled.
        Multiplexer::Tmux => format!(
            "\u{1b}Ptmux;{}\u{1b}\\",
            sequence.replace('\u{1b}', "\u{1b}\u{1b}")
        )
        .into_bytes(),
        Multiplexer::Screen => format!("\u{1b}P{sequence}\u{1b}\\").into_bytes(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_tmux_and_screen_forms() {
        assert_eq!(
            osc52("hi", Multiplexer::None).unwrap(),
            b"\x1b]52;c;aGk=\x07"
        );
        assert_eq!(
            osc52("hi", Multiplexer::Tmux).unwrap(),
            b"\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
        assert_eq!(
            osc52("hi", Multiplexer::Screen).unwrap(),
            b"\x1bP\x1b]52;c;aGk=\x07\x1b\\"
        );
    }

    #[test]
    fn refuses_past_the_cap_and_says_what_to_do() {
        let error = osc52(&"x".repeat(MAX_COPY_BYTES + 1), Multiplexer::None).unwrap_err();
        assert!(error.to_string().contains("export"));
    }
}
