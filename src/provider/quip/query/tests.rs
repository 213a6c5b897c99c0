use super::*;

#[test]
fn the_default_query_is_slim_mode_only() {
    let params = user_query_params("IMbAcASGu56", &UserQuery::default());
    assert_eq!(
        params,
        [
            ("company_id", "IMbAcASGu56".to_owned()),
            ("threads_meta", "true".to_owned())
        ]
    );
}

#[test]
fn every_seed_option_is_sent_in_the_seed_order() {
    let query = UserQuery {
        threads_meta: true,
        since_updated_usec: Some(1_541_016_510_656_993),
        include_deleted: true,
        thread_ids: vec!["UcZ9AAhvqrc".into(), " ".into(), "AVN9AAeqq5w".into()],
        shared_thread_id: Some("dolore".into()),
        sort_by: Some("title".into()),
        sort_order: Some(SortOrder::Ascending),
    };
    let text: Vec<String> = user_query_params("dolore", &query)
        .into_iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    assert_eq!(
        text.join("&"),
        "company_id=dolore&threads_meta=true&since_updated_usec=1541016510656993\
         &include_deleted=true&thread_ids=UcZ9AAhvqrc,AVN9AAeqq5w\
         &shared_thread_id=dolore&sort_by=title&sort_order=asc"
    );
}

#[test]
fn full_mode_and_descending_order() {
    let query = UserQuery {
        threads_meta: false,
        sort_order: Some(SortOrder::Descending),
        sort_by: Some(String::new()),
        ..UserQuery::default()
    };
    assert_eq!(
        user_query_params("C", &query),
        [
            ("company_id", "C".to_owned()),
            ("sort_order", "desc".to_owned())
        ]
    );
}

#[test]
fn search_terms_split_on_commas_and_spaces() {
    assert_eq!(
        lookup_terms(" a@x.com, UAAA\tUBBB,,a@x.com\n").unwrap(),
        ["a@x.com", "UAAA", "UBBB"]
    );
    assert!(lookup_terms("  ").unwrap().is_empty());
    let many: Vec<String> = (0..=MAX_LOOKUP_TERMS).map(|n| format!("U{n}")).collect();
    assert!(matches!(
        lookup_terms(&many.join(",")),
        Err(ProviderError::Unsupported(_))
    ));
    let most: Vec<String> = (0..MAX_LOOKUP_TERMS).map(|n| format!("U{n}")).collect();
    assert_eq!(
        lookup_terms(&most.join(" ")).unwrap().len(),
        MAX_LOOKUP_TERMS
    );
}

#[test]
fn thread_ids_go_in_batches_of_a_hundred() {
    let ids: Vec<String> = (0..250).map(|n| format!("T{n}")).collect();
    let mut with_noise = ids.clone();
    with_noise.push("T0".into());
    with_noise.push(String::new());
    let batches = thread_batches(&with_noise);
    let sizes: Vec<_> = batches.iter().map(Vec::len).collect();
    assert_eq!(sizes, [100, 100, 50]);
    assert_eq!(batches.concat(), ids);
    assert!(thread_batches(&[]).is_empty());
}

#[test]
fn scim_paging_parameters() {
    assert_eq!(scim_start_index(None).unwrap(), 1);
    assert_eq!(scim_start_index(Some("101")).unwrap(), 101);
    assert!(scim_start_index(Some("0")).is_err());
    assert!(scim_start_index(Some("next")).is_err());
    assert_eq!(scim_count(0), DEFAULT_SCIM_PAGE);
    assert_eq!(scim_count(25), 25);
    assert_eq!(scim_count(5_000), MAX_SCIM_PAGE);
}
