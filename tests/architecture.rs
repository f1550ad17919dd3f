//! The house's floors: a module imports only modules on its own floor or
//! below, and files outside one folder form no import circle. The floors
//! are the table below, drawn in the README's "Architecture" section.
//!
//! An import is `use crate::...` (groups included), a `crate::x::y` path
//! anywhere in the code, or a `super::` path; a module naming its own
//! children (`mod fb;`, `fb::fb001::RULE`) is not one. Test code is left
//! out: a `#[cfg(test)]` module, inline or in its own file, may use the
//! whole house.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Bottom up: each top-level module of `src/` and the floor it stands on.
const FLOORS: &[(&str, &[&str])] = &[
    ("source", &["source", "input", "discover"]),
    ("text", &["text"]),
    ("diagnostic", &["diagnostic"]),
    ("plan", &["plan"]),
    ("feedback", &["feedback"]),
    ("rules", &["rules"]),
    ("config", &["config"]),
    ("check", &["check", "waiver", "baseline"]),
    ("report", &["scorecard", "statistics"]),
    ("render", &["render", "json_schema", "init"]),
    (
        "main",
        &["lib", "main", "cli", "commands", "progress", "stderr"],
    ),
];

#[test]
fn floors_point_down_and_no_files_form_a_circle() {
    let mut files = Vec::new();
    read_tree(Path::new("src"), Path::new("src"), &mut files);
    assert!(files.len() > 50, "src/ has only {} files", files.len());
    let problems = check(&files, FLOORS);
    assert!(
        problems.is_empty(),
        "the floors are broken:\n{}",
        problems.join("\n")
    );
}

/// Every module says what it is for before anything else (STYLE.md).
#[test]
fn every_module_starts_with_its_doc() {
    let mut files = Vec::new();
    read_tree(Path::new("src"), Path::new("src"), &mut files);
    let undocumented: Vec<&str> = files
        .iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(name, _)| name.as_str())
        .collect();
    assert!(
        undocumented.is_empty(),
        "modules without a //! paragraph at the top: {undocumented:?}"
    );
}

/// The checker on a made-up tree: it must be able to fail.
#[test]
fn the_checker_catches_an_upward_import_and_a_circle() {
    let floors: &[(&str, &[&str])] = &[("low", &["low", "base"]), ("high", &["high", "lib"])];
    let tree = |files: &[(&str, &str)]| -> Vec<(String, String)> {
        files
            .iter()
            .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
            .collect()
    };
    let fine = tree(&[
        ("lib.rs", "pub mod base;\npub mod high;\npub mod low;\n"),
        ("base.rs", "//! The bottom.\n"),
        ("low/mod.rs", "mod a;\nmod b;\nuse crate::base;\n"),
        // A circle inside one folder is allowed.
        ("low/a.rs", "use super::b::B;\npub struct A;\n"),
        ("low/b.rs", "use super::a::A;\npub struct B;\n"),
        (
            "high.rs",
            "use crate::{base, low::{a::A, b}};\n\
             // crate::nowhere in a comment is no import\n\
             #[cfg(test)]\nmod tests {\n    use crate::lib;\n}\n",
        ),
    ]);
    assert_eq!(check(&fine, floors), Vec::<String>::new());

    let upward = tree(&[
        ("lib.rs", ""),
        ("base.rs", ""),
        ("high.rs", ""),
        (
            "low/mod.rs",
            "mod a;\nmod b;\nuse crate::{base, high::H};\n",
        ),
        ("low/a.rs", "fn f() { super::super::high::g(); }\n"),
        // A re-export of lib.rs is an import of the crate root, and code
        // after a test module is code.
        (
            "low/b.rs",
            "#[cfg(test)]\npub(crate) mod tests {\n    use crate::high;\n}\n\
             fn g() -> crate::Reexported { todo!() }\n",
        ),
    ]);
    assert_eq!(
        check(&upward, floors),
        [
            "low/a.rs (floor low) imports high (floor high)",
            "low/b.rs (floor low) imports lib (floor high)",
            "low/mod.rs (floor low) imports high (floor high)"
        ]
    );

    let circle = tree(&[
        ("lib.rs", ""),
        ("high.rs", ""),
        ("low/mod.rs", "mod a;\n"),
        ("low/a.rs", "use crate::base::X;\n"),
        ("base.rs", "use crate::low::{self, a};\n"),
    ]);
    assert_eq!(
        check(&circle, floors),
        ["files outside one folder import each other: base.rs, low/a.rs"]
    );

    let unknown = tree(&[("lib.rs", ""), ("attic.rs", "")]);
    assert_eq!(
        check(&unknown, floors),
        ["attic.rs: module attic is on no floor; add it to the table"]
    );
}

/// Every `.rs` file under `dir`, as (path relative to `root`, text).
fn read_tree(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_tree(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).unwrap();
            let name = relative.to_str().unwrap().replace('\\', "/");
            files.push((name, fs::read_to_string(&path).unwrap()));
        }
    }
}

/// A module path (`["rules", "fb"]`) for a file (`rules/fb/mod.rs`); the
/// crate roots are `["lib"]` and `["main"]`.
fn module_of(file: &str) -> Vec<String> {
    let stem = file.strip_suffix(".rs").unwrap_or(file);
    let mut parts: Vec<String> = stem.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The folder a file is in (`rules/fb` for `rules/fb/fb001.rs` and for
/// `rules/fb/mod.rs`).
fn folder_of(file: &str) -> &str {
    file.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// Whatever breaks the floors in `files` (path, text), one line each.
fn check(files: &[(String, String)], floors: &[(&str, &[&str])]) -> Vec<String> {
    let floor_of = |top: &str| {
        floors
            .iter()
            .position(|(_, modules)| modules.contains(&top))
    };
    let test_only = test_only_files(files);
    let modules: BTreeMap<Vec<String>, &str> = files
        .iter()
        .filter(|(path, _)| !test_only.contains(path))
        .map(|(path, _)| (module_of(path), path.as_str()))
        .collect();
    let mut problems = Vec::new();
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (module, &file) in &modules {
        let Some(from) = floor_of(&module[0]) else {
            problems.push(format!(
                "{file}: module {} is on no floor; add it to the table",
                module[0]
            ));
            continue;
        };
        let text = &files.iter().find(|(p, _)| p == file).unwrap().1;
        for path in imports(module, &code_of(text)) {
            // A name that is no module (`crate::Report`) is one of lib.rs's
            // re-exports: an import of the crate root, on the top floor.
            let root = vec!["lib".to_owned()];
            let Some(target) = (1..=path.len())
                .rev()
                .find_map(|n| modules.get_key_value(&path[..n]))
                .or_else(|| modules.get_key_value(&root))
            else {
                continue;
            };
            if target.0 == module {
                continue;
            }
            edges.entry(file).or_default().insert(target.1);
            if let Some(to) = floor_of(&target.0[0])
                && to > from
            {
                problems.push(format!(
                    "{file} (floor {}) imports {} (floor {})",
                    floors[from].0,
                    target.0.join("::"),
                    floors[to].0
                ));
            }
        }
    }
    problems.sort();
    problems.dedup();
    for circle in circles(&edges) {
        let folder = folder_of(circle[0]);
        if circle.iter().any(|f| folder_of(f) != folder) {
            problems.push(format!(
                "files outside one folder import each other: {}",
                circle.join(", ")
            ));
        }
    }
    problems
}

/// Files declared as `#[cfg(test)] mod name;`: tests, left out.
fn test_only_files(files: &[(String, String)]) -> BTreeSet<String> {
    let mut test_only = BTreeSet::new();
    for (path, text) in files {
        let mut rest = text.as_str();
        while let Some(at) = rest.find("#[cfg(test)]") {
            rest = &rest[at + "#[cfg(test)]".len()..];
            let declared = rest.trim_start();
            let declared = declared.strip_prefix("pub ").unwrap_or(declared);
            if let Some(name) = declared
                .strip_prefix("mod ")
                .and_then(|d| d.split_once(';'))
                .map(|(name, _)| name.trim())
                .filter(|name| name.chars().all(|c| c.is_alphanumeric() || c == '_'))
            {
                let parent = module_of(path);
                let dir = if path.ends_with("mod.rs") || path == "lib.rs" || path == "main.rs" {
                    folder_of(path).to_owned()
                } else {
                    parent.join("/")
                };
                let child = if dir.is_empty() {
                    name.to_owned()
                } else {
                    format!("{dir}/{name}")
                };
                test_only.insert(format!("{child}.rs"));
                test_only.insert(format!("{child}/mod.rs"));
            }
        }
    }
    test_only
}

/// The code of a file without its line comments and without its inline
/// `#[cfg(test)] mod ... { }` modules (skipped to their closing brace, counted
/// from the braces on their lines; the braces of a test module's strings
/// come in pairs).
fn code_of(text: &str) -> String {
    let mut code = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        let test_module = trimmed == "#[cfg(test)]"
            && lines.peek().is_some_and(|next| {
                let next = next.trim();
                next.contains("mod ") && next.ends_with('{')
            });
        if test_module {
            let mut depth = 0i64;
            for line in lines.by_ref() {
                depth += line.matches('{').count() as i64 - line.matches('}').count() as i64;
                if depth <= 0 {
                    break;
                }
            }
            continue;
        }
        if !trimmed.starts_with("//") {
            code.push_str(line);
            code.push('\n');
        }
    }
    code
}

/// The full module paths a module's code names through `crate::` or
/// `super::`, groups expanded.
fn imports(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let bytes = code.as_bytes();
    let mut at = 0;
    while at < code.len() {
        let starts_here = (at == 0 || !is_ident(bytes[at - 1]))
            && (bytes[at..].starts_with(b"crate::") || bytes[at..].starts_with(b"super::"));
        if !starts_here {
            at += 1;
            continue;
        }
        let mut base: Vec<String> = Vec::new();
        if bytes[at..].starts_with(b"crate::") {
            at += "crate".len();
        } else {
            base = module.to_vec();
            while bytes[at..].starts_with(b"super::") {
                base.pop();
                at += "super::".len();
            }
            // Back to the `::` the tree starts with.
            at -= 2;
        }
        let (trees, end) = use_tree(code, at);
        for tree in trees {
            let mut path = base.clone();
            path.extend(tree);
            paths.push(path);
        }
        at = end.max(at + 1);
    }
    paths
}

fn is_ident(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The paths of a use tree starting at `at` (`::a::b`, `::{a, b::c}`,
/// `a::{b, c::d}` inside a group), and where it ends.
fn use_tree(code: &str, mut at: usize) -> (Vec<Vec<String>>, usize) {
    let bytes = code.as_bytes();
    let mut prefix = Vec::new();
    loop {
        let start = at;
        while at < code.len() && is_ident(bytes[at]) {
            at += 1;
        }
        if at > start {
            let segment = &code[start..at];
            if segment != "self" {
                prefix.push(segment.to_owned());
            }
        }
        if bytes[at..].starts_with(b"::{") {
            at += 3;
            let mut paths = Vec::new();
            loop {
                while at < code.len()
                    && (bytes[at] == b' ' || bytes[at] == b'\n' || bytes[at] == b',')
                {
                    at += 1;
                }
                if at >= code.len() || bytes[at] == b'}' {
                    at += 1;
                    break;
                }
                let (inner, end) = use_tree(code, at);
                for tail in inner {
                    let mut path = prefix.clone();
                    path.extend(tail);
                    paths.push(path);
                }
                // `a as b` and the like: skip to the next item.
                at = end;
                while at < code.len() && !matches!(bytes[at], b',' | b'}') {
                    at += 1;
                }
            }
            return (paths, at);
        }
        if bytes[at..].starts_with(b"::") {
            at += 2;
            continue;
        }
        return (vec![prefix], at);
    }
}

/// The sets of two or more files that import each other, each sorted.
fn circles<'a>(edges: &BTreeMap<&'a str, BTreeSet<&'a str>>) -> Vec<Vec<&'a str>> {
    let nodes: BTreeSet<&str> = edges
        .iter()
        .flat_map(|(from, to)| std::iter::once(*from).chain(to.iter().copied()))
        .collect();
    let reaches = |from: &'a str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(node) = stack.pop() {
            for &next in edges.get(node).into_iter().flatten() {
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&str, BTreeSet<&str>> = nodes.iter().map(|&n| (n, reaches(n))).collect();
    let mut circles: Vec<Vec<&str>> = Vec::new();
    for &node in &nodes {
        if !reach[node].contains(node) || circles.iter().any(|c| c.contains(&node)) {
            continue;
        }
        let circle: Vec<&str> = nodes
            .iter()
            .copied()
            .filter(|&other| reach[node].contains(other) && reach[other].contains(node))
            .collect();
        if circle.len() > 1 {
            circles.push(circle);
        }
    }
    circles
}
