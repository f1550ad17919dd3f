//! TX001 transactional-touchpoint: a touchpoint's message is pure sales
//! pressure. The rule's metadata, its documentation (`planlint explain TX001`)
//! and its check.

use super::pure_pressure;
use crate::diagnostic::{Severity, Subject};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "TX001",
    name: "transactional-touchpoint",
    family: Family::Tx,
    severity: Severity::Warning,
    summary: "a touchpoint's message is pure sales pressure",
    help: "give the message something of value (help, advice, a story) or an open question, not only a push to buy",
    docs: r#"## What it does
Reads each touchpoint's `message` for sales pressure and reports the
touchpoint when the message is nothing but pressure: it has cues of
pressure and gives the customer nothing else.

Cues are a push to buy ("buy now", "complete your order"), the clock
("today only", "final hours", "order before midnight"), scarcity ("limited
stock", "everything must go"), the price as the message ("30% off",
"lowest prices"), the plea of an appeal that is the whole message
("donate now", "every pound counts") and asking for more than the customer gives now, with the
anchor that goes with it ("upgrade your plan", "increase your monthly
gift", "most supporters choose") and an ultimatum, act by a date or lose
what you have ("Rebook within 14 days or you may be discharged"), matched as whole stemmed phrases; a number in a cue matches
any number, and a cue negated earlier in its clause ("no pressure to buy")
does not count. Beside other pressure, a call to buy or book with "now"
a few words on ("Book your private fitting now") is pressure too, so the
fitting it pushes is no value given; alone, "book ... now" is read as a
service's invitation. Two such calls (to buy, book or donate "now" or
"today", or something "now on sale") with nothing between them but a
price of a few words are pressure too, with no other cue ("Please donate
to the lifeboat fund today. Raffle tickets now on sale, £1 each. Book
your seat at the quiz now."); a part of its own between them ("walk in
on Tuesday mornings if booking online is hard") may well help, and the
message is not reported. So is "Why stop at ...?": beside other pressure it
pushes more than was asked for ("Your collection is booked! Why stop at
three items? ... Offer ends Sunday"), alone it may invite someone on
("Why stop at 5k? Join the free 10k group").

The message is read part by part: its clauses, cut again where "and",
"with", "plus", "but", "or", "including" or "alongside" adds a second
thing. It gives the customer
something when a part without pressure offers something of value (help or
advice, a guide, notes, a recipe, a how-to, a class, a tasting, a tour, an
invitation, a story, how a thing is made or how to look after it, a repair
or a fitting) or asks an open question ("Which trail are you planning this
summer?"). "This season's cheeses with the maker's pairing notes, and 10% off
for members" is a price next to something of value; "Final hours: 40% off
everything, order before midnight" is nothing but pressure.

What it does not count, and why:
- The touchpoint's `ask`. A question asked at the touchpoint does not change
  what the message says; whether the plan asks customers anything is for
  YOU002 to YOU004.
- Words of value inside a part that pushes ("help yourself to 30% off") or
  in a label before a colon ("Tip: buy now"), or in an exclamation right
  before a part that pushes ("Time for your check-up! Book now and add
  whitening for just £199 ... this month only"): one stray word does not
  make a push useful, and the exclamation leads into the push as a label
  does.
- The end of something the customer holds, named after "your" right
  before the clock, a number or an aside between commas allowed ("Your
  annual swim pass ends soon", "Your 10-week course ends soon", "Your 2026
  season pass ends soon", "Your pass, which you loved, ends soon", "your
  membership expires today"): that is a service reminder, not the deadline
  of a sale. An offer, discount, voucher or money off the customer holds
  is still the clock ("Your 20% off ends tonight", "Your loyalty voucher
  expires today", "Your £20 credit ends tonight"), and so are the terms of
  a sale: a price or rate, a chance or window, a status or tier, an upgrade
  ("Your member rate ends tonight", "Your chance ends tonight", "Your
  upgrade window ends tonight", "Your Gold status ends soon"). How often a
  reminder is sent is for TX005.
- A cut price that is a concession: the cue followed by a word of price
  and "for" ("the half-price rate for families on free school meals",
  "half-price fares for carers"). That is what a group pays, said plainly,
  not a deal to hurry for; "20% off for members, book before Friday" names
  no rate and is still pressure.
- A yes-or-no opener ("Ready to ride?") or a negated question ("Why not
  treat yourself?"): they lead into the push rather than ask anything. "Why
  wait?" is a cue of its own.

## Why it matters
People tune out a brand that only ever asks them to buy something. Each
contact that is pure pressure spends a little of their attention and
goodwill; a programme made of them trains customers to ignore it, or to wait
for the next discount. A touchpoint earns its place by giving something too.

## Example
```toml
[[touchpoint]]
id = "flash-sale"
message = "BUY NOW: 30% off all e-bikes, today only!"
```

## How to fix
Lead with what helps, and keep the offer if it is genuine, in a part of its
own:
```toml
message = "Thinking of an e-bike for winter? Our guide to lights and tyres, and 30% off winter servicing this week."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for touchpoint in &cx.plan.touchpoints {
        let Some(cues) = pure_pressure(touchpoint) else {
            continue;
        };
        let Some(message) = touchpoint.message.as_ref() else {
            continue;
        };
        cx.report(
            &RULE,
            Subject::Touchpoint(touchpoint.id.value.clone()),
            message.key.clone(),
            format!(
                "touchpoint \"{}\" is pure sales pressure: {}",
                touchpoint.id.value,
                cues.join(", ")
            ),
        );
    }
}
