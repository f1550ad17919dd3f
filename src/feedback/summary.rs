//! The feedback summary of `planlint feedback`: one data model, serialised as
//! JSON and rendered as tables.
//!
//! Floor `feedback`: imports `plan` and this folder; groups link to plan
//! items through `link`, as the FB rules' do.

use serde::Serialize;

use super::Rejected;
use super::ScoreScale;
use super::aggregate::{Group, Groups, Nps, NpsClass, PolarityCounts};
use super::analysis::{Analysis, ScaleSource};
use super::link;
use super::sketch::{Entry, TopK};
use super::wants::wants;
use crate::plan::Plan;

/// Themes and groups listed in a summary.
const TOP: usize = 10;
/// A phrase is a recurring theme from this many comments on.
const RECURRING: u64 = 2;

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
    pub nps: Option<Nps>,
    pub fatigue: u64,
    pub pushy: u64,
    pub negative_examples: Vec<String>,
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
        Self {
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
            personas: groups(&a.by_persona, personas.as_deref(), scale),
            touchpoints: groups(&a.by_touchpoint, touchpoints.as_deref(), scale),
            themes: themes(&a.themes),
            detractor_themes: themes_of(NpsClass::Detractor),
            promoter_themes: themes_of(NpsClass::Promoter),
            wants: summaries(wants(&a.wants, RECURRING)),
            fatigue: a.fatigue,
            pushy: a.pushy,
        }
    }

    /// Every text of the summary that comes from the file: its name, the
    /// reasons rows were rejected, names, ids, themes and example comments.
    /// Renderers clean them through this.
    pub fn texts_mut(&mut self) -> impl Iterator<Item = &mut String> {
        let groups = self
            .personas
            .iter_mut()
            .chain(&mut self.touchpoints)
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
        std::iter::once(&mut self.file)
            .chain(self.rejected.iter_mut().map(|r| &mut r.reason))
            .chain(groups)
            .chain(themes)
    }
}

/// The groups, most rows first; values that link to the same plan item
/// ("Cart SMS", "cart-sms") are counted together under the item's id.
fn groups(
    groups: &Groups,
    plan: Option<&[(&str, &str)]>,
    scale: Option<ScoreScale>,
) -> Vec<GroupSummary> {
    let mut merged: Vec<(Option<String>, Group)> = Vec::new();
    for (key, group) in groups.iter() {
        let plan_id =
            plan.and_then(|items| link::item_of(items, key).map(|index| items[index].0.to_owned()));
        match merged
            .iter_mut()
            .find(|(id, _)| plan_id.is_some() && *id == plan_id)
        {
            Some((_, into)) => into.absorb(group),
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
            negative_share: (g.negative_share() * 1000.0).round() / 1000.0,
            nps: scale.and_then(|s| g.scores.nps(s)),
            fatigue: g.fatigue,
            pushy: g.pushy,
            negative_examples: g.negative_examples.texts().map(str::to_owned).collect(),
        })
        .collect()
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
