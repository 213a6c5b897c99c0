use super::*;

#[test]
fn tmux_gets_the_plain_sequence_and_screen_the_wrapped_one() {
    let plain = b"\x1b]52;c;aGk=\x07";
    assert_eq!(osc52("hi", Multiplexer::None).unwrap(), plain);
    for setting in [
        TmuxClipboard::On,
        TmuxClipboard::Ignored,
        TmuxClipboard::Unknown,
    ] {
        assert_eq!(osc52("hi", Multiplexer::Tmux(setting)).unwrap(), plain);
    }
    assert_eq!(
        osc52("hi", Multiplexer::Screen).unwrap(),
        b"\x1bP\x1b]52;c;aGk=\x07\x1b\\"
    );
}

#[test]
fn no_tmux_passthrough_wrapping_is_ever_sent() {
    let bytes = osc52("hi", Multiplexer::Tmux(TmuxClipboard::On)).unwrap();
    assert!(!bytes.windows(6).any(|window| window == b"Ptmux;"));
}

#[test]
fn a_copy_is_in_doubt_unless_the_terminal_or_tmux_takes_it() {
    assert_eq!(Multiplexer::None.doubt(), None);
    assert_eq!(Multiplexer::Tmux(TmuxClipboard::On).doubt(), None);
    let ignored = Multiplexer::Tmux(TmuxClipboard::Ignored).doubt().unwrap();
    assert!(ignored.contains("set -g set-clipboard on"), "{ignored}");
    assert!(Multiplexer::Tmux(TmuxClipboard::Unknown).doubt().is_some());
    assert!(Multiplexer::Screen.doubt().is_some());
}

#[test]
fn the_tmux_option_is_read_from_show_options() {
    assert_eq!(TmuxClipboard::from_option("on\n"), TmuxClipboard::On);
    assert_eq!(
        TmuxClipboard::from_option("external\n"),
        TmuxClipboard::Ignored
    );
    assert_eq!(TmuxClipboard::from_option("off"), TmuxClipboard::Ignored);
    assert_eq!(TmuxClipboard::from_option(""), TmuxClipboard::Unknown);
}

#[test]
fn refuses_past_the_cap_and_says_what_to_do() {
    let error = osc52(&"x".repeat(MAX_COPY_BYTES + 1), Multiplexer::None).unwrap_err();
    assert!(error.to_string().contains("export"));
}
