use super::*;

#[test]
fn appends_one_json_line_per_entry() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    append(&state, &TrailEntry::now("p", None, action::RUN_STARTED)).unwrap();
    append(&state, &TrailEntry::now("p", Some("u1"), action::VIEWED)).unwrap();
    let text = std::fs::read_to_string(path(&state)).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["action"], "audit_run_started");
    assert!(lines[0].get("user_id").is_none());
    assert_eq!(lines[1]["user_id"], "u1");
    let keys: Vec<&String> = lines[1].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["time", "profile", "user_id", "action"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path(&state))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
