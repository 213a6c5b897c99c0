//! The Zooza `/v1/user` body written straight to bytes through `Serialize` structs, field order as
//! the wire has it. A record is ~70 KB of ~3,000 keys: building it as a `serde_json::Value` first
//! (an allocation and an `IndexMap` insert per key, then a second walk to serialise) cost more
//! than the client's whole fetch. The generator's rules are unchanged: the same seed gives the same
//! bytes as before (`tests.rs` compares with the `Value` construction kept in `value_reference.rs`).

// The structs' field names are the wire's keys.
#![allow(clippy::struct_field_names)]

use serde::Serialize;

use super::credits::{Credit, credit};
use super::{team_role, user_id, user_role};
use crate::sandbox::Shared;
use crate::sandbox::generate::{HostileKind, Rng, ZOOZA, future_field, has_odd_json, person};
use crate::sandbox::json_out;
use crate::sandbox::odd_json::splice_placeholders;
use crate::sandbox::timestamp::Timestamp;

const COMPANY_NAME: &str = "Sandbox Swim School";

/// The `/v1/user` body for the user at `index`, as the response's bytes.
pub(crate) fn record(shared: &Shared, index: u64) -> Vec<u8> {
    let who = person(shared.seed, ZOOZA, index);
    let mut rng = Rng::new(shared.seed, ZOOZA, index, 2);
    let company_number = shared.credentials.zooza_company_id;
    // The spec types every `company_id` as a string: the company's number as text.
    let company_text = company_number.to_string();
    let company = company_text.as_str();
    // The draws happen in the order the old `json!` construction made them.
    let user_fields = UserFields {
        id: 500_000 + index,
        marketing_messages: rng.chance(40),
        third_party: rng.chance(20),
        nick: &who.first,
        show_only_nick: rng.chance(10),
    };
    let user = User {
        id: user_id(index),
        first_name: (who.hostile != Some(HostileKind::Nulls)).then_some(who.first.as_str()),
        last_name: &who.last,
        email: &who.email,
        phone: format!("+4219{:08}", index % 100_000_000),
        role: user_role(index),
        company_id: company,
        user_fields,
        billing_periods: [2024, 2025, 2026],
        permissions: permissions(index),
        companies: [Membership {
            id: company_number,
            name: COMPANY_NAME,
            email: "info@sandbox-swim.example",
            role: team_role(index),
        }],
    };
    let agreements = (0..rng.range(3, 6))
        .map(|n| agreement(company, n))
        .collect();
    let credit_count = if index == 0 { 36 } else { rng.range(12, 30) };
    let discounts: Vec<Credit> = (0..credit_count)
        .map(|n| credit(shared, index, n, false))
        .collect();
    let free_events: Vec<Credit> = (0..credit_count)
        .map(|n| credit(shared, index, n, true))
        .collect();
    let head = Head {
        user,
        user_valid: true,
        agreements,
        app: App {
            application_id: 17,
            company_id: company,
            kind: "application",
        },
        branding: "zooza",
        company: Company {
            id: company_number,
            name: COMPANY_NAME,
            currency: "EUR",
            timezone: "Europe/Bratislava",
            region: "eu",
        },
        widgets: [
            Widget {
                id: 1,
                application_id: 17,
                url: "https://sandbox-swim.example/booking",
                options: WidgetOptions {
                    theme: Some("light"),
                    show_prices: Some(true),
                },
            },
            Widget {
                id: 2,
                application_id: 17,
                url: "https://sandbox-swim.example/calendar",
                options: WidgetOptions {
                    theme: None,
                    show_prices: None,
                },
            },
        ],
        msg: Empty {},
    };
    let credit_balance = CreditBalance {
        eur: rng.below(200),
        credits: rng.below(12),
    };
    let future = has_odd_json(index).then(future_field);
    let mut bytes = Vec::with_capacity(128 * 1024);
    // Writing plain structs to a Vec cannot fail; an empty body would be caught by any client.
    if serde_json::to_writer(&mut bytes, &head).is_err() {
        return Vec::new();
    }
    // The credits, most of the bytes, are written by hand (`json_out`): the head's closing
    // brace goes, and they and the rest follow as its members.
    bytes.pop();
    bytes.extend_from_slice(b",\"discounts\":");
    json_out::array(&mut bytes, &discounts, Credit::write_json);
    bytes.extend_from_slice(b",\"free_events\":");
    json_out::array(&mut bytes, &free_events, Credit::write_json);
    bytes.extend_from_slice(b",\"credit_balance\":");
    let mut written = serde_json::to_writer(&mut bytes, &credit_balance);
    if let Some(future) = future {
        bytes.extend_from_slice(b",\"x_sandbox_future_field\":");
        written = written.and_then(|()| serde_json::to_writer(&mut bytes, &future));
    }
    if written.is_err() {
        return Vec::new();
    }
    bytes.push(b'}');
    splice_placeholders(bytes)
}

/// The members of the body before its credits, in the wire's order.
#[derive(Serialize)]
struct Head<'a> {
    user: User<'a>,
    user_valid: bool,
    agreements: Vec<Agreement<'a>>,
    app: App<'a>,
    branding: &'static str,
    company: Company,
    widgets: [Widget; 2],
    msg: Empty,
}

#[derive(Serialize)]
struct User<'a> {
    id: u64,
    first_name: Option<&'a str>,
    last_name: &'a str,
    email: &'a str,
    phone: String,
    role: &'static str,
    company_id: &'a str,
    user_fields: UserFields<'a>,
    billing_periods: [u64; 3],
    permissions: [Permission; 5],
    companies: [Membership; 1],
}

#[derive(Serialize)]
struct UserFields<'a> {
    id: u64,
    marketing_messages: bool,
    #[serde(rename = "3rd_party")]
    third_party: bool,
    nick: &'a str,
    show_only_nick: bool,
}

#[derive(Serialize)]
struct Permission {
    permission: &'static str,
    name: &'static str,
    description: &'static str,
    user_can: bool,
}

fn permissions(index: u64) -> [Permission; 5] {
    let user_can = |n: u64| index == 0 || !(index + n).is_multiple_of(3);
    let permission = |n: u64, permission, name, description| Permission {
        permission,
        name,
        description,
        user_can: user_can(n),
    };
    [
        permission(
            0,
            "registrations.view",
            "View registrations",
            "Can see the list of registrations",
        ),
        permission(
            1,
            "registrations.edit",
            "Edit registrations",
            "Can change registrations and attendance",
        ),
        permission(
            2,
            "payments.view",
            "View payments",
            "Can see payments and invoices",
        ),
        permission(
            3,
            "courses.manage",
            "Manage courses",
            "Can create and change courses and schedules",
        ),
        permission(
            4,
            "users.manage",
            "Manage team",
            "Can invite and remove team members",
        ),
    ]
}

#[derive(Serialize)]
struct Membership {
    id: u64,
    name: &'static str,
    email: &'static str,
    role: &'static str,
}

#[derive(Serialize)]
struct App<'a> {
    application_id: u64,
    company_id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Company {
    id: u64,
    name: &'static str,
    currency: &'static str,
    timezone: &'static str,
    region: &'static str,
}

#[derive(Serialize)]
struct Widget {
    id: u64,
    application_id: u64,
    url: &'static str,
    options: WidgetOptions,
}

#[derive(Serialize)]
struct WidgetOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    theme: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    show_prices: Option<bool>,
}

/// `{}` (a braced struct with no fields; a unit struct would be `null`).
#[derive(Serialize)]
struct Empty {}

#[derive(Serialize)]
struct CreditBalance {
    #[serde(rename = "EUR")]
    eur: u64,
    credits: u64,
}

#[derive(Serialize)]
struct Agreement<'a> {
    id: u64,
    agreement_id: u64,
    company_id: &'a str,
    order: u64,
    name: &'static str,
    title: String,
    description: &'static str,
    mandatory: bool,
    valid_from: Timestamp,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "for")]
    target: &'static str,
    created: Timestamp,
    updated: Timestamp,
    apply_for: &'static str,
    region: &'static str,
    courses: &'static [u64],
}

fn agreement(company: &str, n: u64) -> Agreement<'_> {
    let (name, kind, target, apply) = [
        (
            "I agree with the |AGREEMENT_URL|",
            "checkbox",
            "registration",
            "everyone",
        ),
        (
            "Photos may be taken during lessons",
            "radio",
            "registration",
            "course",
        ),
        ("Terms of sale", "none", "checkout", "everyone"),
        ("Newsletter", "checkbox", "registration", "everyone"),
        (
            "Feedback may be published",
            "checkbox",
            "feedback",
            "feedback",
        ),
        (
            "Internal code of conduct",
            "checkbox",
            "registration",
            "members",
        ),
    ][(n % 6) as usize];
    Agreement {
        id: 900 + n,
        agreement_id: 90 + n,
        company_id: company,
        order: n,
        name,
        title: format!("{name} (v{})", n + 1),
        description: "Full text of the agreement. Sandbox data.",
        mandatory: n.is_multiple_of(2),
        valid_from: Timestamp(1_672_531_200 + n as i64 * 86_400),
        kind,
        target,
        created: Timestamp(1_672_531_200),
        updated: Timestamp(1_672_531_200 + 3_600),
        apply_for: apply,
        region: "eu",
        courses: if apply == "course" { &[31, 32] } else { &[] },
    }
}
