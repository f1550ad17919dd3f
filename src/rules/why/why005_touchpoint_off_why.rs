//! WHY005 touchpoint-off-why: a touchpoint's message shares too little with
//! the WHY, HOW, WHAT, its goals or its personas. The rule's metadata, its
//! documentation (`planlint explain WHY005`) and its check.

use super::align::Closest;
use crate::diagnostic::{Severity, Subject};
use crate::plan::{Touchpoint, items, text};
use crate::rules::tx::pure_pressure;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{
    aftercare, ask_self_serving, held_things, message_bait, sales_pressure, service_notes,
};
use crate::text::{Token, asks_openly, tokenize};

pub static RULE: Rule = Rule {
    code: "WHY005",
    name: "touchpoint-off-why",
    family: Family::Why,
    severity: Severity::Warning,
    summary: "a touchpoint's message shares too little with the WHY, HOW, WHAT, its goals or its personas",
    help: "rewrite the message so it carries the WHY, the HOW or what the persona wants, or drop the touchpoint",
    docs: r#"## What it does
Compares each touchpoint's `message`, with its `channel` (where it
happens: "a weekly walk on the canal towpath"), with everything it could
be expected to echo: the WHY statement, the HOW (statement and differentiators), the WHAT
(statement and offerings), the goals the touchpoint serves (title, metric
and `why`), and the `wants`, `interests` and `value_proposition` of the
personas it reaches. Concepts are compared and weighed as in WHY004 (stems
and synonym groups; words nearly every plan uses count by how many of the
plan's items use them). A message that shares too little with all of them
is reported, with the closest word it found.

Not reported:
- a plain service message with no sales pressure: a reminder, a delivery or
  appointment notice, a way to pick another slot or change a booking, a
  quote that lists every cost, or aftercare: how to set up, use, store or
  look after what was bought and what to do if something goes wrong ("How
  to put it together, how to look after it, and what to do if something
  feels wrong"), a welcome that hands over what the customer now holds
  or says how to reach the people behind the business ("your membership
  card", "your share certificate", "how to get in touch", "who to call"),
  and an offer to listen and say honestly whether the business can help,
  or to refer the customer on ("we'll tell you whether a repair is worth
  it", "we'll point you to someone who can"). It is the HOW in action and
  needs no words of the WHY. A bare "get in touch" or "your account" is
  no such pass: either as easily opens a promotion. A
  message with a pressure cue ("last chance", "30% off") gets no such pass,
  and neither does a "how to" about something else: aftercare is about the
  customer's own thing ("your hearing aids", "look after it", "how to store
  them") and not the business's ("How to win a hamper: follow our page",
  "How to put together the perfect gift basket from our new range", "How
  to use Instagram filters to get more likes", "User guide to our referral
  scheme: invite five friends to earn a reward");
- a touchpoint that listens: its `ask` is an open question that is not for
  the business's own ends ("What would a good week look like for you?",
  "Reply 1-5: how are you feeling?", "What should we change, add or stop
  before next season?", "is there anything that would make it easier to
  come back?", not "Would you rate us 5 stars?"; a question is read as its
  whole sentence), and its
  message asks nothing for the business (no sales pressure, no "follow our
  page", "share this post", "win a hamper"). Asking people what they want
  and acting on it is the customer-centred HOW in action, so a message
  such as "Hi! How are you doing today? Remember we're here" or "Thanks,
  confirms the end date and the final invoice, no surprises" needs no
  words of the WHY. A touchpoint that asks so and has no `act`, or one
  that only keeps the answers (a survey after a visit whose message only
  thanks the customer, its answers "stored in the patient experience
  folder"), passes too: what it lacks is doing something with the
  answers, which YOU003 reports, and one cause gets one finding. Read here rather than as a
  service message, because what makes it listening is its `ask`, not the
  words of its message;
- a message that is pure sales pressure: TX001 reports it, and one root
  cause gets one finding;
- touchpoints without a message, and every touchpoint while the plan has no
  WHY (WHY001 reports that).

## Why it matters
Touchpoints are where customers meet the plan. If what they hear has nothing to
do with what the business stands for, what it offers or what they asked for,
the WHY exists only in the board room. The golden circle only works when the
outer rings stay true to the centre.

## Example
```toml
[why]
statement = "We believe getting around the city should feel calm and free."

[[touchpoint]]
id = "casino-night"
name = "Casino night sponsorship"
message = "Spin the wheel and win big tonight!"
```

## How to fix
Make the message say something the WHY, the offer or the persona would
recognise, e.g. "Ride home calm: free lights check at the door tonight."."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    let Some(why) = plan.why_statement() else {
        return;
    };
    let alignment = cx.alignment();
    let common = [
        alignment.place("the WHY", None, &[why]),
        alignment.place("the HOW and the WHAT", None, &plan.how_and_what_texts()),
    ];
    for touchpoint in &plan.touchpoints {
        let Some(field) = touchpoint.message.as_ref() else {
            continue;
        };
        let message = field.value.as_str();
        if is_service(message)
            || listens(touchpoint, message)
            || pure_pressure(touchpoint).is_some()
        {
            continue;
        }
        let mut own_places = Vec::new();
        for id in items(&touchpoint.personas) {
            let Some(persona) = plan.persona(&id.text) else {
                continue;
            };
            let mut texts: Vec<&str> = items(&persona.wants).map(|w| w.text.as_str()).collect();
            texts.extend(items(&persona.interests).map(|w| w.text.as_str()));
            texts.extend(text(&persona.value_proposition));
            if !texts.is_empty() {
                own_places.push(alignment.place("persona", Some(&id.text), &texts));
            }
        }
        for id in items(&touchpoint.goals) {
            let Some(goal) = plan.goals.iter().find(|g| g.id.value == id.text) else {
                continue;
            };
            let texts = [
                goal.title.value.as_str(),
                text(&goal.metric).unwrap_or_default(),
                text(&goal.why).unwrap_or_default(),
            ];
            own_places.push(alignment.place("goal", Some(&id.text), &texts));
        }
        let places: Vec<_> = common.iter().chain(&own_places).collect();
        let judged: Vec<&str> = std::iter::once(message)
            .chain(text(&touchpoint.channel))
            .collect();
        let Err(closest) = alignment.judge(&judged, &places) else {
            continue;
        };
        let mut compared = vec!["the WHY"];
        compared.extend(plan.how.is_some().then_some("the HOW"));
        compared.extend(plan.what.is_some().then_some("the WHAT"));
        if own_places.iter().any(|p| p.is("goal")) {
            compared.push("the goals it serves");
        }
        if own_places.iter().any(|p| p.is("persona")) {
            compared.push("what its personas want or care about");
        }
        cx.report(
            &RULE,
            Subject::Touchpoint(touchpoint.id.value.clone()),
            field.key.clone(),
            format!(
                "touchpoint \"{}\" says too little of {}: {}",
                touchpoint.id.value,
                or_list(&compared),
                Closest::describe(closest.as_ref(), "of its message")
            ),
        );
    }
}

/// "a, b or c".
fn or_list(items: &[&str]) -> String {
    match items {
        [] | [_] => items.concat(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Whether a touchpoint listens: it asks an open question that is not for
/// the business's own ends ("What would a good week look like for you?",
/// not "Which of our tins shall we add to your order?"), its `act` does
/// something with the answers, and its message asks nothing for the
/// business (no sales pressure, no "follow our page and share this post").
/// Asking people what they want and acting on it is the plan's HOW in
/// action, whatever other words the message uses.
///
/// A touchpoint that asks so and does nothing with the answers (no `act`,
/// or one that only keeps them) listens too: what it lacks is the action,
/// which YOU003 reports, and one cause gets one finding.
fn listens(touchpoint: &Touchpoint, message: &str) -> bool {
    let Some(ask) = text(&touchpoint.ask) else {
        return false;
    };
    let tokens = tokenize(ask);
    let said = tokenize(message);
    asks_openly(ask, &tokens)
        && ask_self_serving().find(&tokens).is_empty()
        && sales_pressure().find(&said).is_empty()
        && message_bait().find(&said).is_empty()
}

/// A plain service message (a reminder, a notice, a quote that lists every
/// cost, a way to change a booking, a welcome with the customer's papers and
/// how to reach us, an offer to say whether we can help, aftercare) with no
/// sales pressure in it: the HOW in action, which needs no words of the WHY.
fn is_service(message: &str) -> bool {
    let tokens = tokenize(message);
    let service = !service_notes().find(&tokens).is_empty() || is_aftercare(&tokens);
    service && sales_pressure().find(&tokens).is_empty()
}

/// Whether a message gives aftercare: a how-to whose clause is about the
/// customer's own thing ("How to clean your hearing aids", "how to store
/// them at night"), not the business's ("from our new range", "our referral
/// scheme"). "How to put together the perfect gift basket from our new
/// range", "How to use Instagram filters to get more likes" and "User guide
/// to our referral scheme: invite five friends to earn a reward" are about
/// something else.
fn is_aftercare(tokens: &[Token]) -> bool {
    let held = held_things().find(tokens);
    aftercare().find(tokens).iter().any(|cue| {
        let clause = tokens[cue.tokens.start].clause;
        let after = cue.tokens.start..tokens.len();
        let in_clause = |i: usize| tokens[i].clause == clause;
        held.iter()
            .any(|m| after.contains(&m.tokens.start) && in_clause(m.tokens.start))
            && !after
                .clone()
                .any(|i| in_clause(i) && &*tokens[i].word == "our")
    })
}

#[cfg(test)]
mod tests {
    use super::is_service;

    #[test]
    fn a_welcome_pack_and_an_offer_to_advise_are_service() {
        for message in [
            "Your membership card, the rules of the club, the season's fixtures and how to reach us.",
            "Welcome aboard: your login details, the first delivery day and who to call with a question.",
            "Describe the trouble and we'll tell you whether a repair is worth it.",
            "Send us a photo of the leak; if it's not a job for us, we'll point you to a plumber who does it.",
        ] {
            assert!(is_service(message), "{message}");
        }
        for message in [
            "Your daily reward is waiting, come back now",
            "Spin the wheel and win big tonight!",
            "A surprise bonus is waiting in your account: open the app to claim it.",
            "Get in touch for a quote on our new range",
        ] {
            assert!(!is_service(message), "{message}");
        }
    }

    #[test]
    fn aftercare_is_about_the_customer_s_own_thing() {
        for message in [
            "How to clean your hearing aids, how to store them at night, and what to do if they whistle.",
            "How to put it together, how to look after it, and what to do if something feels wrong",
            "A care guide for your new boots, written by the cobbler",
        ] {
            assert!(is_service(message), "{message}");
        }
        for message in [
            "How to put together the perfect gift basket from our new range",
            "How to use Instagram filters to get more likes",
            "User guide to our referral scheme: invite five friends to earn a reward",
            "How to use your voucher on our new range",
        ] {
            assert!(!is_service(message), "{message}");
        }
    }
}
