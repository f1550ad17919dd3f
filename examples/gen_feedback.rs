//! A deterministic generator of realistic customer feedback for benchmarks:
//!
//! ```sh
//! cargo run --release --example gen_feedback -- --rows 1000000 target/bench/feedback.csv
//! ```
//!
//! Same arguments, same file, byte for byte. Rows are comments about a city
//! bike shop (the Harbor Bikes example): praise, complaints about contact
//! frequency, waiting and prices, wants, neutral questions; with NPS scores
//! that lean the way the comment does, quoted commas and the odd line break
//! (`--single-line`: a space instead, so that each record is one line, as
//! the Spark example's numbering of lines needs).
//!
//! `--scenario NAME` writes instead a year (2026) of dated feedback on a
//! grocer's delivery service (the plan `tests/fixtures-time/grocer.plan.toml`)
//! with the effects the analysis over time must find, and one it must not:
//!
//! - `steady`: none;
//! - `fall`: touchpoint `delivery-update` draws far more complaints from
//!   October on;
//! - `channel`: rows that came by `sms` complain more, whatever their
//!   touchpoint;
//! - `year`: both, and persona `night-shift` with 8 scores and a low NPS
//!   that is noise, and late deliveries that drag the NPS down.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

const PERSONAS: &[&str] = &[
    "maya-commuter",
    "okafor-family",
    "lars-returner",
    "Commuter",
    "student",
];
const TOUCHPOINTS: &[(&str, &str)] = &[
    ("sunday-ride", "event"),
    ("commute-test-ride", "in store"),
    ("fitting-handover", "in store"),
    ("two-week-call", "phone"),
    ("riders-letter", "email"),
    ("winter-safety-check", "workshop"),
    ("bring-a-friend", "email"),
    ("black-friday-sms", "sms"),
];
const PRAISE: &[&str] = &[
    "They replaced the chain without any fuss",
    "Sorted my brakes in five minutes, brilliant service",
    "Called me back the same day about the gears",
    "The fitting made my commute so much more comfortable",
    "Lovely people, no pressure to buy anything",
    "Best bike shop in town, my kids love the cargo bike",
    "Great advice on lights for the winter",
    "The Sunday ride was a friendly way to learn the routes",
    "Quick repair and they lent me a bike meanwhile",
    "Really helpful staff, explained everything clearly",
];
const COMPLAINTS: &[&str] = &[
    "Too many emails, please stop",
    "Still waiting for a reply about my warranty",
    "Delivery was slow and expensive",
    "Texts every day about offers, unsubscribe me",
    "The salesman was pushy about the extended warranty",
    "Hidden fees at checkout, not happy",
    "My e-bike came back from the workshop still broken",
    "Nobody answered the phone for two days",
    "Overpriced accessories and a long queue",
    "The battery died after a month, very disappointed",
];
const WANTS: &[&str] = &[
    "I wish you had a loan bike during repairs",
    "Would love Saturday evening opening hours",
    "Please add online booking for the workshop",
    "Any chance of a kids' riding class?",
];
const NEUTRAL: &[&str] = &[
    "Do you service cargo bikes?",
    "Bought a helmet and a lock",
    "Came in for a tyre change",
    "Is the winter check included in the care plan?",
];

/// splitmix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("gen_feedback: {message}");
            }
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let usage = "usage: gen_feedback (--rows N [--single-line] | --scenario steady|fall|channel|year) [--seed S] OUT.csv";
    let mut args = std::env::args().skip(1);
    let (mut rows, mut seed, mut out, mut scenario) = (None, 42u64, None, None);
    let mut single_line = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--scenario" => {
                scenario = args
                    .next()
                    .and_then(|name| Scenario::parse(&name))
                    .map(Some)
                    .ok_or(usage)?
            }
            "--rows" => {
                rows = args
                    .next()
                    .and_then(|n| n.replace('_', "").parse::<u64>().ok())
            }
            "--seed" => seed = args.next().and_then(|n| n.parse().ok()).ok_or(usage)?,
            "--single-line" => single_line = true,
            _ if out.is_none() && !arg.starts_with('-') => out = Some(arg),
            _ => return Err(usage.to_owned()),
        }
    }
    let Some(out) = out else {
        return Err(usage.to_owned());
    };
    let file = File::create(&out).map_err(|e| format!("cannot write {out}: {e}"))?;
    let file = BufWriter::with_capacity(1 << 20, file);
    match (rows, scenario) {
        (Some(rows), None) => write(file, rows, seed, single_line),
        (None, Some(scenario)) => write_scenario(file, scenario, seed),
        _ => return Err(usage.to_owned()),
    }
    .map_err(|e| format!("cannot write {out}: {e}"))
}

/// The effects a scenario plants.
#[derive(Clone, Copy)]
struct Scenario {
    fall: bool,
    channel: bool,
    noise: bool,
    late: bool,
}

impl Scenario {
    fn parse(name: &str) -> Option<Scenario> {
        let none = Scenario {
            fall: false,
            channel: false,
            noise: false,
            late: false,
        };
        Some(match name {
            "steady" => none,
            "fall" => Scenario { fall: true, ..none },
            "channel" => Scenario {
                channel: true,
                ..none
            },
            "year" => Scenario {
                fall: true,
                channel: true,
                noise: true,
                late: true,
            },
            _ => return None,
        })
    }
}

const GROCER_PERSONAS: &[&str] = &["busy-parent", "older-regular"];
const GROCER_TOUCHPOINTS: &[&str] = &[
    "welcome-call",
    "delivery-update",
    "recipe-letter",
    "tasting-evening",
];
const GROCER_CHANNELS: &[&str] = &["email", "phone", "sms", "in store"];
const GROCER_PRAISE: &[&str] = &[
    "The driver carried the crates to the door, lovely",
    "Fresh vegetables and friendly people, thank you",
    "The recipe card made dinner easy, great idea",
    "Really helpful on the phone, sorted my order quickly",
    "Best bread in town and the tasting was fun",
];
const GROCER_COMPLAINTS: &[&str] = &[
    "The bread was stale and the eggs were cracked",
    "Missing items again and nobody told me",
    "The app lost my order, very disappointed",
    "Rude driver, left the box in the rain",
];
const GROCER_LATE: &str = "Late delivery again, the food came after we had eaten";
const GROCER_NEUTRAL: &[&str] = &[
    "Do you deliver on Sundays?",
    "Ordered the usual box",
    "Changed my address in the account",
];

/// A year of dated feedback with the effects of `scenario` (see the module
/// documentation): 150 rows a month.
fn write_scenario(mut out: impl Write, scenario: Scenario, seed: u64) -> io::Result<()> {
    let mut rng = Rng(seed);
    writeln!(out, "date,persona,touchpoint,channel,score,comment")?;
    for month in 1..=12 {
        for _ in 0..150 {
            let touchpoint = *rng.pick(GROCER_TOUCHPOINTS);
            let persona = *rng.pick(GROCER_PERSONAS);
            let channel = *rng.pick(GROCER_CHANNELS);
            let mut complain = 25;
            if scenario.fall && touchpoint == "delivery-update" && month >= 10 {
                complain = 75;
            }
            if scenario.channel && channel == "sms" {
                complain = 60;
            }
            let roll = rng.below(100);
            let (comment, score) = if roll < complain {
                let late = scenario.late && rng.below(3) == 0;
                let comment = if late {
                    GROCER_LATE
                } else {
                    *rng.pick(GROCER_COMPLAINTS)
                };
                (comment, rng.below(6))
            } else if roll < complain + (100 - complain) * 3 / 4 {
                (*rng.pick(GROCER_PRAISE), 9 + rng.below(2))
            } else {
                (*rng.pick(GROCER_NEUTRAL), 7 + rng.below(2))
            };
            let day = 1 + rng.below(28);
            writeln!(
                out,
                "2026-{month:02}-{day:02},{persona},{touchpoint},{channel},{score},\"{comment}\""
            )?;
        }
    }
    if scenario.noise {
        // Eight scores from night-shift workers: an NPS of -25 that could
        // as well be +30.
        for (i, score) in [10, 9, 10, 3, 2, 5, 6, 4].into_iter().enumerate() {
            let comment = if score >= 9 {
                GROCER_PRAISE[i % GROCER_PRAISE.len()]
            } else {
                GROCER_COMPLAINTS[i % GROCER_COMPLAINTS.len()]
            };
            writeln!(
                out,
                "2026-11-{:02},night-shift,welcome-call,phone,{score},\"{comment}\"",
                i + 3
            )?;
        }
    }
    out.flush()
}

fn write(mut out: impl Write, rows: u64, seed: u64, single_line: bool) -> io::Result<()> {
    let line_break = if single_line { " " } else { "\n" };
    let mut rng = Rng(seed);
    writeln!(out, "id,date,segment,campaign,channel,nps,comment")?;
    for id in 1..=rows {
        let (touchpoint, channel) = *rng.pick(TOUCHPOINTS);
        let persona = *rng.pick(PERSONAS);
        let roll = rng.below(100);
        let (comment, score) = match roll {
            0..=44 => (*rng.pick(PRAISE), 8 + rng.below(3)),
            45..=79 => (*rng.pick(COMPLAINTS), rng.below(7)),
            80..=89 => (*rng.pick(WANTS), 5 + rng.below(5)),
            _ => (*rng.pick(NEUTRAL), 6 + rng.below(4)),
        };
        let comment = match rng.below(20) {
            0 => format!("{comment}, honestly"),
            1 => format!("{comment}.{line_break}Thanks"),
            2 => comment.to_uppercase(),
            _ => comment.to_owned(),
        };
        let comment = format!("\"{}\"", comment.replace('"', "\"\""));
        let day = 1 + rng.below(28);
        let month = 1 + rng.below(12);
        writeln!(
            out,
            "{id},2026-{month:02}-{day:02},{persona},{touchpoint},{channel},{score},{comment}"
        )?;
    }
    out.flush()
}
