//! The feedback summary of `planlint feedback`: one data model, serialised as
//! JSON and rendered as tables.
//!
//! Floor `feedback`: imports `plan` and this folder; groups link to plan
//! items through `link`, as the FB rules' do.

use serde::Serialize;

use super::Rejected;
use super::ScoreScale;
use super::aggregate::{Group, Groups, Nps, NpsClass, PolarityCounts};
use super::analysis::{Analysis, DatingChoice, ScaleSource};
use super::dates::{self, OrderSource};
use super::link;
use super::sketch::{Entry, TopK};
use super::stats::{self, Interval};
use super::timeline::{self, Budget, Dating, Series};
use super::wants::wants;
use crate::plan::Plan;

/// Themes and groups listed in a summary.
const TOP: usize = 10;
/// A phrase is a recurring theme from this many comments on.
const RECURRING: u64 = 2;
/// The most mentioned themes whose impact on NPS is weighed.
const THEMES_WEIGHED: usize = 50;
/// The scores a period needs before a trend is told from it: the default
/// of FB008's `feedback-trend-min-scores`.
pub const TREND_MIN_SCORES: u64 = 30;
/// The significance level of the summary's tests.
const SIGNIFICANCE: f64 = 0.05;

#[derive(Debug, Serialize)]
pub struct Summary {
    pub file: String,
    /// Rows analysed.
    pub rows: u64,
    /// Rows that could not be read, with line and reason (the first 10,000).
    pub rejected: Vec<Rejected>,
    pub rejected_total: u64,
    /// Rows with a comment.
    pub comments: u64,
    pub polarity: PolarityCounts,
    pub scale: Option<Scale>,
    pub nps: Option<Nps>,
    pub personas: Vec<GroupSummary>,
    pub touchpoints: Vec<GroupSummary>,
    pub channels: Vec<GroupSummary>,
    /// How dates were read; `None` without a date column.
    pub dates: Option<DatesSummary>,
    /// The whole file by period, oldest first.
    pub periods: Vec<PeriodSummary>,
    /// Themes by how much they move the NPS, most first.
    pub theme_impact: Vec<ThemeImpact>,
    pub themes: Vec<ThemeSummary>,
    pub detractor_themes: Vec<ThemeSummary>,
    pub promoter_themes: Vec<ThemeSummary>,
    pub wants: Vec<ThemeSummary>,
    /// Comments complaining about contact frequency, and about sales pressure.
    pub fatigue: u64,
    pub pushy: u64,
}

#[derive(Debug, Serialize)]
pub struct Scale {
    pub scale: ScoreScale,
    /// What decided the scale: the option, the column's name or the values.
    pub source: ScaleSource,
}

#[derive(Debug, Serialize)]
pub struct GroupSummary {
    /// The value as written in the file.
    pub name: String,
    /// The id of the plan item it links to, when a plan was given.
    pub plan_id: Option<String>,
    pub rows: u64,
    pub comments: u64,
    pub negative_share: f64,
    /// The 95% Wilson interval of the negative share.
    pub negative_interval: Option<Interval>,
    pub nps: Option<Nps>,
    pub fatigue: u64,
    pub pushy: u64,
    pub negative_examples: Vec<String>,
    /// The group by period, oldest first (empty without dates).
    pub periods: Vec<PeriodSummary>,
    /// How its NPS moved from its first to its last period with at least
    /// [`TREND_MIN_SCORES`] scores, when it has two.
    pub trend: Option<Trend>,
}

#[derive(Debug, Serialize)]
pub struct Trend {
    pub first_period: String,
    pub first: Nps,
    pub last_period: String,
    pub last: Nps,
    /// The last NPS minus the first, in points.
    pub change: f64,
    pub p: f64,
    /// Whether the change is beyond noise at 5%, shared by all the trends of
    /// the summary (each tested at 5% divided by their number).
    pub beyond_noise: bool,
}

#[derive(Debug, Serialize)]
pub struct DatesSummary {
    /// How `03/04/2026` dates were read (`DD/MM/YYYY` or `MM/DD/YYYY`),
    /// when the file has them.
    pub order: Option<&'static str>,
    /// What decided it: `option` (`--date-format`), `evidence` (a day above
    /// 12), `assumed` (no day above 12: day first) or `mixed` (both orders
    /// seen: the commoner, the others undated).
    pub order_source: Option<&'static str>,
    /// `week`, `month` or `quarter`.
    pub period: Option<&'static str>,
    /// `option` (`--period`) or `span` (chosen from the dates).
    pub period_source: Option<&'static str>,
    /// The first and last day of the dated rows (`YYYY-MM-DD`).
    pub first: Option<String>,
    pub last: Option<String>,
    /// Rows analysed without a period, by reason.
    pub undated: Vec<Undated>,
    pub undated_total: u64,
    /// Rows left out by `--since`/`--until` (undated ones among them).
    pub outside_window: u64,
    /// Placements of rows in a group's periods dropped because the file
    /// has more dates and groups than are counted.
    pub not_placed: u64,
}

#[derive(Debug, Serialize)]
pub struct Undated {
    pub reason: &'static str,
    pub rows: u64,
    /// The first line with this reason, when known.
    pub first_line: Option<u64>,
}

#[derive(Debug, Serialize)]
pub struct PeriodSummary {
    /// `2026-W05`, `2026-03` or `2026-Q1`.
    pub period: String,
    pub rows: u64,
    pub comments: u64,
    pub negative_share: f64,
    pub negative_interval: Option<Interval>,
    pub nps: Option<Nps>,
}

#[derive(Debug, Serialize)]
pub struct ThemeImpact {
    pub theme: String,
    /// Scored comments that mention the theme.
    pub scored: u64,
    /// The NPS of all scores minus the NPS of the scores whose comments do
    /// not mention the theme, in points.
    pub impact: f64,
    /// Whether the comments that mention it score differently from the rest
    /// beyond noise: a two-sample z test at 5% shared by all the themes
    /// weighed (each at 5% divided by their number).
    pub significant: bool,
    /// False when the counts may be short (a rare theme in a huge file).
    pub exact: bool,
    pub example: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ThemeSummary {
    pub theme: String,
    pub count: u64,
    /// False when the count may be short (a rare theme in a huge file).
    pub exact: bool,
    pub examples: Vec<String>,
}

impl Summary {
    pub fn new(analysis: &Analysis, plan: Option<&Plan>) -> Self {
        let a = &analysis.aggregates;
        let scale = analysis.scale.map(|(s, _)| s);
        let personas = plan.map(link::persona_names);
        let touchpoints = plan.map(link::touchpoint_names);
        let themes_of = |class| {
            scale
                .map(|s| themes(&a.themes_of(s, class)))
                .unwrap_or_default()
        };
        let dating = analysis.dating.map(|d| d.dating);
        let scored_groups =
            |g: &Groups, items: Option<&[(&str, &str)]>| groups(g, items, scale, dating.as_ref());
        let mut summary = Self {
            file: analysis.path.clone(),
            rows: a.rows,
            rejected: analysis.rejected.clone(),
            rejected_total: analysis.rejected_total,
            comments: a.polarity.total(),
            polarity: a.polarity,
            scale: analysis
                .scale
                .map(|(scale, source)| Scale { scale, source }),
            nps: scale.and_then(|s| a.scores.nps(s)),
            personas: scored_groups(&a.by_persona, personas.as_deref()),
            touchpoints: scored_groups(&a.by_touchpoint, touchpoints.as_deref()),
            channels: in_plan(scored_groups(&a.by_channel, None), plan),
            dates: analysis
                .columns
                .date
                .map(|_| dates_summary(analysis, analysis.dating)),
            periods: dating
                .map(|d| periods(&a.series, &d, scale))
                .unwrap_or_default(),
            theme_impact: scale.map(|s| theme_impact(a, s)).unwrap_or_default(),
            themes: themes(&a.themes),
            detractor_themes: themes_of(NpsClass::Detractor),
            promoter_themes: themes_of(NpsClass::Promoter),
            wants: summaries(wants(&a.wants, RECURRING)),
            fatigue: a.fatigue,
            pushy: a.pushy,
        };
        let trends: Vec<&mut Trend> = summary
            .personas
            .iter_mut()
            .chain(&mut summary.touchpoints)
            .chain(&mut summary.channels)
            .filter_map(|g| g.trend.as_mut())
            .collect();
        let tests = trends.len() as f64;
        for trend in trends {
            trend.beyond_noise = trend.p < SIGNIFICANCE / tests;
        }
        summary
    }

    /// Every text of the summary that comes from the file: its name, the
    /// reasons rows were rejected, names, ids, themes and example comments.
    /// Renderers clean them through this.
    pub fn texts_mut(&mut self) -> impl Iterator<Item = &mut String> {
        let groups = self
            .personas
            .iter_mut()
            .chain(&mut self.touchpoints)
            .chain(&mut self.channels)
            .flat_map(|g| {
                std::iter::once(&mut g.name)
                    .chain(&mut g.plan_id)
                    .chain(&mut g.negative_examples)
            });
        let themes = self
            .themes
            .iter_mut()
            .chain(&mut self.detractor_themes)
            .chain(&mut self.promoter_themes)
            .chain(&mut self.wants)
            .flat_map(|t| std::iter::once(&mut t.theme).chain(&mut t.examples));
        let impact = self
            .theme_impact
            .iter_mut()
            .flat_map(|t| std::iter::once(&mut t.theme).chain(&mut t.example));
        std::iter::once(&mut self.file)
            .chain(self.rejected.iter_mut().map(|r| &mut r.reason))
            .chain(groups)
            .chain(themes)
            .chain(impact)
    }
}

/// The groups, most rows first; values that link to the same plan item
/// ("Cart SMS", "cart-sms") are counted together under the item's id.
fn groups(
    groups: &Groups,
    plan: Option<&[(&str, &str)]>,
    scale: Option<ScoreScale>,
    dating: Option<&Dating>,
) -> Vec<GroupSummary> {
    let mut merged: Vec<(Option<String>, Group)> = Vec::new();
    for (key, group) in groups.iter() {
        let plan_id =
            plan.and_then(|items| link::item_of(items, key).map(|index| items[index].0.to_owned()));
        match merged
            .iter_mut()
            .find(|(id, _)| plan_id.is_some() && *id == plan_id)
        {
            Some((_, into)) => into.absorb(group, &mut Budget::new(true)),
            None => {
                let mut group = group.clone();
                if let Some(id) = &plan_id {
                    group.display.clone_from(id);
                }
                merged.push((plan_id, group));
            }
        }
    }
    merged.sort_by(|(_, a), (_, b)| b.rows.cmp(&a.rows).then_with(|| a.display.cmp(&b.display)));
    merged
        .into_iter()
        .map(|(plan_id, g)| GroupSummary {
            name: g.display.clone(),
            plan_id,
            rows: g.rows,
            comments: g.comments(),
            negative_share: thousandth(g.negative_share()),
            negative_interval: share_interval(g.polarity.negative, g.comments()),
            nps: scale.and_then(|s| g.scores.nps(s)),
            fatigue: g.fatigue,
            pushy: g.pushy,
            negative_examples: g.negative_examples.texts().map(str::to_owned).collect(),
            periods: dating
                .map(|d| periods(&g.series, d, scale))
                .unwrap_or_default(),
            trend: dating.zip(scale).and_then(|(d, s)| trend(&g.series, d, s)),
        })
        .collect()
}

/// A group's trend ([`GroupSummary::trend`]); whether it is beyond noise is
/// decided when all the trends are known.
fn trend(series: &Series, dating: &Dating, scale: ScoreScale) -> Option<Trend> {
    let ((first_period, first), (last_period, last)) =
        timeline::ends(series, dating, scale, TREND_MIN_SCORES)?;
    let difference = last.compare(&first)?;
    Some(Trend {
        first_period,
        first: Nps::of(&first)?,
        last_period,
        last: Nps::of(&last)?,
        change: (difference.difference * 10.0).round() / 10.0,
        p: difference.p,
        beyond_noise: false,
    })
}

/// Marks the channels the plan uses ([`link::channel_users`]): their
/// `plan_id` is the channel as the file writes it.
fn in_plan(mut channels: Vec<GroupSummary>, plan: Option<&Plan>) -> Vec<GroupSummary> {
    if let Some(plan) = plan {
        for channel in &mut channels {
            if !link::channel_users(plan, &channel.name).is_empty() {
                channel.plan_id = Some(channel.name.clone());
            }
        }
    }
    channels
}

fn thousandth(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The Wilson interval of `k` in `n`, to a thousandth.
fn share_interval(k: u64, n: u64) -> Option<Interval> {
    stats::wilson(k, n).map(|i| Interval {
        low: thousandth(i.low),
        high: thousandth(i.high),
    })
}

/// A series by period, oldest first.
fn periods(series: &Series, dating: &Dating, scale: Option<ScoreScale>) -> Vec<PeriodSummary> {
    let (periods, _) = series.periods(dating);
    periods
        .into_iter()
        .map(|(bucket, cell)| {
            let comments = cell.polarity.total();
            let negative = cell.polarity.negative;
            PeriodSummary {
                period: dating.period.label(bucket),
                rows: cell.rows,
                comments,
                negative_share: thousandth(negative as f64 / comments.max(1) as f64),
                negative_interval: share_interval(negative, comments),
                nps: scale.and_then(|s| cell.scores.nps(s)),
            }
        })
        .collect()
}

/// How the dates were read, and the rows that are in no period.
fn dates_summary(analysis: &Analysis, choice: Option<DatingChoice>) -> DatesSummary {
    let a = &analysis.aggregates;
    let mut undated: Vec<Undated> = a
        .undated
        .iter()
        .map(|(why, &(rows, first))| Undated {
            reason: why.reason(),
            rows,
            first_line: Some(first),
        })
        .collect();
    if let Some(choice) = choice {
        let (_, late) = a.series.periods(&choice.dating);
        undated.extend(late.into_iter().map(|(why, rows)| Undated {
            reason: why.reason(),
            rows,
            first_line: None,
        }));
    }
    if a.file_budget.overflow > 0 {
        undated.push(Undated {
            reason: "more distinct dates than are counted (100,000)",
            rows: a.file_budget.overflow,
            first_line: None,
        });
    }
    undated.sort_by(|a, b| b.rows.cmp(&a.rows).then(a.reason.cmp(b.reason)));
    DatesSummary {
        order: choice
            .filter(|c| c.order_source.is_some())
            .map(|c| c.dating.order.name()),
        order_source: choice
            .and_then(|c| c.order_source)
            .map(|source| match source {
                OrderSource::Option => "option",
                OrderSource::Evidence => "evidence",
                OrderSource::Assumed => "assumed",
                OrderSource::Mixed => "mixed",
            }),
        period: choice.map(|c| c.dating.period.name()),
        period_source: choice.map(|c| if c.period_forced { "option" } else { "span" }),
        first: choice.map(|c| dates::format_day(c.first)),
        last: choice.map(|c| dates::format_day(c.last)),
        undated_total: undated.iter().map(|u| u.rows).sum(),
        undated,
        outside_window: a.outside,
        not_placed: a.budget.overflow,
    }
}

/// Themes mentioned in at least [`RECURRING`] scored comments, by the size
/// of their impact on the NPS ([`stats::theme_impact`]), the largest first.
fn theme_impact(a: &super::aggregate::Aggregates, scale: ScoreScale) -> Vec<ThemeImpact> {
    let all = a.scores.counts(scale);
    let weighed: Vec<_> = a
        .theme_scores(scale, THEMES_WEIGHED)
        .into_iter()
        .filter(|(_, with, _)| with.scored() >= RECURRING)
        .collect();
    // Each theme is tested at the level shared by all those weighed.
    let level = SIGNIFICANCE / weighed.len().max(1) as f64;
    let mut impacts: Vec<ThemeImpact> = weighed
        .into_iter()
        .filter_map(|(entry, with, exact)| {
            let impact = stats::theme_impact(&all, &with)?;
            let rest = all.without(&with);
            Some(ThemeImpact {
                theme: entry.display.clone(),
                scored: with.scored(),
                impact: (impact * 10.0).round() / 10.0,
                significant: with.compare(&rest).is_some_and(|d| d.p < level),
                exact,
                example: entry.examples.texts().next().map(str::to_owned),
            })
        })
        .collect();
    impacts.sort_by(|a, b| {
        b.impact
            .abs()
            .total_cmp(&a.impact.abs())
            .then_with(|| a.theme.cmp(&b.theme))
    });
    impacts.truncate(TOP);
    impacts
}

fn themes(sketch: &TopK) -> Vec<ThemeSummary> {
    let top = sketch.top(TOP);
    summaries(top.into_iter().filter(|e| e.count >= RECURRING).collect())
}

/// The first [`TOP`] entries, as the summary lists them.
fn summaries(entries: Vec<&Entry>) -> Vec<ThemeSummary> {
    entries
        .into_iter()
        .take(TOP)
        .map(|e| ThemeSummary {
            theme: e.display.clone(),
            count: e.count,
            exact: e.error == 0,
            examples: e.examples.texts().map(str::to_owned).collect(),
        })
        .collect()
}
