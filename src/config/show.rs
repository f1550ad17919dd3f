//! `planlint config`: the resolved configuration, and where each value came
//! from (the default, a configuration file, or the command line).

use std::io::{self, Write};

use super::{Config, ConfigFile, Decision, SETTINGS};

/// Writes `config` for a person; `file` is how its file was chosen.
pub fn show(config: &Config, file: &ConfigFile, out: &mut dyn Write) -> io::Result<()> {
    let used = match (&config.file, file) {
        (Some(path), _) => crate::source::display_path(path),
        (None, ConfigFile::Nearest) => "none found in the folder or above it".to_owned(),
        (None, _) => "none (configuration files are not read)".to_owned(),
    };
    let fail_on = config.fail_on.map_or("never", |s| s.as_str());
    let mut top = vec![
        vec!["config file".to_owned(), used],
        vec![
            "fail-on".to_owned(),
            fail_on.to_owned(),
            format!("({})", config.fail_on_source),
        ],
    ];
    for (key, selectors, source) in &config.selection {
        let list: Vec<String> = selectors.iter().map(|s| s.text.clone()).collect();
        let list = if list.is_empty() {
            "(nothing)".to_owned()
        } else {
            list.join(", ")
        };
        top.push(vec![(*key).to_owned(), list, format!("({source})")]);
    }
    write!(out, "{}", columns(&top, ""))?;

    writeln!(out, "\nsettings")?;
    let settings: Vec<Vec<String>> = SETTINGS
        .iter()
        .zip(&config.setting_sources)
        .map(|(setting, source)| {
            vec![
                setting.name.to_owned(),
                setting.show(&config.settings),
                format!("({source})"),
                setting.rules.join(", "),
            ]
        })
        .collect();
    write!(out, "{}", columns(&settings, "  "))?;

    let selected = config
        .rules
        .iter()
        .filter(|r| r.decision.selected())
        .count();
    writeln!(
        out,
        "\nrules: {selected} of {} selected",
        config.rules.len()
    )?;
    let rules: Vec<Vec<String>> = config
        .rules
        .iter()
        .map(|r| {
            let mut why = match &r.decision {
                Decision::AlwaysOn => "always on: reading errors".to_owned(),
                Decision::Selected(by, source) => format!("select {by} ({source})"),
                Decision::Ignored(by, source) => format!("ignore {by} ({source})"),
                Decision::NotSelected(source) => format!("not in select ({source})"),
            };
            if let (true, Some((by, source))) = (r.decision.selected(), &r.severity_from) {
                why.push_str(&format!("; severity {by} ({source})"));
            }
            let level = if r.decision.selected() {
                r.severity.as_str()
            } else {
                "off"
            };
            vec![
                r.rule.code.to_owned(),
                r.rule.name.to_owned(),
                level.to_owned(),
                why,
            ]
        })
        .collect();
    write!(out, "{}", columns(&rules, "  "))
}

/// Rows with every cell but the last padded to its column's width.
fn columns(rows: &[Vec<String>], indent: &str) -> String {
    let count = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..count)
        .map(|i| {
            rows.iter()
                .filter(|row| i + 1 < row.len())
                .filter_map(|row| row.get(i))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut text = String::new();
    for row in rows {
        text.push_str(indent);
        for (i, cell) in row.iter().enumerate() {
            if i + 1 < row.len() {
                text.push_str(&format!("{cell:<width$}  ", width = widths[i]));
            } else {
                text.push_str(cell);
            }
        }
        text.push('\n');
    }
    text
}
