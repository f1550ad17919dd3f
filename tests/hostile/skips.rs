//! Nothing is skipped silently: links, ambiguous columns, baseline entries
//! written in another way.

use std::fs;

use crate::{PLAN, Repo, mkfifo, symlink};

#[test]
fn links_in_folders_are_followed_or_reported_never_skipped() {
    let repo = Repo::new();
    fs::remove_file(repo.path().join("a.plan.toml")).expect("remove");
    repo.write("plans/real/broken.toml", "name = \"x\"\n[why\n");
    symlink(
        "real/broken.toml",
        &repo.path().join("plans/linked.plan.toml"),
    );
    let out = repo.run(&["check", "plans"], 1, &[]);
    assert!(
        out.stdout.contains("plans/linked.plan.toml:2:"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("1 plan checked: 1 error"),
        "{}",
        out.stdout
    );

    symlink(
        "nowhere.plan.toml",
        &repo.path().join("plans/dangling.plan.toml"),
    );
    symlink(
        "loop-b.plan.toml",
        &repo.path().join("plans/loop-a.plan.toml"),
    );
    symlink(
        "loop-a.plan.toml",
        &repo.path().join("plans/loop-b.plan.toml"),
    );
    let outside = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        outside.path().join("x.plan.toml"),
        "name = \"secret plan\"\n",
    )
    .expect("write");
    symlink(
        &outside.path().join("x.plan.toml").to_string_lossy(),
        &repo.path().join("plans/outside.plan.toml"),
    );
    symlink(
        &outside.path().to_string_lossy(),
        &repo.path().join("plans/elsewhere"),
    );
    mkfifo(&repo.path().join("plans/pipe.plan.toml"));
    let out = repo.run(&["check", "plans"], 2, &[]);
    let expected = [
        "planlint: error: plans/dangling.plan.toml: it is a link to nothing (its target does not exist); it is not checked",
        "planlint: error: plans/loop-a.plan.toml: it is a link in a loop of links; it is not checked",
        "planlint: error: plans/loop-b.plan.toml: it is a link in a loop of links; it is not checked",
        "planlint: error: plans/outside.plan.toml: it leads outside the repository through a link (--allow-outside-root follows it); it is not checked",
        "planlint: error: plans/pipe.plan.toml: is a named pipe (FIFO), not a regular file; planlint reads only regular files",
        "planlint: plans/elsewhere: a link to a folder; not searched (planlint follows links to plan files only)",
    ];
    for line in expected {
        assert!(
            out.stderr.contains(line),
            "missing {line:?} in\n{}",
            out.stderr
        );
    }
    assert!(!out.stdout.contains("secret plan") && !out.stderr.contains("secret plan"));
    assert!(
        out.stdout.contains("1 plan checked: 1 error"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_missing_feedback_file_is_reported_once() {
    let repo = Repo::new();
    repo.plan("a.plan.toml", "gone.csv");
    repo.plan("b.plan.toml", "gone.csv");
    let out = repo.run(&["check", "."], 2, &[]);
    assert_eq!(out.stderr.matches("gone.csv").count(), 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("gone.csv: no such file (the feedback of a.plan.toml, b.plan.toml)"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_column_name_in_the_header_twice_is_an_error_naming_both() {
    let repo = Repo::new();
    repo.write("dup.csv", "comment,Comment,score\nfine,ok,9\n");
    let out = repo.run(&["feedback", "dup.csv"], 2, &[]);
    assert!(
        out.stderr.contains(
            "dup.csv: the text column \"comment\" is in the header twice, as columns 1 and 2"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_baseline_entry_written_with_dot_slash_matches_and_goes_stale() {
    let repo = Repo::new();
    let weak = include_str!("../../examples/blitz-bikes/blitz-bikes.plan.toml")
        .replace("feedback = \"feedback.csv\"", "");
    repo.write("weak.plan.toml", &weak);
    repo.run(
        &["check", "weak.plan.toml", "--write-baseline", "base.json"],
        0,
        &["base.json"],
    );
    let written = fs::read_to_string(repo.path().join("base.json")).expect("read");
    let dotted = written.replace(
        "\"file\": \"weak.plan.toml\"",
        "\"file\": \"./weak.plan.toml\"",
    );
    assert_ne!(dotted, written);
    repo.write("base.json", &dotted);
    let out = repo.run(
        &["check", "weak.plan.toml", "--baseline", "base.json"],
        0,
        &[],
    );
    assert!(out.stdout.contains("no findings ("), "{}", out.stdout);
    // Fixed findings of an entry written `sub/../weak.plan.toml` are stale.
    let stale = dotted.replace("\"./weak.plan.toml\"", "\"sub/../weak.plan.toml\"");
    repo.write("base.json", &stale);
    repo.write("weak.plan.toml", PLAN);
    let out = repo.run(
        &["check", "weak.plan.toml", "--baseline", "base.json"],
        0,
        &[],
    );
    assert!(
        out.stderr.contains("no longer match a finding"),
        "{}",
        out.stderr
    );
}

#[test]
fn links_to_folders_cannot_multiply_a_plan() {
    let repo = Repo::new();
    // Ten links at each of five levels to the level below would make the
    // plan at the bottom 100,000 plans, were links to folders followed.
    for level in 0..5 {
        fs::create_dir_all(repo.path().join(format!("d{level}"))).expect("mkdir");
        for n in 0..10 {
            symlink(
                &format!("../d{}", level + 1),
                &repo.path().join(format!("d{level}/x{n}")),
            );
        }
    }
    repo.plan("d5/p.plan.toml", "../feedback.csv");
    let out = repo.run(&["check", ".", "--format", "json"], 0, &[]);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let files: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(files, ["a.plan.toml", "d5/p.plan.toml"]);
    assert_eq!(
        out.stderr
            .matches("a link to a folder; not searched")
            .count(),
        50
    );
}

#[test]
fn ignore_files_are_read_as_inputs_and_what_they_exclude_is_said() {
    let repo = Repo::new();
    repo.plan("drafts/x.plan.toml", "../feedback.csv");
    repo.write(".gitignore", "x.plan.toml\n");
    let out = repo.run(&["check", "."], 0, &[]);
    assert!(
        out.stderr
            .contains("planlint: drafts/x.plan.toml: excluded by a .gitignore file; not checked"),
        "{}",
        out.stderr
    );
    // A .gitignore that is a device, a named pipe or a link out of the
    // repository is not read, and says so; the plans are still checked.
    fs::remove_file(repo.path().join(".gitignore")).expect("remove");
    symlink("/dev/zero", &repo.path().join(".gitignore"));
    mkfifo(&repo.path().join("drafts/.gitignore"));
    let out = repo.run(&["check", "."], 0, &[]);
    assert!(out.stdout.contains("2 plans checked"), "{}", out.stdout);
    assert!(out.stderr.contains(".gitignore: "), "{}", out.stderr);
    assert_eq!(
        out.stderr.matches("; not applied").count(),
        2,
        "{}",
        out.stderr
    );
}

#[test]
fn a_folder_given_with_dot_dot_gets_the_ignore_rules_of_where_it_is() {
    let repo = Repo::new();
    repo.write("sub/.gitignore", "*.plan.toml\n");
    repo.write("sub/ignored.plan.toml", "");
    fs::create_dir_all(repo.path().join("plans")).expect("mkdir");
    fs::rename(
        repo.path().join("a.plan.toml"),
        repo.path().join("plans/a.plan.toml"),
    )
    .expect("move");
    repo.write(
        "plans/a.plan.toml",
        &PLAN.replace("feedback.csv", "../feedback.csv"),
    );
    for path in ["plans", "sub/../plans", "./plans/"] {
        let out = repo.run(&["check", path], 0, &[]);
        assert!(
            out.stdout.contains("1 plan checked: no findings"),
            "{path}: {}",
            out.stdout
        );
        assert!(out.stderr.is_empty(), "{path}: {}", out.stderr);
    }
    let out = repo.run(&["check", "."], 0, &[]);
    assert!(
        out.stderr
            .contains("sub/ignored.plan.toml: excluded by a .gitignore file"),
        "{}",
        out.stderr
    );
}
