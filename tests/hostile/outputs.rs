//! No output replaces an input, and a run that fails leaves the old output
//! as it was.

use std::fs;

use crate::{Repo, symlink};

#[test]
fn outputs_never_replace_an_input() {
    let repo = Repo::new();
    repo.write("bad.csv", "id,score\n1,9\n");
    repo.write("planlint.toml", "fail-on = \"never\"\n");
    repo.write(".gitignore", "drafts/\n");
    for (args, what) in [
        (
            vec![
                "feedback",
                "feedback.csv",
                "--format",
                "csv",
                "-o",
                "feedback.csv",
            ],
            "-o feedback.csv is one of the files this run reads; planlint never writes over its input",
        ),
        (
            vec!["check", "a.plan.toml", "--write-baseline", "a.plan.toml"],
            "--write-baseline a.plan.toml is one of the files this run reads; planlint never writes over its input",
        ),
        (
            vec!["check", "a.plan.toml", "-o", "./a.plan.toml"],
            "-o ./a.plan.toml is one of the files this run reads; planlint never writes over its input",
        ),
        (
            vec!["check", "a.plan.toml", "-o", "feedback.csv"],
            "-o feedback.csv is one of the files this run reads; planlint never writes over its input",
        ),
        (
            vec![
                "check",
                "a.plan.toml",
                "-o",
                "report.txt",
                "--write-baseline",
                "./report.txt",
            ],
            "-o and --write-baseline name the same file",
        ),
        (
            // Feedback that cannot be analysed is an input all the same.
            vec![
                "check",
                "a.plan.toml",
                "--feedback",
                "bad.csv",
                "-o",
                "bad.csv",
            ],
            "-o bad.csv is one of the files",
        ),
        (
            vec!["check", ".", "-o", "planlint.toml"],
            "-o planlint.toml is one of the files",
        ),
        (
            vec!["check", ".", "-o", ".gitignore"],
            "-o .gitignore is one of the files",
        ),
    ] {
        let out = repo.run(&args, 2, &[]);
        assert!(out.stderr.contains(what), "{args:?}: {}", out.stderr);
        assert!(!repo.path().join("report.txt").exists());
    }
    // A link to an input is the input.
    symlink("a.plan.toml", &repo.path().join("report.txt"));
    let out = repo.run(&["check", "a.plan.toml", "-o", "report.txt"], 2, &[]);
    assert!(
        out.stderr.contains("is one of the files this run reads"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_run_that_fails_leaves_the_old_output_as_it_was() {
    let repo = Repo::new();
    repo.write("scored.csv", "the old scored file\n");
    repo.write("broken.csv", "id,score\n1,9\n");
    let out = repo.run(
        &[
            "feedback",
            "broken.csv",
            "--format",
            "csv",
            "-o",
            "scored.csv",
        ],
        2,
        &[],
    );
    assert!(out.stderr.contains("no text column"), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(repo.path().join("scored.csv")).expect("read"),
        "the old scored file\n"
    );
    let leftovers: Vec<_> = fs::read_dir(repo.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".planlint-"))
        .collect();
    assert!(leftovers.is_empty(), "a temporary file was left behind");
    repo.run(
        &[
            "feedback",
            "feedback.csv",
            "--format",
            "csv",
            "-o",
            "scored.csv",
        ],
        0,
        &["scored.csv"],
    );
    let scored = fs::read_to_string(repo.path().join("scored.csv")).expect("read");
    assert!(scored.starts_with("\"date\","), "{scored}");
}

#[test]
fn a_feedback_file_a_plan_names_is_an_input_even_when_missing() {
    let repo = Repo::new();
    fs::remove_file(repo.path().join("feedback.csv")).expect("remove");
    let out = repo.run(&["check", ".", "-o", "feedback.csv"], 2, &[]);
    assert!(
        out.stderr
            .contains("-o feedback.csv is one of the files this run reads"),
        "{}",
        out.stderr
    );
    assert!(!repo.path().join("feedback.csv").exists());
}
