use super::*;

#[test]
fn specs_round_trip() {
    let plan: FaultPlan = "latency=50,status=503,scope=/quip/".parse().unwrap();
    assert_eq!(plan.latency_ms, 50);
    assert_eq!(
        plan.status,
        Some(StatusFault {
            code: 503,
            body: StatusBody::Provider
        })
    );
    assert_eq!(plan.scope.as_deref(), Some("/quip/"));
    for spec in [
        "storm=3:2,rate=50",
        "stall=100,redirect",
        "huge=1000,drf-urls",
        "gzip-bomb=5000000,redirect=offsite",
        "deep=300",
        "bignum",
        "dupkeys",
        "badutf8",
        "shape",
        "text-type",
        "status=500:bare",
        "none",
    ] {
        let plan: FaultPlan = spec.parse().unwrap();
        assert_eq!(plan.to_string().parse::<FaultPlan>().unwrap(), plan);
    }
    assert!("status=abc".parse::<FaultPlan>().is_err());
    assert!("explode".parse::<FaultPlan>().is_err());
}
