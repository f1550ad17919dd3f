//! FB001 complained-touchpoint: customers complain about a touchpoint: half or
//! more of its comments are negative, beyond noise. The rule's metadata, its documentation
//! (`planlint explain FB001`) and its check.

use super::{holds, p_text, percent, quotes, share_figure};
use crate::diagnostic::{Severity, Subject};
use crate::feedback::link::{link, touchpoint_names};
use crate::feedback::stats;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "FB001",
    name: "complained-touchpoint",
    family: Family::Fb,
    severity: Severity::Warning,
    summary: "customers complain about a touchpoint: half or more of its comments are negative, beyond noise",
    help: "read the comments, fix what they point at, and tell those customers what changed",
    docs: r#"## What it does
Links feedback rows to touchpoints (the feedback's touchpoint column matches a
touchpoint's id or name, ignoring case and punctuation), scores every comment,
and reports a touchpoint with at least 5 linked comments (the setting
`feedback-min-comments`) of which 50% or more are negative (the setting
`feedback-negative-share`) when the evidence holds:

- the lower end of the share's interval (Wilson's, at the level each
  touchpoint is tested at: 95% for one, wider for several, as below) is at
  the threshold or above, or
- its comments are more often negative than the rest of the file's, beyond
  noise (a two-proportion z test at the setting `feedback-significance`,
  5%, shared by all the touchpoints tested: each is tested at 5% divided by
  their number).

The message gives the counts, the share with its interval, and the most
negative comments.

## What it does not report
A share that may be noise: 3 negative comments of 5 (60%, 95% CI 23%..88%)
is not reported unless the rest of the file is far happier. `planlint
feedback` still shows every touchpoint's share and interval.

## Why it matters
The plan says what a touchpoint is for; the feedback says how it lands. A
touchpoint that most people who mention it complain about is hurting the
relationship it was meant to build, whatever its click-through rate says.
Listening means letting that change the plan.

## Example
A `cart-sms` touchpoint with 12 linked comments, 10 of them like "Stop texting
me about my basket" and "Third SMS today, I already bought it elsewhere":
83%, 95% CI 55%..95%.

## How to fix
Read the quoted comments and change the touchpoint: its timing, frequency,
channel or message. Then ask (YOU002) whether the change helped.

## Settings
In `[settings]` of planlint.toml:
- `feedback-min-comments` (default 5): the linked comments a touchpoint needs
  before it is judged (shared with FB004);
- `feedback-negative-share` (default 0.5): the share of negative comments from
  which it is reported;
- `feedback-significance` (default 0.05): the chance of noise below which a
  difference from the rest of the file counts (shared with FB004, FB008 and
  FB009)."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let Some(feedback) = cx.feedback else { return };
    let plan = cx.plan;
    let (min, share) = (
        cx.settings.feedback_min_comments,
        cx.settings.feedback_negative_share,
    );
    let all = &feedback.aggregates.polarity;
    let linked = link(&feedback.aggregates.by_touchpoint, &touchpoint_names(plan));
    let judged: Vec<_> = linked
        .items
        .into_iter()
        .filter(|(_, group)| group.comments() >= min)
        .collect();
    let tests = judged.len();
    for (index, group) in judged {
        let (negative, comments) = (group.polarity.negative, group.comments());
        if group.negative_share() < share {
            continue;
        }
        // The interval at the level each touchpoint is tested at.
        let z = stats::z_for(cx.settings.feedback_significance / tests.max(1) as f64);
        let sure = stats::wilson_at(negative, comments, z).is_some_and(|i| i.low >= share);
        let (rest_negative, rest) = (
            all.negative.saturating_sub(negative),
            all.total().saturating_sub(comments),
        );
        let more = stats::compare_shares(negative, comments, rest_negative, rest);
        if !sure && !holds(more, cx.settings.feedback_significance, tests, 1.0) {
            continue;
        }
        let against = match (sure, more) {
            (false, Some(d)) => format!(
                "; the rest of the file: {} ({})",
                percent(rest_negative as f64 / rest.max(1) as f64),
                p_text(d.p)
            ),
            _ => String::new(),
        };
        let touchpoint = &plan.touchpoints[index];
        let examples = quotes(group.negative_examples.texts(), 2);
        cx.report(
            &RULE,
            Subject::Touchpoint(touchpoint.id.value.clone()),
            touchpoint.header.clone(),
            format!(
                "touchpoint \"{}\" draws complaints: {negative} of {comments} comments are negative ({}){against}: {examples}",
                touchpoint.id.value,
                share_figure(negative, comments),
            ),
        );
    }
}
