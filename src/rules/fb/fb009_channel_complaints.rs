//! FB009 channel-complaints: a channel the plan uses draws more negative
//! comments than the others, beyond noise. The rule's metadata, its
//! documentation (`planlint explain FB009`) and its check.

use super::{holds, p_text, percent, quotes, share_figure};
use crate::diagnostic::{Severity, Subject};
use crate::feedback::link::channel_users;
use crate::feedback::stats;
use crate::rules::{Context, Family, Phase, Rule};

/// The smallest gap reported between the channel's negative share and the
/// others': on a large file a gap of a point or two can be beyond noise and
/// still not be worth a board's time.
const MIN_GAP: f64 = 0.10;

pub static RULE: Rule = Rule {
    code: "FB009",
    name: "channel-complaints",
    family: Family::Fb,
    severity: Severity::Warning,
    summary: "a channel the plan uses draws more negative comments than the others, beyond noise",
    help: "read what customers say about this channel and change how it is used: frequency, tone, or whether it is the right one",
    docs: r#"## What it does
With a channel column, compares the share of negative comments of each
channel the plan uses with that of all the other comments. The plan uses a
channel when a touchpoint's `channel` names it, ignoring case and
punctuation, alone or among other words: "phone" is used by "phone, with a
text if we can't reach you", "in store" by "in store, booked online". It
reports a channel with at least 5 comments (the setting
`feedback-min-comments`) whose share is at least 10 points higher, beyond
noise: a two-proportion z test at the setting `feedback-significance` (5%),
shared by all the channels tested (each is tested at 5% divided by their
number).

It is a rule of its own, not part of FB001: FB001 judges one touchpoint by
the comments that name it, FB009 judges a medium across the touchpoints
that use it, and against the other media. A channel can be the problem when
no single touchpoint is (every email a little too pushy), and the fix is
different (the medium, not the message).

## What it does not report
A channel the plan does not use, a gap of less than 10 points however many
comments show it, and a gap that may be noise.

## Why it matters
Customers judge the relationship by how they are reached. A channel that
draws complaints wherever the plan uses it tells the strategist to change
the medium, or how often it is used, before the touchpoints on it can work.

## Example
Channel `sms` (touchpoints `cart-sms`, `flash-sale`): 46% of 240 comments
negative (95% CI 40%..52%), against 18% of the other 1,900.

## How to fix
Read the comments of that channel (`planlint feedback FILE --plan PLAN`),
then use it less often, for other messages, or not at all; move what matters
to the channels customers welcome.

## Settings
In `[settings]` of planlint.toml:
- `feedback-min-comments` (default 5): the comments a channel needs before
  it is judged;
- `feedback-significance` (default 0.05): the chance of noise below which
  a gap counts (shared with FB001, FB004 and FB008)."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let Some(feedback) = cx.feedback else { return };
    let plan = cx.plan;
    let a = &feedback.aggregates;
    let all = &a.polarity;
    // A channel the plan uses, with its touchpoints.
    let judged: Vec<_> = a
        .by_channel
        .iter()
        .map(|(_, group)| (channel_users(plan, &group.display), group))
        .filter(|(users, g)| !users.is_empty() && g.comments() >= cx.settings.feedback_min_comments)
        .collect();
    let tests = judged.len();
    for (users, group) in judged {
        let (negative, comments) = (group.polarity.negative, group.comments());
        let (rest_negative, rest) = (
            all.negative.saturating_sub(negative),
            all.total().saturating_sub(comments),
        );
        let gap = stats::compare_shares(negative, comments, rest_negative, rest);
        if !gap.is_some_and(|d| d.difference >= MIN_GAP)
            || !holds(gap, cx.settings.feedback_significance, tests, 1.0)
        {
            continue;
        }
        let channel = &group.display;
        let Some(first) = users.first() else { continue };
        let ids: Vec<String> = users
            .iter()
            .map(|t| format!("\"{}\"", t.id.value))
            .collect();
        cx.report(
            &RULE,
            Subject::Touchpoint(first.id.value.clone()),
            first.header.clone(),
            format!(
                "channel \"{channel}\" (touchpoints {}) draws complaints: {negative} of {comments} comments are negative ({}), against {} of the other {rest} ({}): {}",
                ids.join(", "),
                share_figure(negative, comments),
                percent(rest_negative as f64 / rest.max(1) as f64),
                gap.map_or_else(String::new, |d| p_text(d.p)),
                quotes(group.negative_examples.texts(), 2)
            ),
        );
    }
}
