//! Waivers: a rule that an item of the plan, or the plan as a whole, accepts
//! with a reason (`allow = { TX001 = "..." }`). They are applied once the
//! rules have run: a waived finding is hidden and counted, and the rules of
//! [`Phase::Waivers`] (PLAN005 to PLAN007) report waivers without a reason,
//! past their date, or with nothing to waive.
//!
//! Floor `check`: imports `config`, `rules` and everything below them; the
//! checker calls it.

use std::time::{SystemTime, UNIX_EPOCH};

use toml::value::{Date, Datetime};

use crate::config::Config;
use crate::diagnostic::{Finding, Subject};
use crate::plan::{Draft, LoadError, LoadErrorKind, LoadErrors, Plan, Waiver, WrongType};
use crate::rules::waivers::{Scope, Use, WaiverContext};
use crate::rules::{self, Family, Phase, RULES};
use crate::source::excerpt;
use crate::text::suggest;

/// Checks the waivers of a plan as read against the registry: a waiver of a
/// rule planlint does not have, of one that cannot be waived, of a rule
/// waived already in the same table, or with a value of the wrong type is
/// an error of the plan and is dropped; the errors in the value of any
/// other are the plan's errors too.
pub fn validate(draft: &mut Draft) {
    let mut errors = LoadErrors::default();
    let Draft { plan, unplaced, .. } = draft;
    let tables = std::iter::once(&mut plan.allow)
        .chain(plan.goals.iter_mut().map(|g| &mut g.allow))
        .chain(plan.personas.iter_mut().map(|p| &mut p.allow))
        .chain(plan.touchpoints.iter_mut().map(|t| &mut t.allow))
        .chain(unplaced.iter_mut());
    for table in tables {
        validate_table(table, &mut errors);
    }
    draft.report(errors);
}

/// Keeps the waivers of one `allow` table that waive a rule that may be
/// waived, once each; the errors of the others, and of their values, go to
/// `errors`.
fn validate_table(table: &mut Vec<Waiver>, errors: &mut LoadErrors) {
    let mut waived: Vec<&'static str> = Vec::new();
    table.retain_mut(|waiver| {
        let invalid = |span, message, help| LoadError {
            kind: LoadErrorKind::Invalid,
            span,
            message,
            help,
        };
        let Some(rule) = rules::find(&waiver.rule) else {
            errors.push(LoadError {
                kind: LoadErrorKind::UnknownKey,
                span: waiver.key.clone(),
                message: format!(
                    "`allow` names rule `{}`, which planlint does not have",
                    excerpt(&waiver.rule)
                ),
                help: unknown_rule_help(&waiver.rule),
            });
            return false;
        };
        let unwaivable = match rule.phase {
            Phase::Plan(_) | Phase::Text(_) => None,
            Phase::Load => Some("a plan with it is not read; fix the plan instead"),
            Phase::Waivers(_) => Some("it is about waivers themselves; fix the waiver instead"),
        };
        if let Some(why) = unwaivable {
            errors.push(invalid(
                waiver.key.clone(),
                format!("{} ({}) cannot be waived", rule.code, rule.name),
                format!("remove this waiver: {why}"),
            ));
            return false;
        }
        if waived.contains(&rule.code) {
            errors.push(invalid(
                waiver.key.clone(),
                format!("{} is waived twice in this `allow` table", rule.code),
                "keep one waiver per rule".to_owned(),
            ));
            return false;
        }
        match &mut waiver.value {
            Err(WrongType { found, span }) => {
                errors.push(invalid(
                    span.clone(),
                    format!(
                        "the waiver of {} must be a reason or a table, not {found}",
                        rule.code
                    ),
                    format!(
                        "write {name} = \"why the finding is accepted\", \
                         or {name} = {{ reason = \"...\", until = 2027-01-31 }}",
                        name = rule.code
                    ),
                ));
                false
            }
            Ok(value_errors) => {
                waived.push(rule.code);
                errors.append(std::mem::take(value_errors));
                true
            }
        }
    });
}

fn unknown_rule_help(name: &str) -> String {
    let known = RULES.iter().flat_map(|r| [r.code, r.name]);
    match suggest(name, known).and_then(rules::find) {
        Some(rule) => format!(
            "did you mean `{}` ({})? `planlint rules` lists the rules",
            rule.code, rule.name
        ),
        None => "name a rule by its code (TX001) or its name (transactional-touchpoint); \
                 `planlint rules` lists them"
            .to_owned(),
    }
}

/// A plan's findings once its waivers are applied.
#[derive(Debug)]
pub struct Waived {
    /// The findings no waiver hides, and the waiver rules' findings.
    pub findings: Vec<Finding>,
    /// How many findings waivers hid.
    pub waived: usize,
}

/// Hides the findings the plan's waivers cover and runs the waiver rules that
/// `config` selects. `feedback` says whether the FB rules ran; a waiver whose
/// date is before `today` has expired.
pub fn apply(
    plan: &Plan,
    findings: Vec<Finding>,
    feedback: bool,
    today: Date,
    config: &Config,
) -> Waived {
    // `validate` kept only the waivers of rules the registry has.
    let mut uses: Vec<Use<'_>> = waivers(plan)
        .filter_map(|(waiver, scope)| Some((rules::find(&waiver.rule)?, waiver, scope)))
        .map(|(rule, waiver, scope)| Use {
            expired: waiver.until.as_ref().is_some_and(|u| u.value < today),
            matched: findings
                .iter()
                .filter(|f| f.rule.code == rule.code && scope.covers(&f.subject))
                .count(),
            rule_ran: config.is_selected(rule) && (rule.family != Family::Fb || feedback),
            elsewhere: None,
            rule,
            waiver,
            scope,
        })
        .collect();
    let hides = |f: &Finding| {
        uses.iter()
            .any(|u| !u.expired && u.rule.code == f.rule.code && u.scope.covers(&f.subject))
    };
    let (hidden, mut shown): (Vec<Finding>, Vec<Finding>) = findings.into_iter().partition(hides);
    for u in &mut uses {
        u.elsewhere = shown
            .iter()
            .find(|f| f.rule.code == u.rule.code && !u.scope.covers(&f.subject))
            .map(|f| f.subject.clone());
    }
    let mut cx = WaiverContext::new(&uses);
    for rule in RULES {
        if let Phase::Waivers(check) = rule.phase
            && config.is_selected(rule)
        {
            check(&mut cx);
        }
    }
    let mut reported = cx.into_findings();
    for finding in &mut reported {
        finding.severity = config.severity_of(finding.rule.code);
    }
    shown.append(&mut reported);
    Waived {
        findings: shown,
        waived: hidden.len(),
    }
}

/// Every waiver of the plan, plan-wide first, then by item.
fn waivers(plan: &Plan) -> impl Iterator<Item = (&Waiver, Scope)> {
    let plan_wide = plan.allow.iter().map(|w| (w, Scope::Plan));
    let goals = plan.goals.iter().flat_map(|g| {
        let subject = Subject::Goal(g.id.value.clone());
        g.allow
            .iter()
            .map(move |w| (w, Scope::Item(subject.clone())))
    });
    let personas = plan.personas.iter().flat_map(|p| {
        let subject = Subject::Persona(p.id.value.clone());
        p.allow
            .iter()
            .map(move |w| (w, Scope::Item(subject.clone())))
    });
    let touchpoints = plan.touchpoints.iter().flat_map(|t| {
        let subject = Subject::Touchpoint(t.id.value.clone());
        t.allow
            .iter()
            .map(move |w| (w, Scope::Item(subject.clone())))
    });
    plan_wide.chain(goals).chain(personas).chain(touchpoints)
}

/// Today's date (UTC) from the system clock.
pub fn today() -> Date {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    date_from_days(seconds / 86_400)
}

/// `PLANLINT_TODAY` is set but is no date.
#[derive(Debug, thiserror::Error)]
#[error("PLANLINT_TODAY is \"{0}\", not a date like 2027-01-31")]
pub struct BadToday(String);

/// The date waivers expire against: `PLANLINT_TODAY=YYYY-MM-DD` when set (for
/// tests and reproducible runs), else `None`, for today.
pub fn today_from_env() -> Result<Option<Date>, BadToday> {
    match std::env::var("PLANLINT_TODAY") {
        Ok(value) if !value.is_empty() => parse_date(&value).map(Some).ok_or(BadToday(value)),
        _ => Ok(None),
    }
}

/// A date written `YYYY-MM-DD`, as in a plan.
pub fn parse_date(text: &str) -> Option<Date> {
    let datetime: Datetime = text.trim().parse().ok()?;
    match datetime {
        Datetime {
            date: Some(date),
            time: None,
            offset: None,
        } => Some(date),
        _ => None,
    }
}

/// The civil date `days` days after 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, for days on or after the epoch).
fn date_from_days(days: u64) -> Date {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    Date {
        year: u16::try_from(year).unwrap_or(u16::MAX),
        month: month as u8,
        day: day as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn date(text: &str) -> Date {
        parse_date(text).unwrap()
    }

    #[test]
    fn days_since_the_epoch_become_civil_dates() {
        assert_eq!(date_from_days(0), date("1970-01-01"));
        assert_eq!(date_from_days(11_016), date("2000-02-29"));
        assert_eq!(date_from_days(11_017), date("2000-03-01"));
        assert_eq!(date_from_days(19_723), date("2024-01-01"));
        assert_eq!(date_from_days(20_818), date("2026-12-31"));
        assert!(today() > date("2025-01-01"));
    }

    #[test]
    fn only_plain_dates_parse() {
        assert_eq!(date(" 2027-01-31 ").to_string(), "2027-01-31");
        assert_eq!(parse_date("2027-01-31T10:00:00"), None);
        assert_eq!(parse_date("31/01/2027"), None);
        assert_eq!(parse_date(""), None);
    }

    fn applied(text: &str, today: &str) -> Waived {
        let source = SourceFile::new("p.plan.toml", text);
        let plan = crate::check::load_plan(&source).unwrap();
        let config = Config::default();
        let findings = crate::check::run_plan_rules(&plan, &source, None, &config);
        apply(&plan, findings, false, date(today), &config)
    }

    fn codes(waived: &Waived) -> Vec<String> {
        let mut codes: Vec<String> = waived
            .findings
            .iter()
            .map(|f| format!("{} {}", f.rule.code, f.subject))
            .collect();
        codes.sort();
        codes
    }

    const PLAN: &str = "name = \"A\"\n\
        [allow]\nWHY001 = \"written next quarter\"\nwhy-is-a-what = \"unused\"\n\
        [[goal]]\nid = \"g\"\ntitle = \"T\"\nkind = \"satisfaction\"\nmetric = \"NPS\"\ntarget = 1\n\
        allow = { goal002 = { reason = \"set at the board meeting\", until = 2027-01-31 } }\n";

    /// A plan of more errors than are kept, with a waiver of no rule at
    /// its top and `waiver` at its end.
    fn many_errors(waiver: &str) -> Vec<LoadError> {
        let mut text = String::from("name = \"x\"\n[allow]\nNOPE = \"x\"\n");
        for i in 0..1100 {
            text.push_str(&format!("[[touchpoint]]\nid = \"T{i}\"\nname = \"t\"\n"));
        }
        text.push_str(waiver);
        crate::check::load_plan(&SourceFile::new("p.plan.toml", text)).unwrap_err()
    }

    #[test]
    fn waiver_errors_are_kept_by_position_and_counted_once_the_rule_is_known() {
        let errors = many_errors("");
        assert!(
            errors[0].message.contains("`NOPE`"),
            "{}",
            errors[0].message
        );
        assert_eq!(errors.len(), crate::plan::MAX_ERRORS + 1);
        // The errors in the value of a waiver of no rule are not the plan's:
        // the count is the same as with a value without errors.
        let count = |errors: &[LoadError]| errors.last().unwrap().message.clone();
        let bad_value = many_errors(
            "[[goal]]\nid = \"g\"\ntitle = \"g\"\nallow = { ZZZ = { reason = 1, until = 2, zz = 3 } }\n",
        );
        let good_value =
            many_errors("[[goal]]\nid = \"g\"\ntitle = \"g\"\nallow = { ZZZ = \"x\" }\n");
        assert_eq!(count(&bad_value), count(&good_value));
        assert_ne!(count(&bad_value), count(&errors));
    }

    #[test]
    fn waivers_hide_findings_in_their_scope_until_their_date() {
        let waived = applied(PLAN, "2027-01-31");
        let shown = codes(&waived);
        assert!(!shown.iter().any(|c| c.starts_with("WHY001")), "{shown:?}");
        assert!(!shown.iter().any(|c| c.starts_with("GOAL002")), "{shown:?}");
        assert!(shown.contains(&"PLAN007 plan".to_owned()), "{shown:?}");
        assert_eq!(waived.waived, 2);

        let expired = applied(PLAN, "2027-02-01");
        let shown = codes(&expired);
        assert!(shown.contains(&"GOAL002 goal.g".to_owned()), "{shown:?}");
        assert!(shown.contains(&"PLAN006 goal.g".to_owned()), "{shown:?}");
        assert_eq!(expired.waived, 1);
    }

    #[test]
    fn a_plan_wide_waiver_does_not_reach_items() {
        let text = "name = \"A\"\n[allow]\nGOAL002 = \"later\"\n\
            [[goal]]\nid = \"g\"\ntitle = \"T\"\n";
        let waived = applied(text, "2027-01-01");
        let shown = codes(&waived);
        assert!(shown.contains(&"GOAL002 goal.g".to_owned()), "{shown:?}");
        let unused = waived
            .findings
            .iter()
            .find(|f| f.rule.code == "PLAN007")
            .unwrap();
        assert!(unused.help.contains("goal \"g\""), "{}", unused.help);
        assert_eq!(&text[unused.span.clone()], "GOAL002");
    }
}
