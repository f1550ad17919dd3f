//! WHY004 goal-off-why: a goal shares too little with the WHY or the HOW and
//! says nothing of how it serves them. The rule's metadata, its documentation
//! (`planlint explain WHY004`) and its check.

use super::align::Closest;
use crate::diagnostic::{Severity, Subject};
use crate::plan::GoalKind;
use crate::plan::{Goal, Plan, items, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{
    audience_counts, contact_automation, customer_friction, image_reasons, metric_money,
    per_customer, person_promises, step_back_promises, time_frames, unhurried_promises,
};
use crate::text::{
    Measure, PhraseList, counts_buyers, counts_contracts, counts_money, counts_orders,
    counts_own_effort, counts_own_money, counts_paying_customers, goal_measure, quote, tokenize,
};

pub static RULE: Rule = Rule {
    code: "WHY004",
    name: "goal-off-why",
    family: Family::Why,
    severity: Severity::Warning,
    summary: "a goal shares too little with the WHY or the HOW and says nothing of how it serves them",
    help: "add `why = \"...\"` to the goal to say how it serves the WHY, or reconsider the goal",
    docs: r#"## What it does
Compares each goal's `title` and `metric` with the WHY statement and the HOW
(statement and differentiators). Words of time that frame the metric ("per
calendar year", "a week") are left out of it: the window a goal is counted
over is not what it measures. Two texts share a concept when they share a
word after stemming ("riders" and "riding" count as "ride") or a word of the
same synonym group ("calm", "relaxed", "unhurried"); function words ("the",
"with") never count. Words nearly every plan uses ("customer", "plan", "day")
count by how many of this plan's items (the WHY, HOW, WHAT, each goal,
persona and touchpoint) use them: fully when two items do, hardly at all when
nearly every item does. One such word is enough when no more items use it
than the square root of twice their number (5 of 12 items, 6 of 20, 7 of
30). A goal whose shared concepts weigh less than that, and that has no
`why` of its own, is reported, with the closest word it found.

A goal that works against the WHY is reported whatever its words and its
`why`: one that raises how much each customer uses (a word of use before
"per client", "per patient", "per family" and the like, with a target above
the baseline: "Average number of sessions per client episode", 14 to 22)
in a plan whose WHY or HOW stands for letting people go once they no
longer need the business ("we aim to discharge", "and then to step back",
"until they no longer need us"). Money per customer is no use, and a goal
that lowers the use ("treatments per patient before they go on alone", 8
to 6) serves such a WHY. So is one that raises contact handled with
nobody of the business (a chatbot, an automated phone menu, "no member of
staff": "% of family enquiries handled with no member of staff involved",
5 to 70) in a plan whose WHY or HOW promises people a person ("a real
person beside them through every step", "one named bereavement
officer"). So is one that cuts the length of an appointment, a visit or
a session ("Length of a standard appointment, minutes", 30 to 15) in a
plan whose WHY or HOW promises unhurried time ("Unhurried 30-minute
appointments", "done slowly and kindly"; a wait cut, "days from referral
to first appointment", is no time with people).

Not reported:
- a goal with a `why`: the link is stated, and a reader can judge it. The
  exceptions are the goals above that work against the WHY, and a goal
  whose metric (or title, when it has no metric)
  counts an audience (followers, reach, likes, impressions) and whose `why`
  gives how the business looks as the reason ("raises our profile", "a
  bigger audience", "brand awareness"): it is reported, quoting both,
  because the size of a following is not a link to the WHY however it is
  stated;
- a cost goal that lowers what goes wrong for customers, counted at the
  head of its metric with its target below its baseline: help they had to
  ask for, returns, refunds, no-shows ("Support tickets per 100 bookings",
  9 to 4): fewer of them is a cheaper business and an easier one to deal
  with ("support tickets closed per agent" counts the staff's pace, and is
  judged like any goal);
- a goal that measures the relationship itself (satisfaction, NPS, renewals,
  retention, recommendations, people coming back), read as HUM002 reads it:
  it serves any WHY about the people a business serves, whatever its words
  (a count that such a word only describes, like "loyalty-card sign-ups",
  is judged like any other goal);
- a revenue or cost goal whose metric is the business's own money as a
  whole: a word of income, sales, commission or cost, with only words that frame it
  (total, gross, average, contract, a period, the currency, in brackets
  too: "licence revenue (GBP)") and words the plan's name or
  WHAT statement uses of the business ("Pollination contract income for
  the 2026 season, £", "Average monthly shop sales", "Income from
  pollination"). That is Jim Sterne's business goal of revenue or lower
  costs, the result of living the WHY rather than a step off it. A revenue
  goal counting the people who pay for the business's own offer is the
  same revenue, counted by who pays it: a head that ends in subscribers,
  customers, members or clients made payers by "paying" or "paid", with
  only words the name, the WHAT or its offerings use besides ("Paying
  Larkspur Pro subscribers", "Paid members"). Payers of a line the WHAT
  does not name, or through a channel ("Paying users via the partner
  app"), and anyone who does not pay (followers, sign-ups) are judged
  like any goal. A revenue goal whose metric is the money of one line the
  WHAT sells, every word of it the business's own or of one offering
  ("mail-order bait revenue" beside the offering "Mail-order bait and
  lures"), is the same revenue, counted by line; a word of a ratio inside
  the line's name ("order" in "mail-order") makes no ratio. So is one
  that counts the orders, bookings or sales of one line the WHAT sells
  ("Hamper orders taken" beside the offering "Christmas hampers"),
  counted by the unit, and one that counts customers with a signed
  agreement for a line the WHAT sells ("Clubs with a signed annual squad
  screening agreement" beside "Squad dental screening for clubs"). A cost goal
  whose metric counts the business's own time or money spent on its work
  is the goal of lower costs: hours of its own people on a task ("Staff
  hours a week spent chasing unpaid quotes", "admin time on paperwork"),
  or its money per unit of what it does, every word of the unit the
  business's own or one that only says which ("Running cost per stump
  removed" at a tree surgeon, "Workshop cost per standard service" at a
  shop that services machines; not "per paid-social veg box").
  Hours with no task, or nobody of the business's ("Time spent on the
  booking page"), and money per click or lead are judged like any goal.
  A line the offerings do not sell ("gift-set sales" at a pharmacy whose
  counter sells gifts and fragrance, "Income from wedding hire"),
  money through a channel ("Sales via Instagram", "Sales through
  influencer codes", read like "from"), a ratio ("cost per click", and
  money counted per customer, order or visit: "Average customer spend, £",
  "Average order value") and an audience (followers, logo placements,
  awards entered) are judged as above;
- a goal of kind satisfaction whose metric counts money ("average monthly
  till takings from loyalty-card holders, £"): GOAL007 reports it as
  mislabelled, one cause said once;
- every goal while the plan has no WHY (WHY001 reports that).

## Why it matters
A plan whose goals drift away from its stated purpose is the kind of plan that
rings fake: it says one thing and measures another. Not every goal has to
repeat the WHY's words, but a goal that cannot be linked to it should at least
say why it is there, so the link is a decision and not an accident.

## Example
```toml
[why]
statement = "We believe getting around the city should feel calm and free."

[[goal]]
id = "football-sponsorship"
title = "Sponsor the regional football league"
metric = "logo impressions"
```

## How to fix
Say how the goal serves the WHY, or drop it:
```toml
why = "Match days are when the city jams; we run a free bike valet so fans arrive calm."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    let Some(why) = plan.why_statement() else {
        return;
    };
    let alignment = cx.alignment();
    let mut places = vec![alignment.place("the WHY", None, &[why])];
    if let Some(how) = &plan.how {
        let mut texts: Vec<&str> = text(&how.statement).into_iter().collect();
        texts.extend(items(&how.differentiators).map(|i| i.text.as_str()));
        places.push(alignment.place("the HOW", None, &texts));
    }
    let places: Vec<_> = places.iter().collect();
    let step_back = stand(plan, why, step_back_promises());
    let person = stand(plan, why, person_promises());
    let unhurried = stand(plan, why, unhurried_promises());
    // Goals that work against a stand of the WHY or the HOW, each with what
    // to measure instead: reported whatever the goal's `why`.
    let against: [(&Option<Stand>, Against, &str); 3] = [
        (
            &unhurried,
            shortens_time,
            "measure what the time buys people (problems solved at one visit, how they feel afterwards)",
        ),
        (
            &person,
            automates_contact,
            "measure how people are looked after by the people the WHY promises",
        ),
        (
            &step_back,
            keeps_customers,
            "measure what letting people go well looks like (outcomes met, time to discharge, people who no longer need the service)",
        ),
    ];
    for goal in &plan.goals {
        let broken = against.iter().find_map(|(stand, breaks, instead)| {
            stand
                .as_ref()
                .and_then(|s| breaks(goal, s))
                .map(|m| (m, instead))
        });
        if let Some((message, instead)) = broken {
            cx.report(
                &RULE,
                Subject::Goal(goal.id.value.clone()),
                goal.header.clone(),
                message,
            )
            .help = format!("{instead}, or rewrite the WHY if the business believes otherwise");
            continue;
        }
        if let Some(why) = text(&goal.why) {
            if let Some(vanity) = vanity(goal, why) {
                cx.report(
                    &RULE,
                    Subject::Goal(goal.id.value.clone()),
                    goal.header.clone(),
                    vanity,
                );
            }
            continue;
        }
        if measures_the_relationship(goal)
            || lowers_friction(goal)
            || is_own_money(plan, goal)
            || mislabelled_money(goal)
        {
            continue;
        }
        let written = text(&goal.metric).unwrap_or_default();
        let metric = without_time_frame(written);
        let whose = if metric.trim() == written.trim() {
            "of its title or metric"
        } else {
            "of its title or metric (the time it is counted over aside)"
        };
        let own = [goal.title.value.as_str(), metric.as_str()];
        let Err(closest) = alignment.judge(&own, &places) else {
            continue;
        };
        cx.report(
            &RULE,
            Subject::Goal(goal.id.value.clone()),
            goal.header.clone(),
            format!(
                "goal \"{}\" shares too little with the WHY or the HOW, and has no `why` linking it to them: {}",
                goal.id.value,
                Closest::describe(closest.as_ref(), whose)
            ),
        );
    }
}

/// The finding for a goal that counts an audience (followers, likes,
/// impressions) and whose `why` gives how the business looks as the reason
/// (its profile, visibility, a bigger audience): a stated link that is no
/// link to the WHY. `None` for any other goal with a `why`. GOAL007 leaves
/// such a goal to this finding when it is of kind satisfaction.
pub(crate) fn vanity(goal: &Goal, why: &str) -> Option<String> {
    // The metric says what is counted; the title only when there is none.
    let counted = text(&goal.metric).unwrap_or(goal.title.value.as_str());
    let counted = quoted_first(audience_counts(), counted)?;
    let reason = quoted_first(image_reasons(), why)?;
    Some(format!(
        "goal \"{}\" counts an audience ({counted}) and its `why` gives how the business looks as the reason ({reason}): the size of a following is not a link to the WHY",
        goal.id.value
    ))
}

/// A goal of kind satisfaction whose metric counts money ("average monthly
/// till takings"): GOAL007 reports the mislabel, and whether money serves
/// the WHY is not this goal's question until it is labelled as money.
fn mislabelled_money(goal: &Goal) -> bool {
    goal.kind.as_ref().map(|k| k.value) == Some(GoalKind::Satisfaction)
        && text(&goal.metric).is_some_and(|m| !counts_money(m).is_empty())
}

/// Where the WHY or the HOW takes a stand a goal can work against: the
/// place's name and the cue, quoted. Letting people go once they no longer
/// need the business ("we aim to discharge", `step_back_promises`), or a
/// person, not a machine ("a real person beside them through every step",
/// `person_promises`).
/// A reading of a goal that works against a stand, with its message.
type Against = fn(&Goal, &Stand) -> Option<String>;

struct Stand {
    place: &'static str,
    cue: String,
}

/// The first cue of `promises` in the WHY, then in the HOW's lines.
fn stand(plan: &Plan, why: &str, promises: &PhraseList) -> Option<Stand> {
    let mut places: Vec<(&'static str, &str)> = vec![("the WHY", why)];
    if let Some(how) = &plan.how {
        places.extend(text(&how.statement).map(|t| ("the HOW", t)));
        places.extend(items(&how.differentiators).map(|i| ("the HOW", i.text.as_str())));
    }
    places.into_iter().find_map(|(place, text)| {
        let cue = quoted_first(promises, text)?;
        Some(Stand { place, cue })
    })
}

/// The finding for a goal that counts contact handled with nobody of the
/// business ("% of family enquiries handled with no member of staff
/// involved (web chatbot and automated phone menu)") and raises it, in a
/// plan that promises people a person: reported whatever the goal's `why`,
/// which cannot link a goal to a WHY it works against.
fn automates_contact(goal: &Goal, stand: &Stand) -> Option<String> {
    let counted = text(&goal.metric).unwrap_or(goal.title.value.as_str());
    let tokens = tokenize(counted);
    let first = contact_automation().find(&tokens).into_iter().next()?;
    // "answered by a nurse rather than the automated phone menu" moves
    // away from it.
    let away = tokens[..first.tokens.start]
        .iter()
        .any(|t| matches!(&*t.word, "rather" | "instead"));
    if away {
        return None;
    }
    let cue = quote(counted, first.span);
    let (baseline, target) = (goal.baseline.as_ref()?.value, goal.target.as_ref()?.value);
    if target <= baseline {
        return None;
    }
    Some(format!(
        "goal \"{}\" raises contact handled with nobody of the business ({cue}, from {baseline} to {target}) while {} promises people a person ({})",
        goal.id.value, stand.place, stand.cue
    ))
}

/// The finding for a goal that cuts the length of an appointment, a visit
/// or a session ("Length of a standard appointment, minutes", 30 to 15) in
/// a plan that promises unhurried time ("Unhurried 30-minute
/// appointments"): reported whatever the goal's `why`. A wait cut ("Days
/// from referral to first appointment") is no time with people.
fn shortens_time(goal: &Goal, stand: &Stand) -> Option<String> {
    let metric = text(&goal.metric)?;
    let tokens = tokenize(metric);
    let words = |list: &[&str]| tokens.iter().any(|t| list.contains(&&*t.word));
    let length = words(&["length", "duration", "minutes", "mins"]);
    let meeting = words(&[
        "appointment",
        "appointments",
        "visit",
        "visits",
        "session",
        "sessions",
        "consultation",
        "consultations",
    ]);
    let wait = words(&["wait", "waiting", "from", "until"]);
    let (baseline, target) = (goal.baseline.as_ref()?.value, goal.target.as_ref()?.value);
    (length && meeting && !wait && target < baseline).then(|| {
        format!(
            "goal \"{}\" cuts the time people get ({}, from {baseline} to {target}) while {} promises unhurried time ({})",
            goal.id.value,
            quote(metric, 0..metric.len()),
            stand.place,
            stand.cue
        )
    })
}

/// The finding for a goal that raises how much each customer uses
/// ("Average number of sessions per client", 14 to 22) in a plan that
/// stands for letting people go once they no longer need it: reported
/// whatever the goal's `why`, which cannot link a goal to a WHY it works
/// against. Money per customer is no use and is judged like any goal.
fn keeps_customers(goal: &Goal, stand: &Stand) -> Option<String> {
    let counted = text(&goal.metric).unwrap_or(goal.title.value.as_str());
    let tokens = tokenize(counted);
    let per = per_customer().find(&tokens).into_iter().next()?;
    let unit = per.tokens.start.checked_sub(1)?;
    let money = metric_money().find(&tokens[unit..=unit]);
    if !tokens[unit].content || !money.is_empty() {
        return None;
    }
    let (baseline, target) = (goal.baseline.as_ref()?.value, goal.target.as_ref()?.value);
    if target <= baseline {
        return None;
    }
    let used = quote(counted, tokens[unit].span.start..per.span.end);
    Some(format!(
        "goal \"{}\" raises how much each customer uses ({used}, from {baseline} to {target}) while {} aims to let people go once they no longer need the business ({})",
        goal.id.value, stand.place, stand.cue
    ))
}

/// A metric without the words of time that frame it ("per calendar year",
/// "a week"): the window it is counted over is not what it measures, and
/// shares nothing with the WHY when the HOW says "year after year".
fn without_time_frame(metric: &str) -> String {
    let tokens = tokenize(metric);
    let frames = time_frames().find(&tokens);
    let mut kept = String::with_capacity(metric.len());
    let mut from = 0;
    for frame in frames {
        kept.push_str(&metric[from..frame.span.start]);
        kept.push(' ');
        from = frame.span.end;
    }
    kept.push_str(&metric[from..]);
    kept
}

/// The first cue of `list` in `text`, quoted as written.
fn quoted_first(list: &PhraseList, text: &str) -> Option<String> {
    let first = list.matches_text(text).into_iter().next()?;
    Some(quote(text, first.span))
}

/// A revenue or cost goal whose metric is the business's own money as a
/// whole ("Pollination contract income", "shop sales", "running costs"):
/// the business goal of revenue or cost, a result of the WHY rather than a
/// step off it. Read against the plan's name and its WHAT statement, the
/// words the business uses of itself; a line of its offer ("gift-set
/// sales") is judged like any other goal.
///
/// A revenue goal that counts the people who pay for the business's own
/// offer ("Paying Larkspur Pro subscribers", with Larkspur Pro among the
/// WHAT's offerings) is the same revenue, counted by who pays it, and one
/// that counts the money of one line the WHAT sells is the same revenue,
/// counted by line. The title may name them as payers when the metric counts
/// them plainly ("Paying Plus subscribers", "active Kerbside Plus
/// subscriptions"). A cost goal that counts the business's own hours or
/// money spent on its work ("staff hours on admin") is the business goal
/// of lower costs.
fn is_own_money(plan: &Plan, goal: &Goal) -> bool {
    let kind = goal.kind.as_ref().map(|k| k.value);
    let plain = matches!(kind, Some(GoalKind::Revenue | GoalKind::Cost));
    let Some(metric) = text(&goal.metric) else {
        return false;
    };
    let what = plan.what.as_ref().and_then(|w| text(&w.statement));
    let own = format!(
        "{} {}",
        text(&plan.name).unwrap_or_default(),
        what.unwrap_or_default()
    );
    if plain && counts_own_money(metric, &own) {
        return true;
    }
    let offerings: Vec<_> = plan
        .what
        .iter()
        .flat_map(|w| items(&w.offerings))
        .map(|item| item.text.as_str())
        .collect();
    let revenue = matches!(kind, Some(GoalKind::Revenue));
    // A line the WHAT sells is read one offering at a time, so that words
    // gathered from several lines do not make up one it does not sell.
    if revenue
        && offerings
            .iter()
            .any(|line| counts_own_money(metric, &format!("{own} {line}")))
    {
        return true;
    }
    let offer = format!("{own} {}", offerings.join(" "));
    if matches!(kind, Some(GoalKind::Cost)) && counts_own_effort(metric, &offer) {
        return true;
    }
    // The title may say who pays when the metric counts them plainly:
    // "Paying Plus subscribers", measured as "active Kerbside Plus
    // subscriptions".
    // Orders of a line the WHAT sells are that line's revenue, counted by
    // the unit: "Hamper orders taken".
    revenue
        && (counts_paying_customers(metric, &offer)
            || offerings
                .iter()
                .any(|line| counts_orders(metric, &format!("{own} {line}")))
            || counts_contracts(metric, &offer)
            || counts_paying_customers(&goal.title.value, &offer) && counts_buyers(metric, &offer))
}

/// A cost goal that lowers what goes wrong for customers, counted at the
/// head of its metric with its target below its baseline: help they had to
/// ask for, returns, refunds, no-shows ("Support tickets per 100 bookings",
/// 9 to 4). Fewer of them is a cheaper business and an easier one to deal
/// with, whatever the WHY's words; "support tickets closed per agent" counts
/// the staff's pace, and is judged like any goal.
fn lowers_friction(goal: &Goal) -> bool {
    let (Some(kind), Some(metric), Some(baseline), Some(target)) =
        (&goal.kind, text(&goal.metric), &goal.baseline, &goal.target)
    else {
        return false;
    };
    let tokens = tokenize(metric);
    let opens = customer_friction()
        .find(&tokens)
        .first()
        .is_some_and(|m| m.tokens.start == 0);
    let staff_pace = tokens.iter().any(|t| {
        matches!(
            &*t.word,
            "agent" | "agents" | "handled" | "closed" | "resolved"
        )
    });
    kind.value == GoalKind::Cost && target.value < baseline.value && opens && !staff_pace
}

/// A goal that measures how customers feel or whether they stay
/// (satisfaction, renewals, recommendations) serves any WHY about the people
/// a business serves, whatever its words. Read as HUM002 reads it: a count
/// that such a word only describes ("loyalty-card sign-ups") is not one.
fn measures_the_relationship(goal: &Goal) -> bool {
    matches!(
        goal_measure(&goal.title.value, text(&goal.metric)),
        Measure::Human(_)
    )
}
