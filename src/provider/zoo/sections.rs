//! The detail pane's longer Zoo sections: billing (Stripe, payment methods, address) and the
//! onboarding answers, plus what each block reason means.

use serde_json::Value;

use crate::json::fields::{SectionBuilder, pointer};
use crate::model::{FieldValue, Section};

/// What each block reason means (the spec's descriptions); `None` for reasons Zoo added later.
pub fn block_reason_meaning(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "missing_payment_method" => {
            "missing a payment method and over the month's free API credits"
        }
        "payment_method_failed" => "the payment method failed",
        "billing_threshold_reached" => "reached the pay-as-you-go collection threshold",
        "pay_as_you_go_disabled" => "used the included credits without opting into pay-as-you-go",
        "upgrade_downgrade_abuse" => "cycled plans to recycle free-plan credits",
        "admin" => "blocked by an admin; only an admin can lift it",
        _ => return None,
    })
}
/// Stripe ids, the payment methods one by one, and the billing address.
pub(super) fn billing_section(json: &Value, d: &str) -> Section {
    let mut billing = SectionBuilder::new(json, "Billing")
        .field("Stripe customer", &format!("{d}/stripe_customer_id"))
        .field("Stripe dashboard", &format!("{d}/stripe_dashboard_url"))
        .field("Payment methods", &format!("{d}/payment_methods_summary"));
    let details = pointer(json, d).unwrap_or(&Value::Null);
    for index in 0..payment_count(details) {
        let n = index + 1;
        let m = format!("{d}/payment_methods/{index}");
        let expiry = match (
            pointer(json, &format!("{m}/card/exp_month")).and_then(Value::as_i64),
            pointer(json, &format!("{m}/card/exp_year")).and_then(Value::as_i64),
        ) {
            (Some(month), Some(year)) if month > 0 && year > 0 => {
                FieldValue::Text(format!("{month:02}/{year}"))
            }
            _ => FieldValue::Missing,
        };
        billing = billing
            .field(&format!("Method {n} id"), &format!("{m}/id"))
            .field(&format!("Method {n} type"), &format!("{m}/type"))
            .field(&format!("Method {n} added"), &format!("{m}/created_at"))
            .field(&format!("Method {n} brand"), &format!("{m}/card/brand"))
            .field(&format!("Method {n} last 4"), &format!("{m}/card/last4"))
            .computed(&format!("Method {n} expires"), &format!("{m}/card"), expiry)
            .field(
                &format!("Method {n} exp. month"),
                &format!("{m}/card/exp_month"),
            )
            .field(
                &format!("Method {n} exp. year"),
                &format!("{m}/card/exp_year"),
            )
            .field(&format!("Method {n} funding"), &format!("{m}/card/funding"))
            .field(
                &format!("Method {n} card country"),
                &format!("{m}/card/country"),
            )
            .field(
                &format!("Method {n} fingerprint"),
                &format!("{m}/card/fingerprint"),
            )
            .field(
                &format!("Method {n} address line 1 check"),
                &format!("{m}/card/checks/address_line1_check"),
            )
            .field(
                &format!("Method {n} postal code check"),
                &format!("{m}/card/checks/address_postal_code_check"),
            )
            .field(
                &format!("Method {n} CVC check"),
                &format!("{m}/card/checks/cvc_check"),
            )
            .field(
                &format!("Method {n} billing name"),
                &format!("{m}/billing_info/name"),
            )
            .field(
                &format!("Method {n} billing phone"),
                &format!("{m}/billing_info/phone"),
            );
        for (label, key) in [
            ("street 1", "street1"),
            ("street 2", "street2"),
            ("city", "city"),
            ("state", "state"),
            ("ZIP", "zip"),
            ("country", "country"),
        ] {
            billing = billing.field(
                &format!("Method {n} billing {label}"),
                &format!("{m}/billing_info/address/{key}"),
            );
        }
        billing = billing.field(&format!("Method {n} metadata"), &format!("{m}/metadata"));
    }
    billing
        .field("Address", &format!("{d}/address_summary"))
        .field("Address id", &format!("{d}/address/id"))
        .field("Address user id", &format!("{d}/address/user_id"))
        .field("Street 1", &format!("{d}/address/street1"))
        .field("Street 2", &format!("{d}/address/street2"))
        .field("City", &format!("{d}/address/city"))
        .field("State", &format!("{d}/address/state"))
        .field("ZIP", &format!("{d}/address/zip"))
        .field("Country", &format!("{d}/address/country"))
        .field("Address created", &format!("{d}/address/created_at"))
        .field("Address updated", &format!("{d}/address/updated_at"))
        .build()
}

/// The onboarding/CRM form answers, the 2026 fields included.
pub(super) fn onboarding_section(json: &Value, d: &str) -> Section {
    let c = format!("{d}/cad_user_info");
    SectionBuilder::new(json, "Onboarding")
        .field("Industry", &format!("{c}/cad_industry"))
        .field("User type", &format!("{c}/cad_user_type"))
        .field("Company size", &format!("{c}/company_size"))
        .field("Number of CAD users", &format!("{c}/number_of_cad_users"))
        .field("Found us via", &format!("{c}/how_did_you_find_us"))
        .field(
            "Found us via (other)",
            &format!("{c}/how_did_you_find_us_other"),
        )
        .field("CAD experience", &format!("{c}/cad_experience_level"))
        .field("Design workflow", &format!("{c}/design_workflow"))
        .field(
            "Used Zoo Design Studio or API before",
            &format!("{c}/has_used_zoo_design_studio_or_api_before"),
        )
        .field("City", &format!("{c}/location_city"))
        .field("State", &format!("{c}/location_state"))
        .field("Country", &format!("{c}/location_country"))
        .field("Building", &format!("{c}/what_are_you_building"))
        .build()
}

/// How many payment methods the admin details list.
pub(super) fn payment_count(details: &Value) -> usize {
    details
        .get("payment_methods")
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}
