//! The board report (`planlint report`): one self-contained HTML page for a
//! strategist to take into a board meeting, built from the same findings,
//! scorecard and feedback statistics as `check` and `feedback` (nothing is
//! worked out a second time). The page needs nothing from outside: its CSS
//! is inline, its charts are inline SVG ([`chart`]), it runs no script, and
//! the same input gives the same bytes. Every text from a plan or a feedback
//! file is cleaned of controls and cut ([`text`]), then escaped by the
//! template engine (maud), so none of it can become markup.
//!
//! Each plan gets the sections it has something to show in: a cover, an
//! executive summary with "fix these first", the golden circle, the goals,
//! the customer journey, the personas, the customer's voice (with feedback)
//! and all findings. Several plans get a comparison table first.

pub mod chart;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use maud::{DOCTYPE, Markup, html};

use self::chart::{Bar, Estimate, Ring};
use super::{Part, severity_counts, summary as summary_line};
use crate::baseline::Baseline;
use crate::check::{CheckedFile, Report};
use crate::diagnostic::{Finding, Severity, Subject};
use crate::feedback::aggregate::Nps;
use crate::feedback::summary::{GroupSummary, Summary};
use crate::plan::{self, GoalKind, Plan, Stage, items, text as plan_text};
use crate::rules::{reaches_out_to_help, weekly_contacts};
use crate::scorecard::Scorecard;
use crate::text::sanitize::{clean, cut};

/// Findings in "fix these first".
pub const FIX_FIRST: usize = 5;
/// Characters of a text from a plan or a feedback file shown in one place.
const TEXT_CHARS: usize = 600;
/// Verbatims shown per persona.
const VERBATIMS: usize = 3;
/// Rows of a table of figures (themes, wants) shown.
const ROWS: usize = 10;
/// Rows a chart draws, so that it fits on a printed page; the table next to
/// it lists them all.
const CHART_ROWS: usize = 25;

/// The rows a chart draws ([`CHART_ROWS`]).
fn charted<T>(rows: &[T]) -> &[T] {
    &rows[..rows.len().min(CHART_ROWS)]
}

/// Says that a chart leaves rows to its table.
fn more_in_table(rows: usize) -> Markup {
    html! {
        @if rows > CHART_ROWS {
            p.note { "The chart shows the first " (CHART_ROWS) " of " (rows) "; the table lists them all." }
        }
    }
}

/// What the page is made of besides the check report.
pub struct Board<'a> {
    pub report: &'a Report,
    /// The day the report is dated, `YYYY-MM-DD` (`PLANLINT_TODAY` or the
    /// clock).
    pub generated: String,
    /// What the plans were like before, for "since the last plan".
    pub previous: Option<Previous<'a>>,
}

/// The last plan, to compare the plans of the report with.
pub enum Previous<'a> {
    /// `--previous OLD.plan.toml`, checked as the plan of the report is;
    /// compared with the report's one plan.
    Plan(&'a CheckedFile),
    /// `--previous-baseline FILE`: the findings a baseline recorded, for
    /// each plan of the report.
    Baseline(&'a Baseline),
}

/// One plan then: where that comes from, its findings counted by code and
/// subject, and its scorecard.
struct Then {
    source: String,
    counts: BTreeMap<(String, String), usize>,
    card: Option<Scorecard>,
}

impl Then {
    fn of(previous: &Previous<'_>, now: &CheckedFile) -> Then {
        match previous {
            Previous::Plan(old) => {
                let mut counts = BTreeMap::new();
                for f in &old.findings {
                    *counts
                        .entry((f.rule.code.to_owned(), f.subject.to_string()))
                        .or_default() += 1;
                }
                Then {
                    source: text(&old.source.display_path()),
                    counts,
                    card: Scorecard::of_file(old),
                }
            }
            Previous::Baseline(baseline) => {
                let counts = baseline.recorded(&now.source.path);
                let failed: BTreeSet<&str> = counts.keys().map(|(code, _)| code.as_str()).collect();
                let card = Scorecard::of_codes(&now.config, &failed, now.feedback.is_some());
                Then {
                    source: "the baseline".to_owned(),
                    counts,
                    card,
                }
            }
        }
    }
}

/// Writes the page.
pub fn write(board: &Board<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(page(board).into_string().as_bytes())
}

/// A plan of the report with what its sections are drawn from.
struct View<'a> {
    file: &'a CheckedFile,
    plan: Option<&'a Plan>,
    card: Option<Scorecard>,
    /// The feedback summary, from the analysis the FB rules read.
    voice: Option<Summary>,
}

impl<'a> View<'a> {
    fn of(file: &'a CheckedFile) -> Self {
        let plan = file.plan.as_deref();
        Self {
            file,
            plan,
            card: Scorecard::of_file(file),
            voice: file.feedback.as_deref().map(|a| Summary::new(a, plan)),
        }
    }

    fn title(&self) -> String {
        match &self.file.name {
            Some(name) => text(name),
            None => text(&self.file.source.display_path()),
        }
    }

    fn count(&self, severity: Severity) -> usize {
        self.file
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The findings about one subject.
    fn about(&self, subject: Subject) -> impl Iterator<Item = &'a Finding> + use<'a> {
        let file = self.file;
        file.findings.iter().filter(move |f| f.subject == subject)
    }
}

/// Untrusted text as the page shows it: cleaned of controls and escape
/// sequences (bidirectional controls shown as `<U+202E>`), and cut.
fn text(s: &str) -> String {
    clean(&cut(s, TEXT_CHARS)).into_owned()
}

fn page(board: &Board<'_>) -> Markup {
    let views: Vec<View<'_>> = board.report.files.iter().map(View::of).collect();
    let title = match views.as_slice() {
        [one] => format!("{}: board report", one.title()),
        _ => format!("{} plans: board report", views.len()),
    };
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (maud::PreEscaped(STYLE)) }
            }
            body {
                @if !board.report.problems.is_empty() {
                    (unread(board.report))
                }
                @if views.len() > 1 {
                    (comparison(board, &views))
                }
                @for view in &views {
                    (plan_report(board, view))
                }
            }
        }
    }
}

/// What could not be read, and is not in the report (a plan, a feedback
/// file), first: a board must not read a page as complete that is not.
fn unread(report: &Report) -> Markup {
    html! {
        section.unread {
            h2 { "Not in this report" }
            p { "These could not be read, so nothing below comes from them:" }
            ul { @for problem in &report.problems { li { (text(&problem.to_string())) } } }
        }
    }
}

/// Several plans side by side: their counts and scorecards.
fn comparison(board: &Board<'_>, views: &[View<'_>]) -> Markup {
    let families: Vec<_> = views
        .iter()
        .filter_map(|v| v.card.as_ref())
        .flat_map(|c| c.families.iter().map(|s| s.family))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    html! {
        section.cover {
            h1 { (views.len()) " plans" }
            p.verdict { (summary_line(board.report)) }
            p.meta { "Generated " (board.generated) " by planlint" }
            table {
                caption { "The plans compared: findings by severity, and rules passed of rules run by family" }
                thead { tr {
                    th scope="col" { "plan" }
                    th scope="col" { "errors" } th scope="col" { "warnings" } th scope="col" { "info" }
                    @for family in &families { th scope="col" { (family.prefix()) } }
                } }
                tbody {
                    @for view in views {
                        tr {
                            th scope="row" { (view.title()) }
                            td.num { (view.count(Severity::Error)) }
                            td.num { (view.count(Severity::Warning)) }
                            td.num { (view.count(Severity::Info)) }
                            @for family in &families {
                                td.num {
                                    @match view.card.as_ref().and_then(|c| c.families.iter().find(|s| s.family == *family)) {
                                        Some(s) => { (s.passed) "/" (s.total) }
                                        None => { "-" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn plan_report(board: &Board<'_>, view: &View<'_>) -> Markup {
    let then = board.previous.as_ref().map(|p| Then::of(p, view.file));
    html! {
        article {
            (cover(board, view))
            (executive_summary(view))
            @if let Some(then) = &then { (since(view, then)) }
            @if let Some(plan) = view.plan {
                (golden_circle(view, plan))
                @if !plan.goals.is_empty() { (goals(view, plan)) }
                @if !plan.touchpoints.is_empty() { (journey(view, plan)) }
                @if !plan.personas.is_empty() { (personas(view, plan)) }
            }
            @if let Some(voice) = &view.voice { (customer_voice(voice)) }
            @if !view.file.findings.is_empty() { (all_findings(view)) }
        }
    }
}

/// One line a board member reads first.
fn verdict(view: &View<'_>) -> String {
    let (errors, warnings, info) = (
        view.count(Severity::Error),
        view.count(Severity::Warning),
        view.count(Severity::Info),
    );
    let counts = severity_counts(|s| view.count(s)).join(", ");
    if !view.file.rules_ran {
        format!(
            "The plan could not be read: {counts}. Fix the file first; nothing else was judged."
        )
    } else if errors > 0 {
        format!("Not ready: {counts}. Fix the errors first.")
    } else if warnings > 0 {
        format!("Holds together in part: {counts} to work through, and no errors.")
    } else if info > 0 {
        format!("Holds together: no errors or warnings, and {counts} to consider.")
    } else {
        "Holds together: planlint found nothing to change.".to_owned()
    }
}

fn cover(board: &Board<'_>, view: &View<'_>) -> Markup {
    let plan = view.plan;
    let owner = plan.and_then(|p| plan_text(&p.owner));
    let period = plan.and_then(|p| plan_text(&p.period));
    html! {
        section.cover {
            h1 { (view.title()) }
            p.verdict { (verdict(view)) }
            dl {
                @if let Some(owner) = owner { dt { "Owner" } dd { (text(owner)) } }
                @if let Some(period) = period { dt { "Period" } dd { (text(period)) } }
                dt { "Plan file" } dd { code { (text(&view.file.source.display_path())) } }
                @if let Some(voice) = &view.voice { dt { "Feedback" } dd { code { (text(&voice.file)) } } }
                dt { "Generated" } dd { (board.generated) " by planlint" }
            }
        }
    }
}

fn executive_summary(view: &View<'_>) -> Markup {
    let first = fix_first(view);
    html! {
        section {
            h2 { "Executive summary" }
            p { (verdict(view)) }
            @if let Some(card) = &view.card {
                @let rows: Vec<Bar<'_>> = card.families.iter().map(|s| Bar {
                    label: s.family.title(),
                    value: 100.0 * s.passed as f64 / s.total.max(1) as f64,
                    note: format!("{}/{}", s.passed, s.total),
                }).collect();
                figure {
                    (chart::bars("Scorecard", "Share of rules passed, by family of rules (passed/run at the end of each bar)", &rows, 100.0))
                    figcaption { "Share of rules passed, by family (passed/run after each bar). The same figures:" }
                    table {
                        thead { tr { th scope="col" { "family" } th scope="col" { "about" } th scope="col" { "passed" } th scope="col" { "run" } } }
                        tbody {
                            @for s in &card.families {
                                tr { th scope="row" { (s.family.prefix()) } td { (s.family.title()) } td.num { (s.passed) } td.num { (s.total) } }
                            }
                        }
                    }
                }
            }
            @if !first.is_empty() {
                h3 { "Fix these first" }
                p.note { "Errors first, then warnings, then info; within each, the findings that reach the most of the plan: one about the plan as a whole, its WHY, HOW or WHAT reaches every persona and touchpoint; one about a goal, the touchpoints that serve it; about a persona, the touchpoints that reach it; about a touchpoint, the personas it names (all of them when it names none). Then in the order of the file, and one finding per rule." }
                ol.fix {
                    @for (f, reach) in &first {
                        li {
                            (severity_badge(f.severity)) " " code { (f.rule.code) } " "
                            span.where { (part_heading(f)) ", line " (f.location.line) }
                            @if *reach > 1 { span.reach { " (reaches " (reach) " items)" } }
                            p { (text(&f.message)) }
                            p.help { "What to do: " (text(&f.help)) }
                        }
                    }
                }
            }
        }
    }
}

/// The findings to fix first, each with how many items of the plan it
/// reaches (see the note the page prints with them).
fn fix_first<'a>(view: &View<'a>) -> Vec<(&'a Finding, usize)> {
    let mut ranked: Vec<(&Finding, usize)> = view
        .file
        .findings
        .iter()
        .map(|f| (f, view.plan.map_or(1, |plan| reach(plan, &f.subject))))
        .collect();
    // Findings come in file order; the sort is stable.
    ranked.sort_by_key(|&(f, reach)| (std::cmp::Reverse(f.severity), std::cmp::Reverse(reach)));
    // One finding per rule: five kinds of change, not one kind five times.
    let mut rules = Vec::new();
    ranked.retain(|(f, _)| {
        let new = !rules.contains(&f.rule.code);
        rules.push(f.rule.code);
        new
    });
    ranked.truncate(FIX_FIRST);
    ranked
}

/// How many personas and touchpoints a finding about `subject` reaches,
/// the subject itself included.
fn reach(plan: &Plan, subject: &Subject) -> usize {
    let names =
        |list: &Option<plan::Field<Vec<plan::Item>>>, id: &str| items(list).any(|i| i.text == id);
    match subject {
        Subject::Plan | Subject::Why | Subject::How | Subject::What => {
            plan.personas.len() + plan.touchpoints.len()
        }
        Subject::Goal(id) => {
            1 + plan
                .touchpoints
                .iter()
                .filter(|t| names(&t.goals, id))
                .count()
        }
        Subject::Persona(id) => 1 + plan.touchpoints_reaching(id).count(),
        Subject::Touchpoint(id) => {
            let named = plan
                .touchpoints
                .iter()
                .find(|t| &t.id.value == id)
                // The personas it names that the plan has, each once.
                .map_or(0, |t| {
                    items(&t.personas)
                        .map(|i| i.text.as_str())
                        .filter(|p| plan.persona(p).is_some())
                        .collect::<BTreeSet<_>>()
                        .len()
                });
            1 + if named == 0 {
                plan.personas.len()
            } else {
                named
            }
        }
    }
}

/// Since the last plan: the scorecard then and now, the findings fixed and
/// the findings new, counted by rule and subject (a finding that moved to
/// another line is the same finding).
fn since(view: &View<'_>, then: &Then) -> Markup {
    let mut now: BTreeMap<(String, String), Vec<&Finding>> = BTreeMap::new();
    for f in &view.file.findings {
        now.entry((f.rule.code.to_owned(), f.subject.to_string()))
            .or_default()
            .push(f);
    }
    let fixed: Vec<(&(String, String), usize)> = then
        .counts
        .iter()
        .map(|(key, &n)| (key, n.saturating_sub(now.get(key).map_or(0, Vec::len))))
        .filter(|&(_, n)| n > 0)
        .collect();
    let new: Vec<&Finding> = now
        .iter()
        .flat_map(|(key, findings)| {
            let before = then.counts.get(key).copied().unwrap_or(0);
            findings.iter().skip(before).copied()
        })
        .collect();
    let families: Vec<_> = then
        .card
        .iter()
        .chain(&view.card)
        .flat_map(|c| c.families.iter().map(|s| s.family))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let score = |card: &Option<Scorecard>, family| {
        card.as_ref()
            .and_then(|c| c.families.iter().find(|s| s.family == family))
            .map_or("-".to_owned(), |s| format!("{}/{}", s.passed, s.total))
    };
    html! {
        section {
            h2 { "Since the last plan" }
            @let fixed_count: usize = fixed.iter().map(|(_, n)| n).sum();
            p { "Compared with " (then.source) ": " (fixed_count) (if fixed_count == 1 { " finding fixed, " } else { " findings fixed, " }) (new.len()) " new." }
            @if !families.is_empty() {
                table {
                    caption { "Rules passed of rules run, by family, then and now" }
                    thead { tr { th scope="col" { "family" } th scope="col" { "then" } th scope="col" { "now" } } }
                    tbody {
                        @for family in &families {
                            tr { th scope="row" { (family.title()) } td.num { (score(&then.card, *family)) } td.num { (score(&view.card, *family)) } }
                        }
                    }
                }
            }
            @if !fixed.is_empty() {
                h3 { "Fixed" }
                ul.findings {
                    @for ((code, subject), n) in &fixed {
                        li {
                            // A baseline file is untrusted text too.
                            code { (text(code)) } " "
                            @if let Some(rule) = crate::rules::by_code(code) { (rule.summary) }
                            " (" (text(subject)) @if *n > 1 { ", " (n) " times" } ")"
                        }
                    }
                }
            }
            @if !new.is_empty() {
                h3 { "New" }
                (finding_list(&new))
            }
        }
    }
}

fn part_heading(f: &Finding) -> String {
    text(&Part::of(f).heading())
}

fn severity_badge(severity: Severity) -> Markup {
    html! { span class={ "badge " (severity.as_str()) } { (severity.as_str()) } }
}

fn ring(plan_part: bool, flagged: bool) -> Ring {
    match (plan_part, flagged) {
        (false, _) => Ring::Missing,
        (true, true) => Ring::Flagged,
        (true, false) => Ring::Fine,
    }
}

fn golden_circle(view: &View<'_>, plan: &Plan) -> Markup {
    let flagged = |subject: Subject| view.about(subject).next().is_some();
    let why = ring(plan.why.is_some(), flagged(Subject::Why));
    let how = ring(plan.how.is_some(), flagged(Subject::How));
    let what = ring(plan.what.is_some(), flagged(Subject::What));
    let why_text = plan.why_statement();
    let how_text = plan.how.as_ref().and_then(|h| plan_text(&h.statement));
    let what_text = plan.what.as_ref().and_then(|w| plan_text(&w.statement));
    // Goals and touchpoints off the WHY, or whose WHY is a WHAT.
    let off: Vec<&Finding> = view
        .file
        .findings
        .iter()
        .filter(|f| matches!(f.subject, Subject::Goal(_) | Subject::Touchpoint(_)))
        .filter(|f| f.rule.code.starts_with("WHY"))
        .collect();
    let circle_findings: Vec<&Finding> = view
        .file
        .findings
        .iter()
        .filter(|f| matches!(f.subject, Subject::Why | Subject::How | Subject::What))
        .collect();
    let describe = format!(
        "WHY {}, HOW {}, WHAT {}",
        ring_word(why),
        ring_word(how),
        ring_word(what)
    );
    html! {
        section {
            h2 { "The golden circle" }
            figure.circle {
                (chart::golden_circle("The golden circle", &describe, why, how, what))
                figcaption { (describe) }
            }
            dl.statements {
                    dt { "WHY: what the business believes" } dd { (statement(why_text)) }
                    dt { "HOW: how it lives that belief" } dd { (statement(how_text)) }
                dt { "WHAT: what it offers" } dd { (statement(what_text)) }
            }
            @if !circle_findings.is_empty() {
                h3 { "About the circle itself" }
                (finding_list(&circle_findings))
            }
            @if !off.is_empty() {
                h3 { "Goals and touchpoints off the WHY" }
                p.note { "Each message names the words that gave the item away." }
                (finding_list(&off))
            }
        }
    }
}

fn ring_word(ring: Ring) -> &'static str {
    match ring {
        Ring::Fine => "in place",
        Ring::Flagged => "flagged",
        Ring::Missing => "missing",
    }
}

fn statement(s: Option<&str>) -> Markup {
    html! {
        @match s {
            Some(s) => { (text(s)) }
            None => { em { "not written" } }
        }
    }
}

fn finding_list(findings: &[&Finding]) -> Markup {
    html! {
        ul.findings {
            @for f in findings {
                li {
                    (severity_badge(f.severity)) " " code { (f.rule.code) } " "
                    span.where { (part_heading(f)) ", line " (f.location.line) } ": "
                    (text(&f.message))
                }
            }
        }
    }
}

fn yes_no(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}

fn goals(view: &View<'_>, plan: &Plan) -> Markup {
    let kinds = [
        (GoalKind::Satisfaction, "Customer satisfaction"),
        (GoalKind::Cost, "Lower costs"),
        (GoalKind::Revenue, "More revenue"),
    ];
    html! {
        section {
            h2 { "Goals" }
            p.note { "A plan serves three business goals: customers who are satisfied, costs that fall, revenue that grows." }
            table {
                caption { "The three business goals, and the plan's goals that serve each" }
                thead { tr { th scope="col" { "business goal" } th scope="col" { "the plan's goals" } } }
                tbody {
                    @for (kind, name) in kinds {
                        @let serving: Vec<String> = plan.goals.iter()
                            .filter(|g| g.kind.as_ref().is_some_and(|k| k.value == kind))
                            .map(|g| text(&g.title.value)).collect();
                        tr {
                            th scope="row" { (name) }
                            td { @if serving.is_empty() { strong { "none" } } @else { (serving.join("; ")) } }
                        }
                    }
                }
            }
            table {
                caption { "Each goal: measurable (a metric, a baseline and a target, and no GOAL001 finding) and dated (a due date, and no GOAL002 finding)" }
                thead { tr {
                    th scope="col" { "goal" } th scope="col" { "metric" } th scope="col" { "target" }
                    th scope="col" { "due" } th scope="col" { "measurable" } th scope="col" { "dated" } th scope="col" { "findings" }
                } }
                tbody {
                    @for g in &plan.goals {
                        @let metric = plan_text(&g.metric);
                        @let about: Vec<&Finding> = view.about(Subject::Goal(g.id.value.clone())).collect();
                        @let has = |code: &str| about.iter().any(|f| f.rule.code == code);
                        tr {
                            th scope="row" { (text(&g.title.value)) br; code { (text(&g.id.value)) } }
                            td { (metric.map(text).unwrap_or_else(|| "-".to_owned())) }
                            td.num { (g.target.as_ref().map_or("-".to_owned(), |t| number(t.value))) }
                            td { (g.due.as_ref().map_or("-".to_owned(), |d| d.value.to_string())) }
                            td { (yes_no(metric.is_some() && g.target.is_some() && !has("GOAL001"))) }
                            td { (yes_no(g.due.is_some() && !has("GOAL002"))) }
                            td.num { (about.len()) }
                        }
                    }
                }
            }
        }
    }
}

/// A number as a plan writes it: 12, 2.5.
fn number(x: f64) -> String {
    // A sum of nothing is -0.
    let x = x + 0.0;
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}

fn journey(view: &View<'_>, plan: &Plan) -> Markup {
    let pushy = |id: &str| {
        view.about(Subject::Touchpoint(id.to_owned()))
            .any(|f| f.rule.code == "TX001")
    };
    let unstaged: Vec<&plan::Touchpoint> = plan
        .touchpoints
        .iter()
        .filter(|t| t.stage.is_none())
        .collect();
    let max = view.file.config.settings.max_contacts_per_week;
    let contacts: Vec<(String, f64)> = plan
        .personas
        .iter()
        .map(|p| {
            let (counted, _) = weekly_contacts(plan, &p.id.value);
            (text(&p.name.value), counted.iter().map(|(_, n)| n).sum())
        })
        .collect();
    let card = |t: &plan::Touchpoint| {
        html! {
            div.card {
                strong { (text(&t.name.value)) }
                @if let Some(channel) = plan_text(&t.channel) { br; span.meta { (text(channel)) } }
                @if let Some(owner) = plan_text(&t.owner) { br; span.meta { "owned by " (text(owner)) } }
                p.badges {
                    @if pushy(&t.id.value) { span.badge.warning { "pure pressure" } " " }
                    @if reaches_out_to_help(plan, t) { span.badge.good { "people who help" } " " }
                    @if t.asks() { span.badge.good { "asks" } " " }
                    @if plan_text(&t.act).is_some() { span.badge.good { "acts on answers" } " " }
                    @if let Some(n) = &t.per_week { span.badge { (number(n.value)) " a week" } }
                }
            }
        }
    };
    html! {
        section {
            h2 { "The customer journey" }
            div.journey {
                @for stage in Stage::ALL {
                    @let here: Vec<&plan::Touchpoint> = plan.touchpoints.iter()
                        .filter(|t| t.stage.as_ref().is_some_and(|s| s.value == stage)).collect();
                    div.stage {
                        h3 { (stage.as_str()) }
                        @if here.is_empty() { div.card.gap { "no touchpoint" } }
                        @for t in here { (card(t)) }
                    }
                }
            }
            @if !unstaged.is_empty() {
                h3 { "Touchpoints without a stage" }
                div.row { @for t in unstaged { (card(t)) } }
            }
            @if contacts.iter().any(|(_, n)| *n > 0.0) {
                @let rows: Vec<Bar<'_>> = contacts.iter().map(|(name, n)| Bar {
                    label: name, value: *n, note: number(*n),
                }).collect();
                @let top = contacts.iter().map(|(_, n)| *n).fold(max, f64::max);
                h3 { "Contacts a week, by persona" }
                figure {
                    (chart::bars_with_limit("Contacts a week, by persona",
                        &format!("Contacts a week each persona gets from the touchpoints that name it, against the plan's limit of {}", number(max)),
                        charted(&rows), top, max, &format!("limit {}", number(max))))
                    (more_in_table(rows.len()))
                    table {
                        caption { "The same figures (limit: " (number(max)) " a week; touchpoints whose frequency the customer sets are not counted, nor those they opted in to below three a week)" }
                        thead { tr { th scope="col" { "persona" } th scope="col" { "contacts a week" } th scope="col" { "over the limit" } } }
                        tbody { @for (name, n) in &contacts { tr { th scope="row" { (name) } td.num { (number(*n)) } td { (yes_no(*n > max)) } } } }
                    }
                }
            }
        }
    }
}

fn personas(view: &View<'_>, plan: &Plan) -> Markup {
    let list = |field: &Option<plan::Field<Vec<plan::Item>>>| -> Vec<String> {
        items(field).map(|i| text(&i.text)).collect()
    };
    html! {
        section {
            h2 { "Personas" }
            div.row {
                @for p in &plan.personas {
                    @let findings: Vec<&Finding> = view.about(Subject::Persona(p.id.value.clone())).collect();
                    @let heard = view.voice.as_ref().and_then(|v| v.personas.iter().find(|g| g.plan_id.as_deref() == Some(p.id.value.as_str())));
                    div.card.persona {
                        h3 { (text(&p.name.value)) }
                        @if let Some(summary) = plan_text(&p.summary) { p { (text(summary)) } }
                        (labelled_list("Wants", &list(&p.wants)))
                        (labelled_list("Evidence", &list(&p.evidence)))
                        (labelled_list("Interests", &list(&p.interests)))
                        @if let Some(s) = plan_text(&p.purchase_insight) { p { strong { "Purchase insight: " } (text(s)) } }
                        @if let Some(s) = plan_text(&p.value_proposition) { p { strong { "Value proposition: " } (text(s)) } }
                        @if let Some(g) = heard { (voice_of(g)) }
                        @if !findings.is_empty() { (finding_list(&findings)) }
                    }
                }
            }
        }
    }
}

fn labelled_list(label: &str, list: &[String]) -> Markup {
    html! {
        p {
            strong { (label) ": " }
            @if list.is_empty() { em { "none written" } } @else { (list.join("; ")) }
        }
    }
}

/// A persona's figures from the feedback, with what they complained about.
fn voice_of(g: &GroupSummary) -> Markup {
    html! {
        p {
            strong { "In the feedback: " }
            (g.rows) " rows"
            @if let Some(nps) = &g.nps { ", NPS " (nps_text(nps)) }
        }
        @if !g.negative_examples.is_empty() {
            p { strong { "They said:" } }
            ul.verbatims {
                @for e in g.negative_examples.iter().take(VERBATIMS) { li { q { (text(e)) } } }
            }
        }
    }
}

/// `-27 (95% CI -70 to +16, 11 scores)`.
fn nps_text(nps: &Nps) -> String {
    format!(
        "{} (95% CI {} to {}, {} {})",
        signed(nps.nps),
        signed(nps.interval.low),
        signed(nps.interval.high),
        nps.scored,
        if nps.scored == 1 { "score" } else { "scores" }
    )
}

/// A figure to the nearest whole number, with its sign; no sign on zero.
fn signed(x: f64) -> String {
    let x = x.round() + 0.0;
    if x > 0.0 {
        format!("+{x:.0}")
    } else {
        format!("{x:.0}")
    }
}

/// NPS figures with what they are of (a period, a persona...): what a chart
/// draws and the table next to it lists.
type Figures<'a> = Vec<(&'a str, &'a Nps)>;

/// The groups with scores, by name.
fn group_figures(groups: &[GroupSummary]) -> Figures<'_> {
    groups
        .iter()
        .filter_map(|g| Some((g.name.as_str(), g.nps.as_ref()?)))
        .collect()
}

/// Figures as a chart draws them: the NPS and its interval, and n.
fn estimates<'a>(figures: &[(&'a str, &'a Nps)]) -> Vec<Estimate<'a>> {
    figures
        .iter()
        .map(|&(label, nps)| Estimate {
            label,
            value: nps.nps,
            low: nps.interval.low,
            high: nps.interval.high,
            note: format!("n = {}", nps.scored),
        })
        .collect()
}

fn customer_voice(voice: &Summary) -> Markup {
    let periods: Figures<'_> = voice
        .periods
        .iter()
        .filter_map(|p| Some((p.period.as_str(), p.nps.as_ref()?)))
        .collect();
    let impact: Vec<Bar<'_>> = voice
        .theme_impact
        .iter()
        .take(ROWS)
        .map(|t| Bar {
            label: &t.theme,
            value: t.impact,
            note: format!("{:+.1}", t.impact),
        })
        .collect();
    html! {
        section {
            h2 { "The customer's voice" }
            p {
                (voice.rows) " rows read from " code { (text(&voice.file)) } ", "
                (voice.comments) " with a comment"
                @if let Some(nps) = &voice.nps { "; NPS " (nps_text(nps)) }
                "."
                @if voice.rejected_total > 0 { " " strong { (voice.rejected_total) " rows could not be read" } " and are not counted." }
            }
            p.note { "Every NPS is shown with its 95% interval: the range the true figure is likely in, given how many people answered. Where two intervals overlap, the difference may be noise." }
            @if periods.len() > 1 {
                h3 { "NPS by period" }
                figure {
                    (chart::band("NPS by period", "NPS of each period, the line, with its 95% interval, the band", &estimates(&periods), (-100.0, 100.0)))
                    (estimate_table("period", &periods))
                }
            }
            @for (title, groups) in [("persona", &voice.personas), ("touchpoint", &voice.touchpoints), ("channel", &voice.channels)] {
                @let rows = group_figures(groups);
                @if !rows.is_empty() {
                    h3 { "NPS by " (title) }
                    figure {
                        (chart::whiskers(&format!("NPS by {title}"), &format!("NPS of each {title}, a dot, with its 95% interval, the whisker"), &estimates(charted(&rows)), (-100.0, 100.0)))
                        (more_in_table(rows.len()))
                        (estimate_table(title, &rows))
                    }
                }
            }
            @if !impact.is_empty() {
                h3 { "What moves NPS: theme impact" }
                p.note { "A theme's impact is the NPS of all scored comments minus the NPS of those that do not mention it: how many points it adds or takes away. \"Beyond noise\" holds across all the themes tested." }
                figure {
                    (chart::diverging_bars("Theme impact on NPS", "Points of NPS each theme adds (right) or takes away (left)", &impact))
                    table {
                        thead { tr { th scope="col" { "theme" } th scope="col" { "scores" } th scope="col" { "impact" } th scope="col" { "beyond noise" } th scope="col" { "example" } } }
                        tbody {
                            @for t in voice.theme_impact.iter().take(ROWS) {
                                tr {
                                    th scope="row" { (text(&t.theme)) }
                                    td.num { (t.scored) }
                                    td.num { (format!("{:+.1}", t.impact)) }
                                    td { (yes_no(t.significant)) }
                                    td { @if let Some(e) = &t.example { q { (text(e)) } } }
                                }
                            }
                        }
                    }
                }
            }
            @if !voice.wants.is_empty() {
                h3 { "What customers ask for" }
                table {
                    thead { tr { th scope="col" { "want" } th scope="col" { "comments" } th scope="col" { "example" } } }
                    tbody {
                        @for w in voice.wants.iter().take(ROWS) {
                            tr {
                                th scope="row" { (text(&w.theme)) }
                                td.num { (w.count) @if !w.exact { " or more" } }
                                td { @if let Some(e) = w.examples.first() { q { (text(e)) } } }
                            }
                        }
                    }
                }
            }
            p { strong { "Contact fatigue: " } (voice.fatigue) " comments say they hear from the business too often; " (voice.pushy) " speak of sales pressure." }
        }
    }
}

fn estimate_table(what: &str, rows: &[(&str, &Nps)]) -> Markup {
    html! {
        table {
            thead { tr { th scope="col" { (what) } th scope="col" { "NPS" } th scope="col" { "95% interval" } th scope="col" { "scores" } } }
            tbody {
                @for (label, nps) in rows {
                    tr {
                        th scope="row" { (text(label)) }
                        td.num { (signed(nps.nps)) }
                        td.num { (signed(nps.interval.low)) " to " (signed(nps.interval.high)) }
                        td.num { (nps.scored) }
                    }
                }
            }
        }
    }
}

fn all_findings(view: &View<'_>) -> Markup {
    let mut parts: Vec<(Part, Vec<&Finding>)> = Vec::new();
    for f in &view.file.findings {
        let part = Part::of(f);
        match parts.iter_mut().find(|(p, _)| *p == part) {
            Some((_, list)) => list.push(f),
            None => parts.push((part, vec![f])),
        }
    }
    parts.sort_by_key(|(p, _)| p.rank());
    html! {
        section {
            h2 { "All findings" }
            @for (part, findings) in &parts {
                h3 { (text(&part.heading())) }
                table.findings {
                    thead { tr { th scope="col" { "line" } th scope="col" { "severity" } th scope="col" { "code" } th scope="col" { "finding and what to do" } } }
                    tbody {
                        @for f in findings {
                            tr {
                                td.num { (f.location.line) }
                                td { (severity_badge(f.severity)) }
                                td { code { (f.rule.code) } }
                                td { (text(&f.message)) p.help { "What to do: " (text(&f.help)) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The page's style: readable on a screen, and printed (or saved as PDF)
/// with each section on its own page and nothing cut across pages.
const STYLE: &str = r#"
:root { color: #1a1a1a; background: #fff; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.45; }
body { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
h1 { font-size: 2rem; margin: 0 0 .5rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid #2c5282; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
section.cover { border-bottom: 3px solid #2c5282; padding-bottom: 1rem; }
.verdict { font-size: 1.2rem; font-weight: 600; }
.meta, .note, figcaption { color: #4a4a4a; font-size: .9rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; color: #4a4a4a; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid #cbd5e0; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; }
svg { max-width: 100%; height: auto; }
.badge { display: inline-block; border: 1px solid #4a4a4a; border-radius: .3rem; padding: 0 .35rem; font-size: .8rem; }
.badge.error { background: #9b2c2c; border-color: #9b2c2c; color: #fff; }
.badge.warning { background: #fefcbf; border-color: #744210; color: #744210; }
.badge.info { background: #ebf8ff; border-color: #2c5282; color: #2c5282; }
.badge.good { background: #f0fff4; border-color: #276749; color: #276749; }
.help { color: #2d3748; margin: .2rem 0 0; }
ol.fix li { margin-bottom: .6rem; }
ol.fix p { margin: .2rem 0; }
.where { color: #4a4a4a; }
.circle svg { width: 26rem; }
dl.statements { grid-template-columns: 16rem 1fr; }
.journey { display: grid; grid-template-columns: repeat(6, 1fr); gap: .5rem; }
.stage h3 { font-size: .95rem; text-transform: capitalize; margin: 0 0 .3rem; }
.row { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .75rem; }
.card { border: 1px solid #a0aec0; border-radius: .4rem; padding: .5rem; margin-bottom: .5rem; font-size: .9rem; overflow-wrap: anywhere; }
.unread { border: 2px solid #9b2c2c; padding: .5rem 1rem; }
.card.gap { border-style: dashed; color: #4a4a4a; text-align: center; }
.card.persona h3 { margin-top: 0; }
.badges { margin: .3rem 0 0; }
q { font-style: italic; }
ul.findings li { margin-bottom: .3rem; }
@media print {
  body { max-width: none; padding: 0; }
  @page { margin: 15mm; }
  article > section, section.cover { break-before: page; }
  article:first-child > section.cover, body > section.cover:first-child { break-before: auto; }
  svg, .card, li, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .journey { grid-template-columns: repeat(3, 1fr); }
  /* Grid items are not kept whole across pages: cards stack instead. */
  .row { display: block; }
  .note { break-after: avoid; }
}
"#;
