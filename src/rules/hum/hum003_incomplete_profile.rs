//! HUM003 incomplete-profile: a persona lacks a purchase insight or a value
//! proposition. The rule's metadata, its documentation (`planlint explain
//! HUM003`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{
    business_gains, money_units, price_claims, promised_people, sales_measures,
};
use crate::text::{HEAD_ENDS, Part, head_end, parts, push_quote, tokenize};

pub static RULE: Rule = Rule {
    code: "HUM003",
    name: "incomplete-profile",
    family: Family::Hum,
    severity: Severity::Warning,
    summary: "a persona lacks a purchase insight or a value proposition",
    help: "add `purchase_insight` (why and how they buy) and `value_proposition` (what we promise them)",
    docs: r#"## What it does
Reports a persona without a `purchase_insight`, without a
`value_proposition`, or without both.

A value proposition that speaks only of what the business gains from the
person, and promises them nothing, is reported as no value proposition:
"our" names the business's gain at the head of its phrase (its slots or
diary, income, takings, margins, sales, occupancy, footfall: "Fills our
quiet weekday mid-morning slots", "Grows our margins"), and nobody is
spoken to ("you", "your"), spoken of ("they", "her") or named as people
("patients", "families"). People named only as the ones sold to ("upsell
them", "push them") are promised nothing, and a proposition that sells to
them at a gain of the business is read the same way without "our" ("upsell
them into the mixed case and push exclusive cans at full margin"). The
finding quotes the gain, with what it counts per customer ("treatments per
patient") and any sales measure ("upsell").
It belongs here, not in a rule of its own: a proposition of the business's
gain is a profile without its promise, the same gap as a missing one, and
one persona gets one finding for it.

A value proposition that promises nothing but a low price is reported the
same way: its parts (its clauses, cut again at "and", "with", "or") claim
a low price ("cheapest", "lowest prices", "cheaper than", "price match"),
and what they say beside it comes to three words at most, which only
qualify it ("The lowest prices on tall clothing in the UK, guaranteed";
"The cheapest minibus hire in the county, cheaper per mile than any coach
firm or van hire"). A price is something to compete on, not a reason to
stay: the relationship the seeds ask for rests on more than price.

## What it does not report
A low price beside something else it promises ("Your own way into college
and to work, cheaper than the bus on a student pass"; "The cheapest way
to the match, with a driver who waits for late finishes"), and a low
price refused ("Never the cheapest: a fitter who knows tall bodies").
A proposition that promises someone something beside the business's gain
("First pick of our quiet slots, and a box at half price for your
family"; "Patients leave with a plan, and filling our quiet slots keeps
prices down"), "our" inside another phrase ("Early access to our quiet
slots", "your part numbers on our paperwork"), and a person's gain counted
by a ratio ("Predictable cost per room"): planlint cannot tell whose a
ratio is without "our". A proposition written in the business's voice
about anything else ("Colonies rated before they leave our yard") is no
gain either.

## Why it matters
An audience profile is built in phases: what drives the purchase, who the
person is, what the business promises them, and the journey they take. The
purchase insight says why and how this person buys; the value proposition
says what the business offers them in return. Without those two, a persona
is a description, not something a plan can act on; and a value proposition
that lists only what the business gains from them ("fills our slots")
solves for the business's own objectives and offers them nothing.

## Example
```toml
[[persona]]
id = "weekend-sporty"
name = "Weekend road rider"
evidence = ["club survey 2026"]
interests = ["sportives", "coffee stops"]
# no purchase_insight, no value_proposition
```

A value proposition that states what the person does for the business:
```toml
value_proposition = "Fills our quiet mid-morning slots and lifts treatments per patient."
```

## How to fix
```toml
purchase_insight = "Buys after months of research and a test ride; trusts club mates over ads."
value_proposition = "A bike fitted to their body and a workshop that has it ready for Saturday."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for persona in &cx.plan.personas {
        let insight = text(&persona.purchase_insight).is_some();
        let proposition = text(&persona.value_proposition);
        // A proposition that promises nothing: only the business's gain, or
        // only a low price.
        let hollow = proposition.and_then(|p| {
            let gain = only_the_business_s_gain(p);
            if !gain.is_empty() {
                return Some(("the business's gain", gain));
            }
            let price = only_a_price(p);
            (!price.is_empty()).then_some(("a low price", price))
        });
        let missing = match (insight, proposition, &hollow) {
            (true, Some(_), None) => continue,
            (false, Some(_), None) => "no purchase insight".to_owned(),
            (true, None, _) => "no value proposition".to_owned(),
            (false, None, _) => "neither a purchase insight nor a value proposition".to_owned(),
            (true, Some(_), Some((what, quotes))) => {
                format!("no value proposition, only {what}: {}", quotes.join(", "))
            }
            (false, Some(_), Some((what, quotes))) => format!(
                "no purchase insight, and no value proposition but {what}: {}",
                quotes.join(", ")
            ),
        };
        // A promise that is hollow is pointed at where it is written; a
        // missing field at the persona.
        let span = match (&persona.value_proposition, &hollow) {
            (Some(field), Some(_)) => field.key.clone(),
            _ => persona.header.clone(),
        };
        let reported = cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            span,
            format!("persona \"{}\" has {missing}", persona.id.value),
        );
        let promise = match hollow {
            Some(("a low price", _)) => {
                "say what this person gets beyond the price: what the business does for them, and how"
            }
            Some(_) => {
                "write what this person gets from the business, not what the business gets from them"
            }
            None => continue,
        };
        reported.help = if insight {
            promise.to_owned()
        } else {
            format!("add `purchase_insight` (why and how they buy), and {promise}")
        };
    }
}

/// The claims of a low price a value proposition makes, quoted, when it
/// says nothing else: its parts (a clause, or the piece before or after
/// "and", "with", "or") hold a claim ("The lowest prices on tall clothing
/// in the UK", "cheaper per mile than any coach firm"), and those that do
/// not have three words at most between them, which qualify it
/// ("guaranteed", "or van hire"). Empty when it promises something else:
/// "Your own way into college and to work, cheaper than the bus".
fn only_a_price(proposition: &str) -> Vec<String> {
    let tokens = tokenize(proposition);
    let claims = price_claims().find(&tokens);
    if claims.is_empty() {
        return Vec::new();
    }
    let holds_claim = |part: &Part| claims.iter().any(|m| part.holds(m.tokens.start));
    let beside: usize = parts(proposition, &tokens)
        .iter()
        .filter(|part| !holds_claim(part))
        .map(|part| part.tokens.len())
        .sum();
    if beside > QUALIFIER_WORDS {
        return Vec::new();
    }
    let mut quotes = Vec::new();
    for m in claims {
        push_quote(&mut quotes, proposition, m.span);
    }
    quotes
}

/// How many words the parts beside a claim of price may have between them
/// and still only qualify it: "guaranteed", "or van hire".
const QUALIFIER_WORDS: usize = 3;

/// The business's gain a value proposition speaks of, quoted, when it
/// promises the person nothing: "our" names what the business gains at the
/// head of its phrase, not inside another ("Fills our quiet weekday slots",
/// "Grows our margins"; not "Early access to our quiet slots"), and nobody is spoken to, spoken of or named as people.
/// The quotes add what it counts per customer ("treatments per patient")
/// and the shop's sales measures ("upsell"). Empty when it promises
/// something or names no gain: "Early access to our quiet slots" is an
/// offer, "cost per room ready for the auditor" names no gain of ours.
fn only_the_business_s_gain(proposition: &str) -> Vec<String> {
    let tokens = tokenize(proposition);
    let sales = sales_measures().find(&tokens);
    // People sold to are promised nothing: "upsell them", "push them".
    let sold_to = |i: usize| {
        i > 0
            && (sales.iter().any(|m| m.tokens.end == i)
                || matches!(&*tokens[i - 1].word, "push" | "sell" | "convert"))
    };
    let person = tokens.iter().enumerate().any(|(i, t)| {
        promised_people().contains(&t.word)
            && (i == 0 || &*tokens[i - 1].word != "per")
            && !sold_to(i)
    });
    if person {
        return Vec::new();
    }
    let gains = business_gains().find(&tokens);
    let mut quotes = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let within = i > 0 && HEAD_ENDS.contains(&&*tokens[i - 1].word);
        if &*t.word != "our" || within || i + 1 == tokens.len() {
            continue;
        }
        let end = head_end(tokens.as_slice(), i + 1);
        let end = (i + 1..end)
            .find(|&j| matches!(&*tokens[j].word, "and" | "or"))
            .unwrap_or(end);
        if gains
            .iter()
            .any(|m| m.tokens.end == end && m.tokens.start > i)
        {
            let verb = i > 0 && !matches!(&*tokens[i - 1].word, "and" | "or");
            let start = if verb { i - 1 } else { i };
            push_quote(
                &mut quotes,
                proposition,
                tokens[start].span.start..tokens[end - 1].span.end,
            );
        }
    }
    if quotes.is_empty() {
        // Selling to them at a gain, though no "our" heads it: "upsell
        // them into the mixed case and push exclusive cans at full margin".
        if sales.is_empty() || gains.is_empty() {
            return quotes;
        }
        for m in &gains {
            push_quote(&mut quotes, proposition, m.span.clone());
        }
    }
    for m in money_units().find(&tokens) {
        let per = m
            .tokens
            .start
            .checked_sub(1)
            .filter(|&k| &*tokens[k].word == "per");
        let counted = per
            .and_then(|k| k.checked_sub(1))
            .filter(|&k| tokens[k].content);
        if let Some(k) = counted {
            push_quote(&mut quotes, proposition, tokens[k].span.start..m.span.end);
        }
    }
    for m in sales {
        push_quote(&mut quotes, proposition, m.span);
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::{only_a_price, only_the_business_s_gain};

    #[test]
    fn a_proposition_of_a_low_price_alone_promises_nothing_beyond_it() {
        assert_eq!(
            only_a_price("The lowest prices on tall clothing in the UK, guaranteed."),
            ["\"lowest prices\""]
        );
        assert_eq!(
            only_a_price(
                "The cheapest hire in the county, cheaper per mile than any coach firm or van hire."
            ),
            ["\"cheapest\"", "\"cheaper per\""]
        );
        for proposition in [
            "Your own way into college and to work, cheaper than the bus on a student pass.",
            "The cheapest way to the match, with a driver who waits for late finishes",
            "Fair prices and a fitter who knows tall bodies",
            "Never the cheapest: a fitter who knows tall bodies, and alterations free",
            "A box of veg that lasts the week",
        ] {
            assert!(only_a_price(proposition).is_empty(), "{proposition}");
        }
    }

    #[test]
    fn a_proposition_of_the_business_s_gain_promises_nothing() {
        assert_eq!(
            only_the_business_s_gain(
                "Fills our empty Tuesday afternoon slots and lifts visits per member."
            ),
            [
                "\"Fills our empty Tuesday afternoon slots\"",
                "\"visits per member\""
            ]
        );
        assert_eq!(
            only_the_business_s_gain(
                "Our best spenders: upsell them into the mixed case and push exclusives at full margin"
            ),
            ["\"margin\"", "\"upsell\""]
        );
        for proposition in [
            "Grows our takings in the quiet months",
            "Keeps our diary full and grows our margins, with an upsell to the annual pass",
        ] {
            assert!(
                !only_the_business_s_gain(proposition).is_empty(),
                "{proposition}"
            );
        }
    }

    #[test]
    fn a_proposition_that_promises_someone_something_passes() {
        for proposition in [
            "Fills our quiet slots with you in mind: an unhurried hour at half price",
            "First pick of our Saturday slots and a therapist who remembers them",
            "Early access to our quiet morning slots",
            "Predictable cost per room and sustainability figures ready for the auditor",
            "Patients leave with a plan, and filling our quiet slots keeps prices down",
            "Less work for us, more time on the hill",
            "Colonies rated before they leave our yard",
            "No upsell, ever: the saddle that fits you, at a fair margin for us",
        ] {
            assert!(
                only_the_business_s_gain(proposition).is_empty(),
                "{proposition}"
            );
        }
    }
}
