//! TX005 message-fatigue: the touchpoints reaching a persona add up to more
//! than 3 contacts a week. The rule's metadata, its documentation (`planlint
//! explain TX005`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::{Plan, Touchpoint, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::chosen_frequency;

pub static RULE: Rule = Rule {
    code: "TX005",
    name: "message-fatigue",
    family: Family::Tx,
    severity: Severity::Warning,
    summary: "the touchpoints reaching a persona add up to more than 3 contacts a week",
    help: "space the contacts out, merge them, or let people choose how often they hear from you",
    docs: r#"## What it does
Adds up `per_week` (contacts per week per customer) over the touchpoints that
reach each persona, and reports a persona whose total is above 3 (the setting
`max-contacts-per-week`). Touchpoints without `per_week` are one-off and do not
count, and neither do touchpoints whose frequency the customer sets: their
name, channel, message, ask or act says the customer picks the days, how
often they hear, or opts in ("reminders only on the days you choose", "email,
frequency chosen by the member", "how many reminders a week?"). "How often"
or "your choice" alone is not enough: "How often do you cook?" asks about
the customer, and "your choice of four dinners" is about the offer. The message gives the
total and each touchpoint's share, and names the touchpoints left out because
the customer sets them.

## Why it matters
Every contact interrupts someone. Interruption has rules: it has to be
expected, relevant and rare enough to be welcome. Past a few contacts a week,
even good messages turn into noise, and the usual response is to unsubscribe
or complain, which closes the channel for the messages that matter.

## Example
```toml
[[touchpoint]]
id = "daily-deal-sms"
personas = ["bargain-hunter"]
per_week = 7

[[touchpoint]]
id = "retargeting"
personas = ["bargain-hunter"]
per_week = 4
```

## How to fix
Cut the frequency where it is highest, merge overlapping contacts, or let the
persona set the pace (a weekly digest instead of daily texts).

## Settings
- `max-contacts-per-week` (default 3): the contacts a week per persona above
  which it is reported, in `[settings]` of planlint.toml."#,
    phase: Phase::Plan(check),
};

/// Touchpoints with how often a week they reach someone.
pub type Contacts<'a> = Vec<(&'a Touchpoint, f64)>;

/// The touchpoints that reach a persona with a `per_week` above zero, with
/// it: those the plan counts, and those whose frequency the customer sets
/// (which are not counted). The board report draws the same counts.
pub fn contacts<'a>(plan: &'a Plan, persona: &'a str) -> (Contacts<'a>, Contacts<'a>) {
    let (chosen, counted) = plan
        .touchpoints_reaching(persona)
        .filter_map(|t| Some((t, t.per_week.as_ref()?.value)))
        .filter(|(_, n)| *n > 0.0)
        .partition(|(t, _)| set_by_the_customer(t));
    (counted, chosen)
}

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    let max = cx.settings.max_contacts_per_week;
    for persona in &plan.personas {
        let (contacts, chosen) = contacts(plan, &persona.id.value);
        let total: f64 = contacts.iter().map(|(_, n)| n).sum();
        if total <= max {
            continue;
        }
        let parts: Vec<String> = contacts
            .iter()
            .map(|(t, n)| format!("{} {}", t.id.value, number(*n)))
            .collect();
        let left_out = if chosen.is_empty() {
            String::new()
        } else {
            let ids: Vec<&str> = chosen.iter().map(|(t, _)| t.id.value.as_str()).collect();
            format!("; not counted, set by the customer: {}", ids.join(", "))
        };
        cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            persona.header.clone(),
            format!(
                "persona \"{}\" gets {} contacts a week ({}), more than {}{left_out}",
                persona.id.value,
                number(total),
                parts.join(", "),
                number(max)
            ),
        );
    }
}

/// Whether the customer sets how often the touchpoint reaches them.
fn set_by_the_customer(touchpoint: &Touchpoint) -> bool {
    [
        Some(touchpoint.name.value.as_str()),
        text(&touchpoint.channel),
        text(&touchpoint.message),
        text(&touchpoint.ask),
        text(&touchpoint.act),
    ]
    .into_iter()
    .flatten()
    .any(|t| !chosen_frequency().matches_text(t).is_empty())
}

/// A count as people write it: 9, 2.5, 0.25.
fn number(n: f64) -> String {
    let rounded = (n * 100.0).round() / 100.0;
    format!("{rounded}")
}
