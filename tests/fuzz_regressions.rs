//! Every input kept in `fuzz/regressions/TARGET/` replayed through its fuzz
//! target's body, on stable: a crash that fuzzing found once stays fixed.
//! The fuzz targets themselves run under cargo-fuzz (see README, "Fuzzing").

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

const TARGETS: [&str; 6] = [
    "plan", "config", "baseline", "feedback", "render", "summary",
];

#[test]
fn every_input_kept_from_fuzzing_runs_clean() {
    let mut replayed = 0;
    for target in TARGETS {
        let dir = Path::new("fuzz/regressions").join(target);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("a readable folder").path())
            .filter(|path| path.file_name().is_some_and(|n| n != ".gitkeep"))
            .collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).expect("a readable file");
            let outcome = std::panic::catch_unwind(|| harness::run(target, &data));
            assert!(outcome.is_ok(), "{} fails again", file.display());
            replayed += 1;
        }
    }
    assert!(
        replayed > 0,
        "no regression case was found: fuzz/regressions is empty"
    );
}

#[test]
fn the_targets_are_the_ones_cargo_fuzz_builds() {
    let manifest = std::fs::read_to_string("fuzz/Cargo.toml").expect("fuzz/Cargo.toml");
    for target in TARGETS {
        assert!(
            manifest.contains(&format!("name = \"{target}\"")),
            "fuzz/Cargo.toml has no target {target}"
        );
        assert!(Path::new(&format!("fuzz/fuzz_targets/{target}.rs")).is_file());
    }
}
