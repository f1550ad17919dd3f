//! Configuration: `planlint.toml` (or `.planlint.toml`) in a plan's folder or
//! the nearest folder above it, command-line overrides, and the resolved
//! [`Config`] each plan is checked with.
//!
//! Values come in layers, each overriding the one before: the defaults, the
//! file, the command line. Selection works as in ruff: a layer with `select`
//! starts afresh from its own `select` minus its own `ignore` (the more
//! specific selector wins, `ignore` on a tie); a layer with only `ignore`
//! removes rules from what the layers before it selected.
//!
//! Floor `config`: imports the registry (`rules`, whose `Settings` it
//! fills in), `plan`, `diagnostic`, `input` and `source`. The checker asks
//! it which rules are selected and at what severity.

pub(crate) mod file;
mod selector;
mod show;

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::rules::settings::{SETTINGS, Setting, Settings};
pub use selector::{Matches, Selector, always_on};
pub use show::show;

use crate::diagnostic::Severity;
use crate::input;
use crate::rules::{Family, RULES, Rule};
use crate::source::{display_path, excerpt};

/// The names a configuration file may have, in the plan's folder or above it.
pub const FILE_NAMES: [&str; 2] = ["planlint.toml", ".planlint.toml"];

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    /// A configuration file, as shown to the user.
    File(PathBuf),
    CommandLine,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::File(path) => f.write_str(&display_path(path)),
            Source::CommandLine => f.write_str("command line"),
        }
    }
}

/// A configuration problem: a bad file, a bad flag (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// `path:line:column`, a path, or a flag such as `--select`.
    pub place: String,
    pub message: String,
    pub help: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)?;
        if !self.help.is_empty() {
            write!(f, "\n  help: {}", self.help)?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

/// The values one layer sets; `None` and empty lists leave the layers below.
#[derive(Debug, Clone)]
struct Layer {
    source: Source,
    /// `Some(None)` is `never`.
    fail_on: Option<Option<Severity>>,
    select: Option<Vec<Selector>>,
    /// The warning to give when this layer's `select` is an empty list and
    /// decides the selection: it runs no rule but the reading rules.
    empty_select: Option<ConfigError>,
    ignore: Option<Vec<Selector>>,
    severity: Vec<(Selector, Severity)>,
    settings: Vec<(&'static Setting, f64)>,
}

impl Layer {
    fn new(source: Source) -> Self {
        Self {
            source,
            fail_on: None,
            select: None,
            empty_select: None,
            ignore: None,
            severity: Vec::new(),
            settings: Vec::new(),
        }
    }

    fn defaults() -> Self {
        let all = Selector::parse("ALL").expect("ALL is a selector");
        Self {
            fail_on: Some(Some(Severity::Warning)),
            select: Some(vec![all]),
            ..Self::new(Source::Default)
        }
    }
}

/// Why a rule is selected or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// PLAN001, PLAN002 and PLAN008: what stops a plan from being read is
    /// always reported.
    AlwaysOn,
    Selected(Selector, Source),
    Ignored(Selector, Source),
    /// A `select` that does not name the rule.
    NotSelected(Source),
}

impl Decision {
    pub fn selected(&self) -> bool {
        matches!(self, Decision::AlwaysOn | Decision::Selected(..))
    }
}

/// How one rule is configured.
#[derive(Debug, Clone)]
pub struct RuleConfig {
    pub rule: &'static Rule,
    pub decision: Decision,
    pub severity: Severity,
    /// The `[severity]` entry or `--severity` that set the level, if any.
    pub severity_from: Option<(Selector, Source)>,
}

/// The configuration a plan is checked with, and where each value came from.
#[derive(Debug, Clone)]
pub struct Config {
    /// The configuration file, when one was read.
    pub file: Option<PathBuf>,
    /// Findings at or above this fail the check; `None` is `never`.
    pub fail_on: Option<Severity>,
    pub fail_on_source: Source,
    pub settings: Settings,
    /// Where each of [`SETTINGS`] came from, in that order.
    pub setting_sources: Vec<Source>,
    /// The `select` and `ignore` lists that shaped the selection, oldest first.
    pub selection: Vec<(&'static str, Vec<Selector>, Source)>,
    /// One per rule of [`RULES`], in that order.
    pub rules: Vec<RuleConfig>,
    /// What is legal but almost certainly not meant, such as `select = []`;
    /// shown as warnings, without changing the exit code.
    pub warnings: Vec<ConfigError>,
}

impl Default for Config {
    fn default() -> Self {
        resolve(&[&Layer::defaults()], None)
    }
}

impl Config {
    pub fn rule(&self, rule: &Rule) -> &RuleConfig {
        self.rule_of(rule.code)
    }

    fn rule_of(&self, code: &str) -> &RuleConfig {
        self.rules
            .iter()
            .find(|r| r.rule.code == code)
            .expect("every rule of the registry is configured")
    }

    /// Whether the rule runs (and is scored).
    pub fn is_selected(&self, rule: &Rule) -> bool {
        self.rule(rule).decision.selected()
    }

    /// Whether any rule of the family runs.
    pub fn selects(&self, family: Family) -> bool {
        self.rules
            .iter()
            .any(|r| r.rule.family == family && r.decision.selected())
    }

    /// The severity of the rule's findings.
    pub fn severity(&self, rule: &Rule) -> Severity {
        self.rule(rule).severity
    }

    /// The severity of the findings of the rule with this code.
    pub fn severity_of(&self, code: &str) -> Severity {
        self.rule_of(code).severity
    }
}

/// Combines layers, each overriding the ones before it; the first is
/// [`Layer::defaults`], which selects every rule.
fn resolve(layers: &[&Layer], file: Option<PathBuf>) -> Config {
    let mut config = Config {
        file,
        fail_on: Some(Severity::Warning),
        fail_on_source: Source::Default,
        settings: Settings::default(),
        setting_sources: vec![Source::Default; SETTINGS.len()],
        selection: Vec::new(),
        rules: RULES
            .iter()
            .map(|&rule| RuleConfig {
                rule,
                decision: if always_on(rule) {
                    Decision::AlwaysOn
                } else {
                    Decision::NotSelected(Source::Default)
                },
                severity: rule.severity,
                severity_from: None,
            })
            .collect(),
        warnings: Vec::new(),
    };
    let mut empty_select = None;
    for layer in layers {
        let source = &layer.source;
        if let Some(fail_on) = layer.fail_on {
            config.fail_on = fail_on;
            config.fail_on_source = source.clone();
        }
        for &(setting, value) in &layer.settings {
            setting.set(&mut config.settings, value);
            let index = SETTINGS
                .iter()
                .position(|s| s.name == setting.name)
                .expect("a setting of SETTINGS");
            config.setting_sources[index] = source.clone();
        }
        if layer.select.is_some() {
            config.selection.clear();
            empty_select = layer.empty_select.as_ref();
        }
        for (key, list) in [("select", &layer.select), ("ignore", &layer.ignore)] {
            if let Some(list) = list {
                config.selection.push((key, list.clone(), source.clone()));
            }
        }
        let ignore = layer.ignore.as_deref().unwrap_or_default();
        for rc in &mut config.rules {
            if rc.decision == Decision::AlwaysOn {
                continue;
            }
            if let Some((selector, level)) =
                selector::most_specific(&layer.severity, |(s, _)| s, rc.rule)
            {
                rc.severity = *level;
                rc.severity_from = Some((selector.clone(), source.clone()));
            }
            let ignored = selector::most_specific(ignore, |s| s, rc.rule);
            let Some(select) = &layer.select else {
                if let Some(by) = ignored {
                    rc.decision = Decision::Ignored(by.clone(), source.clone());
                }
                continue;
            };
            let selected = selector::most_specific(select, |s| s, rc.rule);
            rc.decision = match (selected, ignored) {
                (Some(s), Some(i)) if s.specificity() > i.specificity() => {
                    Decision::Selected(s.clone(), source.clone())
                }
                (_, Some(i)) => Decision::Ignored(i.clone(), source.clone()),
                (Some(s), None) => Decision::Selected(s.clone(), source.clone()),
                (None, None) => Decision::NotSelected(source.clone()),
            };
        }
    }
    config.warnings.extend(empty_select.cloned());
    config
}

/// The warning for a `select` that lists no rule, given at `place`.
fn empty_select(place: String, help: &str) -> ConfigError {
    ConfigError {
        place,
        message: format!(
            "`select` is empty, so no rule runs but {}, which report plans that cannot be read in full",
            always_on_codes().join(", ")
        ),
        help: help.to_owned(),
    }
}

/// Which configuration file plans are checked with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ConfigFile {
    /// None: the defaults and the overrides only (`--no-config`, and the
    /// library's default).
    #[default]
    None,
    /// The nearest `planlint.toml` or `.planlint.toml` to each plan.
    Nearest,
    /// This file for every plan (`--config FILE`).
    Path(PathBuf),
}

/// Values given on the command line, as written; they override the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--select`: replaces the file's `select` and `ignore`.
    pub select: Option<Vec<String>>,
    /// `--ignore`: removes rules from what the file selects.
    pub ignore: Option<Vec<String>>,
    /// `--severity CODE=LEVEL`.
    pub severity: Vec<String>,
    /// `--fail-on`; `Some(None)` is `never`.
    pub fail_on: Option<Option<Severity>>,
}

impl Overrides {
    fn layer(&self) -> Result<Layer, Vec<ConfigError>> {
        let mut errors = Vec::new();
        let mut layer = Layer::new(Source::CommandLine);
        layer.fail_on = self.fail_on;
        let selectors = |flag: &str, values: &[String], errors: &mut Vec<ConfigError>| {
            values
                .iter()
                .filter(|v| !v.trim().is_empty())
                .filter_map(|v| match Selector::parse(v) {
                    Ok(s) => Some(s),
                    Err((message, help)) => {
                        errors.push(flag_error(flag, message, help));
                        None
                    }
                })
                .collect::<Vec<_>>()
        };
        layer.select = self
            .select
            .as_ref()
            .map(|v| selectors("--select", v, &mut errors));
        if layer.select.as_ref().is_some_and(Vec::is_empty) {
            layer.empty_select = Some(empty_select(
                "--select".to_owned(),
                "name the rules to run, such as --select ALL",
            ));
        }
        layer.ignore = self
            .ignore
            .as_ref()
            .map(|v| selectors("--ignore", v, &mut errors));
        for selector in layer.ignore.iter().flatten() {
            if let Some(rule) = selector.names_always_on() {
                let (message, help) = cannot_ignore(rule);
                errors.push(flag_error("--ignore", message, help));
            }
        }
        for value in self.severity.iter().filter(|v| !v.trim().is_empty()) {
            match severity_override(value) {
                Ok(pair) => layer.severity.push(pair),
                Err((message, help)) => errors.push(flag_error("--severity", message, help)),
            }
        }
        if errors.is_empty() {
            Ok(layer)
        } else {
            Err(errors)
        }
    }
}

/// `CODE=LEVEL` from `--severity`.
fn severity_override(value: &str) -> Result<(Selector, Severity), (String, String)> {
    let Some((rule, level)) = value.split_once('=') else {
        return Err((
            format!("\"{}\" gives no level", excerpt(value.trim())),
            "write RULE=LEVEL, e.g. --severity GOAL005=error".to_owned(),
        ));
    };
    let selector = Selector::parse(rule)?;
    if let Some(rule) = selector.names_always_on() {
        return Err(cannot_change_level(rule));
    }
    let level = parse_severity(level.trim())?;
    Ok((selector, level))
}

fn flag_error(flag: &str, message: String, help: String) -> ConfigError {
    ConfigError {
        place: flag.to_owned(),
        message,
        help,
    }
}

/// The codes of the rules that are always on.
fn always_on_codes() -> Vec<&'static str> {
    RULES
        .iter()
        .filter(|r| always_on(r))
        .map(|r| r.code)
        .collect()
}

fn cannot_ignore(rule: &Rule) -> (String, String) {
    let always = always_on_codes();
    (
        format!(
            "{} ({}) reports plans that cannot be read in full and cannot be ignored",
            rule.code, rule.name
        ),
        format!(
            "{} are always on; ignoring PLAN leaves them on and ignores the other PLAN rules",
            always.join(", ")
        ),
    )
}

fn cannot_change_level(rule: &Rule) -> (String, String) {
    (
        format!(
            "{} ({}) reports plans that cannot be read in full: it is always an error",
            rule.code, rule.name
        ),
        "a plan that cannot be read is never checked, so it must not pass quietly".to_owned(),
    )
}

/// `error`, `warning` or `info`, in any case.
fn parse_severity(text: &str) -> Result<Severity, (String, String)> {
    Severity::ALL
        .into_iter()
        .find(|s| s.as_str().eq_ignore_ascii_case(text))
        .ok_or_else(|| {
            let names = Severity::ALL.map(Severity::as_str);
            (
                format!("\"{}\" is not a severity", excerpt(text)),
                match crate::text::suggest(text, names) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => "use error, warning or info".to_owned(),
                },
            )
        })
}

/// `error`, `warning`, `info` or `never`, in any case; `never` is `None`.
fn parse_fail_on(text: &str) -> Result<Option<Severity>, (String, String)> {
    if text.eq_ignore_ascii_case("never") {
        return Ok(None);
    }
    parse_severity(text).map(Some).map_err(|(_, help)| {
        let help = if help.starts_with("did you mean") {
            help
        } else {
            "use error, warning, info or never".to_owned()
        };
        (
            format!("\"{}\" is not a level to fail on", excerpt(text)),
            help,
        )
    })
}

/// The validated command line and the configuration-file choice; hands out
/// each plan's [`Config`] through [`Configs`].
#[derive(Debug, Clone)]
pub struct Resolver {
    command_line: Layer,
    file: ConfigFile,
    /// The one configuration of every plan, unless each finds its nearest file.
    fixed: Option<Arc<Config>>,
}

impl Default for Resolver {
    /// The defaults: no configuration file, no overrides.
    fn default() -> Self {
        Self::new(ConfigFile::None, &Overrides::default()).expect("no overrides, no errors")
    }
}

impl Resolver {
    /// Checks the overrides, and reads the file of `--config` at once.
    pub fn new(file: ConfigFile, overrides: &Overrides) -> Result<Self, Vec<ConfigError>> {
        let command_line = overrides.layer()?;
        let fixed = match &file {
            ConfigFile::Nearest => None,
            ConfigFile::None => Some(Arc::new(resolve(
                &[&Layer::defaults(), &command_line],
                None,
            ))),
            ConfigFile::Path(path) => {
                let layer = file::read(path, path)?;
                Some(Arc::new(resolve(
                    &[&Layer::defaults(), &layer, &command_line],
                    Some(path.clone()),
                )))
            }
        };
        Ok(Self {
            command_line,
            file,
            fixed,
        })
    }

    /// A cache of configurations, for one run over many plans.
    pub fn configs(&self) -> Configs<'_> {
        let cwd = std::env::current_dir().ok();
        let layers = [&Layer::defaults(), &self.command_line];
        Configs {
            resolver: self,
            without_file: Arc::new(resolve(&layers, None)),
            cwd: cwd.and_then(|d| fs::canonicalize(d).ok()),
            given: HashMap::new(),
            dirs: HashMap::new(),
            files: HashMap::new(),
        }
    }

    pub fn file(&self) -> &ConfigFile {
        &self.file
    }
}

/// Each plan's configuration, looked up once per folder and read once per file.
pub struct Configs<'a> {
    resolver: &'a Resolver,
    /// For plans with no configuration file above them.
    without_file: Arc<Config>,
    /// The current folder, to show configuration files relative to it.
    cwd: Option<PathBuf>,
    /// Folder as a plan's path gives it to the nearest configuration file,
    /// so that a folder of plans is resolved once, not once per plan.
    given: HashMap<PathBuf, Option<PathBuf>>,
    /// Folder (canonical) to the nearest configuration file (canonical).
    dirs: HashMap<PathBuf, Option<PathBuf>>,
    /// Configuration file (canonical) to its configuration; `None` when it
    /// has errors, which were returned when it was first read.
    files: HashMap<PathBuf, Option<Arc<Config>>>,
}

impl Configs<'_> {
    /// The configuration of a plan file.
    pub fn for_plan(&mut self, plan: &Path) -> Result<Arc<Config>, Vec<ConfigError>> {
        match plan.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => self.for_dir(dir),
            _ => self.for_dir(Path::new(".")),
        }
    }

    /// The configuration of the plans in `dir`. The errors of a broken
    /// configuration file are returned by the first call that reads it; later
    /// calls for plans under it return no errors, and no configuration.
    pub fn for_dir(&mut self, dir: &Path) -> Result<Arc<Config>, Vec<ConfigError>> {
        if let Some(fixed) = &self.resolver.fixed {
            return Ok(fixed.clone());
        }
        let Some(found) = self.nearest(dir)? else {
            return Ok(self.without_file.clone());
        };
        if let Some(done) = self.files.get(&found) {
            return done.clone().ok_or_else(Vec::new);
        }
        let shown = self.shown(&found);
        // A file in a repository could come from a pull request: as a link,
        // it must not lead out of the repository it stands in (out of its
        // own folder, where there is no repository).
        let folder = found.parent().unwrap_or(Path::new("/"));
        let root = input::root_of_folder(folder);
        if let Err(input::Confinement::Outside { .. }) = input::confine(&found, &root) {
            self.files.insert(found, None);
            return Err(vec![ConfigError {
                place: display_path(&shown),
                message:
                    "it is a link that leads outside the repository; planlint does not read it"
                        .to_owned(),
                help: "make it a file of the repository, or name the file you mean with --config"
                    .to_owned(),
            }]);
        }
        let config = file::read(&found, &shown).map(|layer| {
            let layers = [&Layer::defaults(), &layer, &self.resolver.command_line];
            Arc::new(resolve(&layers, Some(shown)))
        });
        self.files.insert(found, config.as_ref().ok().cloned());
        config
    }

    /// The nearest configuration file to `dir`: in it, or in a folder above.
    fn nearest(&mut self, dir: &Path) -> Result<Option<PathBuf>, Vec<ConfigError>> {
        if let Some(found) = self.given.get(dir) {
            return Ok(found.clone());
        }
        let found = self.nearest_uncached(dir)?;
        self.given.insert(dir.to_owned(), found.clone());
        Ok(found)
    }

    fn nearest_uncached(&mut self, dir: &Path) -> Result<Option<PathBuf>, Vec<ConfigError>> {
        let start = fs::canonicalize(dir).or_else(|_| std::path::absolute(dir));
        let start = start.map_err(|e| {
            vec![ConfigError {
                place: display_path(dir),
                message: format!("cannot look for a configuration file here: {e}"),
                help: String::new(),
            }]
        })?;
        if let Some(found) = self.dirs.get(&start) {
            return Ok(found.clone());
        }
        let mut found = None;
        for folder in start.ancestors() {
            // Whatever stands under the name counts, so that a FIFO or a
            // broken link called planlint.toml is an error when it is read,
            // not a file silently passed over for one further up.
            let here: Vec<PathBuf> = FILE_NAMES
                .iter()
                .map(|name| folder.join(name))
                .filter(|path| fs::symlink_metadata(path).is_ok())
                .collect();
            match here.as_slice() {
                [] => continue,
                [one] => {
                    found = Some(one.clone());
                    break;
                }
                _ => {
                    let shown = display_path(&self.shown(folder));
                    // The current folder is shown as `./`, not as nothing.
                    let place = if shown.is_empty() {
                        "./".to_owned()
                    } else {
                        format!("{}/", shown.trim_end_matches('/'))
                    };
                    return Err(vec![ConfigError {
                        place,
                        message: "the folder has both planlint.toml and .planlint.toml".to_owned(),
                        help: "keep one of them; planlint will not guess which you meant"
                            .to_owned(),
                    }]);
                }
            }
        }
        self.dirs.insert(start, found.clone());
        Ok(found)
    }

    /// A path as the user should see it: relative to the current folder
    /// when it is inside it.
    fn shown(&self, path: &Path) -> PathBuf {
        self.cwd
            .as_deref()
            .and_then(|cwd| path.strip_prefix(cwd).ok())
            .map_or_else(
                || path.to_owned(),
                |p| {
                    if p.as_os_str().is_empty() {
                        PathBuf::from(".")
                    } else {
                        p.to_owned()
                    }
                },
            )
    }
}

#[cfg(test)]
mod tests;
