//! A plan cannot make planlint read outside its repository, or anything
//! but a regular file; only the person running planlint can allow more.

use std::fs;

use crate::{FEEDBACK, PLAN, Repo, mkfifo, symlink};

#[test]
fn a_plan_cannot_read_the_environment_into_annotations() {
    let repo = Repo::new();
    repo.plan("a.plan.toml", "/proc/self/environ");
    let out = repo.run_with(
        &["check", "a.plan.toml", "--format", "github"],
        &[("PLANLINT_HOSTILE_SECRET", "hunter2-token")],
        1,
        &[],
    );
    assert!(
        out.stdout
            .contains("title=PLAN008 refused-path::feedback \"/proc/self/environ\" is not read"),
        "{}",
        out.stdout
    );
    for text in [&out.stdout, &out.stderr] {
        assert!(
            !text.contains("hunter2-token"),
            "the environment leaked:\n{text}"
        );
    }
}

#[test]
fn a_plan_cannot_read_a_file_outside_its_repository() {
    let repo = Repo::new();
    let outside = tempfile::tempdir().expect("a temporary folder");
    let secret = outside.path().join("secret.csv");
    fs::write(&secret, "comment\nthe-secret-line\n").expect("write");
    for named in [
        secret.to_string_lossy().into_owned(),
        "/etc/passwd".to_owned(),
        format!(
            "../{}/secret.csv",
            outside.path().file_name().unwrap().to_string_lossy()
        ),
    ] {
        repo.plan("a.plan.toml", &named);
        let out = repo.run(&["check", "a.plan.toml"], 1, &[]);
        assert!(out.stdout.contains("PLAN008"), "{named}: {}", out.stdout);
        assert!(
            out.stdout
                .contains("it leads outside the plan's repository"),
            "{named}: {}",
            out.stdout
        );
        for text in [&out.stdout, &out.stderr] {
            assert!(
                !text.contains("the-secret-line") && !text.contains("root:x:0"),
                "{text}"
            );
        }
    }
    // A link inside the repository that leads out is refused the same way.
    symlink(&secret.to_string_lossy(), &repo.path().join("linked.csv"));
    repo.plan("a.plan.toml", "linked.csv");
    let out = repo.run(&["check", "a.plan.toml", "--format", "json"], 1, &[]);
    assert!(
        out.stdout.contains("\"code\": \"PLAN008\""),
        "{}",
        out.stdout
    );
}

#[test]
fn only_the_person_running_planlint_can_allow_paths_outside_the_root() {
    let repo = Repo::new();
    let outside = tempfile::tempdir().expect("a temporary folder");
    let survey = outside.path().join("survey.csv");
    fs::write(&survey, FEEDBACK).expect("write");
    repo.plan("a.plan.toml", &survey.to_string_lossy());
    // A configuration file in the repository has no say.
    repo.write("planlint.toml", "allow-outside-root = true\n");
    let out = repo.run(&["check", "a.plan.toml"], 2, &[]);
    assert!(out.stderr.contains("planlint.toml"), "{}", out.stderr);
    fs::remove_file(repo.path().join("planlint.toml")).expect("remove");
    repo.run(&["check", "a.plan.toml"], 1, &[]);
    repo.run(&["check", "a.plan.toml", "--allow-outside-root"], 0, &[]);
    repo.run_with(
        &["check", "a.plan.toml"],
        &[("PLANLINT_ALLOW_OUTSIDE_ROOT", "1")],
        0,
        &[],
    );
    // A file given on the command line may be anywhere.
    repo.run(
        &[
            "check",
            "a.plan.toml",
            "--feedback",
            &survey.to_string_lossy(),
        ],
        0,
        &[],
    );
}

#[test]
fn what_is_not_a_regular_file_is_refused_even_when_allowed() {
    let repo = Repo::new();
    mkfifo(&repo.path().join("pipe.csv"));
    for named in ["pipe.csv", "/dev/zero"] {
        repo.plan("a.plan.toml", named);
        let out = repo.run(&["check", "a.plan.toml", "--allow-outside-root"], 1, &[]);
        assert!(out.stdout.contains("PLAN008"), "{named}: {}", out.stdout);
        assert!(
            out.stdout.contains("not a regular file"),
            "{named}: {}",
            out.stdout
        );
    }
}

#[test]
fn a_configuration_file_cannot_be_a_link_out_of_the_repository() {
    let repo = Repo::new();
    let outside = tempfile::tempdir().expect("a temporary folder");
    let secret = outside.path().join("x.toml");
    fs::write(&secret, "fail-on = \"ghp_SECRET_TOKEN\"\n").expect("write");
    for target in [
        secret.to_string_lossy().into_owned(),
        "/etc/passwd".to_owned(),
    ] {
        let _ = fs::remove_file(repo.path().join("planlint.toml"));
        symlink(&target, &repo.path().join("planlint.toml"));
        let out = repo.run(&["check", "."], 2, &[]);
        assert!(
            out.stderr.contains(
                "planlint.toml: it is a link that leads outside the repository; planlint does not read it"
            ),
            "{}",
            out.stderr
        );
        assert!(!out.stderr.contains("ghp_SECRET") && !out.stderr.contains("root"));
    }
    // A link inside the repository is read as the file it leads to.
    fs::remove_file(repo.path().join("planlint.toml")).expect("remove");
    repo.write("shared.toml", "fail-on = \"error\"\n");
    symlink("shared.toml", &repo.path().join("planlint.toml"));
    repo.run(&["check", "."], 0, &[]);
}

#[test]
fn a_path_given_that_is_a_link_out_of_the_repository_is_not_followed() {
    let repo = Repo::new();
    let outside = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        outside.path().join("s.plan.toml"),
        "name = \"ghp_SECRET\"\n[why\n",
    )
    .expect("write");
    symlink(
        &outside.path().join("s.plan.toml").to_string_lossy(),
        &repo.path().join("b.plan.toml"),
    );
    symlink(
        &outside.path().to_string_lossy(),
        &repo.path().join("plans"),
    );
    for path in ["b.plan.toml", "plans"] {
        let out = repo.run(&["check", path, "--format", "github"], 2, &[]);
        assert!(
            out.stderr.contains(&format!(
                "{path}: it leads outside the repository through a link (--allow-outside-root follows it); it is not checked"
            )),
            "{}",
            out.stderr
        );
        assert!(!out.stdout.contains("ghp_SECRET"), "{}", out.stdout);
        repo.run(&["check", path, "--allow-outside-root"], 1, &[]);
    }
}

#[test]
fn a_path_outside_the_repository_without_links_is_the_users_to_give() {
    let repo = Repo::new();
    let loose = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        loose.path().join("x.plan.toml"),
        PLAN.replace("feedback = \"feedback.csv\"", ""),
    )
    .expect("write");
    let relative = format!(
        "../{}",
        pathdiff(loose.path(), repo.path()).expect("a relative path")
    );
    repo.run(&["check", &relative], 0, &[]);
    repo.run(&["check", &format!("{relative}/x.plan.toml")], 0, &[]);
}

/// `path` relative to `base`, both absolute, through their common folder.
fn pathdiff(path: &std::path::Path, base: &std::path::Path) -> Option<String> {
    let (path, base) = (fs::canonicalize(path).ok()?, fs::canonicalize(base).ok()?);
    let common = path
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    let ups = base.components().count() - common - 1;
    let mut parts: Vec<String> = vec!["..".to_owned(); ups];
    parts.extend(
        path.components()
            .skip(common)
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Some(parts.join("/"))
}

#[test]
fn a_link_named_like_a_plan_cannot_lead_to_a_hidden_or_ignored_file() {
    let repo = Repo::new();
    repo.write(".env", "TOKEN=ghs_SECRET_TOKEN\n");
    repo.write("build/secrets.txt", "PASSWORD=hunter2\n");
    repo.write(".gitignore", "build/\n");
    symlink(".env", &repo.path().join("env.plan.toml"));
    symlink("build/secrets.txt", &repo.path().join("secrets.plan.toml"));
    let out = repo.run(&["check", "."], 2, &[]);
    for name in ["env.plan.toml", "secrets.plan.toml"] {
        assert!(
            out.stderr.contains(&format!(
                "{name}: it is a link to a hidden or git-ignored file, which may not be the repository's"
            )),
            "{}",
            out.stderr
        );
    }
    assert!(!out.stdout.contains("ghs_SECRET") && !out.stdout.contains("hunter2"));
}

#[test]
fn a_configuration_link_without_a_repository_stays_in_its_folder() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let tree = dir.path().join("tree");
    fs::create_dir_all(tree.join("plans")).expect("mkdir");
    fs::write(
        tree.join("plans/x.plan.toml"),
        PLAN.replace("feedback = \"feedback.csv\"", ""),
    )
    .expect("write");
    fs::create_dir(dir.path().join("out")).expect("mkdir");
    fs::write(
        dir.path().join("out/creds"),
        "[default]\nkey = AKIA_SECRET\n",
    )
    .expect("write");
    symlink("../out/creds", &tree.join("planlint.toml"));
    let out = crate::limited(&tree, &["check", "."], &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("planlint.toml: it is a link that leads outside the repository")
    );
    assert!(!out.stderr.contains("AKIA"), "{}", out.stderr);
}
