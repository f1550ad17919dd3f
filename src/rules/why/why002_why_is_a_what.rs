//! WHY002 why-is-a-what: the WHY talks about products, prices, what the
//! business is, or its own numbers. The rule's metadata, its documentation (`planlint explain
//! WHY002`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{
    why_aims, why_business, why_offer, why_organisations, why_people, why_position, why_purpose,
    why_raising, why_self, why_selling, why_targets,
};
use crate::text::{Match, Token, is_money_amount, is_negator, quote, tokenize};

pub static RULE: Rule = Rule {
    code: "WHY002",
    name: "why-is-a-what",
    family: Family::Why,
    severity: Severity::Warning,
    summary: "the WHY talks about products, prices, what the business is, or its own numbers",
    help: "say what the business believes or wants to change for people; move products, prices and targets to [what] and goals",
    docs: r#"## What it does
Reads the WHY statement for two kinds of language:
- the business's own numbers and size: revenue, profit, market share,
  "double our income", being number one, "to become the largest" or to
  grow "into the biggest", "to become the leading" or the market leader
  (a market position), a share raised ("lift our share of local
  funerals") and the business's own worth ("make the business worth
  more"), sales
  targets ("grow sales", "sales by 40% a year", "we want to lend more of
  them than ever") and targets of its own
  performance ("hitting our income target", "meet the performance
  indicator for prevention", "To hit our SSNAP early supported discharge
  targets": hit, meet or achieve, then "our" and a target within six words,
  or a target "of" a number the business hits ("we hit", "our job is to
  hit the regional collection target of 9,400 units"); "reach their
  reading target", "help every reader hit the target of 20 books" and
  "every family can hit the national target of 5 portions" are someone
  else's, "not to hit our
  targets" refuses it), protecting its own funding ("protect the team's
  funding"), or a contract held or won as the reason to
  exist ("to deliver the 9,400 therapy contacts commissioned ... and to
  secure recommissioning of the service"). Any of these makes the
  WHY a WHAT, whatever purpose stands beside it. "Leading" on its own is
  no position: "leading families to cook fresh food" is not reported. A
  leading brand, a leading independent or online sales count only as the
  business's own aim or position, within two words after "become", "be",
  "are", "our" or a word of growth ("To become the leading independent tea
  retailer", "we are the leading brand", "grow our online sales"): "We
  started after years of faceless online sales of hearing aids", "whatever
  the leading brands say you need" and "we became the leading independent
  voice for accessible camping" name the world the business answers or
  its history, and are not reported. Earnings are read the same way: "to
  maximise our earnings" is the business's number, "good food should not
  depend on how much you earn" is people's lives. A money target is one
  too: an aim, a verb of getting money within two words after it and an
  amount of money right after that ("aims to raise £250,000 for a new
  roof", "our goal is to reach $2m in bookings"). Money a WHY mentions
  without an aim ("nobody should pay more than £5 for a prescription",
  "no family should have to raise £5,000 for a wheelchair") is people's
  lives, and is not reported.
- the offer: products, prices, range, stock, discounts, and what the business
  is or provides, with the business as the one described ("we are a",
  "is a family-run garden centre", "is an independent", "provides",
  "supplies"; "cycling is a joy" describes cycling, not the business), and
  what it sells, lends or runs with the business as the one doing it: "we
  sell", or the plan's name or owner as the whole subject, words of an
  organisation allowed ("Oakfield Tools sells secondhand tools", "Little
  Lend lends cots and prams", "Ashdown
  County Council's Passenger Transport Unit arranges home-to-school
  transport for 6,800 pupils"; "a small workshop should be able to sell
  abroad" is not).
  These count only when the statement names no purpose: a belief (believe,
  because, so that, deserve, should...), or the people it is for (people,
  families, community, help...) in a WHY that does not describe the business
  itself, since a WHY may well mention what it makes.
Cues are matched as whole stemmed words, and a cue right after a negation in
the same clause ("we don't chase market share") does not count, nor one
that is someone else's: after "their", "your", "his" or "her", a plural
possessive ("growers' margins") or a possessive after "a" or "one" ("one
bad fortnight wiped out a season's margin"); "next year's profit" is the
business's own. Nor does a hardship the WHY names ("Early years runs on
goodwill and thin margins": after "thin", "tight", "slim" or
"squeezed").

## Why it matters
A WHY that is really a WHAT gives people no reason to care: everybody sells
products and wants revenue. The golden circle works from belief outwards, and a
plan whose centre is its own sales target has nothing to align its goals and
touchpoints with except more sales. It also reads as fake to customers, who
increasingly choose companies whose purpose they share.

## Example
```toml
[why]
statement = "To be the number one bike retailer in the region with the widest range at the lowest prices."
```

## How to fix
Ask why the business exists beyond making money, and write that down. Keep the
numbers as goals and the range under `[what]`:
```toml
[why]
statement = "We believe everyone should be able to cross the city calmly and safely, whatever their age or fitness."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let Some(why) = cx.plan.why.as_ref() else {
        return;
    };
    let Some(statement) = text(&why.statement) else {
        return;
    };
    let tokens = tokenize(statement);
    let names = [text(&cx.plan.name), text(&cx.plan.owner)];
    let names = names.into_iter().flatten().collect::<Vec<_>>().join(" ");
    let mut business = why_business().find(&tokens);
    business.retain(|m| !someone_elses(statement, &tokens, m, &names) && !compares(&tokens, m));
    business.extend(own_positions(&tokens));
    business.extend(own_targets(&tokens));
    business.extend(money_targets(statement, &tokens));
    let offer = why_offer().find(&tokens);
    let mut itself = why_self().find(&tokens);
    itself.extend(own_sales(statement, &tokens, &names));
    // A belief saves any WHY from talk of the offer; the people it is for
    // save one that does not describe the business itself.
    let purpose = !why_purpose().find(&tokens).is_empty()
        || (!why_people().find(&tokens).is_empty() && itself.is_empty());
    // The business's own numbers make any WHY a WHAT; talk of the offer, or
    // of what the business is, only does when no purpose is named beside it.
    let mut evidence: Vec<_> = match (business.is_empty(), purpose) {
        (false, _) => business.into_iter().chain(offer).collect(),
        (true, false) => offer.into_iter().chain(itself).collect(),
        (true, true) => return,
    };
    if evidence.is_empty() {
        return;
    }
    evidence.sort_by_key(|m| m.span.start);
    let mut quotes: Vec<String> = evidence
        .iter()
        .map(|m| quote(statement, m.span.clone()))
        .collect();
    // "sells" is both the offer and, after the business's name, what the
    // business is: one quote.
    quotes.dedup();
    let Some(field) = why.statement.as_ref() else {
        return;
    };
    cx.report(
        &RULE,
        Subject::Why,
        field.key.clone(),
        format!(
            "the WHY talks about what the business is or sells, not why it exists: {}",
            quotes.join(", ")
        ),
    );
}

/// Whether the numbers a cue names are someone else's: "their", "your",
/// "his" or "her" right before it ("help stallholders reach their income
/// targets"), or a word of hardship ("runs on goodwill and thin margins"); a plural possessive ("growers' margins"); or a possessive
/// after "a" or "one", which counts money in general ("one bad fortnight
/// wiped out a season's margin", of the brewers a servicing firm works
/// for). "Our turnover", "next year's profit" and "every store's turnover"
/// stay the business's, as does its name ("Kettle & Keg's margin").
fn someone_elses(statement: &str, tokens: &[Token], cue: &Match, names: &str) -> bool {
    let Some(at) = cue.tokens.start.checked_sub(1) else {
        return false;
    };
    let before = &*tokens[at].word;
    // "thin margins" is a hardship the WHY names, not a number it aims at:
    // "Early years runs on goodwill and thin margins".
    if [
        "their", "your", "his", "her", "thin", "tight", "slim", "squeezed",
    ]
    .contains(&before)
    {
        return true;
    }
    let ours = |owner: &str| {
        names
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word.eq_ignore_ascii_case(owner))
    };
    // The tokenizer leaves the apostrophe of "growers'" out of the word.
    let plural = statement
        .get(tokens[at].span.end..)
        .is_some_and(|rest| rest.starts_with(['\'', '\u{2019}']));
    if plural && before.ends_with('s') {
        return !ours(before);
    }
    let general = at
        .checked_sub(1)
        .is_some_and(|i| ["a", "an", "one"].contains(&&*tokens[i].word));
    before
        .strip_suffix("'s")
        .is_some_and(|owner| general && !ours(owner))
}

/// How many words before a market position a word may make it the
/// business's aim: "to become the leading independent", "grow our online
/// sales".
const AIM_REACH: usize = 2;

/// The market positions and lines of sales a WHY names as the business's
/// own aim or position ("To become the leading independent tea retailer",
/// "grow online sales"), not those it names as the world it answers ("after
/// years of faceless online sales of hearing aids", "whatever the leading
/// brands say you need").
fn own_positions(tokens: &[Token]) -> Vec<Match> {
    let aims = why_aims().find(tokens);
    why_position()
        .find(tokens)
        .into_iter()
        .filter(|cue| {
            let at = cue.tokens.start;
            aims.iter().any(|aim| {
                aim.tokens.end <= at
                    && at - aim.tokens.end < AIM_REACH
                    && tokens[aim.tokens.start].clause == tokens[at].clause
            })
        })
        .collect()
}

/// Whether a cue of selling or lending more goes on to compare what is
/// sold ("we want to sell more second-hand than new"): a choice of what,
/// not volume. "More of them than ever" is volume.
fn compares(tokens: &[Token], cue: &Match) -> bool {
    let last = cue.tokens.end - 1;
    if &*tokens[last].word != "more" {
        return false;
    }
    let clause = tokens[last].clause;
    let after: Vec<&Token> = tokens[cue.tokens.end..]
        .iter()
        .take_while(|t| t.clause == clause)
        .take(5)
        .collect();
    // "More than 10,000", "than any other grocer", "than we did" are
    // volume too.
    after.iter().enumerate().any(|(i, t)| {
        &*t.word == "than"
            && after.get(i + 1).is_some_and(|n| {
                !matches!(
                    &*n.word,
                    "ever" | "last" | "before" | "any" | "anyone" | "we" | "our" | "us" | "they"
                ) && !n.word.starts_with(|c: char| c.is_ascii_digit())
            })
    })
}

/// How many words may stand between a verb of meeting and the targets it
/// meets: "hit our SSNAP early supported discharge targets".
const OWN_TARGET_REACH: usize = 6;

/// The business's own performance targets, or its own funding, as its aim:
/// a verb of meeting (hit, meet, achieve), then "our" and a target or KPI
/// within [`OWN_TARGET_REACH`] words ("To hit our SSNAP early supported
/// discharge targets") or a target of a number ("hit the regional
/// collection target of 9,400 units"), or "protect" with "our", "the team's" or "the
/// service's" funding right after it ("protect the team's funding"); all
/// in one clause, and not after a negation anywhere earlier in it ("not to
/// hit our targets", "not a service that exists to protect our funding").
/// Someone else's target ("help every child reach their reading target"),
/// a target shared with people ("our shared target"), "target" before a
/// noun ("meet our target families") and a target past a relative
/// ("meet our nurses, who have no targets") are not read.
fn own_targets(tokens: &[Token]) -> Vec<Match> {
    let mut found = Vec::new();
    let mut negated = false;
    for (at, verb) in tokens.iter().enumerate() {
        if at > 0 && tokens[at - 1].clause != verb.clause {
            negated = false;
        }
        let before = negated;
        negated |= is_negator(&verb.word);
        if before {
            continue;
        }
        let word = |i: usize| {
            tokens
                .get(i)
                .filter(|t| t.clause == verb.clause)
                .map(|t| &*t.word)
        };
        if &*verb.word == "protect" {
            let owner = match (word(at + 1), word(at + 2)) {
                (Some("our"), _) => Some(at + 2),
                (Some("the"), Some("team's" | "service's" | "council's" | "charity's")) => {
                    Some(at + 3)
                }
                _ => None,
            };
            if let Some(i) = owner
                && word(i) == Some("funding")
            {
                found.push(Match {
                    tokens: at..i + 1,
                    span: verb.span.start..tokens[i].span.end,
                });
            }
            continue;
        }
        if !matches!(&*verb.word, "hit" | "meet" | "achieve") {
            continue;
        }
        // A numbered target is the business's only when the business hits
        // it: "We hit the target of 40 homes", "Our job this year is to hit
        // the regional collection target". Anyone else before the verb
        // ("every family ... can hit", "help children ... to hit") makes it
        // theirs.
        let word_before = |k: usize| at.checked_sub(k).map(|i| &*tokens[i].word);
        let business_hits = matches!(word_before(1), Some("we"))
            || matches!(word_before(2), Some("we"))
                && matches!(
                    word_before(1),
                    Some("will" | "must" | "can" | "want" | "need")
                )
            || word_before(1) == Some("to")
                && (at == 1
                    || matches!(
                        word_before(2),
                        Some("is" | "are" | "exist" | "exists" | "aim" | "aims" | "here")
                    ));
        let mut ours = false;
        let mut theirs = !business_hits;
        for i in at + 1..tokens.len().min(at + 1 + OWN_TARGET_REACH) {
            let Some(w) = word(i) else { break };
            if matches!(w, "who" | "which" | "that" | "whose") {
                break;
            }
            ours |= w == "our";
            theirs |= matches!(w, "their" | "his" | "her" | "your" | "my");
            let target = matches!(w, "target" | "targets" | "kpi" | "kpis");
            // Targets in the business's own plan: "hit the visit targets in
            // our Community Risk Management Plan".
            let in_ours =
                matches!(word(i + 1), Some("in" | "of" | "under")) && word(i + 2) == Some("our");
            // A target of a number the business sets itself: "hit the
            // regional collection target of 9,400 whole-blood units".
            let numbered = word(i + 1) == Some("of")
                && word(i + 2).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
            let ours = ours || numbered && !theirs || in_ours;
            let shared = word(i - 1) == Some("shared");
            let before_a_noun = tokens
                .get(i + 1)
                .is_some_and(|n| n.clause == verb.clause && n.content && &*n.word != "by");
            if ours && target {
                if !shared && !before_a_noun {
                    found.push(Match {
                        tokens: at..i + 1,
                        span: verb.span.start..tokens[i].span.end,
                    });
                }
                break;
            }
        }
    }
    found
}

/// How many words may stand between an aim and its verb of getting money:
/// "aims to raise", "our goal is to reach".
const TARGET_REACH: usize = 2;

/// How many words after the verb of getting money its amount may stand,
/// with only function words before it: "raise £600,000", "reach at least
/// €2m".
const AMOUNT_REACH: usize = 3;

/// The money targets a WHY sets: an aim, a verb of getting money within
/// two words after it, and an amount of money right after that, all in one
/// clause ("aims to raise £600,000 in its share offer", "our goal is to
/// reach $2m"), quoted from the aim to the amount. Money without an aim is
/// people's lives ("nobody should have to raise £5,000 for a wheelchair",
/// "no one should pay more than £5").
fn money_targets(statement: &str, tokens: &[Token]) -> Vec<Match> {
    let aims = why_targets().find(tokens);
    let targets = why_raising().find(tokens).into_iter().filter_map(|verb| {
        let at = verb.tokens.start;
        let clause = tokens[at].clause;
        let aim = aims.iter().find(|aim| {
            aim.tokens.end <= at
                && at - aim.tokens.end <= TARGET_REACH
                && tokens[aim.tokens.start].clause == clause
        })?;
        // Only words such as "at least" or "over" stand before the amount:
        // "raise awareness of £5 repairs" raises awareness.
        let amount = (verb.tokens.end..tokens.len())
            .take(AMOUNT_REACH)
            .take_while(|&i| tokens[i].clause == clause)
            .find(|&i| tokens[i].content || is_money_amount(statement, tokens, i))
            .filter(|&i| is_money_amount(statement, tokens, i))?;
        Some(Match {
            tokens: aim.tokens.start..amount + 1,
            span: aim.span.start..tokens[amount].span.end,
        })
    });
    targets.collect()
}

/// Words that may stand between the business and its verb of selling: "we
/// also sell", "we are now selling".
const SUBJECT_FILLERS: &[&str] = &["also", "now", "still", "only", "already", "are", "is"];

/// The verbs of selling or running the service whose subject is the
/// business: "we sell", "we are now selling", or the plan's name or owner
/// with words of an organisation ("Oakfield Tools sells secondhand tools",
/// "Ashdown County Council's Passenger Transport Unit arranges"), the whole
/// of the clause before the verb. Those are what the
/// business is, like "provides"; another subject ("a ten-person workshop
/// should be able to sell abroad", "being sold to") is the world it
/// answers.
fn own_sales(statement: &str, tokens: &[Token], name: &str) -> Vec<Match> {
    let name: Vec<_> = tokenize(name).into_iter().map(|t| t.stem).collect();
    let sales = why_selling().find(tokens).into_iter().filter(|verb| {
        let at = verb.tokens.start;
        // A capitalised word of the name is the name, not its verb: the
        // "Lend" of "Little Lend lends cots".
        let capitalised = statement[verb.span.clone()].starts_with(char::is_uppercase);
        if capitalised && name.contains(&tokens[at].stem) {
            return false;
        }
        let clause = tokens[at].clause;
        let start = tokens[..at]
            .iter()
            .rposition(|t| t.clause != clause)
            .map_or(0, |i| i + 1);
        let mut subject = &tokens[start..at];
        while let [rest @ .., last] = subject
            && SUBJECT_FILLERS.contains(&&*last.word)
        {
            subject = rest;
        }
        match subject {
            [] => false,
            // One word of the name is the business unless it names people
            // or a group, a plural: "Families lend each other ..." in the
            // plan "Families First", "Makers sell their work" in "Makers
            // Market".
            [one] => {
                matches!(&*one.word, "we" | "we're")
                    || one.content
                        && name.contains(&one.stem)
                        && !one.word.ends_with('s')
                        && why_people().find(std::slice::from_ref(one)).is_empty()
            }
            _ => {
                let organisation = why_organisations().find_all(subject);
                let names_it = |i: usize| {
                    name.contains(&subject[i].stem)
                        || organisation.iter().any(|m| m.tokens.contains(&i))
                };
                subject.iter().any(|t| t.content)
                    && (0..subject.len()).all(|i| !subject[i].content || names_it(i))
            }
        }
    });
    sales.collect()
}

#[cfg(test)]
mod tests {
    use super::{compares, money_targets, own_positions, own_sales, own_targets};
    use crate::text::lexicons::why_business;
    use crate::text::tokenize;

    #[test]
    fn a_money_target_is_an_aim_to_raise_an_amount() {
        for why in [
            "The trust aims to raise £250,000 for a new roof by 2027",
            "Our goal is to reach $2m in bookings",
            "We plan to turn over 400,000 euros next year",
            "We aim to bring in at least £80,000 from the café",
        ] {
            assert!(!money_targets(why, &tokenize(why)).is_empty(), "{why}");
        }
        for why in [
            "We believe nobody should pay more than £5 for a prescription",
            "No family should have to raise £5,000 for a wheelchair",
            "Good glasses should be affordable for everyone",
            "We aim to reach 10,000 walkers a year",
            "We aim to raise awareness of £5 repairs",
        ] {
            assert!(money_targets(why, &tokenize(why)).is_empty(), "{why}");
        }
    }

    #[test]
    fn a_word_of_the_name_that_names_people_is_not_the_business() {
        let why = "Families lend each other the baby kit their children have outgrown";
        assert!(own_sales(why, &tokenize(why), "Families First 2027").is_empty());
        let why = "Makers sell their work directly to the town";
        assert!(own_sales(why, &tokenize(why), "Makers Market 2027").is_empty());
        let why = "Oakfield lends ladders to anyone in the valley";
        assert!(!own_sales(why, &tokenize(why), "Oakfield 2027").is_empty());
    }

    #[test]
    fn selling_more_than_something_else_is_a_choice_not_volume() {
        let more = |why: &str| {
            let tokens = tokenize(why);
            why_business()
                .find(&tokens)
                .iter()
                .any(|m| !compares(&tokens, m))
        };
        assert!(more("and we want to lend more of them than ever this year"));
        assert!(!more(
            "We want to sell more second-hand than new, because every reused coat counts"
        ));
        for volume in [
            "we want to sell more than 10,000 veg boxes next year",
            "we want to sell more veg boxes than any other grocer in town",
            "we want to sell more than we did in 2026",
        ] {
            assert!(more(volume), "{volume}");
        }
    }

    #[test]
    fn the_business_s_own_targets_are_its_numbers() {
        for why in [
            "To hit our SSNAP early supported discharge targets",
            "We exist to meet our national KPIs every quarter",
            "To cut bed days and protect the team's funding at the next review",
            "Our job this year is to hit the regional collection target of 9,400 units",
            "We hit the target of 40 homes by spring, and then keep going",
            "Deliver 9,000 checks and hit the visit targets in our Community Risk Management Plan.",
        ] {
            assert_eq!(own_targets(&tokenize(why)).len(), 1, "{why}");
        }
        for why in [
            "We help every child reach their reading target",
            "Our nurses meet patients where they are, whatever the targets say",
            "We hit the road so our clients do not have to",
            "Our physios get people back to the lives they love, not to hit our targets",
            "We want to reach our target families where they already are",
            "Every pupil can meet our shared target of reading for pleasure",
            "Every patient should meet our nurses who have no targets to chase",
            "We are not a service that exists to protect our funding",
            "We help every reader hit the target of 20 books a year",
            "We believe every family on the estate can hit the national target of 5 portions of fruit and veg a day",
            "We help children who find reading hard to hit the target of 20 books a year.",
            "We coach every new runner to meet the target of 5 km without stopping.",
            "Every child can meet their target of 20 books, at their pace",
        ] {
            assert!(own_targets(&tokenize(why)).is_empty(), "{why}");
        }
    }

    #[test]
    fn selling_describes_the_business_only_as_its_subject() {
        let name = "Oakfield Tools - 2027 plan";
        for why in [
            "Oakfield Tools sells secondhand tools and hires out ladders",
            "We sell refurbished laptops to schools",
            "Since 1990, we are now selling bikes in three towns",
            "The Oakfield Tools team arranges delivery to 40 sites",
            "We lend ladders and drills to anyone in the valley",
            "Oakfield lends ladders and drills to anyone in the valley",
        ] {
            assert!(!own_sales(why, &tokenize(why), name).is_empty(), "{why}");
        }
        for why in [
            "A ten-person workshop should be able to sell abroad",
            "Looking after your eyes should never feel like being sold to",
            "Farmers sell us their best milk",
            "The council's planners arrange a bus for every village",
            "We don't sell anything we wouldn't use",
            "Neighbours should be able to lend each other a drill",
        ] {
            assert!(own_sales(why, &tokenize(why), name).is_empty(), "{why}");
        }
    }

    #[test]
    fn a_position_counts_only_as_the_business_s_aim() {
        for why in [
            "To become the leading independent tea retailer in the North West",
            "We want to grow online sales every year",
            "We are the leading brand of walking boots",
            "to double our online sales",
            "We exist to maximise earnings for our members",
        ] {
            assert!(!own_positions(&tokenize(why)).is_empty(), "{why}");
        }
        for why in [
            "We started after years of faceless online sales of hearing aids left people with devices they never wore",
            "We believe camping should be easy for anyone, whatever the leading brands say you need",
            "we became the leading independent voice for accessible camping by listening to disabled campers",
            "We believe good food should not depend on how much you earn",
        ] {
            assert!(own_positions(&tokenize(why)).is_empty(), "{why}");
        }
    }
}
