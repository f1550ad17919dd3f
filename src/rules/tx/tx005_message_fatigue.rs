//! TX005 message-fatigue: the touchpoints reaching a persona add up to more
//! than 3 contacts a week. The rule's metadata, its documentation (`planlint
//! explain TX005`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::{Plan, Touchpoint, text};
use crate::rules::{Context, Family, Phase, Rule, number};
use crate::text::lexicons::{
    chosen_frequency, opt_ins, owner_machines, promised_people, reminder_words,
};
use crate::text::tokenize;

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
`max-contacts-per-week`), or who gets that many, and three or more, from one
touchpoint alone:
three donor emails a week, or tips by text three times a week, is a whole
week's allowance spent on one stream, which people tire of however good it
is (three touchpoints once a week each are not reported). Touchpoints without `per_week` are one-off and do not
count, and neither do touchpoints whose frequency the customer sets: their
name, channel, message, ask or act says the customer picks the days, how
often they hear, or opts in ("reminders only on the days you choose", "email,
frequency chosen by the member", "how many reminders a week?"), or that a
reminder comes at a time or on a schedule the customer chooses ("Stretching
reminder at a time the member chooses", "nudges on the schedule you set",
"reminder at the learner's chosen time"), on the mornings or days of the week
"that you pick", or that it waits to be opened ("Four short cards ...
waiting in the app for when the owner has a moment"): someone who picks
when they are reminded has asked to be, and content that waits
interrupts nobody.
A touchpoint they opted in to is left out of the total too, but one that
alone sends three a week or more is counted, as opting in says whether
they hear, not how often ("SMS to opted-in customers", five a week); the
message says so, and the board report counts it the same way. "How often"
or "your choice" alone is not enough: "How often do you cook?" asks about
the customer, and "your choice of four dinners" is about the offer; nor is
a time to book ("book at a time you choose"), which sends nothing, or a
time the business or its software picks ("at a time we choose"). Nor do
touchpoints that happen where the customer comes and send nothing: a
channel that is a session, a class, the shop or in person ("Tuesday session
at St Aidan's Hall", "in shop"), with no email, text, call, note or
notification in it; meeting someone who came is no interruption. The message gives the
total and each touchpoint's share, and names the touchpoints left out because
the customer sets them or comes to them.

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
        // Opting in says whether someone hears, not how often: a stream
        // they only opted in to is still counted.
        .partition(|(t, n)| set_by_the_customer(t) && (sets_how_often(t) || *n < STREAM));
    (counted, chosen)
}

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    let max = cx.settings.max_contacts_per_week;
    for persona in &plan.personas {
        let (contacts, chosen) = contacts(plan, &persona.id.value);
        let total: f64 = contacts.iter().map(|(_, n)| n).sum();
        // One stream at the whole allowance, and at three a week or more: a
        // weekly letter under a setting of 1 is what the setting allows.
        let alone = contacts.iter().find(|(_, n)| *n >= max && *n >= STREAM);
        if total <= max && alone.is_none() {
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
            format!(
                "; not counted, chosen or attended by the customer: {}",
                ids.join(", ")
            )
        };
        // A stream counted though people opted in to it says why.
        let opted: Vec<&str> = contacts
            .iter()
            .filter(|(t, _)| set_by_the_customer(t))
            .map(|(t, _)| t.id.value.as_str())
            .collect();
        let opted = if opted.is_empty() {
            String::new()
        } else {
            format!(
                "; counted though opted in to, as opting in says whether they hear, not how often: {}",
                opted.join(", ")
            )
        };
        let message = match alone {
            Some((t, n)) if total <= max => format!(
                "persona \"{}\" gets {} contacts a week from {} alone: one touchpoint uses all of the {} a week the whole plan may send{opted}{left_out}",
                persona.id.value,
                number(*n),
                t.id.value,
                number(max)
            ),
            _ => format!(
                "persona \"{}\" gets {} contacts a week ({}), more than {}{opted}{left_out}",
                persona.id.value,
                number(total),
                parts.join(", "),
                number(max)
            ),
        };
        cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            persona.header.clone(),
            message,
        );
    }
}

/// Contacts a week from one touchpoint that are a stream of their own.
const STREAM: f64 = 3.0;

/// The texts of a touchpoint that may say the customer sets how often it
/// reaches them.
fn texts(touchpoint: &Touchpoint) -> impl Iterator<Item = &str> {
    [
        Some(touchpoint.name.value.as_str()),
        text(&touchpoint.channel),
        text(&touchpoint.message),
        text(&touchpoint.ask),
        text(&touchpoint.act),
    ]
    .into_iter()
    .flatten()
}

/// Whether the customer sets how often the touchpoint reaches them, opts in
/// to it or comes to it.
fn set_by_the_customer(touchpoint: &Touchpoint) -> bool {
    sets_how_often(touchpoint) || texts(touchpoint).any(|t| !opt_ins().matches_text(t).is_empty())
}

/// Whether the customer sets how often the touchpoint reaches them, or
/// comes to it: opting in alone is not setting how often.
fn sets_how_often(touchpoint: &Touchpoint) -> bool {
    texts(touchpoint)
        .any(|t| !chosen_frequency().matches_text(t).is_empty() || at_a_time_they_choose(t))
        || text(&touchpoint.channel).is_some_and(where_they_come)
}

/// Words of a channel that is a place the customer comes to: a session, a
/// class, the shop, in person.
const ATTENDED: &[&str] = &[
    "session",
    "sessions",
    "class",
    "classes",
    "hall",
    "shop",
    "store",
    "counter",
    "person",
    "rehearsal",
    "rehearsals",
    "track",
];

/// Words of a channel that reaches out to the customer wherever they are.
const OUTBOUND: &[&str] = &[
    "email",
    "emails",
    "text",
    "texts",
    "sms",
    "whatsapp",
    "call",
    "calls",
    "phone",
    "push",
    "notification",
    "notifications",
    "message",
    "messages",
    "post",
    "letter",
    "letters",
    "app",
    "newsletter",
    "social",
    "instagram",
    "facebook",
    "voice",
    "note",
    "visit",
    "visits",
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertising",
    "banner",
    "banners",
    "pop",
    "chat",
    "online",
    "retargeting",
    "web",
    "website",
    "digital",
    "feed",
];

/// Whether a touchpoint happens where the customer comes, and sends them
/// nothing: "Tuesday session at St Aidan's Hall", "in shop", "In person at
/// the track". Meeting someone who came is no interruption; "in person,
/// with a weekly note in the club WhatsApp group" sends a note too.
fn where_they_come(channel: &str) -> bool {
    let tokens = tokenize(channel);
    let has = |list: &[&str]| tokens.iter().any(|t| list.contains(&&*t.word));
    has(ATTENDED) && !has(OUTBOUND)
}

/// Whether a text sends a reminder at a time or on a schedule the customer
/// chooses: a word of reminding, then a word of when, then who chooses it,
/// one of the people spoken to or of ("you", "they", "members") or a doer
/// ("the learner", "each rider") that is no machine of the business, and a
/// verb of choosing ("Practice reminder at a time the learner chooses",
/// "nudges on the schedule you set"), or a time they chose, said before it
/// ("Practice reminder at the learner's chosen time", "at your preferred
/// hour"). A time to book ("book at a time you
/// choose") sends nothing, and a time the business or its software picks
/// ("at a time we choose", "at times the scheduler picks") is not theirs.
fn at_a_time_they_choose(text: &str) -> bool {
    let tokens = tokenize(text);
    let Some(reminder) = reminder_words().find_all(&tokens).into_iter().next() else {
        return false;
    };
    let word = |i: usize| tokens.get(i).map_or("", |t| &*t.word);
    let person = |who: &str| {
        let doer = ["er", "ers"].iter().any(|end| who.ends_with(end))
            && owner_machines().find(&tokenize(who)).is_empty();
        promised_people().contains(who) || doer
    };
    (reminder.tokens.end..tokens.len())
        .filter(|&i| WHENS.contains(&word(i)))
        .any(|when| {
            // "at the learner's chosen time", "at your preferred hour"
            if when >= 2 && CHOSEN.contains(&word(when - 1)) {
                let whose = word(when - 2);
                if ["your", "their"].contains(&whose)
                    || whose.strip_suffix("'s").is_some_and(|who| {
                        CUSTOMERS.contains(&who) || promised_people().contains(who)
                    })
                {
                    return true;
                }
            }
            let mut who = when + 1;
            while CHOOSER_DETERMINERS.contains(&word(who)) {
                who += 1;
            }
            person(word(who)) && CHOOSING.contains(&word(who + 1))
        })
}

/// The customers whose chosen time a reminder keeps: "at the learner's
/// chosen time", not "at the owner's preferred time".
const CUSTOMERS: &[&str] = &[
    "learner",
    "member",
    "customer",
    "client",
    "rider",
    "patient",
    "user",
    "shopper",
    "parent",
    "reader",
    "listener",
    "player",
    "swimmer",
    "runner",
    "walker",
    "diner",
    "guest",
    "subscriber",
    "student",
    "pupil",
    "resident",
    "tenant",
    "family",
    "carer",
    "volunteer",
    "donor",
];

/// Words of a time chosen, before it: "at the learner's chosen time".
const CHOSEN: &[&str] = &["chosen", "preferred", "selected"];

/// Words of when a reminder comes.
const WHENS: &[&str] = &["time", "times", "hour", "hours", "schedule", "moment"];

/// Words between a word of when and who chooses it: "a time the learner
/// chooses", "the schedule each member sets".
const CHOOSER_DETERMINERS: &[&str] = &["the", "each", "every", "your", "their"];

/// Verbs of choosing, as written after who chooses.
const CHOOSING: &[&str] = &[
    "choose", "chooses", "chose", "chosen", "pick", "picks", "picked", "select", "selects",
    "selected", "set", "sets", "prefer", "prefers",
];

#[cfg(test)]
mod tests {
    use super::at_a_time_they_choose;

    #[test]
    fn a_reminder_at_a_time_the_customer_chooses_is_theirs() {
        for text in [
            "Stretching reminder at a time the member chooses",
            "Nudges on the schedule you set in the app",
            "Alerts at the times each rider selects",
            "Stretch reminder at the member's chosen time",
            "Reminders at your preferred hour",
        ] {
            assert!(at_a_time_they_choose(text), "{text}");
        }
        for text in [
            "Book a fitting at a time you choose",
            "Reminder at a time we choose for you",
            "Prompts at times the scheduler picks",
            "Reminders whenever there is a sale",
            "Reminder at the scheduler's chosen time",
            "Reminders at our preferred time",
            "Dinner idea reminder at the owner's preferred time",
        ] {
            assert!(!at_a_time_they_choose(text), "{text}");
        }
    }
}
