//! GOAL007 mislabelled-goal: a goal of kind satisfaction whose metric counts
//! money, an audience, sales or what the business sends out. The rule's metadata, its documentation (`planlint explain GOAL007`)
//! and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::{Goal, GoalKind, text};
use crate::rules::why::why004_goal_off_why::vanity;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::metric_audiences;
use crate::text::{
    HEAD_ENDS, Measure, PROPORTIONS, Token, counts_money, goal_measure, is_negator, quote, tokenize,
};

pub static RULE: Rule = Rule {
    code: "GOAL007",
    name: "mislabelled-goal",
    family: Family::Goal,
    severity: Severity::Warning,
    summary: "a satisfaction goal measures money, an audience, sales or what the business sends out",
    help: "set `kind = \"revenue\"` (`\"cost\"` for money the business spends), and measure satisfaction with what customers say or do: a survey score, NPS, repeat visits",
    docs: r#"## What it does
Reports a goal of kind `satisfaction` whose `metric` counts money: an
amount, a value, revenue, sales, income, spend, turnover, a margin or a
profit ("Average order value", "Online revenue from repeat customers",
"Spend per visit", "Sales of the loyalty bundle"), or whose unit is a
currency ("Typical basket, £", "in pounds", "(GBP)"). The finding quotes
the words that say so.

It also reports a satisfaction goal whose metric counts an audience:
followers, fans, likes, impressions, pageviews, downloads or installs
("Instagram followers of the Lift Together account", "Total app
downloads"). An audience counts who sees the business,
many of whom never used it, and rises with a good post as easily as with
a let-down; it says nothing of how customers feel. "Reach" and "views"
are not read ("families who say their views were heard"). A goal whose
`why` gives how the business looks as the reason ("raises our profile") is
left to WHY004, which reports the following as no link to the WHY: one
cause, one finding.

And it reports a satisfaction goal whose metric counts what the business
sold, or what customers bought from it ("Premium add-ons sold as a share
of fittings", "upsells per visit", "Postage labels bought through the app
per month"; what is bought again or for others, "Second tickets bought
within 60 days", is coming back or recommending), or the paid plans it
sold ("number of paid Family Pro subscriptions"; not "paying members who
renew", which reads whether they stay):
selling more to a customer is revenue, not a sign that they are pleased.
Only the metric's head is read: "Complaints per 1,000 boxes sold" counts
complaints, "% of pairs sold returned or refitted" counts returns, and
"Customers who say they were never sold to" counts what customers say.

And it reports a satisfaction goal whose metric counts what the business
sends out: a word of marketing's output (emails, newsletters, posts,
leaflets, ads, campaigns) with a word of sending right after it in the
metric's head, and nothing after them but a rate or a time ("Promotional
emails sent per month", "Number of social posts published each week").
How much a business sends says nothing of how its customers feel, and
more of it may well please them less. "Unsubscribes per 1,000 emails
sent" counts unsubscribes, "Email replies sent within one working day"
counts replies, and "Leaflets posted through the wrong door" counts
mistakes.

The metric is read as a phrase, for what it counts, as HUM002 reads it:
its head, up to the first preposition or relative clause, and the last
noun of that ("value" in "Average order value"); after a share, a number
or a percentage "of", what follows ("Share of revenue from members"
counts revenue).

What it does not report, and why:
- Money that goes to the customers: "Extra yearly income secured for
  carers' households through benefit checks", "money saved for members".
  Money handed to the people a plan serves is how well it serves them;
  "income secured for the charity" stays the business's.
- Money mentioned in passing. "Share of customers who say our prices are
  fair" counts customers, "Complaints about billing per 1,000 orders"
  counts complaints, "Customers refunded within 5 days, %" counts
  customers, "Patients who say the cost was explained up front" counts
  what patients say, and "Members who renew their £40 membership, %"
  counts renewals: "£40" next to a number is an amount the metric names,
  not its unit. These are what customers say or do, and can rise only
  when customers are better served.
- A measure of how customers feel or whether they stay that happens to
  be in money ("Customer lifetime value, £"), and a judgement customers
  make about money ("Value for money rating", "Perceived value score").
- Goals of kind `revenue` or `cost`, whatever they measure: a renewal rate
  filed under revenue is a defensible choice, and money under revenue or
  cost is what those kinds are for.
- A goal without a metric: GOAL001 asks for one first. The `title` is not
  read: "Make customers happier" over "Average order value, £" is the very
  case this rule is for.

When every satisfaction goal of a plan counts money, GOAL004 (no goal is
about satisfaction) stays silent: the plan does have a goal of kind
`satisfaction`, and the one cause, a money measure under a satisfaction
label, gets one finding, this one, which says that no other satisfaction
goal is left. Its help asks for both halves of the fix: the right kind
for the money goal, and a measure of satisfaction. HUM002 reads every
goal whatever its kind, and reports as it always does when no goal
measures how customers feel or whether they stay.

## Why it matters
A plan serves three business goals: customers who are more satisfied,
costs that go down, revenue that goes up. Satisfaction is the one that
money cannot stand in for: customers can spend more while they like the
business less (a price rise, a bigger minimum order, nowhere else to go),
and they leave when a rival gives them a reason. A money measure under a
satisfaction label makes the plan look balanced when nobody will ever
hear how customers feel, and the board reads a sales target as proof that
customers are happy.

## Example
```toml
[[goal]]
id = "happy-regulars"
title = "Regulars enjoy their visits more"
kind = "satisfaction"
metric = "Average spend per visit, £"
target = 18
due = 2027-12-31
```

## How to fix
Keep the money goal under its true kind, and measure satisfaction with
what customers say or do:
```toml
[[goal]]
id = "spend-per-visit"
title = "Regulars try more of the menu"
kind = "revenue"
metric = "Average spend per visit, £"
target = 18
due = 2027-12-31

[[goal]]
id = "happy-regulars"
title = "Regulars enjoy their visits more"
kind = "satisfaction"
metric = "Regulars scoring their last visit 5 out of 5 on the table card, %"
target = 70
due = 2027-12-31
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let satisfaction: Vec<(&Goal, Vec<String>)> = cx
        .plan
        .goals
        .iter()
        .filter(|g| g.kind.as_ref().map(|k| k.value) == Some(GoalKind::Satisfaction))
        .map(|g| {
            let metric = text(&g.metric).filter(|m| !for_the_customers(m));
            (g, metric.map(counts).unwrap_or_default())
        })
        .map(|(g, found)| {
            (
                g,
                if left_to_why004(g, &found) {
                    Vec::new()
                } else {
                    found
                },
            )
        })
        .collect();
    let mislabelled = satisfaction.iter().filter(|(_, money)| !money.is_empty());
    let none_left = satisfaction.iter().all(|(_, money)| !money.is_empty());
    for (goal, money) in mislabelled {
        let rest = match (none_left, satisfaction.len()) {
            (false, _) => "",
            (true, 1) => "; it is the plan's only satisfaction goal",
            (true, _) => {
                "; the plan's other satisfaction goals count money, an audience, sales or what the business sends out too"
            }
        };
        cx.report(
            &RULE,
            Subject::Goal(goal.id.value.clone()),
            goal.header.clone(),
            format!(
                "goal \"{}\" is of kind satisfaction but its metric counts {}: {}{rest}",
                goal.id.value,
                kinds(money),
                money.join(", ")
            ),
        );
    }
}

/// Verbs that hand money to someone: "secured for carers' households",
/// "saved for members".
const HANDED: &[&str] = &[
    "secured",
    "saved",
    "claimed",
    "recovered",
    "won",
    "returned",
    "refunded",
];

/// Whether the money a metric counts goes to the customers, not the
/// business: a verb that hands it over, then "for" or "to" and, within
/// three words, people in the plural, a plural possessive or "them"
/// ("Extra yearly income secured for carers' households", "money saved for
/// members"). "Income secured for the charity" stays the business's.
fn for_the_customers(metric: &str) -> bool {
    let tokens = tokenize(metric);
    tokens.windows(2).enumerate().any(|(i, pair)| {
        HANDED.contains(&&*pair[0].word)
            && matches!(&*pair[1].word, "for" | "to")
            && tokens[i + 2..].iter().take(3).any(|t| {
                matches!(&*t.word, "them" | "their")
                    || (t.word.ends_with('s') && t.word.len() > 3 && t.content)
            })
    })
}

/// What a satisfaction goal's metric counts that is no satisfaction, quoted:
/// money ([`counts_money`]), or an audience ("Instagram followers of the
/// account"), which counts who sees the business, not how customers feel.
pub(crate) fn counts(metric: &str) -> Vec<String> {
    let mut found = counts_money(metric);
    found.extend(
        tokenize(metric)
            .into_iter()
            .filter(|t| metric_audiences().contains(&t.word))
            .map(|t| quote(metric, t.span)),
    );
    found.extend(counts_sold(metric));
    found.extend(counts_paid_plans(metric));
    found.extend(counts_sent(metric));
    found
}

/// What the business sends out, quoted: a word of marketing's output
/// (emails, newsletters, posts, leaflets, ads) and a word of sending after
/// it, in the metric's head ("Promotional emails sent per month", "Social
/// posts published"). How much a business sends says nothing of how its
/// customers feel. Only the head is read: "Unsubscribes per 1,000 emails
/// sent" counts unsubscribes, and "Replies sent within a day" are no
/// marketing output.
fn counts_sent(metric: &str) -> Option<String> {
    let tokens = tokenize(metric);
    let range = metric_head(&tokens, 0);
    let head = &tokens[range.clone()];
    if head.iter().any(|t| is_negator(&t.word)) {
        return None;
    }
    // The output right before the sending: "Promotional emails sent" (not
    // "Email replies sent").
    let at = head
        .windows(2)
        .position(|w| OUTPUT.contains(&&*w[0].word) && SENT.contains(&&*w[1].word))?;
    // What follows only frames the count, by a rate or a time ("per
    // month", "each week"): "Leaflets posted through the wrong door"
    // counts mistakes.
    let next = tokens.get(range.start + at + 2);
    if next.is_some_and(|t| !FRAMES.contains(&&*t.word)) {
        return None;
    }
    Some(quote(metric, head[at].span.start..head[at + 1].span.end))
}

/// Words that open what only frames a count: "per month", "each week", "in
/// 2027".
const FRAMES: &[&str] = &[
    "per", "each", "every", "a", "an", "in", "this", "by", "over", "across", "during",
];

/// Where what a metric counts starts: after a share, a number or a
/// percentage "of" ("Number of promotional emails sent", "Share of
/// add-ons sold").
fn head_start(tokens: &[Token]) -> usize {
    match tokens.get(1) {
        Some(of) if &*of.word == "of" && PROPORTIONS.contains(&&*tokens[0].word) => 2,
        _ => 0,
    }
}

/// The head of a metric (from [`head_start`]): up to the end of its
/// clause, a preposition or relative pronoun, or "per", "as" or "than",
/// read past the first `skip` words ("packs of" in "packs of NRT sold").
fn metric_head(tokens: &[Token], skip: usize) -> std::ops::Range<usize> {
    let start = head_start(tokens);
    let clause = tokens.get(start).map(|t| t.clause);
    let end = (start + skip..tokens.len())
        .find(|&i| {
            let t = &tokens[i];
            Some(t.clause) != clause
                || HEAD_ENDS.contains(&&*t.word)
                || matches!(&*t.word, "per" | "as" | "than")
        })
        .unwrap_or(tokens.len());
    start..end
}

/// What marketing sends out.
const OUTPUT: &[&str] = &[
    "email",
    "emails",
    "newsletter",
    "newsletters",
    "mailing",
    "mailings",
    "mailshot",
    "mailshots",
    "posts",
    "leaflet",
    "leaflets",
    "flyer",
    "flyers",
    "ad",
    "ads",
    "advert",
    "adverts",
    "campaign",
    "campaigns",
];

/// Words of sending out.
const SENT: &[&str] = &[
    "sent",
    "published",
    "posted",
    "distributed",
    "run",
    "issued",
];

/// Paid plans counted, quoted: "paid" or "paying" with subscriptions,
/// subscribers, memberships or members at most three words on ("number of
/// paid Family Pro subscriptions"), sales of a plan rather than how its
/// holders feel. Not when the metric reads how people feel or whether they
/// stay ("paying members who renew").
fn counts_paid_plans(metric: &str) -> Option<String> {
    let tokens = tokenize(metric);
    if !crate::text::lexicons::human_metrics()
        .find_all(&tokens)
        .is_empty()
    {
        return None;
    }
    tokens.iter().enumerate().find_map(|(i, t)| {
        if !matches!(&*t.word, "paid" | "paying") {
            return None;
        }
        let clause = t.clause;
        tokens[i + 1..]
            .iter()
            .take(4)
            .take_while(|n| n.clause == clause)
            .find(|n| {
                matches!(
                    &*n.word,
                    "subscriptions" | "subscribers" | "memberships" | "members" | "plans"
                )
            })
            .map(|n| quote(metric, t.span.start..n.span.end))
    })
}

/// Words that make a metric count what the business sold: "Premium add-ons
/// sold as a share of fittings", "upsells per visit", "Postage labels
/// bought through the app".
const SOLD: &[&str] = &[
    "sold",
    "bought",
    "purchased",
    "upsell",
    "upsells",
    "upsold",
    "upselling",
];

/// The word that makes a metric count what the business sold, quoted: one
/// of [`SOLD`] before any relative pronoun, clause break, negation or
/// "nothing", and not followed by what happened to what was sold ("pairs
/// sold returned or refitted").
/// "Customers who say they were never sold to" counts what customers say.
/// Units what is sold is counted in: "packs of NRT sold".
const UNITS: &[&str] = &[
    "pack", "packs", "box", "boxes", "bottle", "bottles", "bag", "bags", "set", "sets", "pair",
    "pairs", "tin", "tins", "kit", "kits", "unit", "units", "tub", "tubs", "jar", "jars",
];

/// Words that make what customers bought a sign that they come back or
/// recommend: "Second tickets bought", "Gift vouchers bought for friends".
const RETURNS: &[&str] = &[
    "second",
    "repeat",
    "again",
    "returning",
    "gift",
    "gifts",
    "friends",
];

fn counts_sold(metric: &str) -> Option<String> {
    if matches!(goal_measure("", Some(metric)), Measure::Human(_)) {
        return None;
    }
    let tokens = tokenize(metric);
    // After a share "of", what follows is what is counted: "Share of
    // add-ons sold".
    let start = head_start(&tokens);
    let first = tokens.get(start)?;
    // A unit of what is sold carries its "of": "packs of NRT sold per
    // month", "boxes of eggs sold".
    let unit_of =
        UNITS.contains(&&*first.word) && tokens.get(start + 1).is_some_and(|t| &*t.word == "of");
    let head = &tokens[metric_head(&tokens, if unit_of { 2 } else { 0 })];
    if head
        .iter()
        .any(|t| is_negator(&t.word) || matches!(&*t.word, "nothing" | "none"))
    {
        return None;
    }
    let at = head.iter().position(|t| SOLD.contains(&&*t.word))?;
    // "pairs sold returned or refitted" counts what happened to what was
    // sold, and "sold-out complaints" counts complaints.
    let then = head.get(at + 1).map(|t| &*t.word);
    if then.is_some_and(|w| w.ends_with("ed") || matches!(w, "and" | "or" | "out")) {
        return None;
    }
    // What customers buy again, or buy for others, is whether they come
    // back or recommend: "Second tickets bought within 60 days", "Gift
    // vouchers bought by members for friends".
    let bought = matches!(&*head[at].word, "bought" | "purchased");
    if bought && tokens.iter().any(|t| RETURNS.contains(&&*t.word)) {
        return None;
    }
    Some(quote(metric, head[at].span.clone()))
}

/// What the quoted words of a metric count, named: "money", "an audience",
/// "what the business sells", or those joined ("an audience and what the
/// business sells").
fn kinds(quotes: &[String]) -> String {
    let (mut audience, mut sold, mut money, mut sent) = (false, false, false, false);
    for q in quotes {
        if is_audience(q) {
            audience = true;
        } else if is_sent(q) {
            sent = true;
        } else if is_sold(q) {
            sold = true;
        } else {
            money = true;
        }
    }
    let named: Vec<&str> = [
        (money, "money"),
        (audience, "an audience"),
        (sold, "what the business sells"),
        (sent, "what the business sends out"),
    ]
    .into_iter()
    .filter_map(|(is, name)| is.then_some(name))
    .collect();
    named.join(" and ")
}

/// Whether a quote is of marketing's output sent ("Promotional emails
/// sent" quotes "emails sent").
fn is_sent(quoted: &str) -> bool {
    let quoted = quoted.trim_matches('"').to_lowercase();
    quoted
        .split_whitespace()
        .next_back()
        .is_some_and(|w| SENT.contains(&w))
        && quoted
            .split_whitespace()
            .next()
            .is_some_and(|w| OUTPUT.contains(&w))
}

/// Whether a quote is of a word of selling, or of paid plans counted
/// ("paid Family Pro subscriptions").
fn is_sold(quoted: &str) -> bool {
    let quoted = quoted.trim_matches('"').to_lowercase();
    SOLD.contains(&quoted.as_str()) || quoted.starts_with("paid ") || quoted.starts_with("paying ")
}

/// Whether WHY004 reports the goal for the same cause: it counts only an
/// audience, and its `why` gives how the business looks as the reason
/// ("raises our profile"). One cause, one finding.
fn left_to_why004(goal: &Goal, found: &[String]) -> bool {
    !found.is_empty()
        && found.iter().all(|q| is_audience(q))
        && text(&goal.why).is_some_and(|why| vanity(goal, why).is_some())
}

/// Whether a quote is of an audience word.
fn is_audience(quoted: &str) -> bool {
    metric_audiences().contains(&quoted.trim_matches('"').to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::counts_sold;

    #[test]
    fn what_the_business_sends_out_is_no_satisfaction() {
        assert_eq!(
            super::counts_sent("Promotional emails sent per month").as_deref(),
            Some("\"emails sent\"")
        );
        assert!(super::counts_sent("Social posts published each week").is_some());
        assert!(super::counts_sent("Unsubscribes per 1,000 emails sent").is_none());
        assert!(super::counts_sent("Replies sent within a day, %").is_none());
        assert!(super::counts_sent("Customers who say our emails are worth opening").is_none());
        assert!(super::counts_sent("Number of promotional emails sent per month").is_some());
        assert!(super::counts_sent("Count of social posts published each week").is_some());
        for metric in [
            "Email replies sent within one working day, %",
            "Post delivered on the day promised, %",
            "Leaflets posted through the wrong door per 1,000",
        ] {
            assert!(super::counts_sent(metric).is_none(), "{metric}");
        }
        assert!(super::kinds(&["\"emails sent\"".to_owned()]) == "what the business sends out");
    }

    #[test]
    fn paid_plans_counted_are_sales() {
        assert!(super::counts_paid_plans("number of paid Family Pro subscriptions").is_some());
        assert!(super::counts_paid_plans("% of paying members who renew after a year").is_none());
        assert!(super::counts_paid_plans("Members who say the plan was worth it").is_none());
    }

    #[test]
    fn money_handed_to_the_customers_is_theirs() {
        assert!(super::for_the_customers(
            "Extra yearly income secured for carers' households through benefits checks (£)"
        ));
        assert!(super::for_the_customers(
            "Money saved for members on their energy bills, £"
        ));
        assert!(!super::for_the_customers(
            "Income secured for the charity, £"
        ));
        assert!(!super::for_the_customers(
            "Revenue from repeat customers, £"
        ));
    }

    #[test]
    fn bought_again_or_for_others_is_coming_back() {
        assert!(super::counts_sold("Postage labels bought through the app per month").is_some());
        for metric in [
            "Second tickets bought within 60 days of a first visit, %",
            "Gift vouchers bought by members for friends, per month",
            "Tickets purchased by returning audience members, % of all tickets",
        ] {
            assert!(super::counts_sold(metric).is_none(), "{metric}");
        }
    }

    #[test]
    fn what_the_business_sold_is_read_before_any_relative_or_negation() {
        assert_eq!(
            counts_sold("Premium add-ons sold as a share of fittings (%)").as_deref(),
            Some("\"sold\"")
        );
        assert!(counts_sold("Upsells per visit").is_some());
        assert!(counts_sold("Share of fittings with an add-on sold").is_none());
        assert!(counts_sold("Share of add-ons sold at the first fitting").is_some());
        for metric in [
            "Customers who say they were never sold to, %",
            "Share of visits with nothing sold that was not asked for",
            "Rating of the fitting, out of 5; add-ons sold are tracked elsewhere",
            "% of pairs sold returned or refitted for fit within 60 days",
            "Complaints per 1,000 veg boxes sold",
            "Returns per 100 items sold",
            "Refunds as a share of boxes sold",
            "% of customers happy with the box they were sold",
            "Sold-out complaints per month",
            "Satisfaction with the upsell conversation, 1-5",
        ] {
            assert_eq!(counts_sold(metric), None, "{metric}");
        }
    }
}
