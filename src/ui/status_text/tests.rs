use super::*;

#[test]
fn a_long_path_is_cut_in_its_middle_and_keeps_its_file_name() {
    let message = "exported to /home/operator/.local/share/userscope/exports/sandbox-zoo-u1-20250101T000000Z.json";
    let fitted = fit_status(message, 60);
    assert_eq!(fitted.width(), 60, "{fitted}");
    assert!(fitted.starts_with("exported to /home/"), "{fitted}");
    assert!(fitted.ends_with("000000Z.json"), "{fitted}");
    assert!(fitted.contains('…'));
}

#[test]
fn the_hint_after_a_dash_stays_whole() {
    let message =
        "cannot reach https://sandbox.invalid/api/v1/users?page=2: connection refused — r retries";
    let fitted = fit_status(message, 50);
    assert!(fitted.width() <= 50, "{fitted}");
    assert!(fitted.ends_with(" — r retries"), "{fitted}");
    assert!(fitted.starts_with("cannot reach "), "{fitted}");
    assert_eq!(fit_status("short — hint", 50), "short — hint");
}
