//! WHY004 goal-off-why: a goal shares no concept with the WHY or the HOW and
//! says nothing of how it serves them. The rule's metadata, its documentation
//! (`planlint explain WHY004`) and its check.

use super::align::Closest;
use crate::diagnostic::{Severity, Subject};
use crate::plan::{Goal, items, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::{Measure, goal_measure};

pub static RULE: Rule = Rule {
    code: "WHY004",
    name: "goal-off-why",
    family: Family::Why,
    severity: Severity::Warning,
    summary: "a goal shares no concept with the WHY or the HOW and says nothing of how it serves them",
    help: "add `why = \"...\"` to the goal to say how it serves the WHY, or reconsider the goal",
    docs: r#"## What it does
Compares each goal's `title` and `metric` with the WHY statement and the HOW
(statement and differentiators). Two texts share a concept when they share a
word after stemming ("riders" and "riding" count as "ride") or a word of the
same synonym group ("calm", "relaxed", "unhurried"); function words ("the",
"with") never count. Words nearly every plan uses ("customer", "plan", "day")
count by how many of this plan's items (the WHY, HOW, WHAT, each goal,
persona and touchpoint) use them: fully when two items do, hardly at all when
nearly every item does. A goal whose shared concepts weigh less than one such
word used by about a quarter of the items, and that has no `why` of its own,
is reported, with the closest word it found.

Not reported:
- a goal with a `why`: the link is stated, and a reader can judge it;
- a goal that measures the relationship itself (satisfaction, NPS, renewals,
  retention, recommendations, people coming back), read as HUM002 reads it:
  it serves any WHY about the people a business serves, whatever its words
  (a count that such a word only describes, like "loyalty-card sign-ups",
  is judged like any other goal);
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
    for goal in &plan.goals {
        if text(&goal.why).is_some() || measures_the_relationship(goal) {
            continue;
        }
        let own = [
            goal.title.value.as_str(),
            text(&goal.metric).unwrap_or_default(),
        ];
        let Err(closest) = alignment.judge(&own, &places) else {
            continue;
        };
        cx.report(
            &RULE,
            Subject::Goal(goal.id.value.clone()),
            goal.header.clone(),
            format!(
                "goal \"{}\" shares no concept with the WHY or the HOW, and has no `why` linking it to them: {}",
                goal.id.value,
                Closest::describe(closest.as_ref(), "of its title or metric")
            ),
        );
    }
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
