//! Reading a configuration file into a [`Layer`], with every error found in
//! one pass and positioned by the spans of the TOML parser.

use std::fs;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::selector::Selector;
use super::settings::{self, SETTINGS};
use super::{
    ConfigError, Layer, Source, cannot_change_level, cannot_ignore, parse_fail_on, parse_severity,
};
use crate::plan::{Span, suggest, type_name};
use crate::source::SourceFile;

/// Keys of the top level.
pub(crate) const TOP_KEYS: &[&str] = &["fail-on", "select", "ignore", "severity", "settings"];

/// Configuration files larger than this are refused: the format fits on a page.
const MAX_BYTES: u64 = 1024 * 1024;

/// Reads the file at `path`; errors name it `shown`.
pub(super) fn read(path: &Path, shown: &Path) -> Result<Layer, Vec<ConfigError>> {
    let whole = |message: String| {
        vec![ConfigError {
            place: crate::source::display_path(shown),
            message,
            help: String::new(),
        }]
    };
    let size = fs::metadata(path)
        .map_err(|e| whole(format!("cannot read the configuration file: {e}")))?
        .len();
    if size > MAX_BYTES {
        return Err(whole(
            "the configuration file is larger than 1 MB; check that this is the file you meant"
                .to_owned(),
        ));
    }
    let bytes =
        fs::read(path).map_err(|e| whole(format!("cannot read the configuration file: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| whole("the configuration file is not valid UTF-8".to_owned()))?;
    parse(&SourceFile::new(shown, text))
}

/// Parses the text of a configuration file.
pub(super) fn parse(source: &SourceFile) -> Result<Layer, Vec<ConfigError>> {
    let mut reader = Reader {
        source,
        errors: Vec::new(),
    };
    let (doc, syntax) = DeTable::parse_recoverable(&source.text);
    for error in &syntax {
        reader.error(
            error.span().unwrap_or(0..0),
            format!("not valid TOML: {}", error.message().trim_end()),
            "fix the TOML syntax at this position",
        );
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
    /// The errors, in the order of the file.
    fn into_errors(mut self) -> Vec<ConfigError> {
        self.errors.sort_by_key(|(at, _)| *at);
        self.errors.into_iter().map(|(_, e)| e).collect()
    }

    fn error(&mut self, span: Span, message: String, help: impl Into<String>) {
        let at = self.source.line_col(span.start);
        self.errors.push((
            (at.line, at.column),
            ConfigError {
                place: format!("{}:{}:{}", self.source.display_path(), at.line, at.column),
                message,
                help: help.into(),
            },
        ));
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
                "select" => layer.select = Some(self.selectors(name, value)),
                "ignore" => layer.ignore = Some(self.selectors(name, value)),
                "severity" => layer.severity = self.severities(value),
                "settings" => layer.settings = self.settings(value),
                _ => self.error(
                    key.span(),
                    format!("unknown key `{name}` in the configuration"),
                    unknown_top_key_help(name),
                ),
            }
        }
        layer
    }

    fn string<'v>(&mut self, key: &str, value: &'v Value<'_>) -> Option<&'v str> {
        let text = value.get_ref().as_str();
        if text.is_none() {
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
    fn severities(&mut self, value: &Value<'_>) -> Vec<(Selector, crate::Severity)> {
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
                    format!("unknown setting `{name}` in [settings]"),
                    help,
                );
                continue;
            };
            let number = number(value.get_ref());
            match number {
                Some(n) if setting.kind.accepts(n) => values.push((setting, n)),
                _ => {
                    let given = number
                        .map_or_else(|| type_name(value.get_ref()).to_owned(), |n| n.to_string());
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

fn number(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .ok()
            .map(|n| n as f64),
        DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
        _ => None,
    }
}

fn unknown_top_key_help(name: &str) -> String {
    if let Some(close) = suggest(name, TOP_KEYS.iter().copied()) {
        return format!("did you mean `{close}`?");
    }
    if settings::find(name).is_some() {
        return format!("`{name}` belongs in [settings]");
    }
    if Selector::parse(name).is_ok() {
        return format!("a rule's level belongs in [severity]: {name} = \"error\"");
    }
    format!("the configuration accepts: {}", TOP_KEYS.join(", "))
}
