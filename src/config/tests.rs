//! Tests of reading and resolving configurations: files, layers, selection and severities.

use super::*;
use crate::source::{SourceFile, display_path};

fn layer(text: &str) -> Layer {
    file::parse(&SourceFile::new("cfg/planlint.toml", text)).unwrap()
}

fn errors(text: &str) -> Vec<String> {
    file::parse(&SourceFile::new("cfg/planlint.toml", text))
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn with_file(text: &str) -> Config {
    resolve(&[&Layer::defaults(), &layer(text)], None)
}

fn with(text: &str, overrides: &Overrides) -> Config {
    let command_line = overrides.layer().unwrap();
    resolve(&[&Layer::defaults(), &layer(text), &command_line], None)
}

fn rule(code: &str) -> &'static Rule {
    crate::rules::find(code).unwrap()
}

fn selected(config: &Config) -> Vec<&'static str> {
    config
        .rules
        .iter()
        .filter(|r| r.decision.selected())
        .map(|r| r.rule.code)
        .collect()
}

#[test]
fn the_defaults_select_everything_at_default_levels() {
    let config = Config::default();
    assert_eq!(selected(&config).len(), RULES.len());
    assert_eq!(config.fail_on, Some(Severity::Warning));
    assert_eq!(config.settings, Settings::default());
    assert_eq!(config.severity(rule("YOU005")), Severity::Info);
}

#[test]
fn the_example_of_the_issue_reads() {
    let config = with_file(
        r#"
fail-on = "warning"
select = ["ALL"]
ignore = ["YOU005", "journey-gap"]
[severity]
GOAL005 = "error"
[settings]
max-contacts-per-week = 3
transactional-share = 0.5
feedback-min-comments = 5
"#,
    );
    assert!(!config.is_selected(rule("YOU005")));
    assert!(!config.is_selected(rule("HUM004")));
    assert!(config.is_selected(rule("HUM005")));
    assert_eq!(config.severity(rule("GOAL005")), Severity::Error);
    let file = Source::File("cfg/planlint.toml".into());
    assert_eq!(config.fail_on_source, file);
    assert_eq!(config.setting_sources[0], file);
    assert_eq!(config.setting_sources[3], Source::Default);
}

#[test]
fn settings_are_read_and_checked_against_their_range() {
    let config = with_file(
        "[settings]\nmax-contacts-per-week = 5.5\ntransactional-share = 1\nfeedback-min-wants = 2\n",
    );
    assert_eq!(config.settings.max_contacts_per_week, 5.5);
    assert_eq!(config.settings.transactional_share, 1.0);
    assert_eq!(config.settings.feedback_min_wants, 2);
    let errors = errors(
        "[settings]\ntransactional-share = 1.5\nfeedback-min-comments = 0\nfeedback-min-wants = 2.5\nmax-contacts-per-week = \"3\"\n",
    );
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "cfg/planlint.toml:2:23: `transactional-share` must be a share from 0 to 1"
        ),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("not 1.5"), "{}", errors[0]);
    assert!(
        errors[1].contains("a whole number of 1 or more, not 0"),
        "{}",
        errors[1]
    );
    assert!(errors[2].contains("not 2.5"), "{}", errors[2]);
    assert!(errors[3].contains("not a string"), "{}", errors[3]);
}

#[test]
fn unknown_keys_are_errors_with_a_suggestion_and_a_position() {
    let errors = errors(
        "fail_on = \"error\"\nselct = [\"TX\"]\n[settings]\nmax-contact-per-week = 2\n[severity]\nGOAL05 = \"error\"\n",
    );
    assert_eq!(
        errors,
        [
            "cfg/planlint.toml:1:1: unknown key `fail_on` in the configuration\n  help: did you mean `fail-on`?",
            "cfg/planlint.toml:2:1: unknown key `selct` in the configuration\n  help: did you mean `select`?",
            "cfg/planlint.toml:4:1: unknown setting `max-contact-per-week` in [settings]\n  help: did you mean `max-contacts-per-week`?",
            "cfg/planlint.toml:6:1: no rule, family or ALL is called \"GOAL05\"\n  help: did you mean `GOAL005`?",
        ]
    );
    let misplaced = self::errors("transactional-share = 0.6\n");
    assert!(
        misplaced[0].contains("belongs in [settings]"),
        "{misplaced:?}"
    );
    let level = self::errors("TX005 = \"error\"\n");
    assert!(level[0].contains("belongs in [severity]"), "{level:?}");
}

#[test]
fn values_of_the_wrong_kind_are_errors() {
    let errors = errors(
        "fail-on = \"warn\"\nselect = \"TX\"\nignore = [\"jorney-gap\"]\nseverity = 3\n[settings.x]\n",
    );
    assert!(
        errors[0].contains("\"warn\" is not a level to fail on")
            && errors[0].contains("did you mean `warning`?"),
        "{errors:?}"
    );
    assert!(
        errors[1].contains("`select` must be a list, not a string"),
        "{errors:?}"
    );
    assert!(
        errors[2].contains("did you mean `journey-gap`?"),
        "{errors:?}"
    );
    assert!(
        errors[3].contains("`severity` must be a table"),
        "{errors:?}"
    );
    assert!(errors[4].contains("unknown setting `x`"), "{errors:?}");
    let syntax = self::errors("select = [\"TX\"\n");
    assert!(syntax[0].contains("not valid TOML"), "{syntax:?}");
    let level = self::errors("[severity]\nTX005 = \"fatal\"\n");
    assert!(
        level[0].contains("\"fatal\" is not a severity"),
        "{level:?}"
    );
}

#[test]
fn select_and_ignore_by_code_name_and_family() {
    let config = with_file("select = [\"tx\", \"why-is-a-what\"]\nignore = [\"TX005\"]\n");
    assert_eq!(
        selected(&config),
        [
            "PLAN001", "PLAN002", "PLAN008", "WHY002", "TX001", "TX002", "TX003", "TX004", "TX006"
        ]
    );
    assert_eq!(
        config.rule(rule("TX005")).decision,
        Decision::Ignored(
            Selector::parse("TX005").unwrap(),
            Source::File("cfg/planlint.toml".into())
        )
    );
    assert!(matches!(
        config.rule(rule("WHY001")).decision,
        Decision::NotSelected(_)
    ));
}

#[test]
fn the_more_specific_selector_wins_and_ignore_wins_a_tie() {
    let config = with_file("select = [\"TX005\"]\nignore = [\"TX\"]\n");
    assert!(config.is_selected(rule("TX005")));
    assert!(!config.is_selected(rule("TX001")));
    let tie = with_file("select = [\"TX\"]\nignore = [\"TX\"]\n");
    assert!(!tie.is_selected(rule("TX001")));
}

#[test]
fn the_reading_rules_stay_on_and_cannot_be_named_to_ignore_or_relevel() {
    let config = with_file("select = [\"TX\"]\nignore = [\"PLAN\"]\n[severity]\nPLAN = \"info\"\n");
    assert!(config.is_selected(rule("PLAN001")) && config.is_selected(rule("PLAN002")));
    assert!(!config.is_selected(rule("PLAN003")));
    assert_eq!(config.severity(rule("PLAN001")), Severity::Error);
    let errors = errors("ignore = [\"invalid-plan\"]\n[severity]\nPLAN002 = \"info\"\n");
    assert!(errors[0].contains("cannot be ignored"), "{errors:?}");
    assert!(errors[1].contains("always an error"), "{errors:?}");
    let flag = Overrides {
        ignore: Some(vec!["PLAN001".into()]),
        ..Overrides::default()
    };
    assert!(
        flag.layer().unwrap_err()[0]
            .to_string()
            .starts_with("--ignore: ")
    );
}

#[test]
fn the_command_line_overrides_the_file() {
    let file = "fail-on = \"error\"\nselect = [\"TX\", \"GOAL\"]\nignore = [\"TX005\"]\n[severity]\nGOAL005 = \"error\"\n";
    let ignore_more = Overrides {
        ignore: Some(vec!["GOAL".into()]),
        fail_on: Some(None),
        severity: vec!["TX001=info".into(), "tx=error".into()],
        ..Overrides::default()
    };
    let config = with(file, &ignore_more);
    assert_eq!(
        selected(&config),
        [
            "PLAN001", "PLAN002", "PLAN008", "TX001", "TX002", "TX003", "TX004", "TX006"
        ],
        "--ignore removes from what the file selects"
    );
    assert_eq!(config.fail_on, None);
    assert_eq!(config.fail_on_source, Source::CommandLine);
    assert_eq!(
        config.severity(rule("TX001")),
        Severity::Info,
        "a code beats a family"
    );
    assert_eq!(config.severity(rule("TX002")), Severity::Error);
    let select_anew = Overrides {
        select: Some(vec!["TX005".into(), "WHY".into()]),
        ..Overrides::default()
    };
    let config = with(file, &select_anew);
    assert_eq!(
        selected(&config),
        [
            "PLAN001", "PLAN002", "PLAN008", "WHY001", "WHY002", "WHY003", "WHY004", "WHY005",
            "WHY006", "TX005"
        ],
        "--select replaces the file's select and ignore"
    );
    assert_eq!(config.selection.len(), 1);
    assert_eq!(config.severity(rule("GOAL005")), Severity::Error);
}

#[test]
fn bad_flags_are_errors_naming_the_flag() {
    let bad = Overrides {
        select: Some(vec!["TX".into(), "GOAL05".into()]),
        severity: vec![
            "GOAL005".into(),
            "YOU005=loud".into(),
            "PLAN001=info".into(),
        ],
        ..Overrides::default()
    };
    let errors: Vec<String> = bad
        .layer()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert!(errors[0].starts_with("--select: no rule, family or ALL is called \"GOAL05\""));
    assert!(errors[1].contains("write RULE=LEVEL"), "{errors:?}");
    assert!(
        errors[2].contains("\"loud\" is not a severity"),
        "{errors:?}"
    );
    assert!(errors[3].contains("always an error"), "{errors:?}");
}

#[test]
fn plans_find_their_nearest_file_and_share_its_cache() {
    let dir = tempfile::TempDir::new().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("a/deep/er")).unwrap();
    std::fs::create_dir_all(root.join("b")).unwrap();
    std::fs::write(root.join("planlint.toml"), "fail-on = \"error\"\n").unwrap();
    std::fs::write(root.join("b/.planlint.toml"), "fail-on = \"info\"\n").unwrap();
    let resolver = Resolver::new(ConfigFile::Nearest, &Overrides::default()).unwrap();
    let mut configs = resolver.configs();
    let deep = configs
        .for_plan(&root.join("a/deep/er/p.plan.toml"))
        .unwrap();
    let a = configs.for_plan(&root.join("a/p.plan.toml")).unwrap();
    let b = configs.for_plan(&root.join("b/p.plan.toml")).unwrap();
    assert_eq!(deep.fail_on, Some(Severity::Error));
    assert!(Arc::ptr_eq(&deep, &a), "one file, read once");
    assert_eq!(b.fail_on, Some(Severity::Info));
    assert!(b.file.as_ref().unwrap().ends_with("b/.planlint.toml"));

    std::fs::write(root.join("b/planlint.toml"), "").unwrap();
    let mut fresh = resolver.configs();
    let both = fresh.for_dir(&root.join("b")).unwrap_err();
    assert!(
        both[0]
            .message
            .contains("both planlint.toml and .planlint.toml")
    );
}

#[test]
fn a_broken_file_reports_its_errors_once() {
    let dir = tempfile::TempDir::new().unwrap();
    std::fs::write(dir.path().join("planlint.toml"), "fail_on = 1\n").unwrap();
    let resolver = Resolver::new(ConfigFile::Nearest, &Overrides::default()).unwrap();
    let mut configs = resolver.configs();
    let first = configs
        .for_plan(&dir.path().join("a.plan.toml"))
        .unwrap_err();
    assert_eq!(first.len(), 1);
    let again = configs
        .for_plan(&dir.path().join("b.plan.toml"))
        .unwrap_err();
    assert!(again.is_empty(), "already reported");
}

#[test]
fn a_given_file_is_read_at_once_and_used_for_every_plan() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("custom.toml");
    std::fs::write(&path, "select = [\"TX\"]\n").unwrap();
    let resolver = Resolver::new(ConfigFile::Path(path.clone()), &Overrides::default()).unwrap();
    let config = resolver
        .configs()
        .for_plan(Path::new("x/y.plan.toml"))
        .unwrap();
    assert!(!config.is_selected(rule("WHY001")));
    assert_eq!(config.file.as_deref(), Some(path.as_path()));
    let missing = Resolver::new(
        ConfigFile::Path(dir.path().join("no.toml")),
        &Overrides::default(),
    );
    assert_eq!(
        missing.unwrap_err(),
        [ConfigError {
            place: display_path(&dir.path().join("no.toml")),
            message: "no such configuration file".to_owned(),
            help: "check the path; `planlint init` writes a starter planlint.toml".to_owned(),
        }]
    );
}

#[test]
fn syntax_errors_are_explained_as_in_plans() {
    assert_eq!(
        errors("select = [\"TX\"]\n[settings\nmax-contacts-per-week = 2\n"),
        [
            "cfg/planlint.toml:2:1: the table header `[settings` has no closing `]`\n  \
          help: close it on the same line: [settings]"
        ]
    );
    assert_eq!(
        errors("fail-on = \"error\"\rselect = [\"TX\"]\r"),
        [
            "cfg/planlint.toml:1:19: 2 lines end in a carriage return (CR) alone, as on classic \
          Mac OS; TOML ends lines with LF or CR LF\n  help: save the file with LF (Unix) or \
          CR LF (Windows) line endings; most editors offer them in the status bar or under \
          \"line endings\""
        ]
    );
    assert_eq!(
        errors("fail-on = \"error\"\nfail-on = \"never\"\n"),
        [
            "cfg/planlint.toml:2:1: key `fail-on` is given twice in the same table\n  \
          help: a key can be given once per table: keep one `fail-on` and delete the other \
          (if a new item starts here, it needs its own [[...]] header)"
        ]
    );
}

#[test]
fn numbers_too_large_are_shown_as_written() {
    assert_eq!(
        errors("[settings]\nfeedback-min-comments = 99999999999999999999999\n"),
        [
            "cfg/planlint.toml:2:25: `feedback-min-comments` must be a whole number of 1 or more, \
          not 99999999999999999999999\n  help: `feedback-min-comments` is the comments (or \
          scores) a touchpoint or persona needs before FB001 and FB004 judge it"
        ]
    );
    assert_eq!(
        errors("[settings]\nmax-contacts-per-week = nan\n")[0],
        "cfg/planlint.toml:2:25: `max-contacts-per-week` must be a number of 0 or more, not nan\n  \
         help: `max-contacts-per-week` is the contacts a week per persona above which TX005 \
         reports it, and that one touchpoint alone may not reach"
    );
}

#[test]
fn an_empty_select_is_a_warning_unless_overridden() {
    let message = "`select` is empty, so no rule runs but PLAN001, PLAN002, PLAN008, which \
                   report plans that cannot be read in full";
    let config = with_file("fail-on = \"error\"\nselect = []\n");
    assert_eq!(selected(&config), ["PLAN001", "PLAN002", "PLAN008"]);
    assert_eq!(
        config.warnings,
        [ConfigError {
            place: "cfg/planlint.toml:2:10".to_owned(),
            message: message.to_owned(),
            help: "list the rules to run, such as select = [\"ALL\"], or remove `select` to \
                   run them all"
                .to_owned(),
        }]
    );
    let overrides = Overrides {
        select: Some(vec!["TX".into()]),
        ..Overrides::default()
    };
    assert!(with("select = []\n", &overrides).warnings.is_empty());
    let overrides = Overrides {
        select: Some(vec![String::new()]),
        ..Overrides::default()
    };
    assert_eq!(
        with("select = [\"ALL\"]\n", &overrides).warnings,
        [ConfigError {
            place: "--select".to_owned(),
            message: message.to_owned(),
            help: "name the rules to run, such as --select ALL".to_owned(),
        }]
    );
    assert!(
        with_file("select = [\"TX\"]\nignore = []\n")
            .warnings
            .is_empty()
    );
    assert!(Config::default().warnings.is_empty());
}

#[test]
fn errors_are_bounded() {
    let text: String = (0..500).map(|i| format!("k{i} = 1\n")).collect();
    let errors = errors(&text);
    assert_eq!(errors.len(), crate::plan::MAX_ERRORS + 1);
    assert_eq!(
        errors[crate::plan::MAX_ERRORS],
        "cfg/planlint.toml:101:1: 400 more errors from here on are not shown\n  \
         help: fix the errors above and check again"
    );
}

#[test]
fn show_names_the_source_of_every_value() {
    let overrides = Overrides {
        ignore: Some(vec!["TX005".into()]),
        ..Overrides::default()
    };
    let config = resolve(
        &[
            &Layer::defaults(),
            &layer(
                "ignore = [\"YOU005\"]\n[severity]\nGOAL005 = \"error\"\n[settings]\ntransactional-share = 0.6\n",
            ),
            &overrides.layer().unwrap(),
        ],
        Some("cfg/planlint.toml".into()),
    );
    let mut out = Vec::new();
    show(&config, &ConfigFile::Nearest, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    for expected in [
        "config file  cfg/planlint.toml\n",
        "fail-on      warning  (default)\n",
        "select       ALL      (default)\n",
        "ignore       YOU005   (cfg/planlint.toml)\n",
        "ignore       TX005    (command line)\n",
        "  transactional-share        0.6   (cfg/planlint.toml)  TX002\n",
        "  max-contacts-per-week      3     (default)            TX005\n",
        &format!("rules: {} of {} selected\n", RULES.len() - 2, RULES.len()),
        "  PLAN001  invalid-plan",
        "always on: reading errors\n",
        "error    select ALL (default); severity GOAL005 (cfg/planlint.toml)\n",
        "off      ignore TX005 (command line)\n",
    ] {
        assert!(text.contains(expected), "{expected:?} not in\n{text}");
    }
}

/// The reader knows every key of the table: a value of a kind no key takes
/// is an error about the value, never an unknown key.
#[test]
fn every_key_of_the_table_is_read() {
    for key in file::KEYS.keys {
        let errors = errors(&format!("{} = true\n", key.name));
        assert_eq!(errors.len(), 1, "{}: {errors:?}", key.name);
        assert!(
            errors[0].contains(&format!("`{}` must be", key.name)),
            "{}: {errors:?}",
            key.name
        );
    }
}
