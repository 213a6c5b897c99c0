//! Zoo record bodies: `UserResponse`, `OrgMember` and `UserAdminDetails`, written from the Zoo
//! `OpenAPI` spec with the generator's rules (block reasons, payment methods, onboarding answers).
//!
//! Org roles by `index % 10`: 0 admin, 9 `service_account`, anything else member.

use serde_json::{Value, json};

use super::super::Shared;
use super::super::generate::{
    self, HostileKind, Rng, ZOO, future_field, has_odd_json, person, rfc3339, uuid_from, zoo_block,
    zoo_uuid,
};

fn role(index: u64) -> &'static str {
    match index % 10 {
        0 => "admin",
        9 => "service_account",
        _ => "member",
    }
}

/// The fields `UserResponse` and `OrgMember` share, in the order Zoo writes them.
fn profile(shared: &Shared, index: u64) -> serde_json::Map<String, Value> {
    let who = person(shared.seed, ZOO, index);
    let mut rng = Rng::new(shared.seed, ZOO, index, 2);
    let nulls = who.hostile == Some(HostileKind::Nulls);
    let handle = who
        .email
        .split('@')
        .next()
        .unwrap_or_default()
        .replace('.', "_");
    let updated = who.created_secs + rng.range(0, 400) as i64 * 86_400;
    let verified = (!rng.chance(15)).then(|| rfc3339(who.created_secs + 600));
    let company = *rng.pick(&[
        "Acme Robotics",
        "Blue Origin Tooling",
        "",
        "Hobbyist",
        "Fabrika s.r.o.",
        "東京精機株式会社",
    ]);
    let mut map = serde_json::Map::new();
    map.insert("id".into(), json!(zoo_uuid(shared.seed, index)));
    map.insert("email".into(), json!(who.email));
    map.insert("email_verified".into(), json!(verified));
    map.insert(
        "name".into(),
        if nulls {
            Value::Null
        } else {
            json!(who.full_name())
        },
    );
    map.insert(
        "first_name".into(),
        if nulls { Value::Null } else { json!(who.first) },
    );
    map.insert("last_name".into(), json!(who.last));
    map.insert("company".into(), json!(company));
    if has_odd_json(index) {
        map.insert("x_sandbox_future_field".into(), future_field());
    }
    map.insert(
        "phone".into(),
        json!(format!("+1555{:07}", index % 10_000_000)),
    );
    map.insert(
        "discord".into(),
        json!(if rng.chance(30) {
            format!("{handle}#0")
        } else {
            String::new()
        }),
    );
    map.insert(
        "github".into(),
        json!(if rng.chance(40) {
            handle.clone()
        } else {
            String::new()
        }),
    );
    map.insert(
        "image".into(),
        json!(format!("https://avatars.sandbox.example/zoo/{index}.png")),
    );
    map.insert("created_at".into(), json!(rfc3339(who.created_secs)));
    map.insert("updated_at".into(), json!(rfc3339(updated)));
    map
}

pub(crate) fn user_response(shared: &Shared, index: u64) -> Value {
    let mut map = profile(shared, index);
    let mut rng = Rng::new(shared.seed, ZOO, index, 3);
    let block = zoo_block(index).as_str();
    map.insert("username".into(), json!(format!("user{index}")));
    map.insert("block".into(), json!(block));
    map.insert("block_message".into(), json!(block.map(block_message)));
    map.insert("allow_pay_as_you_go".into(), json!(rng.chance(40)));
    map.insert("can_train_on_data".into(), json!(rng.chance(70)));
    map.insert("deletion_scheduled".into(), json!(index % 41 == 40));
    map.insert("is_onboarded".into(), json!(rng.chance(85)));
    map.insert(
        "is_service_account".into(),
        json!(role(index) == "service_account"),
    );
    Value::Object(map)
}

pub(crate) fn org_member(shared: &Shared, index: u64) -> Value {
    let mut map = profile(shared, index);
    map.insert("role".into(), json!(role(index)));
    Value::Object(map)
}

fn block_message(block: &str) -> String {
    match block {
        "missing_payment_method" => "Add a payment method to keep using the API.".to_owned(),
        "payment_method_failed" => "Your payment method failed; update it to continue.".to_owned(),
        "billing_threshold_reached" => {
            "Your pay-as-you-go balance reached its collection threshold.".to_owned()
        }
        "pay_as_you_go_disabled" => {
            "You used your included credits; opt in to pay-as-you-go.".to_owned()
        }
        "upgrade_downgrade_abuse" => {
            "Plan changes were blocked after repeated upgrades and downgrades.".to_owned()
        }
        "admin" => "This account was blocked by an administrator.".to_owned(),
        other => format!("Blocked for review ({other})."),
    }
}

/// (country, city, state, zip, street) per country, for addresses and billing info.
const PLACES: [(&str, &str, &str, &str, &str); 8] = [
    ("US", "Huntsville", "AL", "35801", "200 Clinton Ave W"),
    ("GB", "Manchester", "", "M1 1AE", "12 Piccadilly"),
    ("DE", "München", "Bayern", "80331", "Marienplatz 8"),
    ("SK", "Bratislava", "", "811 01", "Obchodná 22"),
    ("IN", "Bengaluru", "Karnataka", "560001", "MG Road 45"),
    ("JP", "渋谷区", "東京都", "150-0002", "渋谷2-21-1"),
    ("NG", "Lagos", "Lagos", "101241", "14 Adeola Odeku St"),
    ("VN", "Hà Nội", "", "100000", "36 Hàng Bạc"),
];

pub(crate) fn admin_details_body(shared: &Shared, index: u64) -> Value {
    let who = person(shared.seed, ZOO, index);
    let mut rng = Rng::new(shared.seed, ZOO, index, 4);
    let user_id = zoo_uuid(shared.seed, index);
    let block = zoo_block(index).as_str();
    let (country, city, state, zip, street) = *rng.pick(&PLACES);
    let address = (!index.is_multiple_of(7)).then(|| {
        json!({
            "id": uuid_from(shared.seed ^ 0xADD7, index),
            "user_id": user_id,
            "created_at": rfc3339(who.created_secs + 3600),
            "updated_at": rfc3339(who.created_secs + 86_400),
            "country": country,
            "street1": street,
            "street2": if rng.chance(30) { "Suite 4" } else { "" },
            "city": city,
            "state": state,
            "zip": zip,
        })
    });
    let summary = address
        .as_ref()
        .map(|_| format!("{street}, {city} {zip}, {country}"));
    let methods: Vec<Value> = (0..rng.below(4))
        .map(|slot| payment_method(shared, index, slot, &who.full_name(), country))
        .collect();
    let summaries: Vec<Value> = methods
        .iter()
        .map(|method| {
            let card = &method["card"];
            json!(format!(
                "{} ending in {} (exp {:02}/{})",
                card["brand"].as_str().unwrap_or("card"),
                card["last4"].as_str().unwrap_or("0000"),
                card["exp_month"].as_i64().unwrap_or(0),
                card["exp_year"].as_i64().unwrap_or(0)
            ))
        })
        .collect();
    let busy = index % 40 == 21;
    let sessions = if busy {
        rng.range(25, 120)
    } else {
        rng.below(6)
    };
    let api_tokens = if busy {
        rng.range(21, 60)
    } else {
        rng.below(4)
    };
    let device_tokens = rng.below(3);
    let stripe = format!("cus_SBX{index:010}");
    let mut map = serde_json::Map::new();
    if has_odd_json(index) {
        // Out of alphabetical order on purpose, with an unknown field in the middle.
        map.insert("stripe_customer_id".into(), json!(stripe));
        map.insert("x_sandbox_future_field".into(), future_field());
    }
    map.insert("active_api_tokens_count".into(), json!(api_tokens));
    map.insert("active_device_tokens_count".into(), json!(device_tokens));
    map.insert("active_sessions_count".into(), json!(sessions));
    map.insert("address".into(), json!(address));
    map.insert("address_summary".into(), json!(summary));
    map.insert("block".into(), json!(block));
    map.insert("block_message".into(), json!(block.map(block_message)));
    map.insert(
        "cad_user_info".into(),
        cad_user_info(&mut rng, index, who.hostile),
    );
    if index % 4 == 2 {
        map.insert(
            "hubspot_contact_url".into(),
            json!(format!(
                "https://app.hubspot.com/contacts/0000/contact/{}",
                50_000 + index
            )),
        );
    }
    map.insert("never_block".into(), json!(index % 30 == 1));
    map.insert("payment_methods".into(), Value::Array(methods));
    map.insert("payment_methods_summary".into(), Value::Array(summaries));
    map.insert("stripe_customer_id".into(), json!(stripe));
    map.insert(
        "stripe_dashboard_url".into(),
        json!(format!("https://dashboard.stripe.com/customers/{stripe}")),
    );
    Value::Object(map)
}

fn payment_method(shared: &Shared, index: u64, slot: u64, name: &str, country: &str) -> Value {
    let mut rng = Rng::new(shared.seed, ZOO, index, 10 + slot);
    let brand = *rng.pick(&[
        "visa",
        "mastercard",
        "amex",
        "discover",
        "jcb",
        "unionpay",
        "diners",
        "unknown",
    ]);
    let check =
        |rng: &mut Rng| *rng.pick(&["pass", "pass", "pass", "fail", "unavailable", "unchecked"]);
    json!({
        "id": format!("pm_SBX{index:08}{slot}"),
        "type": "card",
        "created_at": rfc3339(generate::BASE_EPOCH_SECS + (index * 3_600 + slot * 86_400) as i64),
        "metadata": { "sandbox_slot": slot.to_string() },
        "billing_info": {
            "name": name,
            "phone": "",
            "address": { "street1": "1 Card St", "street2": "", "city": "Springfield", "state": "", "zip": "12345", "country": country },
        },
        "card": {
            "brand": brand,
            "last4": format!("{:04}", rng.below(10_000)),
            "exp_month": rng.range(1, 12),
            "exp_year": rng.range(2024, 2031),
            "country": country,
            "funding": *rng.pick(&["credit", "debit", "prepaid", "unknown"]),
            "fingerprint": format!("fp{:014x}", rng.next_u64() >> 8),
            "checks": {
                "address_line1_check": check(&mut rng),
                "address_postal_code_check": check(&mut rng),
                "cvc_check": if slot == 1 && index.is_multiple_of(3) { "fail" } else { check(&mut rng) },
            },
        },
    })
}

/// Onboarding answers: null for `index % 6 == 0`; the 2026 fields only when `index % 3 != 0`.
fn cad_user_info(rng: &mut Rng, index: u64, hostile: Option<HostileKind>) -> Value {
    if index.is_multiple_of(6) {
        return Value::Null;
    }
    let maybe = |rng: &mut Rng, values: &[&'static str]| -> Value {
        if rng.chance(10) {
            Value::Null
        } else {
            json!(*rng.pick(values))
        }
    };
    let mut info = json!({
        "cad_industry": maybe(rng, &["mechanical_engineering", "manufacturing", "automotive", "aerospace", "civil_engineering", "electrical_engineering", "construction", "product_design", "architecture", "other"]),
        "cad_user_type": maybe(rng, &["student_or_researcher", "hobbyist", "professional"]),
        "company_size": maybe(rng, &["one_to_ten", "eleven_to_fifty", "fifty_one_to_two_hundred", "two_hundred_one_to_five_hundred", "five_hundred_one_to_one_thousand", "one_thousand_plus", "other"]),
        "how_did_you_find_us": maybe(rng, &["google", "x", "tiktok", "reddit", "payload_space", "youtube", "instagram", "facebook", "word_of_mouth", "other"]),
        "how_did_you_find_us_other": Value::Null,
        "number_of_cad_users": json!(rng.range(1, 250).to_string()),
    });
    if info["how_did_you_find_us"] == json!("other") {
        info["how_did_you_find_us_other"] = json!("A colleague's conference talk");
    }
    if !index.is_multiple_of(3) {
        let building = match hostile {
            Some(kind) if kind != HostileKind::Nulls => kind.taint("Rocket engine brackets"),
            _ => (*rng.pick(&[
                "Drone frames",
                "Kitchen cabinets",
                "Satellite bus parts",
                "Robot grippers",
            ]))
            .to_owned(),
        };
        info["cad_experience_level"] = maybe(rng, &["beginner", "intermediate", "advanced"]);
        info["design_workflow"] = maybe(rng, &["sketching", "coding", "ai", "hybrid_approach"]);
        info["has_used_zoo_design_studio_or_api_before"] = json!(rng.chance(50));
        info["location_city"] = json!(*rng.pick(&["Austin", "Brno", "Pune", "Osaka", "Lagos"]));
        info["location_state"] = json!(*rng.pick(&["TX", "JMK", "MH", "", "LA"]));
        info["location_country"] =
            json!(*rng.pick(&["United States", "Czechia", "India", "Japan", "Nigeria"]));
        info["what_are_you_building"] = json!(building);
    }
    info
}
