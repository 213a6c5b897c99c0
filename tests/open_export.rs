//! `userscope open` reads back what `x` wrote: for each provider, a record fetched from the
//! sandbox, exported, and read back maps to the same record with the same bytes; an NDJSON set
//! reads back as a list.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use userscope::commands::open::read_records;
use userscope::export::{ndjson_bytes, record_bytes};
use userscope::sandbox::{Sandbox, SandboxConfig};
use userscope::sandbox_profiles::sandbox_profile;

#[tokio::test]
async fn every_providers_export_opens_as_the_same_record() {
    let sandbox = Sandbox::start(
        SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
        SandboxConfig {
            users: 30,
            ..SandboxConfig::default()
        },
    )
    .await
    .expect("the sandbox starts");
    let dir = tempfile::tempdir().expect("a temp dir");
    for name in ["zoo", "zooza", "quip", "scanova"] {
        let profile =
            sandbox_profile(&format!("sandbox-{name}"), &sandbox).expect("a sandbox profile");
        let provider = userscope::provider::build(&profile).expect("the provider builds");
        let page = provider.list_users(None, 10).await.expect("a page");
        let mut records = Vec::new();
        for user in page.users.iter().take(3) {
            records.push(Arc::new(
                provider.fetch_record(&user.id).await.expect("a record"),
            ));
        }
        let single = dir.path().join(format!("{name}.json"));
        std::fs::write(&single, record_bytes(&records[0])).expect("written");
        // No --provider: the JSON tells which provider it is.
        let reopened =
            read_records(&single, None).unwrap_or_else(|err| panic!("{name}: {}", err.message));
        assert_eq!(reopened.len(), 1);
        assert_eq!(reopened[0].provider.name(), name);
        assert_eq!(
            record_bytes(&reopened[0]),
            record_bytes(&records[0]),
            "{name}: bytes differ"
        );
        assert_eq!(reopened[0].summary.name, records[0].summary.name, "{name}");
        // A big Zooza record comes fetched with its credits overview still to build (it is
        // built when shown): compare the overview it shows.
        let shown = if records[0].deferred {
            userscope::provider::deferred::map_in_full(&records[0]).expect("it maps in full")
        } else {
            (*records[0]).clone()
        };
        assert_eq!(reopened[0].sections, shown.sections, "{name}");

        let set = dir.path().join(format!("{name}.ndjson"));
        std::fs::write(&set, ndjson_bytes(&records)).expect("written");
        let reopened =
            read_records(&set, Some(name)).unwrap_or_else(|err| panic!("{name}: {}", err.message));
        assert_eq!(reopened.len(), 3, "{name}");
        let ids: Vec<_> = reopened
            .iter()
            .map(|record| record.summary.id.clone())
            .collect();
        let expected: Vec<_> = records
            .iter()
            .map(|record| record.summary.id.clone())
            .collect();
        assert_eq!(ids, expected, "{name}");
    }
}

#[test]
fn a_file_that_is_not_a_record_says_so() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("x.json");
    std::fs::write(&path, b"{\"hello\": 1}").expect("written");
    let error = read_records(&path, None).unwrap_err();
    assert!(error.message.contains("--provider"), "{}", error.message);
    // `open` has no profile, base URL or server to fix: only the file and `--provider`.
    for wrong_fix in ["profile", "base_url", "server"] {
        assert!(!error.message.contains(wrong_fix), "{}", error.message);
    }
    std::fs::write(&path, b"not json").expect("written");
    let error = read_records(&path, None).unwrap_err();
    assert!(error.message.contains("exported"), "{}", error.message);
    for wrong_fix in ["profile", "base_url"] {
        assert!(!error.message.contains(wrong_fix), "{}", error.message);
    }
    let error = read_records(&path, Some("nope")).unwrap_err();
    assert!(!error.message.contains("profile"), "{}", error.message);
    let error = read_records(&dir.path().join("missing.json"), None).unwrap_err();
    assert!(error.message.contains("cannot read"), "{}", error.message);
}
