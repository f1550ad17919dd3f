//! TX006 persona-stops-at-purchase: a persona is taken to the purchase and
//! reached by nothing after it, in a plan whose journey goes on. The rule's
//! metadata and its documentation (`planlint explain TX006`); the reading
//! is TX003's, one persona at a time.

use super::tx003_journey_ends_at_purchase::personas_stopping_at_the_sale;
use crate::diagnostic::Severity;
use crate::plan::Stage;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "TX006",
    name: "persona-stops-at-purchase",
    family: Family::Tx,
    severity: Severity::Info,
    summary: "a persona is taken to the purchase and reached by nothing after it",
    help: "say what keeps this persona after they buy: a touchpoint at retention or advocacy that reaches them, or a waiver saying they buy once by nature",
    docs: r#"## What it does
In a plan whose journey goes on after the sale, reports each persona
that a `purchase` touchpoint reaches and no touchpoint at retention or
advocacy reaches: the plan keeps some customers and drops those, the moment
they have bought or signed up (onboarding alone does not count here
either).

For a persona, a `purchase` touchpoint that recurs (`per_week` above
zero), is no pure sales pressure (TX001) and does not open with a call to
buy ("Order this week's box by Thursday") counts as going on after the
sale: a sponsor's report twice a year keeps the relationship, whatever
its stage. So does such a `consideration` touchpoint that has an `ask`
and an `act`, a conversation rather than a broadcast: a fortnightly note
to the therapists who refer of what is ready to go, asking what they
could not find (weekly ads to prospects ask nothing and do not count);
one whose `act` says what is done at every delivery or visit needs no
`per_week` ("the chef's spec is ... checked before every drop").
So does a `purchase` touchpoint, no pure sales pressure, whose message or
act comes back to the customer a while later with a look, a call, a note
or a report ("a look at your pad use three months later", "a month later
the employer gets a short note", "reported at week 12", "an update when
he's rehomed", "refresher reminders ... for the following year"; not
"your box arrives three days later").
Not reported: a persona reached only before the purchase (a prospect the
plan has not yet won); a persona reached by a touchpoint with no `stage`;
every persona while a touchpoint at retention or advocacy names no
`personas` (whom it reaches is unknown); the personas of a plan that
stops at the sale as a whole (TX003 reports the plan); and a persona
whose name says they are passing through (a visitor, a holidaymaker, a
tourist: "Visitor on a walking holiday", "Visiting yacht crew"; not a
"Visiting carer") or buying a gift ("Gift buyer who knows nothing about
cheese"), who comes once by nature; nor one whose name says they buy
for a relative ("Son or daughter who lives far away", "Family member
booking for a parent"), taken to the purchase by a touchpoint that also
takes a persona whose journey goes on after it: theirs goes on through
that persona (a "young family" is the customer, and is read as any); nor
one whose purchase insight says
they buy job by job ("instructs per claim", "whether she calls us
again"), whose next purchase is the next contact. Another persona who
buys once by nature is reported: say so with a waiver.

## Why it is a note (info), not a warning
A journey that goes on after the sale is said in many ways: a relative who
books for a parent, a pilot "reported back to them at the end", a spec
"checked before every drop", refresher reminders "for the following
year", a referrer who "refers whoever answered quickly last time". On
plans written by people who never saw the rules, this reading was wrong
more often than any other (seven of seventeen false warnings on six new
held-out sets), so it is a note for the strategist to read, not a finding
that fails CI. A plan whose journey stops at the sale as a whole is
TX003's warning. Raise it with `[severity] TX006 = "warning"` where a
persona dropped at the sale should fail the build.

## Why it matters
For the customer, living with what they bought starts after the purchase.
A plan that keeps some customers and drops others the moment they have
bought gives up the loyalty and recommendations of those it drops.

## Example
```toml
[[touchpoint]]
id = "volunteer-application"
stage = "purchase"
personas = ["volunteers"]
# nothing at retention or advocacy reaches "volunteers", while other
# personas get a monthly newsletter
```

## How to fix
```toml
[[touchpoint]]
id = "volunteer-thank-you-evening"
stage = "retention"
personas = ["volunteers"]
owner = "volunteer coordinator"
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let goes_on = cx.plan.touchpoints.iter().any(|t| {
        t.stage
            .as_ref()
            .is_some_and(|s| matches!(s.value, Stage::Retention | Stage::Advocacy))
    });
    if goes_on {
        personas_stopping_at_the_sale(cx, &RULE);
    }
}
