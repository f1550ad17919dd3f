//! TX004 no-human-help: no touchpoint is owned by people who help customers.
//! The rule's metadata, its documentation (`planlint explain TX004`) and its
//! check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::plan::{Plan, Stage, Touchpoint};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{helper_roles, helpful_owners, owner_machines, sales_pressure};

pub static RULE: Rule = Rule {
    code: "TX004",
    name: "no-human-help",
    family: Family::Tx,
    severity: Severity::Warning,
    summary: "no touchpoint is owned by people who help customers",
    help: "give a touchpoint to the care, support, service or success team: someone who reaches out to help",
    docs: r#"## What it does
Reports a plan that has touchpoints, none of which is owned by people who
help. People who help are a team whose `owner` says care, customer care,
support, service, success or help desk, or trust and safety (the team
that steps in when something goes wrong between the users of a shared
service); or, on a touchpoint after the
purchase (onboarding or retention) whose message is no sales pressure,
someone whose work is helping or a person named ("Ellie Marsh, shop-floor
lead", "coordinated by Dee Okafor", or "Marta" alone when the plan's
`owner` is "Dave and Marta Kowalczyk"), unless the role is selling, raising
money, publicity, enforcement or a scheme ("e-commerce lead", "sales
adviser", "fundraising volunteer", "communications officer", "income
recovery officer", "Loyalty Programme"): in a small
organisation the one who reaches out is a person, not a team. A person
named whose role has several parts helps when one part is helping work
(a helping role, the workshop, repairs or servicing) and sells nothing
("Marcus Bell, workshop and events"; not a team, "Events & workshops",
nor "Sales & repairs").

Work that is helping: the clinical and care professions (a therapist,
nurse, doctor, pharmacist, podiatrist, dentist, dietitian, paramedic,
carer, "treating podiatrist", "home-visit podiatrist", and a funeral
director, who cares for a family through a funeral); the trades and
teachers who look after what was bought or learned (a fitter, mechanic,
technician, a piano tuner, repairs, the workshop where what was bought is
serviced ("the bike workshop", "workshop team"; not "workshop bookings"
nor a "bread workshop host"), adviser, coach, tutor, teacher, instructor,
trainer, a "travel training team", ranger); those who look after
newcomers and their safety where a service is shared (a "club safety
officer", "welcome team volunteers"); the volunteers and officers who serve
a charity's members or a council's residents once they have joined or
asked ("session volunteer", "ward tree officer"); and
people on duty where help is needed (a rescuer, a lifeguard, "duty
volunteers", "team leader on the callout").

## What it does not report
A plan whose only such touchpoint comes before the purchase, or whose named
person only sends offers, in a plan whose journey goes on after the
sale: that is selling, not help. In a plan with no touchpoint after the
sale at all, which TX003 reports, a consideration or purchase touchpoint
owned by someone who would help after it (a person named, a helping
role, with no sales pressure in its message: "Kev Price, senior counter
staff" helping with licences) is enough: the journey is what is missing,
and TX003 says so. An awareness touchpoint is not. A team named after a
place or a club ("Garden Club coordinator", "shop staff", "counter team")
counts as people who help only with one of the words above. Nor does an
owner whose office is running the organisation rather than helping its
customers: a marketing or growth team, a press officer, a treasurer, a
committee. Being "on call" says when someone can be reached, not that their
work is helping: an engineer on call helps as an engineer, while "account
manager on call", "memberships officer on call for upgrades" and "business
development, on call" are no people who help.

## Why it matters
Understanding what customers intend includes knowing when someone needs a
person to reach out and get them over a hurdle: a setup that went wrong, a
question before a big purchase, a repair. When every touchpoint belongs to
marketing or sales, the plan only ever speaks when it wants something.

## Example
```toml
[[touchpoint]]
id = "retargeting"
owner = "performance marketing"

[[touchpoint]]
id = "newsletter"
owner = "marketing"
```

## How to fix
```toml
[[touchpoint]]
id = "first-service-call"
name = "Call before the first free service"
stage = "onboarding"
owner = "customer care"
message = "Your bike is due its free first service; shall we book it and check the fit while you're here?"
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let touchpoints = &cx.plan.touchpoints;
    let Some(first) = touchpoints.first() else {
        return;
    };
    // With no touchpoint after the sale, TX003 reports the journey; the
    // people who would help after it are judged by their role alone.
    let after_the_sale = touchpoints.iter().any(|t| {
        matches!(
            t.stage.as_ref().map(|s| s.value),
            Some(Stage::Onboarding | Stage::Retention | Stage::Advocacy)
        )
    });
    let before_the_sale = |t: &Touchpoint| {
        matches!(
            t.stage.as_ref().map(|s| s.value),
            Some(Stage::Consideration | Stage::Purchase)
        )
    };
    let helped = touchpoints.iter().any(|t| {
        reaches_out_to_help(cx.plan, t)
            || !after_the_sale && before_the_sale(t) && would_help(cx.plan, t)
    });
    if helped {
        return;
    }
    let mut owners: Vec<&str> = touchpoints.iter().filter_map(|t| text(&t.owner)).collect();
    owners.sort_unstable();
    owners.dedup();
    let owned_by = if owners.is_empty() {
        "no touchpoint names an owner".to_owned()
    } else {
        format!("owners are {}", owners.join(", "))
    };
    cx.report(
        &RULE,
        Subject::Plan,
        first.header.clone(),
        format!("no touchpoint is owned by people who help customers ({owned_by})"),
    );
}

/// Whether people who help own the touchpoint: a care, support, service or
/// success team; or, after the purchase (onboarding, retention), someone
/// whose work is helping (a therapist, a podiatrist, a ranger, a fitter,
/// a volunteer on duty) or a person
/// named ("Ellie Marsh, shop-floor lead"), with a message that is no sales
/// pressure. A first name alone ("Marta") is a person when the plan's own
/// `owner` names them ("Dave and Marta Kowalczyk"). The board report badges
/// the same touchpoints.
pub fn reaches_out_to_help(plan: &Plan, touchpoint: &Touchpoint) -> bool {
    let Some(owner) = text(&touchpoint.owner) else {
        return false;
    };
    if !helpful_owners().matches_text(owner).is_empty() {
        return true;
    }
    let after = matches!(
        touchpoint.stage.as_ref().map(|s| s.value),
        Some(Stage::Onboarding | Stage::Retention)
    );
    after && would_help(plan, touchpoint)
}

/// Whether the touchpoint's owner is someone who helps after the purchase
/// wherever the touchpoint stands: someone whose work is helping or a
/// person named, selling nothing, with a message that is no sales pressure.
fn would_help(plan: &Plan, touchpoint: &Touchpoint) -> bool {
    let Some(owner) = text(&touchpoint.owner) else {
        return false;
    };
    let pressure =
        text(&touchpoint.message).is_some_and(|m| !sales_pressure().matches_text(m).is_empty());
    // A person named whose role has several parts helps when one of them
    // is helping work and sells nothing: "Marcus Bell, workshop and
    // events" (not a team, "Events & workshops", nor "Sales & repairs").
    let helping_part = names_a_person(owner)
        && owner
            .split([',', '&', '/'])
            .flat_map(|part| part.split(" and "))
            .any(|part| {
                let bench = part.split_whitespace().any(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "workshop" | "repairs" | "servicing"
                    )
                });
                (helps_by_role(part) || bench) && !sells(part)
            });
    // The bench where what was bought is looked after: "workshop", "the
    // bike workshop", "workshop team" (not "workshops", events, "workshop
    // bookings" nor "Saturday bread workshop host").
    let words: Vec<String> = owner
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let bench = words.iter().enumerate().any(|(i, w)| {
        w == "workshop"
            && words
                .get(i + 1)
                .is_none_or(|n| matches!(n.as_str(), "team" | "staff" | "manager"))
    });
    !pressure
        && (helping_part
            || !sells(owner)
                && (helps_by_role(owner)
                    || bench
                    || names_a_person(owner)
                    || named_in_the_plan(plan, owner)))
}

/// Whether an owner is one first name that the plan's own `owner` names
/// among people: "Marta" in a plan owned by "Dave and Marta Kowalczyk", not
/// "Owner" in one owned by "Owner and superintendent pharmacist".
fn named_in_the_plan(plan: &Plan, owner: &str) -> bool {
    let owner = owner.trim();
    let one_name = owner.chars().next().is_some_and(char::is_uppercase)
        && owner.chars().count() > 1
        && owner.chars().all(char::is_alphabetic);
    one_name
        && text(&plan.owner).is_some_and(|people| {
            names_a_person(people)
                && people
                    .split(|c: char| !c.is_alphabetic())
                    .any(|word| word == owner)
        })
}

/// Whether an owner's work is helping ("treating podiatrist", "engineer on
/// call", "swim teachers").
fn helps_by_role(owner: &str) -> bool {
    !helper_roles().matches_text(owner).is_empty()
}

/// Whether an owner's role is selling or a scheme, whoever holds it ("Jack
/// Turner, e-commerce lead", "sales adviser", "Growth Lead", "Loyalty
/// Programme", "Referral scheme"): no one who helps. A programme alone is
/// the service too: "Sandra Lowe, Programme Coordinator" runs the training
/// people signed up for.
fn sells(owner: &str) -> bool {
    const SELLING: &[&str] = &[
        "marketing",
        "sales",
        "growth",
        "commerce",
        "ecommerce",
        "digital",
        "crm",
        "performance",
        "acquisition",
        "advertising",
        "campaign",
        "campaigns",
        "brand",
        "loyalty",
        "rewards",
        "referral",
        "referrals",
        "ambassador",
        "affiliate",
        "promotions",
        "revenue",
        "fundraising",
        "fundraiser",
        "press",
        "communications",
        "comms",
        "social",
        "events",
        "enforcement",
        "income",
        "compliance",
        "recovery",
        "upgrade",
        "upgrades",
    ];
    owner
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| SELLING.contains(&word.to_lowercase().as_str()))
}

/// Whether an owner names a person: two capitalised words, neither a word
/// of an organisation, that end the text or come before a comma, "and",
/// "&", "with" or "(" ("Dee Okafor, volunteer coordinator", "coordinated by
/// Dee Okafor"), and so are no team's name ("Garden Club coordinator").
pub(crate) fn names_a_person(owner: &str) -> bool {
    const ORGANISATION: &[&str] = &[
        "team",
        "club",
        "group",
        "department",
        "office",
        "centre",
        "center",
        "desk",
        "services",
        "marketing",
        "sales",
        "shop",
        "store",
        "ltd",
        "limited",
        "agency",
        "customer",
        "care",
        "support",
    ];
    let words: Vec<&str> = owner.split_whitespace().collect();
    // A capital, then letters of any case ("McAllister", "O'Neill"), and
    // not all capitals ("SDR").
    let name_like = |word: &str| {
        let word = word
            .trim_start_matches('(')
            .trim_end_matches([',', ';', ':', ')', '.']);
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && word.chars().count() > 1
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
            && word.chars().skip(1).any(char::is_lowercase)
            && !ORGANISATION.contains(&word.to_lowercase().as_str())
    };
    // A first name alone before a comma opens the owner: "Ellie, the owner".
    if words
        .first()
        .is_some_and(|first| first.ends_with(',') && name_like(first))
    {
        return true;
    }
    words.windows(2).enumerate().any(|(i, pair)| {
        let ends = pair[1].ends_with([',', ';', ')'])
            || words.get(i + 2).is_none_or(|next| {
                ["and", "&", "with", "("].contains(next) || next.starts_with('(')
            });
        // "Email automation (Mailchimp Journeys)" names a product in brackets.
        let bracketed = pair[0].starts_with('(');
        name_like(pair[0])
            && name_like(pair[1])
            && ends
            && (!bracketed || owner_machines().matches_text(owner).is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::{helps_by_role, names_a_person};

    #[test]
    fn being_on_call_is_no_role_that_helps() {
        for owner in [
            "engineer on call",
            "swim teachers",
            "team leader on the callout",
            "Head tuner",
            "Club safety officer",
            "Welcome team volunteers",
            "session volunteer",
            "ward tree officer",
        ] {
            assert!(helps_by_role(owner), "{owner}");
        }
        for owner in [
            "fundraising volunteer",
            "press officer",
            "communications officer",
            "social media volunteer",
            "parking enforcement officer",
            "income recovery officer",
        ] {
            assert!(super::sells(owner), "{owner}");
        }
        assert!(!super::sells("Jo Bell, membership secretary"));
        for owner in [
            "account manager on call",
            "memberships officer on call for upgrades",
            "business development, on call",
        ] {
            assert!(!helps_by_role(owner) || super::sells(owner), "{owner}");
        }
    }

    #[test]
    fn named_people_are_told_from_teams() {
        for owner in [
            "Dee Okafor, volunteer coordinator",
            "Stretch leads, coordinated by Dee Okafor",
            "Transport officer, Sam Okafor",
            "Rhys Morgan and one other therapist",
            "Tomás Reyes, co-owner",
            "Ellie McAllister, shop-floor lead",
            "Siobhán O'Neill (owner)",
            "Ellie, the owner",
            "Research (Amira Haddad)",
        ] {
            assert!(names_a_person(owner), "{owner}");
        }
        for owner in [
            "Garden Club coordinator",
            "Marketing Team, Leeds",
            "shop staff",
            "Counter team",
            "Owner",
            "SDR team",
            "Customer Care",
            "Product (Product Team)",
            "Email automation (Mailchimp Journeys)",
        ] {
            assert!(!names_a_person(owner), "{owner}");
        }
    }
}
