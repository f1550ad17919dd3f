//! TX003 journey-ends-at-purchase: no touchpoint at retention or advocacy:
//! the plan's journey stops at the purchase. The rule's metadata, its
//! documentation (`planlint explain TX003`) and its check, and the reading
//! of one persona's journey that TX006 reports.

use super::{CALLS, pure_pressure};
use crate::diagnostic::{Severity, Subject};
use crate::plan::{Stage, Touchpoint, items, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::tokenize;

pub static RULE: Rule = Rule {
    code: "TX003",
    name: "journey-ends-at-purchase",
    family: Family::Tx,
    severity: Severity::Warning,
    summary: "no touchpoint at retention or advocacy: the journey stops at the purchase",
    help: "add touchpoints at retention or advocacy: what keeps the relationship going after someone buys?",
    docs: r#"## What it does
Reports a plan that has touchpoints but none at the `retention` or `advocacy`
stage. Onboarding alone does not count: it is the first steps after a
purchase (and in a free trial it comes before the purchase), not the
relationship that follows. HUM004 (info) names the other empty stages, not
these.

Each persona the plan takes to the purchase and never reaches after it is
TX006's note (info): a journey that goes on is said in many ways, and
planlint reads one persona's journey with less certainty than the
plan's.

## Why it matters
A customer's journey does not end with one purchase; for the customer, that
is where living with the product starts. A plan that stops at the sale
abandons people exactly when help, care and a relationship matter most, and
it gives up the loyalty and recommendations that make the next sale easier.

## Example
```toml
[[touchpoint]]
id = "search-ads"
stage = "awareness"

[[touchpoint]]
id = "checkout-reminder"
stage = "purchase"
# nothing at onboarding, retention or advocacy
```

## How to fix
```toml
[[touchpoint]]
id = "first-service"
name = "Free first service at six weeks, and how is it riding?"
stage = "retention"
owner = "workshop"
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let touchpoints = &cx.plan.touchpoints;
    let Some(first) = touchpoints.first() else {
        return;
    };
    let at = |stages: &[Stage]| {
        touchpoints
            .iter()
            .any(|t| t.stage.as_ref().is_some_and(|s| stages.contains(&s.value)))
    };
    if at(&[Stage::Retention, Stage::Advocacy]) {
        return;
    }
    let message = if at(&[Stage::Onboarding]) {
        format!(
            "none of the plan's {} touchpoints is at retention or advocacy: after the sale and its onboarding, the journey stops",
            touchpoints.len()
        )
    } else {
        format!(
            "none of the plan's {} touchpoints is at onboarding, retention or advocacy: the journey ends at the sale",
            touchpoints.len()
        )
    };
    cx.report(&RULE, Subject::Plan, first.header.clone(), message);
}

/// Words of a persona who is passing through: a visitor, a holidaymaker,
/// a tourist.
const PASSING: &[&str] = &[
    "visitor",
    "visitors",
    "visiting",
    "tourist",
    "tourists",
    "holidaymaker",
    "holidaymakers",
];

/// Words after "visiting" that make it a visit paid by someone who works:
/// "Visiting carer", "visiting nurse".
const VISITING_WORK: &[&str] = &[
    "carer",
    "carers",
    "nurse",
    "nurses",
    "worker",
    "workers",
    "professional",
    "professionals",
    "teacher",
    "teachers",
    "therapist",
    "therapists",
    "engineer",
    "engineers",
];

/// Whether a persona's name says they are passing through ("Visitor on a
/// walking holiday", "Visiting yacht crew"): they come once by nature, and
/// nothing after the sale is no journey cut short. Only the name is read:
/// a summary's "visiting the shop most mornings" is a regular.
fn passing_through(name: &str) -> bool {
    let tokens = tokenize(name);
    // A gift buyer comes for someone else's occasion, once by nature:
    // "Gift buyer who knows nothing about cheese".
    let gift = tokens.windows(2).any(|w| {
        matches!(&*w[0].word, "gift" | "gifts" | "present" | "presents")
            && matches!(&*w[1].stem, "buyer" | "shopper" | "giver")
    });
    gift || tokens.iter().enumerate().any(|(i, t)| {
        PASSING.contains(&&*t.word)
            && !(&*t.word == "visiting"
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| VISITING_WORK.contains(&&*n.word)))
    })
}

/// Whether an `act` says what is done at every delivery or visit of the
/// service, the delivery ending its phrase: "checked before every drop",
/// "at each visit" (not "every answer", "each service manager", "every
/// session of the sales training").
fn at_every_delivery(act: &str) -> bool {
    let tokens = tokenize(act);
    tokens.windows(2).enumerate().any(|(i, w)| {
        // The delivery ends its phrase: not "each visit report", nor "every
        // session of the sales training".
        let ends = tokens
            .get(i + 2)
            .is_none_or(|n| n.clause != w[1].clause || !n.content && &*n.word != "of");
        matches!(&*w[0].word, "every" | "each") && DELIVERIES.contains(&&*w[1].word) && ends
    })
}

/// The recurring deliveries of a service: "every drop", "each visit".
const DELIVERIES: &[&str] = &["drop", "delivery", "visit", "session"];

/// Whether a persona's name says they act for a relative: it opens with a
/// relative ("Son or daughter who lives far away", "Family member booking
/// for a parent") or names one they act "for" ("Neighbour who orders for
/// her gran"). Only the name is read, as for those passing through; a
/// relative named otherwise ("Widower; his daughter set up the app",
/// "Mother of a newborn son") is no sign they buy for someone else.
fn for_a_relative(name: &str) -> bool {
    let tokens = tokenize(name);
    let opens = tokens
        .first()
        .is_some_and(|t| GROWN_RELATIVES.contains(&&*t.word))
        || tokens.len() > 1 && &*tokens[0].word == "family" && &*tokens[1].word == "member";
    let acts_for = tokens.windows(3).any(|w| {
        &*w[0].word == "for"
            && (RELATIVES.contains(&&*w[1].word)
                || matches!(&*w[1].word, "a" | "an" | "her" | "his" | "their" | "my")
                    && RELATIVES.contains(&&*w[2].word))
    });
    opens || acts_for
}

/// Relatives who, opening a persona's name, buy for another generation or
/// branch of the family: "Son or daughter who lives far away" ("Parent of
/// a toddler" is the customer, and is read as any).
const GROWN_RELATIVES: &[&str] = &[
    "son",
    "sons",
    "daughter",
    "daughters",
    "relative",
    "relatives",
    "grandparent",
    "grandparents",
    "grandson",
    "granddaughter",
    "niece",
    "nephew",
];

/// Words that name a relative someone buys "for": "for her gran", "for a
/// parent".
const RELATIVES: &[&str] = &[
    "son",
    "sons",
    "daughter",
    "daughters",
    "relative",
    "relatives",
    "parent",
    "parents",
    "mum",
    "dad",
    "mother",
    "father",
    "gran",
    "grandma",
    "grandad",
    "grandpa",
    "grandparent",
    "grandparents",
    "grandchild",
    "grandchildren",
    "grandson",
    "granddaughter",
    "niece",
    "nephew",
];

/// Whether a text says the business comes back a while after the sale: a
/// span of days, weeks, months or years, then "later", with a look, a call
/// or a note in its clause ("a look at your pad use three months later", "A
/// month later the employer gets a short note"), or an update or news
/// "when" or "once" something has happened ("get one when he's
/// rehomed"), or the next or following year or season with a reminder, a
/// call or a look in its clause ("refresher reminders are booked in for the
/// following year"), or "at the end" with a report in its clause
/// ("reported back to them at the end"). "Later" alone ("pay later") is no
/// time.
fn comes_back_later(text: &str) -> bool {
    let tokens = tokenize(text);
    let returns_in = |clause: usize| {
        tokens
            .iter()
            .any(|t| t.clause == clause && RETURNS.contains(&&*t.word))
    };
    let later = tokens.windows(2).any(|pair| {
        let span = pair[0].word.trim_end_matches('s');
        ["day", "week", "month", "year"].contains(&span)
            && &*pair[1].word == "later"
            && returns_in(pair[1].clause)
    });
    // "reported at week 12": a week of the work named by its number.
    let at_week = tokens.windows(3).any(|w| {
        matches!(&*w[0].word, "at" | "in")
            && &*w[1].word == "week"
            && w[2].word.chars().all(|c| c.is_ascii_digit())
            && returns_in(w[1].clause)
    });
    // "Owners who ask for an update get one when he's rehomed": news of
    // what became of what they left with the business, once it happens.
    let update_when = tokens.windows(2).enumerate().any(|(i, w)| {
        // "an update", "send news": a thing sent, not "we update prices".
        let sent = i > 0
            && matches!(
                &*tokens[i - 1].word,
                "a" | "an" | "the" | "some" | "send" | "sends" | "get" | "gets" | "with"
            );
        // "when it ships" is delivery, not a return.
        let when = (i + 1..tokens.len().min(i + 4)).find(|&j| {
            tokens[j].clause == w[0].clause && matches!(&*tokens[j].word, "when" | "once")
        });
        let delivery = when.is_some_and(|j| {
            tokens[j + 1..]
                .iter()
                .take(DELIVERY_REACH)
                .take_while(|t| t.clause == w[0].clause)
                .any(|t| DELIVERY.contains(&&*t.word))
        });
        sent && matches!(&*w[0].word, "update" | "updates" | "news") && when.is_some() && !delivery
    });
    // "refresher reminders are booked in for the following year": a
    // return named by the next season or year.
    let next_season = tokens.windows(2).any(|w| {
        matches!(&*w[0].word, "next" | "following")
            && SEASONS.contains(&&*w[1].word)
            && returns_in(w[1].clause)
    });
    // "reported back to them at the end, whatever the result": a report
    // at the end of what was bought (a pilot, a course).
    let at_the_end = tokens.windows(3).any(|w| {
        &*w[0].word == "at"
            && &*w[1].word == "the"
            && &*w[2].word == "end"
            && returns_in(w[2].clause)
    });
    later || at_week || update_when || next_season || at_the_end
}

/// How many words after "when" delivery may be named: "when your first
/// box leaves the farm".
const DELIVERY_REACH: usize = 6;

/// Words of delivery, which an update "when" it happens only tracks: "an
/// update when your first box ships".
const DELIVERY: &[&str] = &[
    "ships",
    "shipped",
    "dispatched",
    "dispatches",
    "leaves",
    "arrives",
    "delivered",
    "posted",
    "ready",
];

/// The spans a return may be named by with "next" or "following": "the
/// following year", "next season".
const SEASONS: &[&str] = &[
    "year", "season", "spring", "summer", "autumn", "winter", "term",
];

/// Words of coming back to the customer, in the clause of "later": a look,
/// a call, a note ("your first box arrives three days later" is delivery,
/// and "the invoice follows a month later" is billing).
const RETURNS: &[&str] = &[
    "reminder",
    "reminders",
    "refresher",
    "look",
    "call",
    "calls",
    "check",
    "checks",
    "note",
    "visit",
    "visits",
    "review",
    "ring",
    "rings",
    "email",
    "emails",
    "letter",
    "text",
    "message",
    "comparison",
    "report",
    "reported",
];

/// Whether a persona's purchase insight says they buy each time the need
/// comes, job by job ("Instructs per claim under a panel arrangement;
/// speed and image quality decide whether she calls us again"): every
/// purchase is the next contact, and the journey goes on through them; so
/// does one who refers "whoever" served them last time.
fn buys_each_time(insight: &str) -> bool {
    let tokens = tokenize(insight);
    tokens.windows(2).any(|pair| {
        matches!(&*pair[0].word, "per" | "each" | "every")
            && ["claim", "job", "callout", "instruction", "project", "storm"]
                .contains(&&*pair[1].word)
    }) || tokens.windows(3).any(|w| {
        matches!(
            &*w[0].word,
            "calls" | "call" | "books" | "book" | "instructs"
        ) && &*w[1].word == "us"
            && &*w[2].word == "again"
    }) || tokens.windows(3).any(|w| {
        // "Refers whoever answered quickly last time": the next job goes to
        // whoever served the last one.
        matches!(
            &*w[0].word,
            "refers" | "instructs" | "books" | "uses" | "calls"
        ) && matches!(&*w[1].word, "whoever" | "whichever")
    })
}

/// Whether a message opens with a call to buy (TX001's verbs of a call,
/// and renewing, upgrading, subscribing): "Order this week's box by
/// Thursday". A purchase touchpoint that repeats it is the sale again, not
/// what follows it.
fn calls_to_buy(message: &str) -> bool {
    tokenize(message).first().is_some_and(|t| {
        CALLS.contains(&&*t.word) || matches!(&*t.word, "renew" | "upgrade" | "subscribe")
    })
}

/// In a plan whose journey goes on after the sale, a persona it takes to the
/// purchase and never reaches at retention or advocacy: their own journey
/// stops there. Nothing is said while a touchpoint at those stages names no
/// personas (whom it reaches is unknown), nor of a persona reached by a
/// touchpoint with no stage.
pub(super) fn personas_stopping_at_the_sale(cx: &mut Context<'_>, rule: &'static Rule) {
    let plan = cx.plan;
    let stage_of = |t: &Touchpoint| t.stage.as_ref().map(|s| s.value);
    let later = [Stage::Retention, Stage::Advocacy];
    // A purchase touchpoint that recurs and is no sales pressure goes on
    // after the sale: "your mile this season, reported back" twice a year
    // to a sponsor keeps the relationship, whatever the stage says. So does
    // a recurring consideration touchpoint that asks and acts on the
    // answer, a conversation rather than a broadcast: "what is ready to go
    // this fortnight" to the therapists who refer, asking what they could
    // not find (ads to prospects ask nothing).
    let converses = |t: &Touchpoint| text(&t.ask).is_some() && text(&t.act).is_some();
    // A conversation whose `act` says what is done at every delivery goes
    // on as the deliveries do: "the chef's spec is ... checked before every
    // drop".
    let every_delivery = |t: &Touchpoint| {
        stage_of(t) == Some(Stage::Consideration)
            && converses(t)
            && text(&t.act).is_some_and(at_every_delivery)
    };
    let recurs = |t: &Touchpoint| {
        (stage_of(t) == Some(Stage::Purchase)
            || stage_of(t) == Some(Stage::Consideration) && converses(t))
            && (t.per_week.as_ref().is_some_and(|p| p.value > 0.0) || every_delivery(t))
            && pure_pressure(t).is_none()
            && !text(&t.message).is_some_and(calls_to_buy)
    };
    // So does one that comes back later itself: "a look at your pad use
    // three months later".
    let returns = |t: &Touchpoint| {
        stage_of(t) == Some(Stage::Purchase)
            && pure_pressure(t).is_none()
            && [text(&t.message), text(&t.act)]
                .into_iter()
                .flatten()
                .any(comes_back_later)
    };
    let is_later =
        |t: &Touchpoint| stage_of(t).is_some_and(|s| later.contains(&s)) || recurs(t) || returns(t);
    if plan
        .touchpoints
        .iter()
        .any(|t| is_later(t) && items(&t.personas).next().is_none())
    {
        return;
    }
    // The personas whose journey goes on after the sale, read once: each
    // touchpoint is judged once, whatever the number of personas.
    let goes_on: std::collections::HashSet<&str> = plan
        .touchpoints
        .iter()
        .filter(|t| is_later(t))
        .flat_map(|t| items(&t.personas).map(|p| p.text.as_str()))
        .collect();
    for persona in &plan.personas {
        if passing_through(&persona.name.value)
            || text(&persona.purchase_insight).is_some_and(buys_each_time)
        {
            continue;
        }
        let reaching: Vec<&Touchpoint> = plan.touchpoints_reaching(&persona.id.value).collect();
        if goes_on.contains(persona.id.value.as_str())
            || reaching.iter().any(|t| stage_of(t).is_none())
        {
            continue;
        }
        let sale: Vec<&str> = reaching
            .iter()
            .filter(|t| stage_of(t) == Some(Stage::Purchase))
            .map(|t| t.id.value.as_str())
            .collect();
        if sale.is_empty() {
            continue;
        }
        // One who buys for a relative ("Son or daughter who lives far
        // away"), taken to the purchase with another persona whose journey
        // goes on, goes on through them.
        if for_a_relative(&persona.name.value)
            && reaching
                .iter()
                .filter(|t| stage_of(t) == Some(Stage::Purchase))
                .flat_map(|t| items(&t.personas))
                .any(|other| {
                    other.text != persona.id.value && goes_on.contains(other.text.as_str())
                })
        {
            continue;
        }
        let onboarded = reaching
            .iter()
            .any(|t| stage_of(t) == Some(Stage::Onboarding));
        let after = if onboarded {
            "nothing at retention or advocacy after it: their journey stops after the sale and its onboarding"
        } else {
            "nothing after it: their journey stops at the sale"
        };
        cx.report(
            rule,
            Subject::Persona(persona.id.value.clone()),
            persona.header.clone(),
            format!(
                "persona \"{}\" is taken to the purchase ({}) and reached by {after}",
                persona.id.value,
                sale.join(", ")
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{buys_each_time, calls_to_buy, comes_back_later, for_a_relative, passing_through};

    #[test]
    fn a_gift_buyer_passes_through() {
        assert!(passing_through("Gift buyer who knows nothing about cheese"));
        assert!(passing_through("Present shopper at Christmas"));
        assert!(!passing_through("Buyer for a gift shop chain"));
    }

    #[test]
    fn a_buyer_job_by_job_comes_back_each_time() {
        for insight in [
            "Instructs per claim under a panel arrangement",
            "Books us job by job; quality decides whether she calls us again",
            "Orders each project through the framework",
            "Refers whoever answered quickly last time; a single late result loses the firm.",
        ] {
            assert!(buys_each_time(insight), "{insight}");
        }
        for insight in [
            "Buys once, for the wedding",
            "Pays per month by direct debit",
        ] {
            assert!(!buys_each_time(insight), "{insight}");
        }
    }

    #[test]
    fn a_span_then_later_comes_back() {
        for text in [
            "a look at your pad use three months later",
            "A month later the employer gets a short note",
            "a call two weeks later to see how it is going",
            "Those outcomes are written into the pilot evaluation and reported at week 12.",
            "Owners who ask for an update get one when he's rehomed.",
            "We send news once your bench has found its new home.",
            "Course dates are set around the start dates, and refresher reminders are booked in for the following year.",
            "A call next spring to see how the hedge has taken.",
            "Those measures are written into the pilot plan and reported back to them at the end, whatever the result.",
        ] {
            assert!(comes_back_later(text), "{text}");
        }
        for text in [
            "Buy now, pay later",
            "later this month",
            "weeks of later nights",
            "We update the price list when the season changes.",
            "We update prices when the season changes.",
            "Try the weekly veg box for a month; we'll send an update when your first box ships.",
            "You get an update when your first box leaves the farm.",
            "Next year's prices are on the website.",
            "Your kit arrives next season.",
            "Payment is taken at the end of the course.",
        ] {
            assert!(!comes_back_later(text), "{text}");
        }
    }

    #[test]
    fn an_act_at_every_delivery_goes_on_with_them() {
        assert!(super::at_every_delivery(
            "The chef's spec is written on the delivery sheet and checked before every drop."
        ));
        assert!(super::at_every_delivery(
            "Her notes are read at each visit."
        ));
        assert!(!super::at_every_delivery("Every answer is logged."));
        assert!(!super::at_every_delivery(
            "Each request is read by the owner."
        ));
        assert!(!super::at_every_delivery(
            "Answers are passed to each service manager on Monday."
        ));
        assert!(!super::at_every_delivery(
            "Objections are noted and reviewed after each round of tastings."
        ));
        assert!(!super::at_every_delivery(
            "Raised at every session of the sales training."
        ));
    }

    #[test]
    fn a_relative_is_named_so() {
        for name in [
            "Son or daughter who lives far away",
            "Family member booking for a parent",
            "Grandparents who book the holiday club",
        ] {
            assert!(for_a_relative(name), "{name}");
        }
        assert!(for_a_relative("Grandson who orders for his gran"));
        for name in [
            "Carer",
            "Parent of a toddler",
            "Young family on a budget",
            "Widower who cooks for one; his daughter set up the app",
            "Mother of a newborn son",
        ] {
            assert!(!for_a_relative(name), "{name}");
        }
    }

    #[test]
    fn people_passing_through_are_named_so() {
        for name in [
            "Visitor on a walking holiday, with blisters",
            "Visiting yacht crew on a West Country passage",
            "Tourists off the coach",
        ] {
            assert!(passing_through(name), "{name}");
        }
        for name in ["Visiting carer", "Holiday-let owner", "Morning regular"] {
            assert!(!passing_through(name), "{name}");
        }
    }

    #[test]
    fn a_call_to_buy_opens_the_message() {
        assert!(calls_to_buy(
            "Order this week's box by Thursday: leeks, carrots"
        ));
        assert!(!calls_to_buy("Here's your mile this season: what we fixed"));
    }
}
