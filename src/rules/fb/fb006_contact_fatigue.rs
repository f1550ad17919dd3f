//! FB006 contact-fatigue: customers complain that a touchpoint contacts them
//! too often. The rule's metadata, its documentation (`planlint explain FB006`)
//! and its check.

use super::quotes;
use crate::diagnostic::{Severity, Subject};
use crate::feedback::link::{link, touchpoint_names};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "FB006",
    name: "contact-fatigue",
    family: Family::Fb,
    severity: Severity::Warning,
    summary: "customers complain that a touchpoint contacts them too often",
    help: "contact less often, let people choose the frequency, and make unsubscribing easy",
    docs: r#"## What it does
Reports a touchpoint with at least 3 linked comments (the setting
`feedback-min-fatigue`) that complain about how often they are contacted: "too many emails", "stop sending", "unsubscribe",
"spam", or a frequency ("every day", "twice a day") next to a kind of contact
(email, text, call, notification). Negated complaints ("no spam at all") do not
count. The message quotes some of the comments.

## Why it matters
Interruption has to earn its place. When people say out loud that a contact
comes too often, many more have already stopped reading it, and the channel is
wearing out for everything else the business wants to say.

## Example
`weekly-deals` email, with comments "Every day another email", "Please
unsubscribe me" and "This is spam now".

## How to fix
Lower `per_week` (and the real sending frequency), offer a digest or a
preference centre, and check TX005 for the persona's total.

## Settings
- `feedback-min-fatigue` (default 3): the comments about contact frequency from
  which a touchpoint is reported, in `[settings]` of planlint.toml."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let Some(feedback) = cx.feedback else { return };
    let plan = cx.plan;
    for (index, group) in link(&feedback.aggregates.by_touchpoint, &touchpoint_names(plan)).items {
        if group.fatigue < cx.settings.feedback_min_fatigue {
            continue;
        }
        let touchpoint = &plan.touchpoints[index];
        cx.report(
            &RULE,
            Subject::Touchpoint(touchpoint.id.value.clone()),
            touchpoint.header.clone(),
            format!(
                "{} comments say touchpoint \"{}\" contacts them too often: {}",
                group.fatigue,
                touchpoint.id.value,
                quotes(group.fatigue_examples.texts(), 2)
            ),
        );
    }
}
