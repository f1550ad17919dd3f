//! The board report in a real browser: headless Chromium renders each
//! example's report to an image and prints it to PDF, and the PDF is read
//! back with poppler's `pdftotext`. Without Chromium or poppler (a
//! developer's laptop) the test says it is skipped and why; `.ci/run` sets
//! `PLANLINT_REQUIRE_BROWSER=1` and installs both, so CI never skips it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use tempfile::TempDir;

mod common;
use common::planlint;

/// The first of these on the `PATH`.
fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Chromium and `pdftotext`, or why the test cannot run.
fn tools() -> Result<(PathBuf, PathBuf), String> {
    let chromium = find(&["chromium-headless-shell", "chromium", "chromium-browser"])
        .ok_or("no headless Chromium on the PATH (apt-get install chromium-headless-shell)")?;
    let pdftotext = find(&["pdftotext"]).ok_or("no pdftotext (apt-get install poppler-utils)")?;
    Ok((chromium, pdftotext))
}

fn chromium(chromium: &Path, html: &Path, flag: &str) {
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-pdf-header-footer",
            "--window-size=1100,1400",
            flag,
        ])
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("Chromium runs");
    assert!(
        status.status.success(),
        "Chromium failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// The text of each page of a PDF.
fn pages(pdftotext: &Path, pdf: &Path) -> Vec<String> {
    let out = Command::new(pdftotext)
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(str::to_owned)
        .filter(|page| !page.trim().is_empty())
        .collect()
}

#[test]
fn the_examples_reports_render_and_print_with_every_section() {
    let (chromium_path, pdftotext) = match tools() {
        Ok(tools) => tools,
        Err(why) if std::env::var_os("PLANLINT_REQUIRE_BROWSER").is_some() => {
            panic!("PLANLINT_REQUIRE_BROWSER is set, and {why}")
        }
        Err(why) => {
            #[expect(clippy::print_stderr, reason = "a skipped test says so, and why")]
            {
                eprintln!("skipped: {why}");
            }
            return;
        }
    };
    let dir = TempDir::new().unwrap();
    // A plan with forty personas: charts and cards long enough to meet a
    // page break, which the page must move whole to the next page.
    let many = dir.path().join("many.plan.toml");
    fs::write(&many, many_personas(40)).unwrap();
    let many = many.to_str().unwrap().to_owned();
    for (example, name, persona, code) in [
        (
            "examples/blitz-bikes",
            "Blitz Bikes FY2027",
            "Bargain hunter",
            Some("FB007"),
        ),
        ("examples/harbor-bikes", "Harbor Bikes 2027", "Maya", None),
        (many.as_str(), "Forty", "Person 39", None),
    ] {
        let stem = Path::new(example).file_stem().unwrap().to_str().unwrap();
        let html = dir.path().join(format!("{stem}.html"));
        planlint()
            .env("PLANLINT_TODAY", "2027-01-01")
            .arg("report")
            .arg(example)
            .arg("-o")
            .arg(&html)
            .assert()
            .code(0);
        let size = fs::metadata(&html).unwrap().len();
        assert!(size < 500_000, "{stem}: {size} bytes");

        let png = dir.path().join(format!("{stem}.png"));
        chromium(
            &chromium_path,
            &html,
            &format!("--screenshot={}", png.display()),
        );
        let image = fs::read(&png).unwrap();
        assert!(
            image.starts_with(b"\x89PNG") && image.len() > 20_000,
            "{stem}: a blank page?"
        );

        let pdf = dir.path().join(format!("{stem}.pdf"));
        chromium(
            &chromium_path,
            &html,
            &format!("--print-to-pdf={}", pdf.display()),
        );
        let pages = pages(&pdftotext, &pdf);
        let text = pages.join("\n");
        assert!(text.contains(name), "{stem}: no plan name");
        assert!(text.contains(persona), "{stem}: no persona {persona}");
        if let Some(code) = code {
            assert!(text.contains("Fix these first"), "{stem}");
            assert!(text.contains(code), "{stem}: no {code}");
        }
        // Each section starts a page of its own.
        let page = fs::read_to_string(&html).unwrap();
        for heading in [
            "Executive summary",
            "The golden circle",
            "Goals",
            "Personas",
        ] {
            if !page.contains(&format!("<h2>{heading}</h2>")) {
                continue;
            }
            assert!(
                pages.iter().any(|p| p.trim_start().starts_with(heading)),
                "{stem}: {heading:?} does not start a page"
            );
        }
        // No chart is cut across pages: one page shows all the words a
        // chart draws (its row and axis labels, its notes), the charts in
        // the order of the page.
        let mut from = 0;
        for words in chart_words(&page) {
            let on = whole_on(&pages, &words, from);
            from = on.unwrap_or_else(|| panic!("{stem}: no page shows the whole chart {words:?}"));
        }
    }
}

/// The first page from `from` on that shows all of a chart's `words`,
/// compared without white space (which pdftotext lays out its own way).
fn whole_on(pages: &[String], words: &[String], from: usize) -> Option<usize> {
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    (from..pages.len()).find(|&i| {
        let page = squash(&pages[i]);
        words.iter().all(|w| page.contains(&squash(w)))
    })
}

/// The check of cut charts, on made-up pages: it must be able to fail.
#[test]
fn a_chart_split_across_pages_is_caught() {
    let pages = ["Scorecard  WHY  n = 8".to_owned(), "GOAL  n=9".to_owned()];
    let words = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(whole_on(&pages, &words(&["WHY", "n = 8"]), 0), Some(0));
    assert_eq!(whole_on(&pages, &words(&["GOAL", "n = 9"]), 0), Some(1));
    assert_eq!(whole_on(&pages, &words(&["WHY", "GOAL"]), 0), None);
    assert_eq!(whole_on(&pages, &words(&["WHY"]), 1), None);
}

/// A plan with `n` personas, each reached by a touchpoint of its own.
fn many_personas(n: usize) -> String {
    let mut plan =
        String::from("name = \"Forty\"\n\n[why]\nstatement = \"We help people ride every day.\"\n");
    for i in 0..n {
        plan.push_str(&format!(
            "\n[[persona]]\nid = \"p{i}\"\nname = \"Person {i}\"\n\n[[touchpoint]]\nid = \"t{i}\"\nname = \"Call {i}\"\nstage = \"retention\"\npersonas = [\"p{i}\"]\nper_week = {}\n",
            i % 5 + 1
        ));
    }
    plan
}

/// The words each chart of a page draws (`<text>` elements), unescaped,
/// for the charts whose first and last words are found once in the page's
/// text: repeated words ("0", "100") would say nothing of where a chart is.
fn chart_words(page: &str) -> Vec<Vec<String>> {
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    };
    page.split("<svg")
        .skip(1)
        .map(|svg| &svg[..svg.find("</svg>").unwrap_or(svg.len())])
        .map(|svg| {
            svg.split("<text")
                .skip(1)
                .filter_map(|t| {
                    let body = &t[t.find('>')? + 1..t.find("</text>")?];
                    let body = unescape(body.trim());
                    (body.len() > 3 && !body.contains('<')).then_some(body)
                })
                .collect::<Vec<String>>()
        })
        .filter(|words| words.len() >= 2)
        .collect()
}
