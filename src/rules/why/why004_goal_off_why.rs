//! WHY004 goal-off-why: a goal shares no concept with the WHY or the HOW and
//! says nothing of how it serves them. The rule's metadata, its documentation
//! (`planlint explain WHY004`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::{items, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::concepts;

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
content word (after stemming: "riders" and "riding" count as "ride") or a word
of the same synonym group ("calm", "relaxed", "unhurried"). Common words and
words that every plan uses ("customer", "new", "year") do not count. A goal
that shares nothing and has no `why` of its own is reported. The rule is silent
while the plan has no WHY (WHY001 reports that).

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
    let how = plan.how.as_ref();
    let purpose: Vec<&str> = std::iter::once(why)
        .chain(how.and_then(|h| text(&h.statement)))
        .chain(
            how.into_iter()
                .flat_map(|h| items(&h.differentiators))
                .map(|i| i.text.as_str()),
        )
        .collect();
    for goal in &plan.goals {
        if text(&goal.why).is_some() {
            continue;
        }
        let own = format!(
            "{} {}",
            goal.title.value,
            text(&goal.metric).unwrap_or_default()
        );
        if concepts()
            .shared_with(&own, purpose.iter().copied())
            .is_empty()
        {
            cx.report(
                &RULE,
                Subject::Goal(goal.id.value.clone()),
                goal.header.clone(),
                format!(
                    "goal \"{}\" shares no concept with the WHY or the HOW, and has no `why` linking it to them",
                    goal.id.value
                ),
            );
        }
    }
}
