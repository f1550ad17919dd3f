//! WHY006 against-why: the HOW or the WHAT does what the WHY stands against.
//! The rule's metadata, its documentation (`planlint explain WHY006`) and its
//! check.

use std::ops::Range;

use crate::diagnostic::{Severity, Subject};
use crate::plan::{Plan, Span, items, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{
    animal_handling, at_cost_promises, autonomy_promises, aversive_tools, belonging_promises,
    chase_breaks, chase_promises, close_pressure, data_sales, data_words, decided_for_them,
    equal_promises, exclusion_breaks, fitted_promises, hands_off_promises, hidden_breaks,
    landfill_breaks, landfill_promises, no_comparison_promises, no_pressure_promises, own_gain,
    paid_placement, paid_priority, people_rankings, price_competition, price_concern,
    privacy_promises, profit_pricing, push_buying, reward_promises, sales_pressure, same_for_all,
    seen_promises, single_size, size_promises, stance_buying, unpaid_ranking_promises, withdrawals,
};
use crate::text::{
    DETERMINERS, HEAD_ENDS, Match, PhraseList, Token, covered, is_negator, quote, tokenize,
};

pub static RULE: Rule = Rule {
    code: "WHY006",
    name: "against-why",
    family: Family::Why,
    severity: Severity::Warning,
    summary: "the HOW or the WHAT does what the WHY stands against",
    help: "make the HOW and the WHAT follow from the WHY: drop or rework what works against it, or rewrite the WHY if the business believes something else",
    docs: r#"## What it does
Holds the HOW (statement and differentiators) and the WHAT (statement and
offerings) against what the WHY, or the HOW itself, takes a stand on, and
reports a line that works against it. Twelve stands are read, each with the
words that show it on both sides:
- **Buying less.** The WHY or the HOW stands against buying, selling or
  replacing things: a word of buying in a frame of refusal ("buy less" at
  the end of a clause or before "of", "instead of buying new", "rather save
  a plant than sell one", "we never sell", "better served by people who
  mend their gear than by people who replace it": by those who do it, a
  verb of keeping before "than"; "better advice than the websites that
  sell bikes" is no stand). A differentiator or offering that pushes
  people to buy is then reported: sales pressure ("daily deals", "30%
  off") or buying made automatic or new goods on discount ("Auto-replace",
  "discounted new tools", "Clearance new budget waterproofs").
- **Price.** The HOW competes on price and promotions, with two cues or
  more ("we win on price", "compete with the supermarkets on price", "win
  every tender on price", "lowest quoted price",
  "price-match", "multi-buy deals", "the cheapest", "fees the lowest of
  any club", sessions "filled to hall capacity so" fees stay low), while the WHY says nothing of price or of what people can
  afford. Price and promotions are what a business reaches for when it has
  no reason to be chosen beyond the deal; a WHY about something else is
  not what such a HOW acts on.
- **People's data.** The WHY or the HOW promises that people's data stays
  theirs ("theirs alone", "never sold", "nothing shared") and a line of the
  HOW or the WHAT sells, licenses or advertises with it ("we license
  adherence data to drug brands for targeted advertising"). A promise
  about one kind of data ("we never sell location data") is not broken by
  data sold bare, with no kind named ("Operator fault feed (data
  licence)"); data of a named kind ("route data") is held against it. A
  sale whose object after it is something else is no sale of data ("a PDF
  you can hand over when you sell the van", beside "service history").

- **Paid placement.** The WHY or the HOW promises that no one can buy a
  better place in what the business ranks or lists ("we never rank
  restaurants by what they pay us", "no paid placements") and a line of
  the HOW or the WHAT sells one ("a 'Top Pick' badge and first place in
  search results for restaurants that pay the featured fee", "sponsored
  listings").
- **No ranking of people.** The WHY or the HOW promises that people are
  not measured against each other ("shown against the child's own last
  session, never against other children", "no league tables") and a line
  of the HOW or the WHAT ranks them ("a club leaderboard ranking every
  child in a class", "league tables of the fastest riders").
- **At cost.** The WHY or the HOW promises the service is shared at cost,
  not for profit, or cheaply for everyone ("shared at cost, never for
  profit", "should all be able to make a two-mile trip cheaply", "an
  affordable, honest way to move", "shouldn't cost a month's rent"), or that
  money never keeps anyone out (a word of price before "never" and the
  reason someone misses out, a stop to someone, or a barrier: "money
  should never stop a family eating well"; not "our prices never stop
  rising", nor "price should never be the reason someone picks a
  butcher"), or the WHAT promises it free to the people it serves ("Free for families:
  lifts are favours", "free for every child here whatever their family
  can afford"), and a line of the HOW or the WHAT charges what demand
  will bear, sells a place in the queue or keeps out those who do not pay
  ("surge pricing at peak drop-off times", "priority matching" for a fee,
  "a booking fee on every seat", "the yard reserved for members, general
  gates closed", "priced at the top of the market").
- **Time to decide.** The WHY or the HOW promises people time to decide
  without being sold to ("straight answers, not a sales pitch, and the
  time to decide", "no hard sell") and a line of the HOW or the WHAT
  presses them to decide on the spot: a reward for signing before they
  leave ("GBP 300 off if treatment is agreed before you leave the first
  consultation", "a same-day sign-up bonus") or a deadline ("today
  only", "offer ends"). A discount with no deadline is no pressure.
- **Left wild.** The WHY or the HOW promises that the animals in its care
  are handled as little as possible and never tamed, and a line of the HOW
  or the WHAT sells handling them ("Hedgehog cuddle experience days",
  "Hand-feed the fox cubs sessions", photos of an animal "being handled
  by our team").
- **Out of landfill.** The WHY or the HOW promises that things are kept out
  of landfill or given another life ("A climbing shoe ... shouldn't end up
  in landfill", "a second life for every sofa") and a line of the HOW or
  the WHAT sends them there ("the old pairs go in the skip", "sent to
  landfill", "into the compactor"). A break refused or saved from
  anywhere earlier in its clause, by a negation, "nothing", "before" or
  "otherwise", is the promise kept ("Nothing left at closing goes in the
  skip", "sofas that would otherwise end up in the skip"); "landfill"
  alone is no promise ("halve what we send to landfill"), nor a "second
  life", which may be a rescued animal's, and a bin is not read, as a
  glass collector's bins are its service.
- **Equal terms.** The WHY or the HOW promises everyone is served on the
  same terms ("a right to take part ... on equal terms", "equal access")
  and a line of the HOW or the WHAT puts those who pay first, a priority
  with a word of paying in its clause ("accounts that pay the platform
  fee get first pick of interpreters", "Priority places for members who
  pay the annual fee"); a priority by need is no break ("Urgent cases are
  fast-tracked", "Children in care get first pick").
- **No chasing.** The WHY or the HOW promises people never have to chase
  what they asked for ("Tenants should never have to chase, argue or fight
  to get a repair done") and a line of the HOW or the WHAT closes a
  request on silence ("Repair reports not re-confirmed by the tenant
  within 24 hours are closed automatically"); a window that closes
  ("Online bookings close automatically at midnight") is no break.
- **Every size.** The WHY or the HOW promises people of every size are
  served alike ("every bride, whatever her size, should try on a dress
  that fits her") and a line of the HOW or the WHAT offers one size for
  all ("each gown as a single size-14 sample"); "no one-size-fits-all" is
  a refusal, not a cue.
- **Seen.** The WHY or the HOW is glad the people it is for are seen
  ("somewhere that's glad to see them", "proud to be seen") and a line of the HOW or the WHAT that names people of the
  business (trainees, staff, volunteers) keeps them out of the customers'
  sight ("Trainees work in the back bakehouse only, out of customers'
  sight", "hidden from customers"); a line that names none hides nothing
  of them ("deliveries come in out of sight of customers"), things kept
  "out of sight" are no people, and "never hidden from customers" is a
  refusal.

- **Fitted to each.** The WHY or the HOW promises help fitted to each
  person or family ("kind, judgement-free help that fits their baby",
  "every child is different") and a line of the HOW or the WHAT gives
  everyone the same ("our standard controlled-crying programme, the same
  for every baby"); a price the same for everyone is fair, not one plan
  for all ("one delivery charge, the same for every family").
- **Belonging.** The WHY or the HOW promises a group is somewhere people
  belong ("a band is somewhere you belong") and a line of the HOW or the
  WHAT lets people in only by competing for a place, or puts them out
  ("Audition-only entry, with places going to the strongest applicants",
  "three missed rehearsals and you are out"); auditions for something
  else ("we audition only for the two solo parts") are no entry, and "no
  auditions" is a refusal.
- **Their own decision.** The WHY or the HOW promises people decide for
  themselves ("they, not their parents or their doctors, are the experts
  on their own days", "a decision an older driver makes for themselves")
  and a line of the HOW or the WHAT decides for them or tells on them
  without asking ("every missed preventer dose is reported automatically
  to a parent", "We judge the programme by how many participants hand
  back their licence").
- **Training by reward.** The WHY or the HOW promises animals are trained
  by reward ("kind, patient, reward-based training", "force-free") and a
  line of the HOW or the WHAT sells or uses tools that train by pain or
  fear ("Partner shop: remote e-collars and prong collars for fast
  results", "choke chains"); a tool refused ("we never sell e-collars") is
  the promise kept.

The price reading also counts a HOW that puts turnover before people
("we run the café for turnover", "a table limit", "keep covers moving",
"to keep rounds moving",
"turn stock over fast", "fittings capped at 15 minutes", "fixed 20-minute
slots", "Maximise turnover per square foot", "close every sale ... so
the queue keeps moving", "keep chat to a minimum", "treat repairs as the loss-leader", "to keep chair revenue per
hour up"; a cap on how many people come, "classes capped at twelve", or
on a customer's wait is care, not turnover, and "as fast as possible"
counts only beside another cue, as does a queue kept moving: "a second
till opens at lunchtime so the queue keeps moving" is care).
It counts, too, a HOW or a WHAT that puts the business's own gain first:
steering people to where it earns most ("steer customers to replacements,
where the margin is three times higher", "the saddles with the best
margin", "protect our margin", "put every bike where it earns most"), an
upsell or a cross-sell on every contact ("Premium upsell on every
screen"), every contact opened with what sells best ("We lead every
consultation with our whitening and composite-bonding packages"; not
"with a question about how you play", "with the basic plan and explain
premium if asked", nor a flagship scan "free for everyone") or an add-on's attachment rate as a target ("Staff targets on
warranty attachment rate"), transactions grown for their own sake ("to
keep the tills busy"), the brands that pay it most ("the best trade
margin"), fear put to work for the sale ("Urgency-first messaging ... so
they book with us now"), the most profitable
lines, or a range moved up-market or priced at the top of the market to
raise the average basket. These count whatever the WHY says of price,
since a WHY about what people can afford is no reason to put a margin
first. Not counted: a margin named fairly ("a margin we publish each
April", "we pay farmers a higher margin"), someone else's earnings
("drivers on the longest rounds earn the most"), a shop described ("an
upmarket watch shop"), a cue in a clause that ends it ("attachment
rates were scrapped", "are off the table"), and a cue with a negation anywhere before it in
its clause ("never steer you to the lines with the best margin"). Each cue counts
once, whatever its form ("best margin", "best margins"), and the HOW and
the WHAT each get their own finding, with their own cues.

It also reports a HOW that withdraws what the WHAT still offers: a word
of withdrawing ("wind down", "phase out", "stop stocking", "drop the")
whose object, before any preposition, is a thing the WHAT sells ("Wind
down the rental fleet and the restored uprights" beside a WHAT that sells
restored uprights). The HOW and the WHAT then promise two things; "we
phase out plastic bags" names nothing the WHAT sells, and "close the loop
on every report" closes no thing sold. The thing must be named as the
WHAT names it: "phase out single-use coffee cups" withdraws no "deposit
cups", and "drop the plastic veg box liners" no veg box.

One finding is given for the HOW and one for the WHAT, at the first of
their lines that says it, with the words of all of them.

Not reported:
- a line that names the thing only to refuse it ("we never sell your
  data", "no multi-buy deals"): a negation before the cue in its clause
  cancels it; for the promises and the lines that break them (paid
  placement, ranking people, time to decide, left wild, every size), a
  negation or "instead of", "rather than", "why" or "because" up to six
  words before the cue, whatever the commas ("no petting, cuddling or
  hand-feeding", "talks on why hand-feeding harms wild animals"), or a
  negation right after it ("one size for all never works"), cancels it;
- buying words the WHY uses in passing ("as easy as buying"): a stand
  needs a frame of refusal, and "buy less plastic" stands against plastic,
  not buying;
- a price-led HOW in a plan whose WHY is about price or what people can
  afford ("good food nobody is priced out of"): the HOW follows from it,
  and only cues of the business's own gain are counted;
- goals: WHY004 holds them against the WHY.

These are the stands independent plans showed; a HOW or WHAT that
contradicts the WHY in other words (dropping the early sailings a WHY of
"every day of the year" depends on) is not read yet.

## Why it matters
The golden circle works only when the HOW and the WHAT stay true to the
WHY. A strategy at odds with the belief it states reads as fake, to the
team that must carry it out and to customers who came for the belief: a
lending app that says "buy less" and earns from deals on new tools loses
both.

## Example
```toml
[why]
statement = "We believe a coat should last ten winters, and that people should buy less and mend more."

[what]
offerings = ["Repairs while you wait", "Flash sale: 40% off this season's coats"]
```

## How to fix
Drop the line that works against the WHY, or rework it so it follows from
the WHY ("Trade in a worn coat for repair credit"). If the business has
changed what it believes, rewrite the WHY."#,
    phase: Phase::Plan(check),
};

/// A text of the HOW or the WHAT, with the subject it is reported on.
struct Line<'a> {
    subject: Subject,
    text: &'a str,
    span: Span,
}

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    let Some(why) = plan.why_statement() else {
        return;
    };
    let lines = lines(plan);
    let how_texts: Vec<&str> = lines
        .iter()
        .filter(|l| l.subject == Subject::How)
        .map(|l| l.text)
        .collect();
    // Where a stand may be taken, with the name a message gives it.
    let stands: Vec<(&str, &str)> = std::iter::once((why, "the WHY"))
        .chain(how_texts.iter().map(|t| (*t, "the HOW")))
        .collect();
    let mut reports = Vec::new();

    if let Some((stand, place)) = stands
        .iter()
        .find_map(|(t, place)| against_buying(t).map(|stand| (stand, place)))
    {
        for (line, pushes) in by_subject(&lines, pushes_buying) {
            reports.push((
                line,
                format!(
                    "{} pushes people to buy ({}) while {place} stands against it ({stand})",
                    line.subject.describe(),
                    quoted(&pushes),
                ),
            ));
        }
    }

    // A WHY about price or what people can afford is what a price-led HOW
    // follows from; the business's own gain put first, in the HOW or the
    // WHAT, follows from no WHY.
    let about_price = !price_concern().find_all(&tokenize(why)).is_empty();
    let led_by_money = |line: &Line| -> Vec<(String, String)> {
        let tokens = tokenize(line.text);
        let mut found = own_gains(&tokens);
        if !about_price && line.subject == Subject::How {
            found.extend(competes_on_price(line.text));
        }
        found.sort_by_key(|m| m.tokens.start);
        found
            .into_iter()
            .map(|m| {
                let key: Vec<&str> = tokens[m.tokens.clone()].iter().map(|t| &*t.stem).collect();
                (key.join(" "), quote(line.text, m.span))
            })
            .collect()
    };
    let by_line: Vec<(&Line, Vec<(String, String)>)> = lines
        .iter()
        .map(|l| (l, led_by_money(l)))
        .filter(|(_, cues)| !cues.is_empty())
        .collect();
    // Cues are counted once each, by their stems: "best margin" and "best
    // margins" are one.
    let distinct: std::collections::BTreeSet<&str> = by_line
        .iter()
        .flat_map(|(_, cues)| cues.iter().map(|(key, _)| key.as_str()))
        .collect();
    if distinct.len() >= 2 {
        let gain = lines
            .iter()
            .any(|l| !own_gains(&tokenize(l.text)).is_empty());
        let (does, held) = if gain {
            (
                "puts the business's own gain, price or turnover first",
                "while the WHY stands for something other than the business's gain",
            )
        } else {
            (
                "competes on price or turnover",
                "while the WHY says nothing of price or of what people can afford",
            )
        };
        for subject in [Subject::How, Subject::What] {
            let mut found = by_line.iter().filter(|(l, _)| l.subject == subject);
            let Some((first, _)) = found.clone().next() else {
                continue;
            };
            let quotes: Vec<String> = found
                .by_ref()
                .flat_map(|(_, cues)| cues.iter().map(|(_, quote)| quote.clone()))
                .collect();
            reports.push((
                *first,
                format!(
                    "{} {does} ({}) {held}",
                    first.subject.describe(),
                    quoted(&quotes)
                ),
            ));
        }
    }

    if let Some((promise, place)) = first_promise(&stands, privacy_promises()) {
        let kind = promised_kind(&stands);
        let sells = |text: &str| sells_data(text, kind.as_deref());
        for (line, sold) in by_subject(&lines, sells) {
            reports.push((
                line,
                format!(
                    "{} sells or advertises with people's data ({}) while {place} promises it stays theirs ({promise})",
                    line.subject.describe(),
                    quoted(&sold),
                ),
            ));
        }
    }

    // A price promise may stand in the WHAT too ("Free for families: lifts
    // are favours"); only the HOW is then held against it, as a line of
    // the WHAT that names a price beside its promise describes its offer.
    let what_stands: Vec<(&str, &str)> = lines
        .iter()
        .filter(|l| l.subject == Subject::What)
        .map(|l| (l.text, "the WHAT"))
        .collect();
    let price_stands: Vec<(&str, &str)> = stands.iter().copied().chain(what_stands).collect();
    let at_cost = first_promise(&price_stands, at_cost_promises()).or_else(|| {
        price_stands
            .iter()
            .find_map(|&(text, place)| price_never_stops(text).map(|p| (p, place)))
    });
    if let Some((promise, place)) = at_cost {
        let charges = |text: &str| cues(profit_pricing().find(&tokenize(text)), text);
        let held = by_subject(&lines, charges)
            .into_iter()
            .filter(|(line, _)| place != "the WHAT" || line.subject == Subject::How);
        for (line, charged) in held {
            reports.push((
                line,
                format!(
                    "{} charges what demand will bear, or keeps out those who do not pay ({}), while {place} promises a price everyone can pay ({promise})",
                    line.subject.describe(),
                    quoted(&charged),
                ),
            ));
        }
    }

    // Stands read alike: a promise, and lines whose cues break it, unless
    // refused or ruled out where they stand. A promise said as a refusal
    // ("should never end up in landfill", "should never have to chase") is
    // read negated too.
    let broken: [(&PhraseList, bool, &PhraseList, Counts, &str, &str); 13] = [
        (
            unpaid_ranking_promises(),
            false,
            paid_placement(),
            everywhere,
            "sells a place in the ranking",
            "promises no one can buy one",
        ),
        (
            no_comparison_promises(),
            false,
            people_rankings(),
            everywhere,
            "ranks people against each other",
            "promises it never will",
        ),
        (
            no_pressure_promises(),
            false,
            close_pressure(),
            everywhere,
            "presses people to decide on the spot",
            "promises them time to decide",
        ),
        (
            hands_off_promises(),
            false,
            animal_handling(),
            everywhere,
            "sells handling the animals",
            "promises they are left wild",
        ),
        (
            size_promises(),
            false,
            single_size(),
            everywhere,
            "offers one size for all",
            "promises every size alike",
        ),
        (
            equal_promises(),
            false,
            paid_priority(),
            beside_paying,
            "puts those who pay first",
            "promises equal terms",
        ),
        (
            chase_promises(),
            true,
            chase_breaks(),
            on_silence,
            "drops what people do not chase",
            "promises they never have to",
        ),
        (
            landfill_promises(),
            true,
            landfill_breaks(),
            not_saved,
            "sends things to landfill",
            "promises to keep them out of it",
        ),
        (
            seen_promises(),
            false,
            hidden_breaks(),
            naming_people,
            "keeps people out of the customers' sight",
            "is glad they are seen",
        ),
        (
            reward_promises(),
            false,
            aversive_tools(),
            everywhere,
            "sells or uses tools that train by pain or fear",
            "promises training by reward",
        ),
        (
            fitted_promises(),
            false,
            same_for_all(),
            not_a_price,
            "gives everyone the same",
            "promises help fitted to each",
        ),
        (
            belonging_promises(),
            false,
            exclusion_breaks(),
            everywhere,
            "lets people in only by competing, or puts them out",
            "promises somewhere they belong",
        ),
        (
            autonomy_promises(),
            false,
            decided_for_them(),
            everywhere,
            "decides for people or tells on them without asking",
            "promises they decide for themselves",
        ),
    ];
    for (promises, negated_too, breaks, counts, does, promised) in broken {
        let promise = stands.iter().find_map(|&(text, place)| {
            let tokens = tokenize(text);
            let found = if negated_too {
                promises.find_all(&tokens)
            } else {
                promises.find(&tokens)
            };
            cues(found, text).into_iter().next().map(|p| (p, place))
        });
        let Some((promise, place)) = promise else {
            continue;
        };
        let breaking = |text: &str| {
            let tokens = tokenize(text);
            let counted = counts(&tokens, text);
            let found = breaks
                .find(&tokens)
                .into_iter()
                .filter(|m| counted[m.tokens.start] && !refused(&tokens, m))
                .collect();
            cues(found, text)
        };
        for (line, found) in by_subject(&lines, breaking) {
            reports.push((
                line,
                format!(
                    "{} {does} ({}) while {place} {promised} ({promise})",
                    line.subject.describe(),
                    quoted(&found),
                ),
            ));
        }
    }

    // A HOW that withdraws what the WHAT still offers: "Wind down the rental
    // fleet and the restored uprights" beside "Restored uprights from our
    // own workshop".
    let offer = plan.offer();
    for line in lines.iter().filter(|l| l.subject == Subject::How) {
        let tokens = tokenize(line.text);
        let withdrawn: Vec<String> = withdrawals()
            .find(&tokens)
            .into_iter()
            .filter_map(|cue| {
                let clause = tokens[cue.tokens.start].clause;
                let object: Vec<usize> = (cue.tokens.end..tokens.len())
                    .take(WITHDRAWN_REACH)
                    .take_while(|&i| {
                        tokens[i].clause == clause && !HEAD_ENDS.contains(&&*tokens[i].word)
                    })
                    .collect();
                // Each thing withdrawn ("the rental fleet", "the restored
                // uprights") is the WHAT's when its head is a thing sold
                // and every word of it is the WHAT's: "single-use coffee
                // cups" are not the WHAT's "deposit cups".
                let thing = object
                    .split(|&i| matches!(&*tokens[i].word, "and" | "or"))
                    .find(|part| {
                        let words: Vec<usize> = part
                            .iter()
                            .copied()
                            .filter(|&i| tokens[i].content)
                            .collect();
                        words
                            .last()
                            .is_some_and(|&head| offer.is_head(&tokens[head].stem))
                            && words.iter().all(|&i| offer.contains(&tokens[i].stem))
                    })?;
                let end = *thing.last()?;
                Some(quote(line.text, cue.span.start..tokens[end].span.end))
            })
            .collect();
        if let Some(first) = withdrawn.first() {
            reports.push((
                line,
                format!(
                    "the HOW withdraws what the WHAT offers ({first}) while the WHAT still lists it"
                ),
            ));
            break;
        }
    }

    for (line, message) in reports {
        cx.report(&RULE, line.subject.clone(), line.span.clone(), message);
    }
}

/// Where in a line a break of a stand counts, one flag a word, read in one
/// pass: everywhere, or only where the stand's own condition holds.
type Counts = fn(&[Token], &str) -> Vec<bool>;

/// A break counts wherever it stands.
fn everywhere(tokens: &[Token], _: &str) -> Vec<bool> {
    vec![true; tokens.len()]
}

/// People kept out of sight count only in a line that names people of the
/// business: "Trainees work in the back bakehouse only, out of customers'
/// sight" (not "deliveries come in out of sight").
fn naming_people(tokens: &[Token], _: &str) -> Vec<bool> {
    let named = tokens.iter().any(|t| WORKING_PEOPLE.contains(&&*t.word));
    vec![named; tokens.len()]
}

/// People of the business a line may keep out of sight.
const WORKING_PEOPLE: &[&str] = &[
    "trainee",
    "trainees",
    "apprentice",
    "apprentices",
    "staff",
    "volunteer",
    "volunteers",
    "worker",
    "workers",
];

/// Everyone given the same counts unless it is a price: "one delivery
/// charge, the same for every family" and "prices the same for everyone"
/// are fair, not one plan for all.
fn not_a_price(tokens: &[Token], _: &str) -> Vec<bool> {
    (0..tokens.len())
        .map(|i| !(i.saturating_sub(PRICE_REACH)..i).any(|k| PRICED.contains(&&*tokens[k].word)))
        .collect()
}

/// How many words before "the same for every" a price may stand: "keep our
/// prices the same for everyone".
const PRICE_REACH: usize = 4;

/// Words of what is charged.
const PRICED: &[&str] = &[
    "price", "prices", "charge", "charges", "fee", "fees", "rate", "rates", "cost", "costs",
];

/// A priority counts only beside a word of paying in its clause
/// ("accounts that pay the platform fee get first pick"), not one given by
/// need ("Urgent cases are fast-tracked", "Children in care get first
/// pick").
fn beside_paying(tokens: &[Token], _: &str) -> Vec<bool> {
    let paying: std::collections::HashSet<usize> = tokens
        .iter()
        .filter(|t| PAYING.contains(&&*t.word))
        .map(|t| t.clause)
        .collect();
    tokens.iter().map(|t| paying.contains(&t.clause)).collect()
}

/// A request closed counts only when silence is its condition in the line
/// ("not re-confirmed", "no reply"): "bookings close automatically at
/// midnight" closes a window, not a request.
fn on_silence(tokens: &[Token], text: &str) -> Vec<bool> {
    let lower = text.to_lowercase();
    vec![SILENCE.iter().any(|s| lower.contains(s)); tokens.len()]
}

/// Things sent to landfill count unless a negation, "nothing", "before" or
/// "otherwise" comes earlier in the clause: "nothing we collect goes to
/// landfill", "before it goes to landfill", "would otherwise be thrown
/// away" save things from it ("would" alone is no saving: "sofas we would
/// once have reupholstered now go in the skip").
fn not_saved(tokens: &[Token], _: &str) -> Vec<bool> {
    let mut counted = Vec::with_capacity(tokens.len());
    let mut saved = false;
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && tokens[i - 1].clause != t.clause {
            saved = false;
        }
        counted.push(!saved);
        saved |= is_negator(&t.word)
            || matches!(
                &*t.word,
                "nothing" | "none" | "nobody" | "before" | "otherwise"
            );
    }
    counted
}

/// The first cue of `promises` where a stand may be taken (the WHY, then
/// the lines of the HOW), quoted, with the name of its place.
fn first_promise<'s>(
    stands: &[(&str, &'s str)],
    promises: &PhraseList,
) -> Option<(String, &'s str)> {
    stands.iter().find_map(|&(text, place)| {
        let found = cues(promises.find(&tokenize(text)), text);
        found.into_iter().next().map(|promise| (promise, place))
    })
}

/// A promise that money never keeps anyone out: a word of price before
/// "never" and the reason someone misses out, a stop to someone or a
/// barrier, in one clause ("the price of a first instrument should never be
/// the reason someone doesn't learn", "cost should never stop a family
/// coming"). "Our prices never stop rising" promises nothing, nor "price
/// should never be the reason someone picks a butcher" (a reason to choose,
/// not to miss out), nor "we pay growers so a bad season never stops a
/// family farm" (paying is no price).
fn price_never_stops(text: &str) -> Option<String> {
    let tokens = tokenize(text);
    tokens.iter().enumerate().find_map(|(at, price)| {
        if !PRICE_WORDS.contains(&&*price.word) {
            return None;
        }
        let same = |i: usize| tokens.get(i).filter(|t| t.clause == price.clause);
        let never = (at + 1..at + 1 + PRICE_TO_NEVER)
            .find(|&i| same(i).is_some_and(|t| &*t.word == "never"))?;
        let end = (never + 1..never + 4).find(|&i| {
            same(i).is_some_and(|t| matches!(&*t.word, "reason" | "stop" | "stops" | "barrier"))
        })?;
        let after = |reach: usize, found: &dyn Fn(&str) -> bool| {
            (end + 1..end + 1 + reach).any(|i| same(i).is_some_and(|t| found(&t.word)))
        };
        let keeps_out = match &*tokens[end].word {
            "reason" => after(MISSING_REACH, &|w| {
                is_negator(w) || matches!(w, "without" | "misses")
            }),
            "barrier" => true,
            _ => after(3, &|w| KEPT_OUT.contains(&w)),
        };
        keeps_out.then(|| quote(text, price.span.start..tokens[end].span.end))
    })
}

/// Words of price a promise that money keeps no one out opens with.
const PRICE_WORDS: &[&str] = &[
    "price", "prices", "cost", "costs", "money", "fee", "fees", "afford", "budget",
];

/// How many words after "the reason" missing out may come: "the reason
/// someone doesn't learn".
const MISSING_REACH: usize = 5;

/// People money must never stop: "never stop a family coming".
const KEPT_OUT: &[&str] = &[
    "someone",
    "anyone",
    "anybody",
    "people",
    "family",
    "families",
    "child",
    "children",
    "kids",
    "you",
    "them",
    "us",
    "pupils",
    "learners",
    "patients",
    "players",
    "members",
    "residents",
];

/// How many words a promise's word of price may stand before "never": "the
/// price of a first instrument should never".
const PRICE_TO_NEVER: usize = 7;

/// The cues `find` reads in the lines of the HOW and of the WHAT, each
/// subject's gathered under its first line that has any: one finding for
/// the HOW and one for the WHAT, whichever of their lines say it.
fn by_subject<'a, 'p>(
    lines: &'a [Line<'p>],
    find: impl Fn(&str) -> Vec<String>,
) -> Vec<(&'a Line<'p>, Vec<String>)> {
    let mut found: Vec<(&Line<'_>, Vec<String>)> = Vec::new();
    for line in lines {
        let cues = find(line.text);
        if cues.is_empty() {
            continue;
        }
        match found
            .iter_mut()
            .find(|(first, _)| first.subject == line.subject)
        {
            Some((_, all)) => all.extend(cues),
            None => found.push((line, cues)),
        }
    }
    found
}

/// The lines of the HOW and the WHAT, each statement before its list.
fn lines(plan: &Plan) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let sections = [
        plan.how
            .as_ref()
            .map(|how| (Subject::How, &how.statement, &how.differentiators)),
        plan.what
            .as_ref()
            .map(|what| (Subject::What, &what.statement, &what.offerings)),
    ];
    for (subject, statement, list) in sections.into_iter().flatten() {
        if let (Some(field), Some(value)) = (statement, text(statement)) {
            lines.push(Line {
                subject: subject.clone(),
                text: value,
                span: field.key.clone(),
            });
        }
        lines.extend(items(list).map(|item| Line {
            subject: subject.clone(),
            text: &item.text,
            span: item.span.clone(),
        }));
    }
    lines
}

/// Where a text competes on price: the cues of `price_competition.txt`
/// ("price-match", "the cheapest"), and "compete", "win" or "beat" with a
/// rival or a contest named in at most [`RIVAL_REACH`] words before "on
/// price" in the same clause ("compete with the supermarkets on price",
/// "win every tender on price", "beat the online retailers on price"; not
/// "advice on prices"), unless a negation comes up to
/// [`RIVAL_NEGATION_REACH`] words before it in the same statement.
fn competes_on_price(text: &str) -> Vec<Match> {
    let tokens = tokenize(text);
    let mut found = price_competition().find(&tokens);
    for (i, t) in tokens.iter().enumerate() {
        if !matches!(&*t.stem, "compet" | "win" | "beat") {
            continue;
        }
        // A negation up to six words back refuses it, unless "and" or "but"
        // starts another statement between: "we have never once tried to
        // compete", not "we never cut corners and we compete".
        let refused = (i.saturating_sub(RIVAL_NEGATION_REACH)..i)
            .rev()
            .take_while(|&k| {
                tokens[k].clause == t.clause && !matches!(&*tokens[k].word, "and" | "but")
            })
            .any(|k| is_negator(&tokens[k].word) || REFUSING.contains(&&*tokens[k].word));
        if refused {
            continue;
        }
        let end = tokens.len().saturating_sub(1).min(i + 1 + RIVAL_REACH);
        let on_price = (i + 1..end).find(|&j| {
            tokens[j].clause == t.clause
                && &*tokens[j].word == "on"
                && matches!(&*tokens[j + 1].word, "price" | "prices")
                && !ADVICE.contains(&&*tokens[j - 1].word)
        });
        if let Some(j) = on_price
            && !found.iter().any(|m| m.tokens.contains(&i))
        {
            found.push(Match {
                tokens: i..j + 2,
                span: t.span.start..tokens[j + 1].span.end,
            });
        }
    }
    found.sort_by_key(|m| m.tokens.start);
    found
}

/// How many words the rival or the contest may take between "compete",
/// "win" or "beat" and "on price": "compete with the big chains on quality
/// and with the online sellers on price".
const RIVAL_REACH: usize = 12;

/// Words of advice right before "on prices", which make it advice, not a
/// contest: "help households beat rising energy bills with impartial advice
/// on prices".
const ADVICE: &[&str] = &["advice", "information", "guidance", "tips", "help"];

/// How many words before "compete", "win" or "beat" a negation refuses it,
/// within one statement: "we decided long ago never to try to beat the
/// chains on price" (while "we never cut corners and we compete with the
/// supermarkets on price" competes).
const RIVAL_NEGATION_REACH: usize = 6;

/// Where a text puts the business's own gain first (`own_gain.txt`):
/// "where the margin is three times higher", "Premium upsell on every
/// screen". A negation anywhere before a cue in its clause cancels it
/// ("never steer you to the lines with the best margin"), and so does a
/// word of ending anywhere in its clause ("attachment rates were scrapped
/// in 2025", "attachment rates are off the table").
fn own_gains(tokens: &[Token]) -> Vec<Match> {
    // Whether a negation came earlier in each word's clause, and which
    // clauses end what they name, in one pass.
    let mut negated = Vec::with_capacity(tokens.len());
    let mut ended = std::collections::HashSet::new();
    let mut seen = false;
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && tokens[i - 1].clause != t.clause {
            seen = false;
        }
        negated.push(seen);
        seen |= is_negator(&t.word);
        let word = |k: usize| tokens.get(k).map(|t| &*t.word);
        if ENDED.contains(&&*t.word)
            || (&*t.word == "off" && word(i + 1) == Some("the") && word(i + 2) == Some("table"))
            || (&*t.word == "longer" && i > 0 && word(i - 1) == Some("no"))
        {
            ended.insert(t.clause);
        }
    }
    let mut found: Vec<Match> = own_gain()
        .find(tokens)
        .into_iter()
        .filter(|m| !negated[m.tokens.start] && !ended.contains(&tokens[m.tokens.start].clause))
        .collect();
    found.extend(leads_with_the_sale(tokens).filter(|m| !negated[m.tokens.start]));
    found.sort_by_key(|m| m.tokens.start);
    found
}

/// Every contact opened with what sells best: "We lead every consultation
/// with our whitening and composite-bonding packages". A verb of opening
/// (lead, open, start), "every" and a contact, then "with" and, within
/// [`SALE_REACH`] words, a word of packaging or of the top of the range
/// (packages, bundles, upgrades, premium, flagship, top-end, top model),
/// not after "standard", "basic", "free" or a negation. "We lead every
/// consultation with a question about how you play" opens with the person,
/// "We start every visit with a top-to-toe check" with a check.
fn leads_with_the_sale(tokens: &[Token]) -> impl Iterator<Item = Match> + '_ {
    tokens.windows(4).enumerate().filter_map(|(at, w)| {
        let opens = matches!(&*w[0].stem, "lead" | "open" | "start");
        let contact = &*w[1].word == "every"
            && matches!(
                &*w[2].word,
                "consultation" | "conversation" | "appointment" | "visit" | "call" | "fitting"
            )
            && &*w[3].word == "with";
        if !(opens && contact) {
            return None;
        }
        let clause = w[0].clause;
        // "free for everyone" just after gives it away.
        if tokens[at..]
            .iter()
            .take(SALE_REACH + 8)
            .any(|t| &*t.word == "free")
        {
            return None;
        }
        let sale = tokens[at + 4..]
            .iter()
            .take(SALE_REACH)
            .take_while(|t| {
                t.clause == clause
                    && !matches!(
                        &*t.word,
                        "but" | "or" | "about" | "whether" | "basic" | "standard" | "explain"
                    )
            })
            .enumerate()
            .find(|(k, t)| {
                let before = k
                    .checked_sub(1)
                    .map(|b| &*tokens[at + 4 + b].word)
                    .unwrap_or_default();
                // "the basic package, never the premium one" leads with the
                // basic package.
                let plain =
                    matches!(before, "standard" | "basic" | "free" | "entry") || is_negator(before);
                let sells = matches!(
                    &*t.word,
                    "packages" | "bundles" | "upgrades" | "premium" | "flagship" | "top-end"
                ) || (&*t.word == "top"
                    && tokens
                        .get(at + 4 + k + 1)
                        .is_some_and(|n| matches!(&*n.word, "end" | "model" | "models" | "tier")));
                sells && !plain
            })
            .map(|(k, _)| k)?;
        let end = at + 4 + sale;
        Some(Match {
            tokens: at..end + 1,
            span: w[0].span.start..tokens[end].span.end,
        })
    })
}

/// Words of paying that make a priority one bought: "accounts that pay the
/// platform fee get first pick", "Priority places for members who pay".
const PAYING: &[&str] = &[
    "pay",
    "pays",
    "paid",
    "paying",
    "fee",
    "fees",
    "premium",
    "gold",
    "platinum",
    "subscribers",
    "subscription",
    "members",
];

/// Silence as the condition for dropping a request: "Repair reports not
/// re-confirmed by the tenant within 24 hours are closed automatically".
const SILENCE: &[&str] = &[
    "not re-confirmed",
    "not reconfirmed",
    "not confirmed",
    "no reply",
    "no response",
    "don't reply",
    "do not reply",
    "don't respond",
    "do not respond",
];

/// How many words after "with" the thing sold may stand: "with our
/// whitening and composite-bonding packages".
const SALE_REACH: usize = 6;

/// Words that end what their clause names: a gain first that was given up
/// ("we scrapped the upsell on every repair") is no gain first.
const ENDED: &[&str] = &[
    "scrapped",
    "scrap",
    "scrapping",
    "abolished",
    "axed",
    "ended",
    "dropped",
    "removed",
    "banned",
];

/// Whether a cue that breaks a promise is refused where it stands: a
/// negation or a word of contrast or reason up to [`REFUSAL_REACH`] words
/// before it, whatever the commas ("no petting, cuddling or hand-feeding",
/// "instead of cuddling sessions", "talks on why petting harms them",
/// "rather than one size for all"), or a negation right after it in its
/// clause ("one size for all never works").
fn refused(tokens: &[Token], cue: &Match) -> bool {
    let at = cue.tokens.start;
    let before = tokens[at.saturating_sub(REFUSAL_REACH)..at]
        .iter()
        .any(|t| is_negator(&t.word) || REFUSING.contains(&&*t.word));
    let clause = tokens[at].clause;
    let after = tokens[cue.tokens.end..]
        .iter()
        .take(3)
        .take_while(|t| t.clause == clause)
        .any(|t| is_negator(&t.word));
    before || after
}

/// How many words before a cue a refusal reaches, across commas: "no
/// petting, cuddling or hand-feeding".
const REFUSAL_REACH: usize = 6;

/// Words of contrast or reason that make a cue after them something
/// refused or explained, not done: "instead of", "rather than", "why",
/// "because".
const REFUSING: &[&str] = &["instead", "rather", "why", "because"];

/// How many words after a withdrawal the thing withdrawn may stand, before
/// any preposition: "wind down the rental fleet and the restored uprights",
/// not "close the loop on every report".
const WITHDRAWN_REACH: usize = 8;

/// The cues as written in `text`, quoted.
fn cues(found: Vec<Match>, text: &str) -> Vec<String> {
    found.into_iter().map(|m| quote(text, m.span)).collect()
}

/// Quoted cues, each said once whatever its case.
fn quoted(cues: &[String]) -> String {
    let mut seen = std::collections::BTreeSet::new();
    cues.iter()
        .filter(|c| seen.insert(c.to_lowercase()))
        .cloned()
        .collect::<Vec<_>>()
        .join(", ")
}

/// A stand against buying in `text`, quoted: a word of buying or selling in
/// a frame of refusal.
fn against_buying(text: &str) -> Option<String> {
    let tokens = tokenize(text);
    stance_buying()
        .find_all(&tokens)
        .into_iter()
        .find_map(|m| refusal(&tokens, m.tokens))
        .map(|span| quote(text, span))
}

/// The words of a refusal of the word at `at`, if it is refused: "buy less"
/// ending its clause (or before "and", "or", "than", "of"), "instead of buying",
/// "rather save a plant than sell one" (or "better served by people who mend
/// than by people who replace it"), or a negation right before it ("never
/// sell").
fn refusal(tokens: &[Token], at: Range<usize>) -> Option<Range<usize>> {
    let clause = tokens[at.start].clause;
    let word = |i: usize| -> &str {
        tokens
            .get(i)
            .filter(|t| t.clause == clause)
            .map_or("", |t| &*t.word)
    };
    let before = |k: usize| at.start.checked_sub(k).map_or("", word);
    let less = matches!(word(at.end), "less" | "fewer")
        && matches!(word(at.end + 1), "" | "and" | "or" | "than" | "of");
    // "than" right before it, or before those who do it: "better served by
    // people who mend their gear than by people who replace it".
    let than = (1..=1 + THAN_TO_BUYING)
        .find(|&k| before(k) == "than")
        .filter(|&k| k == 1 || (1..k).any(|j| matches!(before(j), "who" | "that")));
    // By the "who" path, a verb of keeping what one has must come before
    // "than": "people who mend their gear than by people who replace it"
    // (not "better advice than the websites that sell bikes").
    let than = than.filter(|&k| {
        k == 1
            || (at.start.saturating_sub(k + 8)..at.start - k)
                .any(|i| KEEPING.iter().any(|v| word(i).starts_with(v)))
    });
    let rather = than.and_then(|k| {
        (at.start.saturating_sub(k + 8)..at.start - k)
            .find(|&i| matches!(word(i), "rather" | "better" | "sooner"))
    });
    let (first, last) = if less {
        (at.start, at.end)
    } else if before(2) == "instead" && before(1) == "of" {
        (at.start - 2, at.end - 1)
    } else if let Some(rather) = rather {
        (rather, at.end - 1)
    } else if let Some(k) = (1..=2).find(|&k| is_negator(before(k))) {
        (at.start - k, at.end - 1)
    } else {
        return None;
    };
    Some(tokens[first].span.start..tokens[last].span.end)
}

/// Verbs of keeping what one has, by their start: "mend", "repair", "keep".
const KEEPING: &[&str] = &[
    "mend", "repair", "fix", "keep", "reus", "swap", "borrow", "share",
];

/// How many words may stand between "than" and the word of buying it
/// refuses, when they name who does it: "than by people who replace it".
const THAN_TO_BUYING: usize = 4;

/// The cues in `text` that push people to buy.
fn pushes_buying(text: &str) -> Vec<String> {
    let tokens = tokenize(text);
    let mut found = sales_pressure().find(&tokens);
    found.extend(push_buying().find(&tokens));
    found.sort_by_key(|m| m.span.start);
    found.into_iter().map(|m| quote(text, m.span)).collect()
}

/// Words before a word of data that name whose it is, not what kind: "your
/// data", "people's records".
const WHOSE: &[&str] = &[
    "your",
    "their",
    "our",
    "my",
    "his",
    "her",
    "its",
    "personal",
    "people",
    "customer",
    "customers",
    "user",
    "users",
    "member",
    "members",
    "patient",
    "patients",
    "private",
];

/// The kind of data a privacy promise names, as a stem: "location" in "we
/// never sell location data". A promise about people's data in general
/// ("your data is never sold") names none.
fn promised_kind(stands: &[(&str, &str)]) -> Option<String> {
    // The kind is read where the promise is (the first stand that makes
    // one): a WHY that keeps all of people's data theirs is not narrowed by
    // a HOW about one kind of it.
    let (tokens, promise) = stands.iter().find_map(|&(text, _)| {
        let tokens = tokenize(text);
        let promise = privacy_promises().find(&tokens).into_iter().next()?;
        Some((tokens, promise))
    })?;
    let clause = tokens[promise.tokens.start].clause;
    data_words()
        .find_all(&tokens)
        .into_iter()
        .find(|d| tokens[d.tokens.start].clause == clause)
        .and_then(|d| d.tokens.start.checked_sub(1))
        .map(|i| &tokens[i])
        .filter(|t| t.clause == clause && t.content)
        .filter(|t| !WHOSE.contains(&t.word.trim_end_matches("'s")))
        .map(|t| t.stem.to_string())
}

/// The words of `text` that sell people's data: a word of selling and a
/// word of data in one clause, with no negation before the selling in it.
/// When the promise names a kind of data (`kind`, a stem: "location"), data
/// named bare must come with that kind in the clause: a fault feed sold
/// under a "(data licence)" does not break "we never sell location data",
/// while "adherence data" names a kind planlint cannot tell from the
/// promised one, and is held against it.
fn sells_data(text: &str, kind: Option<&str>) -> Vec<String> {
    let tokens = tokenize(text);
    let data = data_words().find_all(&tokens);
    let data_at = covered(tokens.len(), &data);
    let mut found = Vec::new();
    for sale in data_sales().find_all(&tokens) {
        let clause = tokens[sale.tokens.start].clause;
        let refused = (0..sale.tokens.start)
            .any(|i| tokens[i].clause == clause && is_negator(&tokens[i].word));
        let names_kind = kind.is_none_or(|kind| {
            tokens
                .iter()
                .any(|t| t.clause == clause && &*t.stem == kind)
        });
        // "adherence data" names a kind of data, which may be the promised
        // kind; "(data licence)" names none.
        let qualified = |d: &Match| {
            d.tokens.start.checked_sub(1).is_some_and(|i| {
                let before = &tokens[i];
                let word = before.word.trim_end_matches("'s");
                before.clause == clause
                    && (before.content || WHOSE.contains(&word))
                    && text[before.span.end..d.span.start]
                        .chars()
                        .all(|c| c.is_whitespace() || c == '-')
            })
        };
        let with_data = data
            .iter()
            .find(|d| tokens[d.tokens.start].clause == clause && (names_kind || qualified(d)));
        if let (false, Some(data)) = (refused, with_data)
            && !sells_something_else(&tokens, &sale, &data_at)
        {
            found.push(quote(text, sale.span.clone()));
            found.push(quote(text, data.span.clone()));
        }
    }
    found.dedup();
    found
}

/// Whether the selling names its own thing, no data: a determiner and a
/// word after it, and no data after it in its clause ("when you sell the
/// van"; "sell your data", "sell the location history", "sell an
/// anonymised report of members' basket data" name data).
fn sells_something_else(tokens: &[Token], sale: &Match, data_at: &[bool]) -> bool {
    let after = sale.tokens.end;
    let determiner = tokens.get(after).is_some_and(|t| {
        DETERMINERS.contains(&&*t.word) && t.clause == tokens[sale.tokens.start].clause
    });
    let clause = tokens[sale.tokens.start].clause;
    let object = (after + 1..tokens.len())
        .take_while(|&i| tokens[i].content && tokens[i].clause == clause)
        .count();
    // Data named anywhere after the sale in its clause is what is sold:
    // "an anonymised report of members' basket data".
    let data_after = (after..tokens.len())
        .take_while(|&i| tokens[i].clause == clause)
        .any(|i| data_at[i]);
    determiner && object > 0 && !data_after
}

#[cfg(test)]
mod tests {
    use super::{
        against_buying, competes_on_price, own_gains, price_never_stops, pushes_buying, sells_data,
        tokenize,
    };
    use crate::text::stem;

    #[test]
    fn the_same_price_for_everyone_is_fair_not_one_plan_for_all() {
        let counted = |text: &str| {
            let tokens = tokenize(text);
            let found = crate::text::lexicons::same_for_all().find(&tokens);
            let counts = super::not_a_price(&tokens, text);
            found.iter().any(|m| counts[m.tokens.start])
        };
        assert!(counted("our standard programme, the same for every baby"));
        assert!(!counted("one delivery charge, the same for every family"));
        assert!(!counted("we keep our prices the same for everyone"));
    }

    #[test]
    fn money_that_never_keeps_anyone_out_is_a_promise() {
        assert_eq!(
            price_never_stops(
                "We believe the price of a first instrument should never be the reason someone doesn't learn."
            )
            .as_deref(),
            Some("\"price of a first instrument should never be the reason\"")
        );
        assert!(price_never_stops("Cost should never stop a family coming to the pool.").is_some());
        assert!(price_never_stops("Money should never be a barrier to learning.").is_some());
        for text in [
            "Our prices never stop rising, and we say so.",
            "The price is never the reason we give for a refusal.",
            "We believe price should never be the reason someone picks a butcher: what matters is meat raised well.",
            "We pay growers upfront so a bad season never stops a family farm.",
            "The price is fair. We never stop learning.",
            "We never charge for a second fitting, whatever the price.",
        ] {
            assert!(price_never_stops(text).is_none(), "{text}");
        }
    }

    #[test]
    fn competing_with_a_rival_on_price_is_read_in_its_clause() {
        for text in [
            "Compete with the supermarkets on price and speed",
            "We compete with the big online retailers on price",
            "Win every tender on price",
            "Beat the online retailers on price",
            "We never cut corners and we compete with the supermarkets on price",
            "We compete with the big chains on quality and with the online sellers on price",
        ] {
            assert_eq!(competes_on_price(text).len(), 1, "{text}");
        }
        for text in [
            "We never compete with the supermarkets on price",
            "We compete with nobody, and say so on price tags",
            "We compete on service; prices are on the board",
            "We never win a contract on price alone",
            "We don't try to beat anyone on price",
            "We help households beat rising energy bills with impartial advice on prices",
            "We are not here to try to compete with the chains on price",
            "We decided long ago never to try to beat the chains on price",
        ] {
            assert!(competes_on_price(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_business_s_own_gain_first_is_read_but_a_fair_margin_is_not() {
        let gain = |text: &str| own_gains(&tokenize(text)).len();
        for text in [
            "We lead every consultation with our whitening and composite-bonding packages",
            "Every customer is steered towards the top model in the range",
            "Staff trained and rewarded to move customers up to the flagship model",
            "Fitters steer customers toward the saddles with the best margin",
            "Premium upsell on every screen",
            "Move the range up-market to raise the average basket",
        ] {
            assert!(gain(text) >= 1, "{text}");
        }
        for text in [
            "The tariff is set at cost plus a margin we publish each April",
            "We pay farmers a higher margin than the supermarkets do",
            "If a margin is unclear we ring the clinician before we cut",
            "No upsell on any screen, ever",
            "Staff are paid no commission and never steer you to the lines with the best margin",
            "We pay growers at the top of the market, so the farms that grow the most earn the most",
            "An upmarket watch shop in the arcade",
            "We lead every consultation with a question about how you play",
            "We start every visit with a top-to-toe check",
            "We open every consultation with the standard package; upgrades only if you ask",
            "We lead every consultation with the basic package, never the premium one",
            "We open every consultation with the basic plan and explain premium if asked",
            "We start every fitting with our flagship gait scan, free for everyone",
            "We open every consultation with a frank talk about whether premium packages are worth it",
            "Staff bonuses come from repair reviews; attachment rates were scrapped in 2025",
            "We scrapped the upsell on every repair and the warranty attachment rate targets",
            "Staff are judged by customers' reviews, and attachment rates are off the table",
            "Attachment rates no longer count towards anyone's bonus",
        ] {
            assert_eq!(gain(text), 0, "{text}");
        }
    }

    #[test]
    fn animals_left_wild_and_every_size_are_promises_with_their_breaks() {
        use crate::text::lexicons::{
            animal_handling, hands_off_promises, single_size, size_promises,
        };
        let found =
            |list: &crate::text::PhraseList, text: &str| !list.find(&tokenize(text)).is_empty();
        assert!(found(
            hands_off_promises(),
            "Animals are handled as little as possible and never tamed"
        ));
        assert!(found(animal_handling(), "Hedgehog cuddle experience days"));
        assert!(found(
            animal_handling(),
            "Hand-feed the fox cubs sessions in spring"
        ));
        assert!(!found(
            animal_handling(),
            "No cuddles and no hand-feeding, ever"
        ));
        assert!(found(
            size_promises(),
            "every bride, whatever her size, should find a dress"
        ));
        assert!(found(single_size(), "each gown as a single size-14 sample"));
        assert!(!found(single_size(), "no one-size-fits-all boxes"));
    }

    #[test]
    fn a_stand_against_buying_needs_a_frame_of_refusal() {
        assert!(
            against_buying(
                "the fells are better served by people who mend their gear than by people who replace it"
            )
            .is_some()
        );
        assert!(against_buying("more people than ever replace their boots each spring").is_none());
        for text in [
            "We believe a neighbourhood bike shop gives better advice than the websites that sell bikes by the thousand.",
            "we would rather lose a sale than have a rider who buys the wrong bike",
        ] {
            assert!(against_buying(text).is_none(), "{text}");
        }
        for text in [
            "We want a town that mends more and buys less.",
            "Swap and repair instead of buying new.",
            "We would rather fix your kettle than sell you another.",
            "We never sell what we can lend.",
        ] {
            assert!(against_buying(text).is_some(), "{text}");
        }
        for text in [
            "Borrowing should be as easy as buying.",
            "Help people buy less plastic.",
            "We sell seeds saved by local growers.",
        ] {
            assert!(against_buying(text).is_none(), "{text}");
        }
    }

    #[test]
    fn pushing_to_buy_is_pressure_or_automatic_replacement() {
        assert!(!pushes_buying("Daily deals on garden tools from big chains").is_empty());
        assert!(!pushes_buying("Auto-replace: a new kettle ships when yours breaks").is_empty());
        assert!(pushes_buying("Repair cafés every month").is_empty());
        assert!(pushes_buying("No deals, no flash sales").is_empty());
    }

    #[test]
    fn selling_data_is_selling_and_data_in_one_clause_not_refused() {
        assert!(!sells_data("We license route data to advertisers", None).is_empty());
        assert!(sells_data("Your data is never sold to advertisers", None).is_empty());
        assert!(sells_data("We sell bikes, and keep service records", None).is_empty());
        // A promise about one kind of data is broken by selling that kind.
        let location = Some(stem("location"));
        let location = location.as_deref();
        assert!(!sells_data("We license location data to advertisers", location).is_empty());
        assert!(!sells_data("We license adherence data to drug brands", location).is_empty());
        assert!(sells_data("Operator fault feed (data licence)", location).is_empty());
        assert!(sells_data("Fault reports sold under a data licence", location).is_empty());
        assert!(!sells_data("We sell your data to advertisers", location).is_empty());
        // The thing sold is named after it: a van, not its history.
        assert!(
            sells_data(
                "Your service history exports as a PDF you can hand over when you sell the van",
                None
            )
            .is_empty()
        );
        assert!(!sells_data("We sell the service history to dealers", None).is_empty());
        assert!(!sells_data("We sell the route data to insurers", None).is_empty());
        assert!(
            !sells_data(
                "Box prices kept low: we sell an anonymised report of members' basket data to food brands",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn the_kind_of_data_is_read_where_the_promise_is() {
        use super::promised_kind;
        let location = Some(stem("location"));
        assert_eq!(
            promised_kind(&[("We never sell location data", "the HOW")]),
            location
        );
        assert_eq!(
            promised_kind(&[
                ("Your data stays yours", "the WHY"),
                ("We never sell location data", "the HOW"),
            ]),
            None
        );
    }
}
