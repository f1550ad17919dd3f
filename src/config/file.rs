//! The keys of a configuration file, in one table ([`KEYS`], with the
//! settings' keys in `rules::settings`), and reading a file by it into a
//! [`Layer`], with every error found in one pass and positioned by the spans
//! of the TOML parser. `planlint schema config` describes the same table.
//!
//! Floor `config`: imports the registry and the settings (`rules`), `plan`'s
//! TOML helpers and key kinds, `input` and `source`.

use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::selector::Selector;
use super::{
    ConfigError, Layer, Source, cannot_change_level, cannot_ignore, parse_fail_on, parse_severity,
};
use crate::input::{self, InputError};
use crate::plan::keys::{Kind, Table, key};
use crate::plan::syntax;
use crate::plan::{MAX_ERRORS, Span, number_value, type_name};
use crate::rules::settings::{self, SETTINGS};
use crate::source::{SourceFile, display_path, excerpt};
use crate::text::suggest;

/// The levels `fail-on` takes, as the schema offers them.
pub(crate) const FAIL_ON: &[&str] = &["error", "warning", "info", "never"];

/// The top level of a configuration file. Every key is optional.
pub static KEYS: Table = Table {
    shown_as: "the configuration",
    keys: &[
        key(
            "fail-on",
            Kind::Exact(FAIL_ON),
            "Exit with 1 when a finding has this severity or a higher one (default: warning); `--fail-on` overrides it.",
        ),
        key(
            "select",
            Kind::Texts,
            "The rules to run: codes (TX001), names (transactional-touchpoint) or families (TX). Default: all rules.",
        ),
        key(
            "ignore",
            Kind::Texts,
            "Rules not to run: codes (TX001), names (transactional-touchpoint) or families (TX).",
        ),
        key(
            "severity",
            Kind::Levels,
            "The severity of a rule, by code or name: error, warning or info.",
        ),
        key(
            "settings",
            Kind::Settings,
            "The thresholds the rules judge by.",
        ),
    ],
};

/// Configuration files larger than this are refused: the format fits on a
/// page, and a bound keeps a device or a huge file from stalling the run.
const MAX_BYTES: u64 = 1024 * 1024;

/// Reads the file at `path`; errors name it `shown`. Only a regular file is
/// read (see [`input::read_bounded`]): a FIFO or `/dev/zero` given as the
/// configuration ends the run at once with an error.
pub(super) fn read(path: &Path, shown: &Path) -> Result<Layer, Vec<ConfigError>> {
    let whole = |message: String, help: &str| {
        vec![ConfigError {
            place: display_path(shown),
            message,
            help: help.to_owned(),
        }]
    };
    let bytes = input::read_bounded(
        path,
        MAX_BYTES,
        "a planlint.toml fits on a page, so this is probably not one",
    )
    .map_err(|e| match e {
        InputError::NotFound => whole(
            "no such configuration file".to_owned(),
            "check the path; `planlint init` writes a starter planlint.toml",
        ),
        other => whole(format!("the configuration file {other}"), ""),
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => parse(&SourceFile::new(shown, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let source = SourceFile::new(shown, String::from_utf8_lossy(e.as_bytes()).into_owned());
            let mut reader = Reader {
                source: &source,
                errors: Vec::new(),
            };
            reader.error(
                at..at,
                "the configuration file is not valid UTF-8".to_owned(),
                "save it as UTF-8",
            );
            Err(reader.into_errors())
        }
    }
}

/// Parses the text of a configuration file.
pub(super) fn parse(source: &SourceFile) -> Result<Layer, Vec<ConfigError>> {
    let mut reader = Reader {
        source,
        errors: Vec::new(),
    };
    let (doc, syntax) = DeTable::parse_recoverable(&source.text);
    // The file is small (see MAX_BYTES), so all its errors are kept;
    // `into_errors` shows the first of them.
    let (explained, _) = syntax::explain(&source.text, &syntax, usize::MAX);
    for error in explained {
        let help = error
            .help
            .unwrap_or_else(|| "fix the TOML syntax at this position".to_owned());
        reader.error(error.span, error.message, help);
    }
    if !syntax.is_empty() {
        return Err(reader.into_errors());
    }
    let layer = reader.layer(doc.get_ref());
    if reader.errors.is_empty() {
        Ok(layer)
    } else {
        Err(reader.into_errors())
    }
}

type Value<'i> = toml::Spanned<DeValue<'i>>;

struct Reader<'a> {
    source: &'a SourceFile,
    /// With their positions, to sort them.
    errors: Vec<((usize, usize), ConfigError)>,
}

impl Reader<'_> {
    /// The errors, in the order of the file: the first [`MAX_ERRORS`], and
    /// one for the rest.
    fn into_errors(mut self) -> Vec<ConfigError> {
        self.errors.sort_by_key(|(at, _)| *at);
        let hidden = self.errors.len().saturating_sub(MAX_ERRORS);
        let mut errors: Vec<ConfigError> = self.errors.into_iter().map(|(_, e)| e).collect();
        if let Some(first_hidden) = errors.get(MAX_ERRORS) {
            let rest = ConfigError {
                place: first_hidden.place.clone(),
                message: format!("{hidden} more errors from here on are not shown"),
                help: "fix the errors above and check again".to_owned(),
            };
            errors.truncate(MAX_ERRORS);
            errors.push(rest);
        }
        errors
    }

    fn error(&mut self, span: Span, message: String, help: impl Into<String>) {
        let at = self.source.line_col(span.start);
        self.errors.push((
            (at.line, at.column),
            ConfigError {
                place: self.place(span),
                message,
                help: help.into(),
            },
        ));
    }

    /// `path:line:column` of the start of `span`.
    fn place(&self, span: Span) -> String {
        let at = self.source.line_col(span.start);
        format!("{}:{}:{}", self.source.display_path(), at.line, at.column)
    }

    fn layer(&mut self, doc: &DeTable<'_>) -> Layer {
        let mut layer = Layer::new(Source::File(self.source.path.clone()));
        for (key, value) in doc.iter() {
            let name = key.get_ref().as_ref();
            match name {
                "fail-on" => {
                    if let Some(text) = self.string(name, value) {
                        match parse_fail_on(text) {
                            Ok(level) => layer.fail_on = Some(level),
                            Err((message, help)) => self.error(value.span(), message, help),
                        }
                    }
                }
                "select" => {
                    let selectors = self.selectors(name, value);
                    if value.get_ref().as_array().is_some_and(|a| a.is_empty()) {
                        layer.empty_select = Some(super::empty_select(
                            self.place(value.span()),
                            "list the rules to run, such as select = [\"ALL\"], \
                             or remove `select` to run them all",
                        ));
                    }
                    layer.select = Some(selectors);
                }
                "ignore" => layer.ignore = Some(self.selectors(name, value)),
                "severity" => layer.severity = self.severities(value),
                "settings" => layer.settings = self.settings(value),
                _ => self.error(
                    key.span(),
                    format!("unknown key `{}` in {}", excerpt(name), KEYS.shown_as),
                    unknown_top_key_help(name),
                ),
            }
        }
        layer
    }

    fn string<'v>(&mut self, key: &str, value: &'v Value<'_>) -> Option<&'v str> {
        let text = value.get_ref().as_str();
        if text.is_none() {
            let key = excerpt(key);
            self.error(
                value.span(),
                format!(
                    "`{key}` must be a string, not {}",
                    type_name(value.get_ref())
                ),
                format!("give `{key}` a string in quotes"),
            );
        }
        text
    }

    /// A list of selectors, for `select` and `ignore`.
    fn selectors(&mut self, key: &str, value: &Value<'_>) -> Vec<Selector> {
        let DeValue::Array(items) = value.get_ref() else {
            self.error(
                value.span(),
                format!("`{key}` must be a list, not {}", type_name(value.get_ref())),
                format!("write it as a list: {key} = [\"TX005\", \"journey-gap\"]"),
            );
            return Vec::new();
        };
        let mut selectors = Vec::new();
        for item in items.iter() {
            let Some(text) = self.string(key, item) else {
                continue;
            };
            match Selector::parse(text) {
                Ok(selector) => {
                    if let Some(rule) = selector.names_always_on().filter(|_| key == "ignore") {
                        let (message, help) = cannot_ignore(rule);
                        self.error(item.span(), message, help);
                    }
                    selectors.push(selector);
                }
                Err((message, help)) => self.error(item.span(), message, help),
            }
        }
        selectors
    }

    fn table<'v, 'i>(&mut self, key: &str, value: &'v Value<'i>) -> Option<&'v DeTable<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.error(
                value.span(),
                format!(
                    "`{key}` must be a table, not {}",
                    type_name(value.get_ref())
                ),
                format!("write it as a table: [{key}] on its own line, then its keys below"),
            );
        }
        table
    }

    /// `[severity]`: rule, family or ALL to a level.
    fn severities(&mut self, value: &Value<'_>) -> Vec<(Selector, crate::diagnostic::Severity)> {
        let Some(table) = self.table("severity", value) else {
            return Vec::new();
        };
        let mut levels = Vec::new();
        for (key, value) in table.iter() {
            let selector = match Selector::parse(key.get_ref()) {
                Ok(selector) => selector,
                Err((message, help)) => {
                    self.error(key.span(), message, help);
                    continue;
                }
            };
            if let Some(rule) = selector.names_always_on() {
                let (message, help) = cannot_change_level(rule);
                self.error(key.span(), message, help);
                continue;
            }
            let Some(text) = self.string(key.get_ref(), value) else {
                continue;
            };
            match parse_severity(text) {
                Ok(level) => levels.push((selector, level)),
                Err((message, help)) => self.error(value.span(), message, help),
            }
        }
        levels
    }

    /// `[settings]`: the rules' thresholds, each checked against its range.
    fn settings(&mut self, value: &Value<'_>) -> Vec<(&'static settings::Setting, f64)> {
        let Some(table) = self.table("settings", value) else {
            return Vec::new();
        };
        let mut values = Vec::new();
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let Some(setting) = settings::find(name) else {
                let help = match suggest(name, SETTINGS.iter().map(|s| s.name)) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!(
                        "[settings] accepts: {}",
                        SETTINGS
                            .iter()
                            .map(|s| s.name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                self.error(
                    key.span(),
                    format!("unknown setting `{}` in [settings]", excerpt(name)),
                    help,
                );
                continue;
            };
            let number = number_value(value.get_ref());
            match number {
                Some(n) if setting.kind.accepts(n) => values.push((setting, n)),
                _ => {
                    // A number is shown as written: 1e400, not inf.
                    let given = match number {
                        Some(_) => excerpt(&self.source.text[value.span()]).into_owned(),
                        None => type_name(value.get_ref()).to_owned(),
                    };
                    self.error(
                        value.span(),
                        format!("`{name}` must be {}, not {given}", setting.kind.describe()),
                        format!("`{name}` is the {}", setting.about),
                    );
                }
            }
        }
        values
    }
}

fn unknown_top_key_help(name: &str) -> String {
    if let Some(close) = suggest(name, KEYS.names()) {
        return format!("did you mean `{close}`?");
    }
    if settings::find(name).is_some() {
        return format!("`{name}` belongs in [settings]");
    }
    if Selector::parse(name).is_ok() {
        return format!("a rule's level belongs in [severity]: {name} = \"error\"");
    }
    format!(
        "{} accepts: {}",
        KEYS.shown_as,
        KEYS.names().collect::<Vec<_>>().join(", ")
    )
}
