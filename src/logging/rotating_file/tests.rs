use super::*;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn the_file_is_private_in_a_private_folder() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let mut log = RotatingFile::open(&state, 1024).unwrap();
    log.write_all(b"line\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&state), 0o700);
        assert_eq!(mode(&super::super::log_file(&state)), 0o600);
    }
}

#[cfg(unix)]
#[test]
fn a_file_an_older_version_left_readable_is_made_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = super::super::log_file(dir.path());
    std::fs::write(&path, "old\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    RotatingFile::open(dir.path(), 1024).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(read(&path), "old\n", "appended to, not truncated");
}

#[test]
fn past_the_cap_the_file_is_set_aside_and_one_old_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (path, old) = (
        super::super::log_file(dir.path()),
        super::super::old_log_file(dir.path()),
    );
    let mut log = RotatingFile::open(dir.path(), 10).unwrap();
    log.write_all(b"aaaa\n").unwrap();
    log.write_all(b"bbbb\n").unwrap();
    assert_eq!(read(&path), "aaaa\nbbbb\n", "up to the cap in one file");
    log.write_all(b"cccc\n").unwrap();
    assert_eq!(
        (read(&old), read(&path)),
        ("aaaa\nbbbb\n".into(), "cccc\n".into())
    );
    for line in [b"dddd\n", b"eeee\n"] {
        log.write_all(line).unwrap();
    }
    // One old file only: the first lines are gone; never more than twice the cap.
    assert_eq!(
        (read(&old), read(&path)),
        ("cccc\ndddd\n".into(), "eeee\n".into())
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!((mode(&path), mode(&old)), (0o600, 0o600));
    }
}

#[test]
fn a_file_already_past_the_cap_is_set_aside_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = super::super::log_file(dir.path());
    std::fs::write(&path, "x".repeat(20)).unwrap();
    let mut log = RotatingFile::open(dir.path(), 10).unwrap();
    log.write_all(b"new\n").unwrap();
    assert_eq!(read(&path), "new\n");
    assert_eq!(read(&super::super::old_log_file(dir.path())).len(), 20);
}

#[test]
fn a_line_longer_than_the_cap_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = RotatingFile::open(dir.path(), 4).unwrap();
    log.write_all(b"a long line\n").unwrap();
    assert_eq!(read(&super::super::log_file(dir.path())), "a long line\n");
}
