//! What a goal measures, read as a phrase: how customers feel or whether
//! they stay (NPS, satisfaction, retention, coming back, complaints), or a
//! count that such a word only describes ("loyalty-card sign-ups" counts
//! sign-ups, "referral link clicks" counts clicks). HUM002 and GOAL004 share
//! this one reading. Also whether a metric is the business's own money as a
//! whole ("contract income", "shop sales"), which WHY004 reads as the
//! business goal of revenue or cost, and whether what a metric counts is
//! money at all ("Average order value, £"), which GOAL007 holds against a
//! goal of kind satisfaction. WHY004 also reads whether a cost metric counts
//! the business's own time or money spent on its work ("staff hours on
//! admin") as the business goal of lower costs.

use std::ops::Range;
use std::rc::Rc;

use super::lexicons::{
    currencies, human_metrics, metric_buyers, metric_carriers, metric_counts, metric_money,
    metric_payers, money_amounts, money_frames, money_judgements, money_units, offer_questions,
    personal_details, time_frames, work_people,
};
use super::phrases::is_number;
use super::{Match, Token, push_quote, quote, tokenize};

/// What a goal measures, from its metric and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// How customers feel or whether they stay: the words that say so,
    /// quoted.
    Human(String),
    /// A count, though a word of feeling or staying stands in the goal: the
    /// counted phrase, quoted ("loyalty-card sign-ups").
    Count(String),
    /// Neither.
    Other,
}

/// Reads what a goal measures. The metric says what is counted, so it comes
/// first: a metric that measures how customers feel or whether they stay
/// makes the goal human, and one that counts sign-ups, followers or
/// downloads makes it a count, whatever the title says. Only a metric that
/// says neither (or none at all) leaves the judgement to the title: "Guests
/// feel at home on their first night", measured by "a short survey at
/// checkout", is a human measure.
pub fn goal_measure(title: &str, metric: Option<&str>) -> Measure {
    let from_title = || match read(title) {
        Reading::Human(span) => Measure::Human(quote(title, span)),
        Reading::Described(span) => Measure::Count(quote(title, span)),
        Reading::Counts(_) | Reading::Silent => Measure::Other,
    };
    let Some(metric) = metric else {
        return from_title();
    };
    match read(metric) {
        Reading::Human(span) => Measure::Human(quote(metric, span)),
        Reading::Described(span) => Measure::Count(quote(metric, span)),
        Reading::Counts(span) => match read(title) {
            Reading::Described(described) => Measure::Count(quote(title, described)),
            Reading::Human(_) => Measure::Count(quote(metric, span)),
            Reading::Counts(_) | Reading::Silent => Measure::Other,
        },
        Reading::Silent => from_title(),
    }
}

/// Whether planlint cannot tell what a metric measures: it names no feeling
/// or staying, counts none of the marketing counts (sign-ups, downloads,
/// followers), no buyers, orders, bookings, leads, sessions or sales, and no
/// time a service takes: "% of planned commutes completed with no unplanned
/// detour".
pub fn unread_measure(metric: &str) -> bool {
    let tokens = tokenize(metric);
    matches!(read(metric), Reading::Silent)
        && !tokens
            .iter()
            .any(|t| SERVICE_TIMES.contains(&&*t.word) || COMMERCE_COUNTS.contains(&&*t.word))
        && metric_buyers().find(&tokens).is_empty()
        && !tokens
            .windows(2)
            .any(|w| &*w[0].word == "market" && &*w[1].word == "share")
}

/// Words of what a business sells or wins, which a metric counting them
/// makes a count of commerce, not a measure planlint cannot place: "Orders
/// placed per month", "Leads generated", "Conversion rate", "Market share".
const COMMERCE_COUNTS: &[&str] = &[
    "order",
    "orders",
    "booking",
    "bookings",
    "lead",
    "leads",
    "session",
    "sessions",
    "conversion",
    "conversions",
    "acquired",
    "acquisition",
    "enquiries",
    "transactions",
    "purchases",
    "sold",
    "sales",
    "visits",
    "visitors",
    "traffic",
];

/// Words of how long a service takes, which make a metric a measure of
/// the service, not of how customers feel: "average wait at the counter in
/// minutes", "median days from a report to the fix".
const SERVICE_TIMES: &[&str] = &[
    "minutes",
    "minute",
    "mins",
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "wait",
    "waiting",
    "turnaround",
    "time",
    "times",
    "late",
    "delay",
    "delays",
];

/// Whether a metric counts the business's own money as a whole: a word of
/// money (income, sales, costs) in its head, and every other meaningful word
/// of the head a word that frames the money (total, gross, contract), a word
/// of time, a number, or a word the business uses of itself in `own` (its
/// WHAT): "Pollination contract income for the 2026 season", "Average
/// monthly shop sales". A head that is only money, followed by "from",
/// "via" or "through", is read with what follows to the end of its clause:
/// "Income from consultations" is the business's own when consultations
/// are what it says it is, and so is money from its buyers ("Monthly
/// recurring revenue from subscriptions"); "Sales via Instagram" is not. "Gift-set sales"
/// at a pharmacy is one line of the shop, not the business, and money "per"
/// something or counted per customer, order or visit ("cost per click",
/// "Average customer spend", "Average order value") is a ratio, not the
/// business's money. A compound is read word by word ("Monthly booking-fee
/// revenue" for a business that takes bookings), and a participle before a
/// word of the offer says which of its things ("Income from completed
/// programmes").
pub fn counts_own_money(metric: &str, own: &str) -> bool {
    // A compound is read word by word: "booking-fee revenue" is the
    // booking fees of a business that takes bookings.
    let text = metric.replace('-', " ");
    let tokens = tokenize(&text);
    let own: Vec<_> = tokenize(own).into_iter().map(|t| t.stem).collect();
    let mut head = head_end(&tokens);
    let money = metric_money().find_all(&tokens);
    if !money.iter().any(|m| m.tokens.end <= head) {
        return false;
    }
    let mut framing = vec![false; tokens.len()];
    // The currency it is counted in frames it too: "licence revenue (GBP)".
    let frames = [
        money,
        money_frames().find_all(&tokens),
        time_frames().find_all(&tokens),
        currencies().find_all(&tokens),
    ];
    for m in frames.iter().flatten() {
        framing[m.tokens.clone()].fill(true);
    }
    let meaningful = |t: &Token| t.content && !is_number(&t.word);
    let next = tokens.get(head).map(|t| &*t.word);
    // Money "per quarter" is money over a time, no ratio.
    let per_time = tokens
        .get(head + 1)
        .is_some_and(|t| PER_TIMES.contains(&&*t.word));
    if next == Some("per") && !per_time || counts_per_unit(&tokens[..head], &framing) {
        return false;
    }
    let only_money = (0..head).all(|i| framing[i] || !meaningful(&tokens[i]));
    if only_money && matches!(next, Some("from" | "via" | "through")) {
        let clause = tokens[head].clause;
        head += 1 + tokens[head + 1..]
            .iter()
            .position(|t| t.clause != clause || HEAD_ENDS.contains(&&*t.word))
            .unwrap_or(tokens.len() - head - 1);
        // Money "from subscriptions" or "from members" is the business's
        // own, whoever pays it.
        if next == Some("from") {
            for m in metric_buyers().find_all(&tokens[..head]) {
                framing[m.tokens].fill(true);
            }
        }
    }
    let is_own = |i: usize| own.contains(&tokens[i].stem);
    // A participle that says which of the offer's things: "Income from
    // completed programmes".
    let describes_own = |i: usize| tokens[i].word.ends_with("ed") && i + 1 < head && is_own(i + 1);
    (0..head).all(|i| framing[i] || !meaningful(&tokens[i]) || is_own(i) || describes_own(i))
}

/// Whether a word of what money is counted per (customer, order, visit)
/// stands right before a word of money, framing words aside: "Average
/// customer spend" and "basket monthly spend" are ratios, while "order" in
/// "mail-order spares revenue" describes the line the money comes from, and
/// "booking" in "Monthly booking-fee revenue" counts all the fees: revenue,
/// income, sales and fees are totals unless an average says otherwise.
fn counts_per_unit(head: &[Token], framing: &[bool]) -> bool {
    let money = metric_money().find_all(head);
    // An average over a time ("Average monthly mail-order sales") is a
    // total per month, not money per unit, unless a person is the unit
    // ("Average monthly customer revenue").
    let per_person = head.iter().any(|t| PEOPLE_UNITS.contains(&&*t.word));
    let averaged = head.iter().enumerate().any(|(i, t)| {
        AVERAGES.contains(&&*t.word)
            && (per_person
                || time_frames()
                    .find_all(head.get(i + 1..i + 2).unwrap_or_default())
                    .is_empty())
    });
    money_units().find(head).iter().any(|unit| {
        let next = (unit.tokens.end..head.len())
            .find(|&i| !framing[i] || money.iter().any(|m| m.tokens.start == i));
        next.is_some_and(|i| {
            money.iter().any(|m| m.tokens.start == i)
                && (averaged || !TOTALS.contains(&&*head[i].word))
        })
    })
}

/// Whether a "-free" cue stands before a thing it describes ("Pain-free
/// laser hair removal packages sold") rather than saying how people are
/// ("patients running pain-free at their pre-injury distance").
fn describes_a_thing(tokens: &[Token], cue: &Match) -> bool {
    let last = &tokens[cue.tokens.end - 1];
    (last.word.ends_with("free") || &*last.word == "pain")
        && tokens
            .get(cue.tokens.end)
            .is_some_and(|n| n.clause == last.clause && n.content && &*n.word != "at")
}

/// People money is counted per: "Average monthly customer revenue".
const PEOPLE_UNITS: &[&str] = &[
    "customer",
    "client",
    "member",
    "patient",
    "household",
    "family",
    "user",
    "student",
    "person",
    "visitor",
    "guest",
];

/// Times money is counted over, after "per": "Placement fee income per
/// quarter".
const PER_TIMES: &[&str] = &[
    "day", "week", "month", "quarter", "year", "annum", "season", "term",
];

/// Words that make money counted per something an average: "Average
/// booking revenue".
const AVERAGES: &[&str] = &["average", "mean", "median", "typical"];

/// Money that is a total unless averaged: "Monthly booking-fee revenue" is
/// all the booking fees, while "customer spend" is spent per customer.
const TOTALS: &[&str] = &[
    "revenue", "revenues", "income", "turnover", "takings", "sales", "fee", "fees",
];

/// Whether a cost metric counts the business's own time or money spent on
/// its work, what Jim Sterne's goal of lower costs is made of:
/// - hours of its own people on a task: hours, minutes or time in its
///   head, after a word of who does the work (staff, office, volunteers)
///   and only framing words or words of `own` besides, and the task named
///   after it by "on" or "spent" ("Office hours per month spent answering
///   invoice queries", "Staff hours on admin"); hours with no task
///   ("Volunteer hours logged") or nobody of the business's ("Hours spent
///   on the site") are not read; hours per unit of its work count too
///   ("Support staff hours per 1,000 completed lifts");
/// - its own money per unit of its work: a head that is only money,
///   followed by "per" and a phrase whose every meaningful word is one of
///   `own` or says which of them ("Delivered cost per colony placed" where
///   colonies are what it places, "Workshop cost per standard service"
///   where it services).
///   Money per click, lead or follower is no unit of the business's work
///   and is not read.
///
/// `own` holds the business's name, its WHAT and offerings.
pub fn counts_own_effort(metric: &str, own: &str) -> bool {
    let tokens = tokenize(metric);
    let own: Vec<_> = tokenize(own).into_iter().map(|t| t.stem).collect();
    let head = head_end(&tokens);
    let words = &tokens[..head];
    let mut framing = vec![false; head];
    let frames = [
        metric_money().find_all(words),
        money_frames().find_all(words),
        time_frames().find_all(words),
        work_people().find_all(words),
    ];
    for m in frames.iter().flatten() {
        framing[m.tokens.clone()].fill(true);
    }
    let meaningful = |t: &Token| t.content && !is_number(&t.word);
    let plain = |i: usize| framing[i] || !meaningful(&words[i]) || own.contains(&words[i].stem);
    if let Some(at) = words.iter().position(|t| WORK_TIME.contains(&&*t.word)) {
        let people = work_people().find_all(&words[..at]);
        let task = tokens[at + 1..]
            .iter()
            .any(|t| matches!(&*t.word, "on" | "spent"))
            || per_unit_of_work(&tokens, at + 1, &own);
        return !people.is_empty() && task && (0..at).all(plain);
    }
    let Some(last) = words.iter().rposition(meaningful) else {
        return false;
    };
    let money = metric_money().find_all(words);
    let only_money = money.iter().any(|m| m.tokens.end == last + 1)
        && (0..head).all(plain)
        && !counts_per_unit(words, &framing);
    only_money && per_unit_of_work(&tokens, head, &own)
}

/// Whether `tokens[at]` is "per" and the phrase after it, to the end of its
/// clause, its head or a preposition, is a unit of the business's work:
/// every meaningful word of it one of `own` or a word that only says which
/// of them ("per colony placed", "per 1,000 completed lifts", "per standard
/// service"). "per paid-social veg box" or "per enquiry about a veg box"
/// counts what marketing buys, not the work.
fn per_unit_of_work(tokens: &[Token], at: usize, own: &[Rc<str>]) -> bool {
    if tokens.get(at).map(|t| &*t.word) != Some("per") {
        return false;
    }
    let clause = tokens[at].clause;
    let unit: Vec<_> = tokens[at + 1..]
        .iter()
        .take_while(|t| {
            t.clause == clause
                && !HEAD_ENDS.contains(&&*t.word)
                && !matches!(&*t.word, "about" | "of")
        })
        .filter(|t| t.content && !starts_with_digit(&t.word) && !is_participle(&t.word))
        .collect();
    unit.last().is_some_and(|t| own.contains(&t.stem))
        && unit
            .iter()
            .all(|t| own.contains(&t.stem) || UNIT_QUALIFIERS.contains(&&*t.word))
}

/// Words that only say which of the business's units a cost is counted per:
/// "per standard service", "per typical job".
const UNIT_QUALIFIERS: &[&str] = &[
    "standard", "typical", "single", "full", "basic", "routine", "regular", "complete", "average",
    "each",
];

/// The words of a stretch of working time in a cost metric's head.
const WORK_TIME: &[&str] = &["hours", "hour", "minutes", "time"];

/// Whether a metric counts the people who pay for the business's own offer:
/// a head that ends in buyers (subscribers, customers, members) made payers
/// by a word before them (paying, paid), every other meaningful word of the
/// head a word that frames it, a word of time or a word of `own` (the
/// business's name and WHAT, where its paid offers are named): "Paying
/// Larkspur Pro subscribers", "Paid members". That is revenue counted by
/// who pays it. Buyers the head does not end in ("Paying customers' reviews"),
/// payers from or through somewhere ("Paying users via the partner app"),
/// per something, or of a line the WHAT does not name ("Paying podcast
/// listeners") are not; neither are followers or sign-ups, who are no
/// buyers, nor "non-paying users".
pub fn counts_paying_customers(metric: &str, own: &str) -> bool {
    let tokens = tokenize(metric);
    let own: Vec<_> = tokenize(own).into_iter().map(|t| t.stem).collect();
    let head = head_end(&tokens);
    let words = &tokens[..head];
    let payers = metric_payers().find(words);
    let buyers = metric_buyers().find(words);
    let Some(first) = payers.first() else {
        return false;
    };
    let paid_before_the_end = buyers
        .iter()
        .any(|b| b.tokens.end == head && b.tokens.start >= first.tokens.end);
    let next = tokens.get(head).map(|t| &*t.word);
    if !paid_before_the_end || matches!(next, Some("per" | "from" | "via" | "through")) {
        return false;
    }
    let said: Vec<Match> = payers.into_iter().chain(buyers).collect();
    only_frames_and_own(words, &said, &own)
}

/// Whether every meaningful word of a metric's head is one of `said` (its
/// payers and buyers), frames them (active, monthly, total), is a word of
/// time or a number, or is a word of `own`.
fn only_frames_and_own(words: &[Token], said: &[Match], own: &[Rc<str>]) -> bool {
    named_words(words, said)
        .iter()
        .all(|t| own.contains(&t.stem))
}

/// The words of a metric's head that name something: meaningful, no
/// number, and neither one of `said` nor a frame of money or time.
fn named_words<'t>(words: &'t [Token], said: &[Match]) -> Vec<&'t Token> {
    let mut framing = vec![false; words.len()];
    let frames = [
        money_frames().find_all(words),
        time_frames().find_all(words),
    ];
    for m in said.iter().chain(frames.iter().flatten()) {
        framing[m.tokens.clone()].fill(true);
    }
    (0..words.len())
        .filter(|&i| !framing[i] && words[i].content && !is_number(&words[i].word))
        .map(|i| &words[i])
        .collect()
}

/// Whether the head of a metric ends in buyers (subscriptions, customers,
/// members) of the business's own offer: every other meaningful word of
/// the head frames them (active, monthly) or is a word of `own` (its name
/// and WHAT): "active Kerbside Plus subscriptions", not "Newsletter
/// subscribers" or "Facebook group members".
pub fn counts_buyers(metric: &str, own: &str) -> bool {
    counts_own(metric, own, false, |words| metric_buyers().find(words))
}

/// Whether the head of a metric ends in orders, bookings or sales of the
/// business's own offer, as [`counts_buyers`] reads buyers: "Hamper orders
/// taken", "Workshop bookings", not "Seed packet orders" for a shop that
/// sells no seeds.
pub fn counts_orders(metric: &str, own: &str) -> bool {
    counts_own(metric, own, true, |words| {
        (0..words.len())
            .filter(|&i| ORDERS.contains(&&*words[i].word))
            .map(|i| Match {
                tokens: i..i + 1,
                span: words[i].span.clone(),
            })
            .collect()
    })
}

/// Whether a metric counts customers by their agreements for the business's
/// own offer: a word of signing ("signed", "active") and, after it in the
/// same clause, words of `own` (and of time) only and then an agreement or
/// a contract ("Clubs
/// with a signed annual squad screening and mouthguard agreement" for a
/// practice that sells squad screening and mouthguards). Agreements for
/// something the business does not sell ("signed data-sharing agreements")
/// are not its revenue.
pub fn counts_contracts(metric: &str, own: &str) -> bool {
    let tokens = tokenize(metric);
    let own: Vec<_> = tokenize(own).into_iter().map(|t| t.stem).collect();
    tokens.iter().enumerate().any(|(k, t)| {
        if !CONTRACTS.contains(&&*t.word) {
            return false;
        }
        let Some(signed) =
            (0..k).rfind(|&i| tokens[i].clause == t.clause && SIGNED.contains(&&*tokens[i].word))
        else {
            return false;
        };
        let between = &tokens[signed + 1..k];
        let frames = time_frames().find_all(between);
        let framed = |i: usize| frames.iter().any(|m| m.tokens.contains(&i));
        let named = |i: usize| between[i].content && !framed(i);
        (0..between.len()).any(|i| named(i) && own.contains(&between[i].stem))
            && (0..between.len()).all(|i| !named(i) || own.contains(&between[i].stem))
    })
}

/// Agreements a customer signs, as a metric counts them.
const CONTRACTS: &[&str] = &["agreement", "agreements", "contract", "contracts"];

/// Words of an agreement in force.
const SIGNED: &[&str] = &["signed", "active", "renewed"];

/// Orders, bookings and sales, as a metric's head counts them.
const ORDERS: &[&str] = &["order", "orders", "booking", "bookings", "sale", "sales"];

/// What happens to an order that still counts it: "Hamper orders taken".
/// Not "cancelled" or "refunded".
const ORDERS_DONE: &[&str] = &[
    "taken",
    "placed",
    "made",
    "received",
    "sold",
    "booked",
    "completed",
    "delivered",
    "shipped",
    "fulfilled",
];

/// Whether the head of a metric ends in what `find` finds, every other
/// meaningful word of it framing that or a word of `own`. With `done`, a
/// word of [`ORDERS_DONE`] after it says what happened and is no part of
/// what is counted: "Hamper orders taken". (Buyers keep theirs: "Members
/// lost" is churn, no count of buyers.) What is counted per something else
/// is a ratio ("Orders per visit"), and what comes from or through
/// something else is judged by that ("Sales via Instagram").
fn counts_own(metric: &str, own: &str, done: bool, find: impl Fn(&[Token]) -> Vec<Match>) -> bool {
    let tokens = tokenize(metric);
    let own: Vec<_> = tokenize(own).into_iter().map(|t| t.stem).collect();
    let mut head = head_end(&tokens);
    let next = tokens.get(head).map(|t| &*t.word);
    if done && matches!(next, Some("per" | "from" | "via" | "through")) {
        return false;
    }
    while done && head > 1 && ORDERS_DONE.contains(&&*tokens[head - 1].word) {
        head -= 1;
    }
    let words = &tokens[..head];
    let counted = find(words);
    if !counted.iter().any(|b| b.tokens.end == head) {
        return false;
    }
    if !done {
        return only_frames_and_own(words, &counted, &own);
    }
    // Orders name what is ordered in the customer's words: one word the
    // WHAT does not use beside one it does ("wedding and event suit orders"
    // for a shop that sells suits and wedding wear) is still its own line.
    let named = named_words(words, &counted);
    let others = named.iter().filter(|t| !own.contains(&t.stem)).count();
    others == 0 || others == 1 && named.len() > 1
}

/// What a metric counts when it counts money, quoted: the phrase its head
/// counts when that is an amount of money ("Average order value", "Online
/// revenue", "Spend"), and a currency that stands as its unit ("£" in
/// "Spend per visit, £", "pounds" in "in pounds"). Empty when it counts
/// something else.
///
/// Only what is counted decides, so money mentioned in passing is not read:
/// "Share of customers who say our prices are fair" counts customers,
/// "Complaints about billing" counts complaints, and "£40" in "Members who
/// renew their £40 membership, %" is an amount the metric mentions, not its
/// unit. A head that counts how customers feel or whether they stay is a
/// human measure whatever its unit ("Customer lifetime value, £"), and so is
/// a judgement customers make about money ("Value for money rating").
pub fn counts_money(metric: &str) -> Vec<String> {
    let tokens = tokenize(metric);
    let mut quoted = Vec::new();
    let mut money = vec![false; tokens.len()];
    for m in [metric_money(), money_amounts()]
        .into_iter()
        .flat_map(|list| list.find_all(&tokens))
    {
        money[m.tokens].fill(true);
    }
    if let Some((start, noun)) = counted(metric, &tokens, &money) {
        let human = human_metrics()
            .find_all(&tokens)
            .into_iter()
            .filter(|cue| !is_a_rate(&tokens, cue))
            .chain(money_judgements().find_all(&tokens));
        if human.into_iter().any(|m| m.tokens.contains(&noun)) {
            return quoted;
        }
        if money[noun] {
            let span = tokens[start].span.start..tokens[noun].span.end;
            push_quote(&mut quoted, metric, span);
        }
    }
    let symbols = metric
        .char_indices()
        .filter(|&(_, c)| is_currency_symbol(c))
        .map(|(at, c)| at..at + c.len_utf8());
    // "pounds of food" weighs, and "40 euros" is an amount.
    let codes = currencies().find_all(&tokens).into_iter().filter(|m| {
        let before = m.tokens.start.checked_sub(1).map(|i| &*tokens[i].word);
        let after = tokens.get(m.tokens.end).map(|t| &*t.word);
        !before.is_some_and(starts_with_digit)
            && !after.is_some_and(|w| starts_with_digit(w) || w == "of")
    });
    for span in symbols.chain(codes.map(|m| m.span)) {
        if is_unit(metric, span.clone()) {
            push_quote(&mut quoted, metric, span);
        }
    }
    quoted
}

/// Whether token `i` of `text` is an amount of money: a number with a
/// currency symbol right before it ("£600,000", "$2m") or a currency right
/// after it ("600,000 pounds", "40 EUR").
pub fn is_money_amount(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(token) = tokens.get(i).filter(|t| starts_with_digit(&t.word)) else {
        return false;
    };
    let gap_start = i.checked_sub(1).map_or(0, |b| tokens[b].span.end);
    let symbol = text[gap_start..token.span.start].contains(is_currency_symbol);
    let named =
        || (currencies().find_all(&tokens[i + 1..]).first()).is_some_and(|m| m.tokens.start == 0);
    symbol || named()
}

/// Words of a proportion or a count, which count what follows their "of"
/// ("share of customers", "amount of waste").
pub const PROPORTIONS: &[&str] = &[
    "share",
    "number",
    "percentage",
    "percent",
    "%",
    "proportion",
    "fraction",
    "count",
    "rate",
    "ratio",
    "amount",
    "total",
    "sum",
];

/// Participles that describe a noun without being it ("amount spent",
/// "customers refunded"), besides words ending in -ed and -ing.
const PARTICIPLES: &[&str] = &[
    "spent", "paid", "sold", "made", "taken", "given", "bought", "kept", "held", "won", "lost",
];

/// What the head of a metric counts: where the phrase starts and the index
/// of its noun, the last word of the head's first phrase that is no number
/// or participle, before a participle that says something of it ("value" in
/// "Average order value", "customers" in "Customers refunded within 5
/// days"); after a proportion and "of", the noun of what follows
/// ("customers" in "Share of customers who...").
fn counted(text: &str, tokens: &[Token], money: &[bool]) -> Option<(usize, usize)> {
    // A phrase ends at a preposition, an article or a bracket: "Online
    // revenue (EUR)" counts revenue.
    let ends = |i: usize| {
        let word = &*tokens[i].word;
        let bracket =
            i > 0 && text[tokens[i - 1].span.end..tokens[i].span.start].contains(['(', '[']);
        bracket
            || (COMPOUND_ENDS.contains(&word) || PREPOSITIONS.contains(&word))
                && !JOINS.contains(&word)
    };
    // A word of money in -ing is a noun ("spending"); one in -ed is still
    // said of something ("donors who feel valued").
    let participle = |i: usize| {
        let word = &*tokens[i].word;
        is_participle(word) && !(money[i] && word.ends_with("ing"))
    };
    let is_noun = |i: &usize| !is_number(&tokens[*i].word) && !participle(*i);
    let head = head_end(tokens);
    let mut start = 0;
    loop {
        while start < head && ends(start) {
            start += 1;
        }
        let end = (start..head).find(|&i| ends(i)).unwrap_or(head);
        // A participle that runs into the next word of the phrase describes
        // it ("recurring fixed-fee revenue", "sales-qualified leads"); one
        // at the end of the phrase, or before a number, a conjunction or a
        // quotation, says something of the noun before it ("customers
        // refunded", "clients agreeing 'I knew what it would cost'").
        let describes = |i: usize| {
            let next = tokens.get(i + 1).filter(|_| i + 1 < end);
            next.is_some_and(|next| {
                let gap = &text[tokens[i].span.end..next.span.start];
                !is_number(&next.word) && !JOINS.contains(&&*next.word) && !gap.contains(QUOTES)
            })
        };
        let first = (start..end).find(is_noun)?;
        let said = (first..end)
            .find(|&i| participle(i) && !describes(i))
            .unwrap_or(end);
        let noun = (first..said).rev().find(is_noun)?;
        let of = said == end && end < head && &*tokens[end].word == "of";
        if !(of && PROPORTIONS.contains(&&*tokens[noun].word)) {
            return Some((start, noun));
        }
        start = end + 1;
    }
}

/// Prepositions that end a phrase besides [`COMPOUND_ENDS`]: "income across
/// the three centres", "revenue under stocking agreements".
const PREPOSITIONS: &[&str] = &[
    "across",
    "under",
    "between",
    "into",
    "against",
    "since",
    "until",
    "throughout",
];

/// Words that join nouns into one phrase, whose last noun is what all of
/// them count ("candle and gift hamper sales").
const JOINS: &[&str] = &["and", "or", "plus"];

/// Quotation marks: a participle before one introduces what people say.
const QUOTES: &[char] = &['\'', '"', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}'];

/// Words ending in -ed or -ing, and [`PARTICIPLES`].
fn is_participle(word: &str) -> bool {
    word.ends_with("ed") || word.ends_with("ing") || PARTICIPLES.contains(&word)
}

fn starts_with_digit(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
}

/// Currency symbols: the common ones below U+20A0, and the Unicode block of
/// currency symbols.
fn is_currency_symbol(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '¢' | '\u{20A0}'..='\u{20CF}')
}

/// Characters that end the part of a metric a unit may stand alone in:
/// clause breaks, brackets, a slash or a dash.
const UNIT_BREAKS: &[char] = &[',', ';', ':', '(', ')', '[', ']', '/', '–', '—'];

/// Whether the currency at `span` is the metric's unit: not next to a
/// number (that is an amount: "£40", "40 euros"), and the first thing in its
/// part of the metric or after "in" ("Average order value, £", "Spend per
/// visit (GBP)", "Total costs, in pounds").
fn is_unit(text: &str, span: Range<usize>) -> bool {
    let before = text[..span.start].trim_end();
    let after = text[span.end..].trim_start();
    if before.ends_with(|c: char| c.is_ascii_digit()) || starts_with_digit(after) {
        return false;
    }
    let part = before.rfind(UNIT_BREAKS).map_or(before, |at| {
        let ch = before[at..].chars().next().map_or(1, char::len_utf8);
        &before[at + ch..]
    });
    let part = part.trim().to_lowercase();
    part.is_empty() || part == "in" || part.ends_with(" in")
}

/// What one text (a title or a metric) says it measures.
enum Reading {
    /// A word of feeling or staying that stands on its own.
    Human(Range<usize>),
    /// Only words of feeling or staying that describe a count or a thing
    /// that carries one (a card, an app, an email): from the first such word
    /// to what it describes.
    Described(Range<usize>),
    /// A count at the head of the text, and no word of feeling or staying:
    /// from the start of the text to the count.
    Counts(Range<usize>),
    Silent,
}

/// Words that end the run of nouns a word of feeling or staying may
/// describe: prepositions, conjunctions, articles, relative pronouns.
const COMPOUND_ENDS: &[&str] = &[
    "of", "in", "on", "at", "from", "by", "per", "for", "with", "after", "before", "within",
    "among", "during", "to", "via", "over", "through", "than", "about", "and", "or", "but", "plus",
    "vs", "who", "that", "which", "whose", "where", "when", "the", "a", "an", "our", "their",
    "your", "its", "this", "these", "those", "each", "every", "is", "are", "was", "were", "as",
];

/// How many words after a word of feeling or staying can still be the
/// count it describes ("loyalty" in "loyalty-card sign-ups").
const LONGEST_COMPOUND: usize = 3;

/// Words that end a metric's head, what it counts: a preposition or a
/// relative clause starts what it is counted by or among ("sign-ups per
/// month", "NPS from the survey"). "of" does not: "number of downloads".
const HEAD_ENDS: &[&str] = &[
    "in", "on", "at", "from", "by", "per", "for", "with", "after", "before", "within", "among",
    "during", "to", "via", "over", "through", "who", "that", "which", "whose", "where", "when",
];

/// Words after which a count is a people's group, not the count: "share of
/// loyalty-card holders who come back" measures coming back.
const RELATIVES: &[&str] = &["who", "that", "which", "whose"];

fn read(text: &str) -> Reading {
    let tokens = without_asides(tokenize(text));
    let mut counts = metric_counts().find_all(&tokens);
    counts.retain(|m| is_noun(&tokens, m));
    let mut countable = metric_carriers().find_all(&tokens);
    countable.retain(|m| is_noun(&tokens, m));
    countable.extend(counts.iter().cloned());
    countable.sort_by_key(|m| m.tokens.start);
    let mut described = None;
    let mut cues = human_metrics().find_all(&tokens);
    cues.extend(quoted_answers(text, &tokens));
    cues.sort_by_key(|m| m.tokens.start);
    let mut consent = None;
    for cue in cues {
        if is_a_rate(&tokens, &cue) || describes_a_thing(&tokens, &cue) {
            continue;
        }
        if let Some(offered) = consent_given(text, &tokens, &cue) {
            // A yes to a quoted offer, or details told, counts sign-ups,
            // not what people think.
            if offered {
                consent.get_or_insert(0..cue.span.end);
            }
            continue;
        }
        match described_count(&tokens, &cue, &countable) {
            None => return Reading::Human(cue.span),
            Some(count) if is_a_group(&tokens, count) => {}
            Some(count) => {
                described.get_or_insert(cue.span.start..count.span.end);
            }
        }
    }
    if let Some(span) = described {
        return Reading::Described(span);
    }
    let head = head_end(&tokens);
    match counts.iter().rfind(|m| m.tokens.end <= head) {
        Some(count) if !is_a_group(&tokens, count) => Reading::Counts(0..count.span.end),
        _ => consent.map_or(Reading::Silent, Reading::Counts),
    }
}

/// Words that open an aside set off by commas after a relative pronoun:
/// "residents who, in the post-event survey, say the warning was clear".
const ASIDES: &[&str] = &[
    "in", "on", "at", "after", "when", "during", "asked", "by", "through",
];

/// The tokens without an aside set off by commas right after a relative
/// pronoun ("who, in the post-event survey, say" reads as "who say"): the
/// aside says where people were asked, not what they did. The tokens kept
/// keep their places in the text.
fn without_asides(mut tokens: Vec<Token>) -> Vec<Token> {
    let mut i = 0;
    while i + 1 < tokens.len() {
        let (relative, next) = (&tokens[i], &tokens[i + 1]);
        if RELATIVES.contains(&&*relative.word)
            && next.clause == relative.clause + 1
            && ASIDES.contains(&&*next.word)
            && let Some(end) = tokens[i + 1..]
                .iter()
                .position(|t| t.clause == next.clause + 1)
        {
            tokens.drain(i + 1..i + 1 + end);
        }
        i += 1;
    }
    tokens
}

/// The count or carrier that the word of feeling or staying at `cue`
/// describes: the last in the few words after it, before a preposition, an
/// article or the end of its clause.
fn described_count<'a>(tokens: &[Token], cue: &Match, countable: &'a [Match]) -> Option<&'a Match> {
    let start = cue.tokens.end;
    let clause = tokens[start - 1].clause;
    let mut end = start;
    while let Some(t) = tokens.get(end) {
        let ends = t.clause != clause || COMPOUND_ENDS.contains(&&*t.word) || is_number(&t.word);
        if ends || end - start == LONGEST_COMPOUND {
            break;
        }
        end += 1;
    }
    countable
        .iter()
        .rfind(|m| (start..end).contains(&m.tokens.start))
}

/// Where the head of a text ends: at its first preposition or relative
/// pronoun, or at the end of its first clause.
fn head_end(tokens: &[Token]) -> usize {
    let clause = tokens.first().map_or(0, |t| t.clause);
    tokens
        .iter()
        .position(|t| t.clause != clause || HEAD_ENDS.contains(&&*t.word))
        .unwrap_or(tokens.len())
}

/// A count is a noun: not a verb after "who", "that" or "to" ("who sign
/// up"), and not a word ending in -ed or -ing ("complaints followed up").
fn is_noun(tokens: &[Token], count: &Match) -> bool {
    let last = &tokens[count.tokens.end - 1].word;
    let before = count.tokens.start.checked_sub(1).map(|i| &*tokens[i].word);
    !last.ends_with("ed")
        && !last.ends_with("ing")
        && !before.is_some_and(|w| RELATIVES.contains(&w) || w == "to")
}

/// Whether a relative clause follows the count: it then names a group of
/// people whose behaviour the clause measures.
fn is_a_group(tokens: &[Token], count: &Match) -> bool {
    tokens
        .get(count.tokens.end)
        .is_some_and(|t| RELATIVES.contains(&&*t.word))
}

/// Answers quoted after a word of answering ("parents answering 'no' to
/// 'was anything about the lessons confusing?'"), or an answer to a quoted
/// question ("Avg answer to 'how much would you miss us?' (1-5)"): what
/// people said when asked, whatever the answer.
fn quoted_answers(text: &str, tokens: &[Token]) -> Vec<Match> {
    (0..tokens.len().saturating_sub(1))
        .filter(|&i| {
            &*tokens[i].stem == "answer"
                && (quoted(text, tokens, i + 1)
                    || (&*tokens[i + 1].word == "to"
                        && i + 2 < tokens.len()
                        && quoted(text, tokens, i + 2)))
        })
        .map(|i| Match {
            tokens: i..i + 1,
            span: tokens[i].span.clone(),
        })
        .collect()
}

/// Where a question quoted after a few words that name it opens: "to the
/// monthly in-app question 'This month I cooked...'" is an answer to what
/// is quoted, as "to 'Was anything confusing?'" is.
fn quoted_question(text: &str, tokens: &[Token], from: usize) -> Option<usize> {
    let named = tokens
        .get(from..)?
        .iter()
        .take(6)
        .position(|t| matches!(&*t.stem, "question" | "survey" | "poll" | "prompt"))?;
    let after = from + named + 1;
    (after < tokens.len() && quoted(text, tokens, after)).then_some(after)
}

/// Whether a quotation mark opens before token `i`.
fn quoted(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0 && text[tokens[i - 1].span.end..tokens[i].span.start].contains(QUOTES)
}

/// Whether a cue of people's answers is their consent to a sale or their
/// details handed over, not what they think: an answer given "to" an offer
/// ("trial users who say yes to a sales demo", "number of people who agree
/// to marketing emails") or to a question that offers something ("visitors
/// answering yes to 'Would you like a quote?'"), and details told ("shoppers
/// who tell us their email address"). An answer to a question about their
/// experience ("answering 'no' to 'was anything confusing?'") is what they
/// think. `Some(true)` when it is clearly consent (a quoted question that
/// offers something, details told), `Some(false)` when an answer given
/// "to" something unquoted is taken for consent, `None` when it is no
/// consent.
fn consent_given(text: &str, tokens: &[Token], cue: &Match) -> Option<bool> {
    let answers = tokens[cue.tokens.clone()]
        .iter()
        .any(|t| ANSWERING.contains(&&*t.word));
    if !answers {
        return None;
    }
    let mut at = cue.tokens.end;
    while tokens
        .get(at)
        .is_some_and(|t| matches!(&*t.word, "yes" | "no"))
    {
        at += 1;
    }
    if tokens.get(at).is_some_and(|t| &*t.word == "to") {
        // "answering yes to both questions on the follow-up call" answers
        // questions about their experience, which is no consent.
        let asked = tokens[at + 1..]
            .iter()
            .take(3)
            .any(|t| QUESTIONS.contains(&&*t.word));
        if asked {
            return None;
        }
        let question = quoted_question(text, tokens, at + 1).unwrap_or(at + 1);
        if question < tokens.len() && quoted(text, tokens, question) {
            let offers = offer_questions()
                .find(&tokens[question..])
                .first()
                .is_some_and(|m| m.tokens.start == 0);
            return offers.then_some(true);
        }
        return Some(false);
    }
    let told = tokens[cue.tokens.clone()]
        .iter()
        .any(|t| &*t.word == "tell");
    let details = personal_details().find(tokens);
    (told
        && details
            .iter()
            .any(|m| m.tokens.start >= cue.tokens.end && m.tokens.start <= cue.tokens.end + 2))
    .then_some(true)
}

/// Words that name questions asked of people: an answer "to both questions"
/// or "to the survey" is what they think.
const QUESTIONS: &[&str] = &[
    "question",
    "questions",
    "survey",
    "surveys",
    "questionnaire",
    "check-in",
];

/// Words of answering in a cue of people's answers: only these may be
/// consent ("who say yes to a demo"); "come back to the shop" is no answer.
const ANSWERING: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "agree",
    "agreeing",
    "answer",
    "answering",
    "answered",
];

/// "rating" and "rate" share a stem, but a rate on its own ("conversion
/// rate", "open rate") is a proportion, not what customers judge.
fn is_a_rate(tokens: &[Token], cue: &Match) -> bool {
    cue.tokens.len() == 1 && matches!(&*tokens[cue.tokens.start].word, "rate" | "rates")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(text: &str) -> Measure {
        goal_measure("", Some(text))
    }

    fn human(quoted: &str) -> Measure {
        Measure::Human(format!("\"{quoted}\""))
    }

    fn count(quoted: &str) -> Measure {
        Measure::Count(format!("\"{quoted}\""))
    }

    #[test]
    fn how_customers_feel_rate_recommend_stay_return_and_complain_is_human() {
        for (text, cue) in [
            (
                "Net Promoter Score from the quarterly survey",
                "Net Promoter",
            ),
            (
                "share of members still attending 90 days after joining",
                "still",
            ),
            ("12-month client churn", "churn"),
            (
                "% of moves where the customer confirms pick-up in the window and nothing damaged",
                "customer confirms",
            ),
            ("share of diners who book again within 60 days", "again"),
            ("share of tenants who renew their lease", "renew"),
            (
                "households who never come back after a first order",
                "come back",
            ),
            ("average rating in the loyalty app", "rating"),
            ("share of patients who rate us 9 or 10", "rate us"),
            ("complaints per 1,000 deliveries", "complaints"),
            ("share of learners who feel confident speaking", "feel"),
            (
                "% of discharged patients running pain-free at their pre-injury weekly distance",
                "pain-free",
            ),
            (
                "% of callers scoring the advice 4 or 5 out of 5 in the follow-up text",
                "4 or 5 out of 5",
            ),
            (
                "hours a week coordinators say they spend on rota admin",
                "say they",
            ),
            (
                "share of riders who say the fitting changed how they ride",
                "who say",
            ),
            (
                "members answering 'yes, mostly' to 'Did the class help?'",
                "answering 'yes",
            ),
            (
                "guests scoring 4 out of 5 for 'I knew what to do next'",
                "scoring 4 out of 5",
            ),
            (
                "share of parents answering 'no' to 'was anything about the lessons confusing?'",
                "answering",
            ),
            (
                "share of campers giving 4 or 5 stars on the card",
                "giving 4 or 5",
            ),
            (
                "share of patients scoring 9 or 10 for 'I felt listened to'",
                "scoring 9 or 10",
            ),
            (
                "share of members who agree that the class was worth the trip",
                "who agree",
            ),
            (
                "share of residents who, in the post-event survey, say the warning was clear",
                "who, in the post-event survey, say",
            ),
            (
                "share of users answering yes to the monthly in-app question \u{2018}I cooked something I enjoyed\u{2019}",
                "answering yes",
            ),
            (
                "Avg answer to 'how much would you miss Hopwell if it stopped?' (1-5), members' survey",
                "answer",
            ),
            (
                "Loyalty-card customers buying 4 or more times a year",
                "4 or more times",
            ),
        ] {
            assert_eq!(metric(text), human(cue), "{text}");
        }
    }

    #[test]
    fn a_count_stays_a_count_with_a_human_word_in_front() {
        for (text, counted) in [
            (
                "new loyalty-card sign-ups per month",
                "loyalty-card sign-ups",
            ),
            ("referral link clicks", "referral link clicks"),
            ("retention emails sent", "retention emails"),
            ("NPS survey responses", "NPS survey responses"),
            ("loyalty app installs", "loyalty app installs"),
            ("members of the loyalty club", "loyalty club"),
            ("Grow loyalty-card sign-ups", "loyalty-card sign-ups"),
        ] {
            assert_eq!(metric(text), count(counted), "{text}");
        }
    }

    #[test]
    fn a_plain_count_or_a_rate_is_no_human_measure() {
        assert!(!matches!(
            metric("Pain-free laser hair removal packages sold per month"),
            Measure::Human(_)
        ));
        for text in [
            "Instagram followers",
            "conversion rate of the checkout page",
            "email open rate",
            "app downloads per week",
            "revenue per visit",
            "survey responses from members",
        ] {
            assert_eq!(metric(text), Measure::Other, "{text}");
        }
        for text in [
            "trial users who say yes to a sales demo",
            "leads who say yes to a demo",
            "visitors answering yes to 'Would you like a quote?'",
            "number of people who agree to marketing emails",
            "shoppers who tell us their email address",
        ] {
            assert!(!matches!(metric(text), Measure::Human(_)), "{text}");
        }
        assert_eq!(
            goal_measure(
                "New climbers feel welcome",
                Some("a two-question card filled in at the desk")
            ),
            human("feel")
        );
        assert_eq!(
            goal_measure("New climbers feel welcome", Some("climbing app installs")),
            count("climbing app installs")
        );
    }

    #[test]
    fn a_group_of_people_and_a_verb_are_no_count() {
        assert_eq!(
            metric("share of loyalty-card holders who shop at least twice a month (retention)"),
            human("retention")
        );
        assert_eq!(
            goal_measure(
                "Regulars keep coming back",
                Some("share of loyalty-card holders who shop at least twice a month")
            ),
            human("keep coming")
        );
        assert_eq!(
            metric("share of complaints followed up within a day"),
            human("complaints")
        );
    }

    #[test]
    fn the_business_s_own_money_is_told_from_a_line_of_it() {
        let own = "Managed honeybee pollination for orchards, and a farm shop";
        for metric in [
            "Pollination contract income for the 2026 season, £",
            "Average monthly shop sales, January to December, GBP",
            "Total running costs a year, in pounds",
            "Income from pollination, £",
            "Income from completed pollination contracts, £",
        ] {
            assert!(counts_own_money(metric, own), "{metric}");
        }
        for metric in [
            "Honey jar and candle sales, £",
            "Income from wedding hire, £",
            "cost per click",
            "revenue per visit",
            "Average customer spend, £",
            "Average order value, £",
            "Sales via Instagram, £",
            "Sales through influencer codes, £",
            "Instagram followers",
            "pollination visits booked",
        ] {
            assert!(!counts_own_money(metric, own), "{metric}");
        }
    }

    #[test]
    fn a_word_of_a_ratio_inside_a_line_s_name_is_no_ratio() {
        let own = "A fishing tackle shop with a mail-order bait service";
        assert!(counts_own_money("mail-order bait revenue, £", own));
        assert!(counts_own_money(
            "Monthly recurring revenue from subscriptions (£)",
            "A phone app for adults living with tinnitus"
        ));
        let taxis = "An app and phone line for booking wheelchair-accessible taxis";
        assert!(counts_own_money("Monthly booking-fee revenue, GBP", taxis));
        assert!(!counts_own_money("Average booking revenue, GBP", taxis));
        let plants = "A shop and mail-order service for aquarium plants";
        assert!(counts_own_money(
            "Average monthly mail-order sales over the last quarter, in pounds",
            plants
        ));
        assert!(!counts_own_money("Average order value, in pounds", plants));
        assert!(!counts_own_money(
            "Average monthly customer revenue, £",
            plants
        ));
        assert!(!counts_own_money("Average order spend, £", own));
        assert!(!counts_own_money("Order monthly spend, £", own));
    }

    #[test]
    fn the_currency_in_brackets_frames_the_money() {
        let app = "A medicines app, paid for by transplant units on an annual licence.";
        assert!(counts_own_money(
            "Annual recurring licence revenue (GBP)",
            app
        ));
        assert!(counts_own_money("Licence income (pounds)", app));
        assert!(!counts_own_money("Annual sponsorship revenue (GBP)", app));
        let vans = "Diabetic eye screening from mobile vans, under an NHS contract";
        assert!(counts_own_money(
            "Contract payments received, £ thousands (3% is withheld when the uptake standard is missed)",
            vans
        ));
        // The business named by its kind frames its money.
        assert!(counts_own_money(
            "Monthly clinic income from assessments, therapy and workshops, £",
            "Private hand therapy for musicians. Assessment with your instrument, 75 minutes"
        ));
        // A bracket names where money comes from as well as its currency.
        for metric in [
            "Revenue (GBP) from sponsored posts",
            "Revenue (sponsored posts and affiliate links)",
        ] {
            assert!(!counts_own_money(metric, vans), "{metric}");
        }
    }

    #[test]
    fn buyers_of_the_offer_are_read_apart_from_an_audience() {
        let own = "Kerbside: a commute planner. Kerbside Plus: offline maps";
        assert!(counts_buyers("active Kerbside Plus subscriptions", own));
        assert!(!counts_buyers("Newsletter subscribers", own));
        assert!(!counts_buyers("Facebook group members", own));
        assert!(!counts_buyers("Kerbside Plus members lost", own));
    }

    #[test]
    fn agreements_for_the_offer_are_the_business_s_revenue() {
        let own = "Sports dentistry. Squad dental screening for clubs; custom-fitted mouthguards";
        assert!(counts_contracts(
            "Clubs with a signed annual squad screening and mouthguard agreement",
            own
        ));
        assert!(!counts_contracts(
            "Clubs with a signed data-sharing agreement",
            own
        ));
        assert!(!counts_contracts("Squad screening agreements", own));
        assert!(!counts_contracts(
            "Bloggers with a signed mouthguard sponsorship contract",
            own
        ));
    }

    #[test]
    fn orders_of_the_offer_are_counted_by_the_unit() {
        let own = "A cheese shop. Christmas hampers";
        for metric in [
            "Hamper orders taken",
            "Christmas hamper orders",
            "hamper sales",
            "Christmas and birthday hamper orders",
        ] {
            assert!(counts_orders(metric, own), "{metric}");
        }
        for metric in [
            "Seed packet orders",
            "Instagram orders",
            "Orders per visit",
            "Sales via Instagram, £",
            "Hamper orders cancelled within a week",
            "Hampers",
        ] {
            assert!(!counts_orders(metric, own), "{metric}");
        }
    }

    #[test]
    fn a_metric_planlint_cannot_place_is_unread() {
        assert!(unread_measure(
            "% of planned commutes completed with no unplanned detour"
        ));
        for metric in [
            "average wait at the counter in minutes",
            "median days from a report to the fix",
            "Total app downloads",
            "Net Promoter Score",
            "share of visitors answering yes to 'Would you like a quote?'",
            "Orders placed per month",
            "Number of veg box subscriptions",
            "Leads generated from the website",
            "Conversion rate on the website",
            "Market share in the town, %",
            "Website sessions",
            "New customers acquired",
        ] {
            assert!(!unread_measure(metric), "{metric}");
        }
        assert!(matches!(
            goal_measure(
                "",
                Some("% of patients answering yes to both questions on the 2-week follow-up call")
            ),
            Measure::Human(_)
        ));
        // An answer given to something unquoted and no question is not
        // taken for a count, nor for what people think.
        assert!(unread_measure(
            "share answering yes to the follow-up on the morning-after text"
        ));
    }

    #[test]
    fn the_business_s_own_time_or_money_on_its_work_is_a_plain_cost() {
        let own = "Tree surgery and hedge laying for estates. Crown reduction, stump grinding";
        for metric in [
            "Staff hours a week spent chasing unpaid quotes",
            "Average admin time per month on site paperwork",
            "Crew hours on rebooked jobs",
            "Running cost per stump removed, £",
            "Crew hours per 1,000 stumps removed",
            "Workshop cost per standard stump grinding, parts and labour (GBP)",
        ] {
            assert!(counts_own_effort(metric, own), "{metric}");
        }
        for metric in [
            "Volunteer hours logged",
            "Customer hours spent waiting on the phone",
            "Time spent on the booking page",
            "cost per click",
            "Cost per lead from search ads, £",
            "Cost per qualified lead",
            "Cost per stump-removal enquiry",
            "Cost per enquiry about a stump grinding",
            "Cost per paid-social stump grinding",
            "Cost per Google Ads stump grinding",
            "Fuel used, litres",
            "Instagram followers",
        ] {
            assert!(!counts_own_effort(metric, own), "{metric}");
        }
    }

    #[test]
    fn an_amount_of_money_is_a_number_with_a_currency() {
        let amount = |text: &str, word: &str| {
            let tokens = tokenize(text);
            let at = tokens.iter().position(|t| &*t.word == word).unwrap();
            is_money_amount(text, &tokens, at)
        };
        assert!(amount("to raise £600,000 this year", "600,000"));
        assert!(amount("a target of $2m", "2m"));
        assert!(amount("to reach 40,000 pounds", "40,000"));
        assert!(!amount("to reach 40,000 people", "40,000"));
        assert!(!amount("£5 off 3 loaves", "3"));
    }

    #[test]
    fn payers_of_the_business_s_own_offer_are_its_revenue() {
        let own = "Larkspur, a budgeting app. Larkspur Pro (£4/month): shared budgets";
        for metric in [
            "Paying Larkspur Pro subscribers",
            "Paid members",
            "Average paying customers over the year",
            "Fee-paying clients",
        ] {
            assert!(counts_paying_customers(metric, own), "{metric}");
        }
        for metric in [
            "Larkspur Pro subscribers",
            "Paying podcast listeners",
            "Paying users via the partner app",
            "Paying customers per campaign",
            "Non-paying users",
            "Instagram followers",
            "Paid social sign-ups",
            "Paid ad impressions",
        ] {
            assert!(!counts_paying_customers(metric, own), "{metric}");
        }
    }

    #[test]
    fn money_is_read_when_it_is_what_a_metric_counts() {
        for (metric, quoted) in [
            ("Average order value, £", &["Average order value", "£"][..]),
            ("Online revenue from repeat customers", &["Online revenue"]),
            ("Spend per visit", &["Spend"]),
            ("Sales of the loyalty bundle", &["Sales"]),
            ("Share of revenue from returning members", &["revenue"]),
            ("Amount spent per visit (GBP)", &["Amount", "GBP"]),
            (
                "Customers' average spend on their second order",
                &["Customers' average spend"],
            ),
            (
                "The gross margin on gift hampers, €",
                &["gross margin", "€"],
            ),
            ("Refunds issued a month, $", &["$"]),
            ("Typical basket, in pounds", &["pounds"]),
            ("Customer spending per visit", &["Customer spending"]),
            (
                "Annual recurring membership revenue",
                &["Annual recurring membership revenue"],
            ),
            ("Online revenue (EUR)", &["Online revenue", "EUR"]),
            (
                "Combined café and shop income across the three sites",
                &["Combined café and shop income"],
            ),
            (
                "Scented candle and gift hamper sales",
                &["Scented candle and gift hamper sales"],
            ),
            ("Café takings per cover (£)", &["Café takings", "£"]),
        ] {
            let quoted: Vec<String> = quoted.iter().map(|q| format!("\"{q}\"")).collect();
            assert_eq!(counts_money(metric), quoted, "{metric}");
        }
    }

    #[test]
    fn money_mentioned_in_passing_is_not_what_a_metric_counts() {
        for metric in [
            "Share of customers who say our prices are fair",
            "Complaints about billing per 1,000 orders",
            "Customers refunded within 5 days, %",
            "Members who renew their £40 membership, %",
            "Patients who say the cost was explained up front",
            "Households paying 40 euros a month who stay a year, %",
            "Net Promoter Score from buyers who spent over £50",
            "Customer lifetime value, £",
            "Value for money rating, out of 5",
            "% of guests rating the dinner good value",
            "Time spent with a fitter before the first ride, minutes",
            "Share of surveyed clients agreeing 'I knew roughly what it would cost before treatment started' (%)",
            "Number of customers who raise a billing question",
            "First-time customers who return for a refill within 90 days, %",
            "Donors feel more valued and happier with their visit",
            "Sales and rentals returned within 30 days for a fault, as a share of all sales",
            "Pounds of food collected at the spring drive",
            "Sales-qualified leads created per quarter",
        ] {
            assert_eq!(counts_money(metric), Vec::<String>::new(), "{metric}");
        }
    }

    #[test]
    fn the_title_speaks_only_when_the_metric_says_neither() {
        assert_eq!(
            goal_measure(
                "Guests feel at home on their first night",
                Some("a short survey at checkout")
            ),
            human("feel")
        );
        assert_eq!(
            goal_measure("Riders recommend the club", None),
            human("recommend")
        );
        assert_eq!(
            goal_measure("A loyal following online", Some("Instagram followers")),
            count("Instagram followers")
        );
        assert_eq!(
            goal_measure(
                "More loyalty-scheme sign-ups",
                Some("new sign-ups per month")
            ),
            count("loyalty-scheme sign-ups")
        );
        assert_eq!(
            goal_measure("Win the regional market", Some("market share (%)")),
            Measure::Other
        );
    }
}
