//! HUM002 no-human-metric: no goal measures how customers feel or whether they
//! stay. The rule's metadata, its documentation (`planlint explain HUM002`) and
//! its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::{GoalKind, text};
use crate::rules::goal::goal007_mislabelled_goal::counts as mislabelled;
use crate::rules::{Context, Family, Phase, Rule, plan_anchor};
use crate::text::{Measure, goal_measure, unread_measure};

pub static RULE: Rule = Rule {
    code: "HUM002",
    name: "no-human-metric",
    family: Family::Hum,
    severity: Severity::Warning,
    summary: "no goal measures how customers feel or whether they stay",
    help: "add a goal measured by NPS, satisfaction, retention, churn, lifetime value or reviews",
    docs: r#"## What it does
Reads what every goal measures and reports the plan when no goal measures
how customers feel or whether they stay, including when the plan has no
goals at all.

A goal's `metric` is read as a phrase, for what it counts. It measures
people when it is about how customers feel (satisfaction, CSAT, "feel",
trust), how they describe it ("carers who describe the sessions as
'very worthwhile'"; not "enquirers who describe their budget"), who stop
coming ("pairs who stop coming before
their fourth session"), how they rate and review ("scoring us five out of five"), what they
report of their own lives ("members reporting better sleep") or are free of
("patients running pain-free at their pre-injury distance"), what they
answer when asked or confirm of their own experience ("% of moves where
the customer confirms pick-up in the window and nothing damaged", "share
of walkers who say our advice changed something
they did", supporters "answering 'yes, clearly'", parents "answering 'no'
to 'was anything about the lessons confusing?'", patients "scoring 5 of 5
for 'I understood what I needed'", campers "giving 4 or 5 stars on the
card", users "answering yes to the monthly in-app question 'I cooked
something I enjoyed'", members' "Avg answer to 'how much would you miss
us if we stopped?' (1-5)", residents "who, in the post-event survey, say the
warning was clear": an aside between commas after "who" is read past),
whether they
recommend (NPS, referrals, word of mouth), stay (retention, churn, lifetime
value, "still riding"), come back ("again", repeat visits, customers
"buying 4 or more times a year"), renew, or complain. The metric says what
is counted, so it decides; the `title` is read the same way only when the
metric says neither: "Guests feel at home on their first night", measured by
"a short survey at checkout", is a human measure.

What it does not count, and why:
- A count that a human word only describes: "loyalty-club sign-ups",
  "referral link clicks", "retention emails sent" and "NPS survey responses"
  count sign-ups, clicks, emails and responses, not loyalty or
  recommendation. The finding names such goals with the phrase it read.
- A metric that counts sign-ups, downloads, installs or followers, whatever
  the title says: "Instagram followers" under "A loyal following" measures
  reach.
- A count of answers handed in ("survey responses", "answer cards handed
  in"): it counts that people answered, not what they said.
- Consent and details handed over, though said in words of answering: a
  yes given to an offer ("trial users who say yes to a sales demo", "number
  of people who agree to marketing emails"), a yes to a question that
  offers something ("visitors answering yes to 'Would you like a
  quote?'"), and details told ("shoppers who tell us their email
  address"). They count sales and sign-ups, not what people think; WHY004
  does not take them for a goal that measures the relationship either.
- A rate on its own ("conversion rate", "open rate"): it shares a stem with
  "rating" but is not a judgement customers make.

Not reported either: a plan with a goal of kind `satisfaction` whose
metric planlint cannot place, neither a feeling or staying it knows nor a
count of money, audience, sign-ups, buyers, orders, bookings, leads,
sessions, visits, sales or market share, nor a time a service takes
(minutes, days, a wait): "% of planned commutes completed with no
unplanned detour". Its author filed the goal as
satisfaction, and planlint cannot say otherwise; a finding that may be
wrong is not made.

A group of people named in a metric is not its count: "share of loyalty-card
holders who come back within a month" measures coming back.

## Why it matters
What gets measured gets managed. A plan measured only in sales and costs will
trade the relationship for this quarter's numbers without noticing. Measures
such as NPS, churn and lifetime value make the human side of the business
visible in the same meetings where revenue is discussed.

## Example
```toml
[[goal]]
id = "q2-sales"
metric = "e-bikes sold"

[[goal]]
id = "cpc"
metric = "cost per click"

[[goal]]
id = "club-drive"
title = "A loyal following for the shop"
metric = "loyalty-club sign-ups"
```

## How to fix
```toml
[[goal]]
id = "riders-stay"
title = "Riders stay with us after their first bike"
kind = "satisfaction"
metric = "12-month retention of first-time buyers"
target = 0.6
due = 2027-12-31
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    // A satisfaction goal whose metric planlint cannot place, and that
    // counts no money, audience or sales, is given the benefit of the
    // doubt: the author filed it as satisfaction, and planlint cannot say
    // it is not ("% of planned commutes completed with no unplanned
    // detour").
    let unread_satisfaction = plan.goals.iter().any(|goal| {
        goal.kind.as_ref().map(|k| k.value) == Some(GoalKind::Satisfaction)
            && text(&goal.metric).is_some_and(|m| unread_measure(m) && mislabelled(m).is_empty())
    });
    if unread_satisfaction {
        return;
    }
    let mut counted = Vec::new();
    for goal in &plan.goals {
        match goal_measure(&goal.title.value, text(&goal.metric)) {
            Measure::Human(_) => return,
            Measure::Count(phrase) => {
                counted.push(format!("goal \"{}\" counts {phrase}", goal.id.value));
            }
            Measure::Other => {}
        }
    }
    let (span, mut message) = match plan.goals.first() {
        Some(first) => (
            first.header.clone(),
            match plan.goals.len() {
                1 => "the plan's one goal does not measure how customers feel or whether they stay"
                    .to_owned(),
                n => format!(
                    "none of the plan's {n} goals measures how customers feel or whether they stay"
                ),
            },
        ),
        None => (
            plan_anchor(plan),
            "the plan has no goals, so nothing measures how customers feel or whether they stay"
                .to_owned(),
        ),
    };
    if !counted.is_empty() {
        message = format!("{message}: {}", counted.join(", "));
    }
    cx.report(&RULE, Subject::Plan, span, message);
}
