//! Helpers shared by the end-to-end tests of the binary.

// Each test crate uses some of these, never all.
#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::process::Command;

use assert_cmd::prelude::*;

/// The binary, with the environment that changes its output removed.
pub fn planlint() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_planlint"));
    cmd.env_remove("NO_COLOR")
        .env_remove("PLANLINT_TODAY")
        .env_remove("COLUMNS");
    cmd
}

/// Writes `text` to `dir/name`, creating folders on the way.
pub fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Runs the command, checks its exit code and returns what it printed.
pub fn stdout(cmd: &mut Command, code: i32) -> Vec<u8> {
    cmd.assert().code(code).get_output().stdout.clone()
}
