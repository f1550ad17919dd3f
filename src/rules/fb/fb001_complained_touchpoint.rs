//! FB001 complained-touchpoint: customers complain about a touchpoint: half or
//! more of its comments are negative. The rule's metadata, its documentation
//! (`planlint explain FB001`) and its check.

use super::{percent, quotes};
use crate::diagnostic::{Severity, Subject};
use crate::feedback::link::{link, touchpoint_names};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "FB001",
    name: "complained-touchpoint",
    family: Family::Fb,
    severity: Severity::Warning,
    summary: "customers complain about a touchpoint: half or more of its comments are negative",
    help: "read the comments, fix what they point at, and tell those customers what changed",
    docs: r#"## What it does
Links feedback rows to touchpoints (the feedback's touchpoint column matches a
touchpoint's id or name, ignoring case and punctuation), scores every comment,
and reports a touchpoint with at least 5 linked comments (the setting
`feedback-min-comments`) of which 50% or more are negative (the setting
`feedback-negative-share`). The message gives the counts and the most negative
comments.

## Why it matters
The plan says what a touchpoint is for; the feedback says how it lands. A
touchpoint that most people who mention it complain about is hurting the
relationship it was meant to build, whatever its click-through rate says.
Listening means letting that change the plan.

## Example
A `cart-sms` touchpoint with 12 linked comments, 9 of them like "Stop texting
me about my basket" and "Third SMS today, I already bought it elsewhere".

## How to fix
Read the quoted comments and change the touchpoint: its timing, frequency,
channel or message. Then ask (YOU002) whether the change helped.

## Settings
In `[settings]` of planlint.toml:
- `feedback-min-comments` (default 5): the linked comments a touchpoint needs
  before it is judged (shared with FB004);
- `feedback-negative-share` (default 0.5): the share of negative comments from
  which it is reported."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let Some(feedback) = cx.feedback else { return };
    let plan = cx.plan;
    let (min, share) = (
        cx.settings.feedback_min_comments,
        cx.settings.feedback_negative_share,
    );
    let linked = link(&feedback.aggregates.by_touchpoint, &touchpoint_names(plan));
    for (index, group) in linked.items {
        let comments = group.comments();
        if comments < min || group.negative_share() < share {
            continue;
        }
        let touchpoint = &plan.touchpoints[index];
        let examples = quotes(group.negative_examples.texts(), 2);
        cx.report(
            &RULE,
            Subject::Touchpoint(touchpoint.id.value.clone()),
            touchpoint.header.clone(),
            format!(
                "touchpoint \"{}\" draws complaints: {} of {comments} comments are negative ({}): {examples}",
                touchpoint.id.value,
                group.polarity.negative,
                percent(group.negative_share())
            ),
        );
    }
}
