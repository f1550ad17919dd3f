//! Small hand-drawn SVG charts for the board report: bars, bars around a
//! zero line, bars against a limit, estimates with their intervals, an
//! estimate over time as a band, and the golden circle. The report is a
//! printable page read offline, so each chart is one self-contained `<svg>`
//! element: no script, no fonts or images fetched, a title and a
//! description for screen readers, and meaning carried by patterns, dashes
//! and words as well as by colour, so that it survives a black-and-white
//! printer. Labels come from plans and feedback files: they pass
//! [`crate::text::sanitize`] and a cut, and maud escapes them; no markup is
//! built from their strings. The output is the same bytes for the same input, and
//! bounded whatever the input. Floor: `render`; it imports maud and
//! `crate::text::sanitize`, nothing else of planlint.

use std::borrow::Cow;

use maud::{Markup, html};

use crate::text::sanitize::{self, ELLIPSIS};

/// One row of a bar chart.
pub struct Bar<'a> {
    /// What the row is about; untrusted text from a plan or a CSV file.
    pub label: &'a str,
    /// Where the bar ends; not a finite number draws no bar.
    pub value: f64,
    /// Shown at the end of the bar, e.g. "4/5" or "-14.7".
    pub note: String,
}

/// An estimate with its 95% interval, e.g. an NPS.
pub struct Estimate<'a> {
    /// What the estimate is about; untrusted text from a plan or a CSV file.
    pub label: &'a str,
    /// The estimate; not a finite number draws nothing for it.
    pub value: f64,
    /// The ends of the interval; not finite, no interval is drawn.
    pub low: f64,
    pub high: f64,
    /// Shown next to the estimate, e.g. "n = 11".
    pub note: String,
}

/// State of a ring of the golden circle.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ring {
    /// Present and without findings: a solid outline.
    Fine,
    /// Present with findings: a dashed red outline, "flagged".
    Flagged,
    /// Not in the plan: a dotted outline, unfilled, "missing".
    Missing,
}

const WIDTH: f64 = 640.0;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', sans-serif";

/// Text and axes: 17:1 against white.
const INK: &str = "#1a1a1a";
/// Secondary text and lines: 8.9:1 against white.
const MUTED: &str = "#4a4a4a";
/// Gridlines, which carry no meaning of their own.
const GRID: &str = "#d4d4d4";
const BLUE: &str = "#2c5282";
const RED: &str = "#9b2c2c";
const GREEN: &str = "#276749";
/// The interval of [`band`]: a light tint under the darker line.
const BAND_TINT: &str = "#c3d7ee";
const WHITE: &str = "#ffffff";

const NO_DATA: &str = "no data";

/// Rows drawn at most; the rest are counted in a last line.
const MAX_ROWS: usize = 40;
const LABEL_CHARS: usize = 40;
const NOTE_CHARS: usize = 14;
const TITLE_CHARS: usize = 200;
const DESC_CHARS: usize = 2000;
/// How much of an untrusted text is read at all, so that a huge label
/// costs no more than a long one.
const RAW_CHARS: usize = 1000;

/// Space around the drawing.
const MARGIN: f64 = 8.0;
/// Height of one row and of its bar.
const ROW: f64 = 24.0;
const BAR_HEIGHT: f64 = 14.0;
/// From the top of a row to the baseline of its text.
const TEXT_BASELINE: f64 = 16.0;
/// The label column is as wide as the longest label needs, within these.
const MIN_LABEL_WIDTH: f64 = 64.0;
const MAX_LABEL_WIDTH: f64 = 288.0;
/// Room right of the plot for the notes.
const NOTE_COLUMN: f64 = 112.0;
const NOTE_GAP: f64 = 6.0;
/// Height of the axis under the rows, with its figures.
const AXIS: f64 = 24.0;
/// Room above the rows for the label of a limit.
const LIMIT_LABEL_ROOM: f64 = 20.0;

/// Horizontal bars from 0 to `max`, one row per bar: label on the left,
/// bar, note after it. A `max` that is not a positive number gives way to
/// the largest value; values past it are drawn to the end of the plot.
pub fn bars(title: &str, desc: &str, rows: &[Bar<'_>], max: f64) -> Markup {
    let id = chart_id("bars", title, desc);
    if rows.is_empty() {
        return no_data(&id, title, desc);
    }
    let (rows, more, labels) = drawn_rows(rows, |row| row.label);
    let layout = RowLayout::new(&labels, MARGIN);
    let max = usable_max(max, rows.iter().map(|row| row.value));
    let scale = Scale::new((0.0, max), layout.plot_left, layout.plot_right);
    let axis_y = layout.rows_bottom(rows.len());
    let body = html! {
        (vertical_line(scale.start, layout.top, axis_y, MUTED, None))
        @for (i, (row, label)) in rows.iter().zip(&labels).enumerate() {
            @let top = layout.row_top(i);
            (row_label(label, &layout, top))
            @if row.value.is_finite() {
                @let end = scale.at(row.value);
                (bar(scale.start, end, top, BLUE, None))
                (note(&shown(&row.note, NOTE_CHARS), end + NOTE_GAP, top))
            } @else {
                (note(NO_DATA, scale.start + NOTE_GAP, top))
            }
        }
        (x_axis(&scale, &[0.0, max], axis_y))
        (more_line(more, axis_y + AXIS))
    };
    let height = axis_y + AXIS + more_height(more) + MARGIN;
    frame(&id, title, desc, height, html! {}, body)
}

/// Horizontal bars around a zero line: negative values to the left,
/// positive to the right (e.g. a theme's impact on NPS in points), on a
/// scale as wide as the largest value either way. Negative bars are
/// hatched in red with a red outline, positive bars solid green; the notes
/// stand in a column on the right.
pub fn diverging_bars(title: &str, desc: &str, rows: &[Bar<'_>]) -> Markup {
    let id = chart_id("diverging_bars", title, desc);
    if rows.is_empty() {
        return no_data(&id, title, desc);
    }
    let (rows, more, labels) = drawn_rows(rows, |row| row.label);
    let layout = RowLayout::new(&labels, MARGIN);
    let reach = usable_max(f64::NAN, rows.iter().map(|row| row.value.abs()));
    let scale = Scale::new((-reach, reach), layout.plot_left, layout.plot_right);
    let zero = scale.at(0.0);
    let axis_y = layout.rows_bottom(rows.len());
    let negative = format!("{id}-negative");
    let defs = hatch(&negative, RED);
    let body = html! {
        @for (i, (row, label)) in rows.iter().zip(&labels).enumerate() {
            @let top = layout.row_top(i);
            (row_label(label, &layout, top))
            @if row.value.is_finite() {
                @let end = scale.at(row.value);
                @if row.value < 0.0 {
                    (bar(end, zero, top, &format!("url(#{negative})"), Some(RED)))
                } @else {
                    (bar(zero, end, top, GREEN, None))
                }
                (note(&shown(&row.note, NOTE_CHARS), scale.end + NOTE_GAP, top))
            } @else {
                (note(NO_DATA, scale.end + NOTE_GAP, top))
            }
        }
        (vertical_line(zero, layout.top, axis_y, INK, None))
        (x_axis(&scale, &[-reach, 0.0, reach], axis_y))
        (more_line(more, axis_y + AXIS))
    };
    let height = axis_y + AXIS + more_height(more) + MARGIN;
    frame(&id, title, desc, height, defs, body)
}

/// Bars from 0 against a limit drawn as a dashed vertical line with
/// `limit_label` (e.g. contacts a week per persona against the plan's
/// maximum). The scale reaches the limit when `max` falls short of it. Bars
/// past the limit are hatched in red with an outline and their note ends
/// in "over"; the others are solid blue. A limit that is not a number of 0
/// or more draws no line, and its label says "no data".
pub fn bars_with_limit(
    title: &str,
    desc: &str,
    rows: &[Bar<'_>],
    max: f64,
    limit: f64,
    limit_label: &str,
) -> Markup {
    let id = chart_id("bars_with_limit", title, desc);
    if rows.is_empty() {
        return no_data(&id, title, desc);
    }
    let (rows, more, labels) = drawn_rows(rows, |row| row.label);
    let layout = RowLayout::new(&labels, MARGIN + LIMIT_LABEL_ROOM);
    let limit = (limit.is_finite() && limit >= 0.0).then_some(limit);
    let max = usable_max(max, rows.iter().map(|row| row.value)).max(limit.unwrap_or(0.0));
    let scale = Scale::new((0.0, max), layout.plot_left, layout.plot_right);
    let axis_y = layout.rows_bottom(rows.len());
    let over = format!("{id}-over");
    let defs = hatch(&over, RED);
    let limit_text = shown(limit_label, LABEL_CHARS);
    let body = html! {
        (vertical_line(scale.start, layout.top, axis_y, MUTED, None))
        @for (i, (row, label)) in rows.iter().zip(&labels).enumerate() {
            @let top = layout.row_top(i);
            (row_label(label, &layout, top))
            @if row.value.is_finite() {
                @let end = scale.at(row.value);
                @if limit.is_some_and(|limit| row.value > limit) {
                    (bar(scale.start, end, top, &format!("url(#{over})"), Some(RED)))
                    (note(&format!("{} over", shown(&row.note, NOTE_CHARS - 5)), end + NOTE_GAP, top))
                } @else {
                    (bar(scale.start, end, top, BLUE, None))
                    (note(&shown(&row.note, NOTE_CHARS), end + NOTE_GAP, top))
                }
            } @else {
                (note(NO_DATA, scale.start + NOTE_GAP, top))
            }
        }
        @match limit {
            Some(limit) => {
                @let x = scale.at(limit);
                (vertical_line(x, layout.top - 6.0, axis_y, INK, Some("6 4")))
                // The label runs away from the nearer end of the plot.
                @let anchor = if x > (scale.start + scale.end) / 2.0 { "end" } else { "start" };
                text x=(coord(x)) y=(coord(layout.top - 10.0)) text-anchor=(anchor) { (limit_text) }
            }
            None => {
                text x=(coord(scale.start)) y=(coord(layout.top - 10.0)) { (limit_text) ": " (NO_DATA) }
            }
        }
        (x_axis(&scale, &[0.0, max], axis_y))
        (more_line(more, axis_y + AXIS))
    };
    let height = axis_y + AXIS + more_height(more) + MARGIN;
    frame(&id, title, desc, height, defs, body)
}

/// One row per estimate on a shared horizontal scale `domain` (e.g.
/// (-100.0, 100.0) for NPS): a whisker from low to high, a dot at the
/// value, a zero line when 0 is in the domain, the note in a column on the
/// right. A domain that is reversed is turned round, an empty one widened,
/// one that is not finite taken from the estimates.
pub fn whiskers(title: &str, desc: &str, rows: &[Estimate<'_>], domain: (f64, f64)) -> Markup {
    let id = chart_id("whiskers", title, desc);
    if rows.is_empty() {
        return no_data(&id, title, desc);
    }
    let (rows, more, labels) = drawn_rows(rows, |row| row.label);
    let layout = RowLayout::new(&labels, MARGIN);
    let scale = Scale::new(
        usable_domain(domain, rows),
        layout.plot_left,
        layout.plot_right,
    );
    let axis_y = layout.rows_bottom(rows.len());
    let mut ticks = vec![scale.lo];
    // A zero tick too near an end would print over that end's figure.
    let zero_fits = (scale.at(0.0) - scale.start).min(scale.end - scale.at(0.0)) > 32.0;
    if scale.contains(0.0) && zero_fits {
        ticks.push(0.0);
    }
    ticks.push(scale.hi);
    let body = html! {
        @if scale.contains(0.0) {
            (vertical_line(scale.at(0.0), layout.top, axis_y, MUTED, None))
        }
        @for (i, (row, label)) in rows.iter().zip(&labels).enumerate() {
            @let top = layout.row_top(i);
            @let middle = top + ROW / 2.0;
            (row_label(label, &layout, top))
            @if row.value.is_finite() {
                @if row.low.is_finite() && row.high.is_finite() {
                    @let left = scale.at(row.low.min(row.high));
                    @let right = scale.at(row.low.max(row.high));
                    line x1=(coord(left)) y1=(coord(middle)) x2=(coord(right)) y2=(coord(middle))
                        stroke=(INK) stroke-width="1.5" {}
                    @for x in [left, right] {
                        (vertical_line(x, middle - 5.0, middle + 5.0, INK, None))
                    }
                }
                circle cx=(coord(scale.at(row.value))) cy=(coord(middle)) r="4" fill=(BLUE)
                    stroke=(WHITE) stroke-width="1" {}
                (note(&shown(&row.note, NOTE_CHARS), scale.end + NOTE_GAP, top))
            } @else {
                (note(NO_DATA, scale.end + NOTE_GAP, top))
            }
        }
        (x_axis(&scale, &ticks, axis_y))
        (more_line(more, axis_y + AXIS))
    };
    let height = axis_y + AXIS + more_height(more) + MARGIN;
    frame(&id, title, desc, height, html! {}, body)
}

/// Periods along the x axis in the given order (labels under the axis):
/// the interval as a shaded band, the value as a line with a dot per
/// period (NPS over time), y scale `domain` with a few gridlines and tick
/// labels, a zero line when 0 is in the domain. Each period's note stands
/// under its label; when the labels do not fit side by side they are
/// written upwards, label and note together. A period without a value
/// breaks the line and the band, and its note says "no data".
pub fn band(title: &str, desc: &str, points: &[Estimate<'_>], domain: (f64, f64)) -> Markup {
    const LEFT: f64 = 64.0;
    const RIGHT: f64 = 16.0;
    const PLOT_HEIGHT: f64 = 200.0;
    const TICKS: usize = 4;

    let id = chart_id("band", title, desc);
    if points.is_empty() {
        return no_data(&id, title, desc);
    }
    let (points, more) = first_rows(points);
    let top = MARGIN + 4.0;
    let bottom = top + PLOT_HEIGHT;
    let y = Scale::new(usable_domain(domain, points), bottom, top);
    let slot = (WIDTH - LEFT - RIGHT) / points.len() as f64;
    let x = |i: usize| LEFT + slot * (i as f64 + 0.5);

    let labels: Vec<String> = points.iter().map(|p| label_text(p.label)).collect();
    let notes: Vec<String> = points
        .iter()
        .map(|p| {
            if p.value.is_finite() {
                shown(&p.note, NOTE_CHARS)
            } else {
                NO_DATA.to_owned()
            }
        })
        .collect();
    let widest = labels
        .iter()
        .chain(&notes)
        .map(|t| estimated_width(t))
        .fold(0.0, f64::max);
    let side_by_side = widest + 4.0 <= slot;
    let upright: Vec<String> = labels
        .iter()
        .zip(&notes)
        .map(|(label, note)| {
            if note.is_empty() {
                label.clone()
            } else {
                format!("{label}, {note}")
            }
        })
        .collect();
    let labels_height = if side_by_side {
        2.0 * 14.0 + 6.0
    } else {
        let longest = upright
            .iter()
            .map(|t| estimated_width(t))
            .fold(0.0, f64::max);
        longest + 12.0
    };
    let labels_end = bottom + labels_height;

    let decimals = decimals_for(y.hi * 0.5 - y.lo * 0.5);
    let ticks: Vec<f64> = (0..=TICKS)
        .map(|k| {
            // A weighted mean of the ends: no sum of two finite values overflows.
            let share = k as f64 / TICKS as f64;
            y.lo * (1.0 - share) + y.hi * share
        })
        .collect();
    let body = html! {
        @for &tick in &ticks {
            @let at = y.at(tick);
            line x1=(coord(LEFT)) y1=(coord(at)) x2=(coord(WIDTH - RIGHT)) y2=(coord(at)) stroke=(GRID) {}
            text x=(coord(LEFT - 6.0)) y=(coord(at + 4.0)) text-anchor="end" { (figure(tick, decimals)) }
        }
        @if y.contains(0.0) {
            @let at = y.at(0.0);
            line x1=(coord(LEFT)) y1=(coord(at)) x2=(coord(WIDTH - RIGHT)) y2=(coord(at))
                stroke=(INK) stroke-width="1" {}
        }
        @for run in runs(points, |p| p.value.is_finite() && p.low.is_finite() && p.high.is_finite()) {
            @if run.len() == 1 {
                @let p = &points[run.start];
                @let (high, low) = (y.at(p.low.max(p.high)), y.at(p.low.min(p.high)));
                rect x=(coord(x(run.start) - 4.0)) y=(coord(high)) width="8" height=(coord(low - high))
                    fill=(BAND_TINT) {}
            } @else {
                @let highs = run.clone().map(|i| (x(i), y.at(points[i].low.max(points[i].high))));
                @let lows = run.clone().rev().map(|i| (x(i), y.at(points[i].low.min(points[i].high))));
                polygon points=(point_list(highs.chain(lows))) fill=(BAND_TINT) {}
            }
        }
        @for run in runs(points, |p| p.value.is_finite()) {
            @if run.len() > 1 {
                polyline points=(point_list(run.clone().map(|i| (x(i), y.at(points[i].value)))))
                    fill="none" stroke=(BLUE) stroke-width="2" {}
            }
        }
        @for (i, point) in points.iter().enumerate() {
            @if point.value.is_finite() {
                circle cx=(coord(x(i))) cy=(coord(y.at(point.value))) r="3.5" fill=(BLUE) {}
            }
        }
        line x1=(coord(LEFT)) y1=(coord(bottom)) x2=(coord(WIDTH - RIGHT)) y2=(coord(bottom)) stroke=(MUTED) {}
        @for i in 0..points.len() {
            @if side_by_side {
                text x=(coord(x(i))) y=(coord(bottom + 16.0)) text-anchor="middle" { (labels[i]) }
                text x=(coord(x(i))) y=(coord(bottom + 30.0)) text-anchor="middle" fill=(MUTED) { (notes[i]) }
            } @else {
                // Upwards, ending just under the axis; the shift centres the glyphs on the period.
                text transform={"translate(" (coord(x(i) + 4.0)) " " (coord(bottom + 8.0)) ") rotate(-90)"}
                    text-anchor="end" { (upright[i]) }
            }
        }
        (more_line(more, labels_end))
    };
    let height = labels_end + more_height(more) + MARGIN;
    frame(&id, title, desc, height, html! {}, body)
}

/// Sinek's golden circle: three concentric rings, WHY in the centre, HOW
/// around it, WHAT outside, each labelled, and a key beside it. A Flagged
/// ring is drawn with a dashed red outline and the word "flagged" in its
/// label; a Missing ring is dotted, unfilled, labelled "missing".
pub fn golden_circle(title: &str, desc: &str, why: Ring, how: Ring, what: Ring) -> Markup {
    const CX: f64 = 170.0;
    const CY: f64 = 160.0;
    const KEY_X: f64 = 360.0;

    let id = chart_id("golden_circle", title, desc);
    // Outermost first, so that each ring is drawn over the one around it.
    let rings = [
        ("WHAT", what, 140.0, 94.0, "#fefcbf"),
        ("HOW", how, 94.0, 48.0, "#faf089"),
        ("WHY", why, 48.0, 0.0, "#f6e05e"),
    ];
    let body = html! {
        @for (name, ring, outer, inner, tint) in rings {
            @let style = RingStyle::of(ring, tint);
            circle cx=(coord(CX)) cy=(coord(CY)) r=(coord(outer)) fill=(style.fill) stroke=(style.stroke)
                stroke-width=(style.width) stroke-dasharray=[style.dash] stroke-linecap="round" {}
            // The name in the middle of the ring's band, above the centre; the state under it.
            @let name_y = if inner > 0.0 { CY - (outer + inner) / 2.0 } else { CY + 4.0 };
            @let state_y = if inner > 0.0 { name_y + 14.0 } else { CY + 18.0 };
            text x=(coord(CX)) y=(coord(name_y)) text-anchor="middle" font-weight="bold" { (name) }
            @if let Some(state) = style.word {
                text x=(coord(CX)) y=(coord(state_y)) text-anchor="middle" fill=(style.word_colour) { (state) }
            }
        }
        text x=(coord(KEY_X)) y="70" font-weight="bold" { "Key" }
        @for (i, (name, ring, _, _, tint)) in rings.into_iter().rev().enumerate() {
            @let style = RingStyle::of(ring, tint);
            @let y = 100.0 + 30.0 * i as f64;
            circle cx=(coord(KEY_X + 10.0)) cy=(coord(y - 4.0)) r="9" fill=(style.fill) stroke=(style.stroke)
                stroke-width=(style.width) stroke-dasharray=[style.dash] stroke-linecap="round" {}
            text x=(coord(KEY_X + 28.0)) y=(coord(y)) { (name) ": " (style.word.unwrap_or("fine")) }
        }
        text x=(coord(KEY_X)) y="200" fill=(MUTED) { "dashed red outline: flagged" }
        text x=(coord(KEY_X)) y="218" fill=(MUTED) { "dotted, unfilled: missing" }
    };
    frame(&id, title, desc, 320.0, html! {}, body)
}

/// How a ring of the golden circle is drawn and what its label adds.
struct RingStyle {
    fill: &'static str,
    stroke: &'static str,
    width: &'static str,
    dash: Option<&'static str>,
    word: Option<&'static str>,
    word_colour: &'static str,
}

impl RingStyle {
    fn of(ring: Ring, tint: &'static str) -> RingStyle {
        match ring {
            Ring::Fine => RingStyle {
                fill: tint,
                stroke: INK,
                width: "1.5",
                dash: None,
                word: None,
                word_colour: INK,
            },
            Ring::Flagged => RingStyle {
                fill: tint,
                stroke: RED,
                width: "2.5",
                dash: Some("8 5"),
                word: Some("flagged"),
                word_colour: RED,
            },
            // White rather than no fill: the ring around it would show
            // through, and the ring would look filled after all.
            Ring::Missing => RingStyle {
                fill: WHITE,
                stroke: MUTED,
                width: "2",
                dash: Some("1 5"),
                word: Some("missing"),
                word_colour: INK,
            },
        }
    }
}

/// The `<svg>` element every chart is: its size, its title and description
/// first (named by `aria-labelledby`), then the pattern definitions and the
/// drawing, whose text takes the font, size and colour set here.
fn frame(id: &str, title: &str, desc: &str, height: f64, defs: Markup, body: Markup) -> Markup {
    let width = whole(WIDTH);
    let height = whole(height);
    html! {
        svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox={"0 0 " (width) " " (height)}
            width=(width) height=(height) aria-labelledby={(id) "-t " (id) "-d"} {
            title id={(id) "-t"} { (shown(title, TITLE_CHARS)) }
            desc id={(id) "-d"} { (shown(desc, DESC_CHARS)) }
            defs { (defs) }
            g font-family=(FONT) font-size="12" fill=(INK) { (body) }
        }
    }
}

/// A chart with nothing to draw says so.
fn no_data(id: &str, title: &str, desc: &str) -> Markup {
    let body = html! {
        text x=(coord(MARGIN)) y="24" { (NO_DATA) }
    };
    frame(id, title, desc, 40.0, html! {}, body)
}

/// The id of a chart's title, description and patterns: unique on a page
/// as long as no two charts of one kind share a title and a description,
/// and the same from run to run (FNV-1a, 64 bits, over the kind, the title
/// and the description, each followed by a byte no UTF-8 text holds).
fn chart_id(kind: &str, title: &str, desc: &str) -> String {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET_BASIS;
    for part in [kind, title, desc] {
        for &byte in part.as_bytes().iter().chain(&[0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("chart-{hash:016x}")
}

/// Untrusted text as a chart shows it: sanitised (controls and escape
/// sequences gone, bidirectional controls shown as `<U+202E>`), on one
/// line, then cut to `max_chars` characters.
fn shown(text: &str, max_chars: usize) -> String {
    let bounded = sanitize::cut(text, RAW_CHARS);
    let one_line: String = sanitize::clean(&bounded)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect();
    sanitize::cut(&one_line, max_chars).into_owned()
}

/// A row's label, cleaned, on one line, and at most [`LABEL_CHARS`] long:
/// a longer one keeps its start and its end around `…`, because labels that
/// differ only at the end ("... Person 24", "... Person 25") must stay apart.
fn label_text(label: &str) -> String {
    let whole = shown(label, 4 * LABEL_CHARS);
    let count = whole.chars().count();
    if count <= LABEL_CHARS {
        return whole;
    }
    let head = (LABEL_CHARS - 1) / 2;
    let tail = LABEL_CHARS - 1 - head;
    let mut out: String = whole.chars().take(head).collect();
    out.push(ELLIPSIS);
    out.extend(whole.chars().skip(count - tail));
    out
}

/// A rough width of a text at 12px, for layout only: no font is at hand,
/// so ASCII counts as 7px and anything else, which may be a wide glyph, 12.
fn estimated_width(text: &str) -> f64 {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> f64 {
    if c.is_ascii() { 7.0 } else { 12.0 }
}

/// The rows a row chart draws, how many it leaves out, and their labels.
fn drawn_rows<T>(rows: &[T], label: impl Fn(&T) -> &str) -> (&[T], usize, Vec<String>) {
    let (rows, more) = first_rows(rows);
    let labels = rows.iter().map(|row| label_text(label(row))).collect();
    (rows, more, labels)
}

/// The rows drawn, and how many are left out.
fn first_rows<T>(rows: &[T]) -> (&[T], usize) {
    let shown = &rows[..rows.len().min(MAX_ROWS)];
    (shown, rows.len() - shown.len())
}

/// The end of a scale from 0: `max` when it is a positive number, else the
/// largest positive value rounded up to a round figure, else 1.
fn usable_max(max: f64, values: impl Iterator<Item = f64>) -> f64 {
    if max.is_finite() && max > 0.0 {
        return max;
    }
    let largest = values.filter(|v| v.is_finite()).fold(0.0, f64::max);
    if largest > 0.0 {
        round_up(largest)
    } else {
        1.0
    }
}

/// The least of 1, 2 and 5 times a power of ten that is `x` or more, so
/// that the end of a scale reads as what it is; `x` itself at the edges of
/// the floating-point range.
fn round_up(x: f64) -> f64 {
    let power = 10f64.powi(x.log10().floor() as i32);
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|step| step * power)
        .find(|&end| end.is_finite() && end >= x)
        .unwrap_or(x)
}

/// A domain a scale can use: the given one put in order and widened when
/// empty; when it is not finite, the extent of the estimates; else 0 to 1.
fn usable_domain(domain: (f64, f64), estimates: &[Estimate<'_>]) -> (f64, f64) {
    let extent = || {
        let values = estimates
            .iter()
            .flat_map(|e| [e.value, e.low, e.high])
            .filter(|v| v.is_finite());
        let low = values.clone().fold(f64::INFINITY, f64::min);
        let high = values.fold(f64::NEG_INFINITY, f64::max);
        (low, high)
    };
    ordered_domain(domain)
        .or_else(|| ordered_domain(extent()))
        .unwrap_or((0.0, 1.0))
}

/// Finite ends in order with room between them, if the ends are finite.
fn ordered_domain((a, b): (f64, f64)) -> Option<(f64, f64)> {
    if !a.is_finite() || !b.is_finite() {
        return None;
    }
    let (low, high) = (a.min(b), a.max(b));
    if low < high {
        return Some((low, high));
    }
    let pad = low.abs().max(1.0);
    let (wide_low, wide_high) = (low - pad, high + pad);
    if wide_low.is_finite() && wide_high.is_finite() {
        Some((wide_low, wide_high))
    } else if low > 0.0 {
        Some((0.0, low))
    } else {
        Some((low, 0.0))
    }
}

/// A linear map from values in `lo..=hi` to positions from `start` to
/// `end`; values outside are clipped to the ends.
struct Scale {
    lo: f64,
    hi: f64,
    start: f64,
    end: f64,
}

impl Scale {
    fn new((lo, hi): (f64, f64), start: f64, end: f64) -> Scale {
        Scale { lo, hi, start, end }
    }

    fn at(&self, value: f64) -> f64 {
        // Halves, so that no difference of two finite values overflows.
        let fraction = (value * 0.5 - self.lo * 0.5) / (self.hi * 0.5 - self.lo * 0.5);
        let fraction = if fraction.is_nan() {
            0.0
        } else {
            fraction.clamp(0.0, 1.0)
        };
        self.start + fraction * (self.end - self.start)
    }

    fn contains(&self, value: f64) -> bool {
        self.lo <= value && value <= self.hi
    }
}

/// Where the parts of a chart with a row per item go: labels on the left
/// in a column as wide as they need, the plot, room for notes on the right.
struct RowLayout {
    label_width: f64,
    plot_left: f64,
    plot_right: f64,
    top: f64,
}

impl RowLayout {
    fn new(labels: &[String], top: f64) -> RowLayout {
        let widest = labels
            .iter()
            .map(|l| estimated_width(l))
            .fold(0.0, f64::max);
        let label_width = widest.clamp(MIN_LABEL_WIDTH, MAX_LABEL_WIDTH);
        RowLayout {
            label_width,
            plot_left: MARGIN + label_width + 12.0,
            plot_right: WIDTH - NOTE_COLUMN,
            top,
        }
    }

    fn row_top(&self, row: usize) -> f64 {
        self.top + ROW * row as f64
    }

    fn rows_bottom(&self, rows: usize) -> f64 {
        self.row_top(rows)
    }
}

/// A row's label, cut further when it may not fit its column.
fn row_label(label: &str, layout: &RowLayout, top: f64) -> Markup {
    html! {
        text x=(coord(MARGIN)) y=(coord(top + TEXT_BASELINE)) { (fitted(label, layout.label_width)) }
    }
}

/// `text`, cut when its estimated width passes `width`, so that
/// it cannot run into what stands beside it. Squeezing the glyphs instead
/// would stretch the text whenever the estimate is too high.
fn fitted(text: &str, width: f64) -> Cow<'_, str> {
    if estimated_width(text) <= width {
        return Cow::Borrowed(text);
    }
    let room = width - char_width(ELLIPSIS);
    let mut used = 0.0;
    let mut out: String = text
        .chars()
        .take_while(|&c| {
            used += char_width(c);
            used <= room
        })
        .collect();
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// A bar of a row from `left` to `right`, with an outline when given.
fn bar(left: f64, right: f64, top: f64, fill: &str, outline: Option<&str>) -> Markup {
    html! {
        rect x=(coord(left)) y=(coord(top + (ROW - BAR_HEIGHT) / 2.0)) width=(coord(right - left))
            height=(coord(BAR_HEIGHT)) fill=(fill) stroke=[outline] stroke-width=[outline.map(|_| "1.5")] {}
    }
}

/// A row's note, starting at `x`.
fn note(text: &str, x: f64, top: f64) -> Markup {
    html! {
        text x=(coord(x)) y=(coord(top + TEXT_BASELINE)) { (text) }
    }
}

/// A vertical line from `top` to `bottom`, dashed when `dash` is given.
fn vertical_line(x: f64, top: f64, bottom: f64, colour: &str, dash: Option<&str>) -> Markup {
    html! {
        line x1=(coord(x)) y1=(coord(top)) x2=(coord(x)) y2=(coord(bottom)) stroke=(colour)
            stroke-dasharray=[dash] {}
    }
}

/// A horizontal axis at `y`: a line, and a tick mark and a figure for each
/// of `ticks`.
fn x_axis(scale: &Scale, ticks: &[f64], y: f64) -> Markup {
    let decimals = decimals_for(scale.hi * 0.5 - scale.lo * 0.5);
    html! {
        line x1=(coord(scale.start)) y1=(coord(y)) x2=(coord(scale.end)) y2=(coord(y)) stroke=(MUTED) {}
        @for &tick in ticks {
            @let x = scale.at(tick);
            (vertical_line(x, y, y + 4.0, MUTED, None))
            text x=(coord(x)) y=(coord(y + 16.0)) text-anchor="middle" fill=(MUTED) {
                (figure(tick, decimals))
            }
        }
    }
}

/// The last line of a chart that left rows out, with its top at `top`.
fn more_line(more: usize, top: f64) -> Markup {
    html! {
        @if more > 0 {
            text x=(coord(MARGIN)) y=(coord(top + TEXT_BASELINE)) font-style="italic" {
                "and " (more) " more"
            }
        }
    }
}

fn more_height(more: usize) -> f64 {
    if more > 0 { ROW } else { 0.0 }
}

/// A diagonal hatch of `colour` on white, for bars that must differ from
/// the others by more than their colour.
fn hatch(id: &str, colour: &str) -> Markup {
    html! {
        pattern id=(id) width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)" {
            rect width="6" height="6" fill=(WHITE) {}
            line x1="2" y1="0" x2="2" y2="6" stroke=(colour) stroke-width="3" {}
        }
    }
}

/// The runs of consecutive indices of `items` that pass `keep`.
fn runs<T>(items: &[T], keep: impl Fn(&T) -> bool) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, item) in items.iter().enumerate() {
        match (keep(item), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push(s..items.len());
    }
    runs
}

/// The `points` of a polyline or polygon. Only figures go into it.
fn point_list(points: impl Iterator<Item = (f64, f64)>) -> String {
    points
        .map(|(x, y)| format!("{},{}", coord(x), coord(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A position or length in the drawing, to one decimal.
fn coord(x: f64) -> String {
    if !x.is_finite() {
        return "0.0".to_owned();
    }
    without_negative_zero(format!("{x:.1}"))
}

/// A size of the drawing in whole pixels, rounded up.
fn whole(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_owned();
    }
    format!("{:.0}", x.ceil().max(0.0))
}

/// How many decimals the figures of a scale get, from half its span:
/// none for a wide scale, two for a narrow one.
fn decimals_for(half_span: f64) -> usize {
    if half_span.is_nan() || half_span >= 5.0 {
        0
    } else if half_span >= 0.5 {
        1
    } else {
        2
    }
}

/// A value on an axis, to `decimals` decimals; a huge one in scientific
/// notation, so that it fits beside the plot.
fn figure(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return NO_DATA.to_owned();
    }
    if value.abs() >= 1e9 {
        return format!("{value:.1e}");
    }
    without_negative_zero(format!("{value:.decimals$}"))
}

/// "-0.0" and "-0" are written without the sign a rounded negative value
/// leaves on them.
fn without_negative_zero(figure: String) -> String {
    match figure.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_owned(),
        _ => figure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::events::Event;

    const HOSTILE: [&str; 6] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "\u{1b}[31mred\u{1b}[0m",
        "abc\u{202e}fed\u{2066}x\u{2069}",
        "a\u{0}b\u{7}c\u{9b}d\u{85}e\r\nf",
    ];

    /// Values that break naive arithmetic. None holds "inf" or "NaN" in a
    /// label, so that the output can be searched for them.
    const EXTREMES: [f64; 10] = [
        1e300,
        -1e300,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        -0.0,
        0.0,
    ];

    fn bar_rows<'a>(labels: &[&'a str], values: &[f64]) -> Vec<Bar<'a>> {
        labels
            .iter()
            .zip(values)
            .map(|(&label, &value)| Bar {
                label,
                value,
                note: format!("{} note", label.chars().count()),
            })
            .collect()
    }

    fn estimates<'a>(labels: &[&'a str], values: &[f64]) -> Vec<Estimate<'a>> {
        labels
            .iter()
            .zip(values)
            .map(|(&label, &value)| Estimate {
                label,
                value,
                low: value - 10.0,
                high: value + 10.0,
                note: "n = 11".to_owned(),
            })
            .collect()
    }

    /// Every chart kind drawn from the same rows, with `title` and `desc`.
    fn every_chart(
        title: &str,
        desc: &str,
        bars: &[Bar<'_>],
        points: &[Estimate<'_>],
    ) -> Vec<String> {
        vec![
            super::bars(title, desc, bars, 5.0).into_string(),
            diverging_bars(title, desc, bars).into_string(),
            bars_with_limit(title, desc, bars, 5.0, 3.0, title).into_string(),
            whiskers(title, desc, points, (-100.0, 100.0)).into_string(),
            band(title, desc, points, (-100.0, 100.0)).into_string(),
            golden_circle(title, desc, Ring::Fine, Ring::Flagged, Ring::Missing).into_string(),
        ]
    }

    /// The charts of every kind over a spread of inputs: hostile text,
    /// extreme values, odd scales and no rows at all.
    fn many_charts() -> Vec<String> {
        let labels = [HOSTILE.as_slice(), &["plain"; 4]].concat();
        let values = [EXTREMES.as_slice(), &[1.0, 4.0, 6.0]].concat();
        let bars = bar_rows(&labels, &values);
        let points = estimates(&labels, &values);
        let mut charts = Vec::new();
        for text in HOSTILE {
            charts.extend(every_chart(text, text, &bars, &points));
        }
        charts.extend(every_chart("empty", "no rows", &[], &[]));
        for &edge in &EXTREMES {
            let title = "edge";
            charts.push(super::bars(title, "", &bars, edge).into_string());
            charts.push(bars_with_limit(title, "", &bars, edge, edge, "limit").into_string());
            charts.push(bars_with_limit(title, "", &bars, 5.0, edge, "limit").into_string());
            for domain in [(edge, 1.0), (-1.0, edge), (edge, edge)] {
                charts.push(whiskers(title, "", &points, domain).into_string());
                charts.push(band(title, "", &points, domain).into_string());
            }
        }
        charts
    }

    /// The elements of an SVG, which must be well-formed XML: name and
    /// attributes, in order.
    fn elements(svg: &str) -> Vec<(String, Vec<(String, String)>)> {
        let mut reader = quick_xml::Reader::from_str(svg);
        let mut elements = Vec::new();
        let mut open = 0usize;
        loop {
            let event = reader.read_event().expect("well-formed XML");
            match &event {
                Event::Start(e) | Event::Empty(e) => {
                    let attributes = e
                        .attributes()
                        .map(|a| {
                            let a = a.expect("a well-formed attribute");
                            let value = a
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .expect("an escaped value");
                            (a.key.as_ref().to_owned(), value.into_owned())
                        })
                        .collect();
                    elements.push((e.name().as_ref().to_owned(), attributes));
                    if matches!(event, Event::Start(_)) {
                        open += 1;
                    }
                }
                Event::End(_) => open -= 1,
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(open, 0, "unclosed elements in {svg}");
        elements
    }

    fn attribute<'a>(element: &'a (String, Vec<(String, String)>), name: &str) -> Option<&'a str> {
        element
            .1
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn hostile_text_never_appears_raw() {
        for svg in many_charts() {
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains("<img"), "{svg}");
            assert!(!svg.contains(['\u{1b}', '\u{0}', '\u{7}', '\u{9b}', '\u{85}', '\r']));
            assert!(
                !svg.contains(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
            );
            for (name, attributes) in elements(&svg) {
                let allowed = [
                    "svg", "title", "desc", "defs", "g", "pattern", "rect", "line", "circle",
                    "polyline", "polygon", "text",
                ];
                assert!(allowed.contains(&name.as_str()), "<{name}> in {svg}");
                for (key, value) in attributes {
                    assert!(
                        !key.starts_with("on") && !key.contains("href"),
                        "{key} in {svg}"
                    );
                    if value.contains("url(") {
                        assert!(value.starts_with("url(#chart-"), "{value}");
                    }
                }
            }
        }
        let svg = super::bars("t", "d", &bar_rows(&HOSTILE, &[1.0; 6]), 5.0).into_string();
        assert!(
            svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{svg}"
        );
        assert!(
            svg.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
            "{svg}"
        );
        assert!(svg.contains(">red<"), "{svg}");
        assert!(svg.contains("abc&lt;U+202E&gt;fed"), "{svg}");
    }

    #[test]
    fn every_chart_is_a_labelled_image() {
        for svg in many_charts() {
            let elements = elements(&svg);
            let root = &elements[0];
            assert_eq!(root.0, "svg");
            assert_eq!(attribute(root, "xmlns"), Some("http://www.w3.org/2000/svg"));
            assert_eq!(attribute(root, "role"), Some("img"));
            let id = attribute(root, "aria-labelledby")
                .unwrap()
                .split(' ')
                .next()
                .unwrap();
            let id = id.strip_suffix("-t").unwrap();
            assert_eq!(
                attribute(root, "aria-labelledby"),
                Some(format!("{id}-t {id}-d").as_str())
            );
            assert_eq!(
                (elements[1].0.as_str(), attribute(&elements[1], "id")),
                ("title", Some(format!("{id}-t").as_str()))
            );
            assert_eq!(
                (elements[2].0.as_str(), attribute(&elements[2], "id")),
                ("desc", Some(format!("{id}-d").as_str()))
            );
            let (width, height) = (
                attribute(root, "width").unwrap(),
                attribute(root, "height").unwrap(),
            );
            assert_eq!(width, "640");
            assert_eq!(
                attribute(root, "viewBox"),
                Some(format!("0 0 {width} {height}").as_str())
            );
        }
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        assert_eq!(many_charts(), many_charts());
    }

    #[test]
    fn ids_follow_title_and_description() {
        let rows = bar_rows(&["a"], &[1.0]);
        let id = |title, desc| chart_id("bars", title, desc);
        assert_eq!(id("NPS", "by theme"), id("NPS", "by theme"));
        assert_ne!(id("NPS", "by theme"), id("NPS", "by persona"));
        assert_ne!(id("ab", "c"), id("a", "bc"));
        assert_ne!(chart_id("bars", "t", "d"), chart_id("whiskers", "t", "d"));
        let svg = super::bars("NPS", "by theme", &rows, 1.0).into_string();
        assert!(svg.contains(&format!("id=\"{}-t\"", id("NPS", "by theme"))));
    }

    #[test]
    fn no_figure_is_nan_infinite_or_minus_zero() {
        for svg in many_charts() {
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
            assert!(
                !svg.contains("\"-0.0\"") && !svg.contains(">-0<") && !svg.contains("\"-0\""),
                "{svg}"
            );
        }
        assert_eq!(coord(-0.04), "0.0");
        assert_eq!(figure(-0.4, 0), "0");
        assert_eq!(figure(-14.66, 1), "-14.7");
        assert_eq!(figure(-1e300, 0), "-1.0e300");
    }

    #[test]
    fn everything_drawn_stays_inside_the_chart() {
        for svg in many_charts() {
            let elements = elements(&svg);
            let height: f64 = attribute(&elements[0], "height").unwrap().parse().unwrap();
            for element in &elements[1..] {
                for (key, value) in &element.1 {
                    let bound = match key.as_str() {
                        "x" | "x1" | "x2" | "cx" | "width" | "textLength" => WIDTH,
                        "y" | "y1" | "y2" | "cy" | "height" => height,
                        _ => continue,
                    };
                    let number: f64 = value.parse().unwrap();
                    assert!(
                        (0.0..=bound).contains(&number),
                        "{key}=\"{value}\" in {svg}"
                    );
                }
                if let Some(points) = attribute(element, "points") {
                    for pair in points.split(' ') {
                        let (x, y) = pair.split_once(',').unwrap();
                        let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
                        assert!(
                            (0.0..=WIDTH).contains(&x) && (0.0..=height).contains(&y),
                            "{pair}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn values_past_the_scale_are_clipped_to_the_plot() {
        let rows = bar_rows(&["huge", "tiny"], &[1e300, -1e300]);
        let svg = super::bars("t", "d", &rows, 10.0).into_string();
        let rects: Vec<_> = elements(&svg)
            .into_iter()
            .filter(|e| e.0 == "rect")
            .collect();
        let layout = RowLayout::new(&["huge".to_owned(), "tiny".to_owned()], MARGIN);
        let huge_width: f64 = attribute(&rects[0], "width").unwrap().parse().unwrap();
        assert_eq!(
            huge_width,
            ((layout.plot_right - layout.plot_left) * 10.0).round() / 10.0
        );
        assert_eq!(attribute(&rects[1], "width"), Some("0.0"));
    }

    #[test]
    fn a_row_without_a_value_keeps_its_label_and_says_no_data() {
        let rows = bar_rows(&["Onboarding", "Pricing"], &[f64::NAN, 2.0]);
        for svg in [
            super::bars("t", "d", &rows, 5.0).into_string(),
            diverging_bars("t", "d", &rows).into_string(),
            bars_with_limit("t", "d", &rows, 5.0, 3.0, "max").into_string(),
        ] {
            assert!(
                svg.contains(">Onboarding<") && svg.contains(">no data<"),
                "{svg}"
            );
            assert_eq!(
                svg.matches("<rect").count(),
                1 + svg.matches("<pattern").count(),
                "{svg}"
            );
        }
        let points = estimates(&["Q1", "Q2", "Q3"], &[10.0, f64::INFINITY, -5.0]);
        let svg = whiskers("t", "d", &points, (-100.0, 100.0)).into_string();
        assert!(svg.contains(">Q2<") && svg.contains(">no data<"), "{svg}");
        assert_eq!(svg.matches("<circle").count(), 2);
        let svg = band("t", "d", &points, (-100.0, 100.0)).into_string();
        assert!(svg.contains(">Q2<") && svg.contains(">no data<"), "{svg}");
        assert_eq!(
            svg.matches("<polyline").count(),
            0,
            "a line needs two periods in a row"
        );
    }

    #[test]
    fn no_rows_give_a_small_chart_that_says_no_data() {
        for svg in every_chart("Contacts", "per persona", &[], &[])
            .into_iter()
            .take(5)
        {
            assert!(
                svg.contains(">no data<") && svg.contains(">Contacts</title>"),
                "{svg}"
            );
            assert!(
                svg.contains(">per persona</desc>") && svg.contains("height=\"40\""),
                "{svg}"
            );
        }
    }

    #[test]
    fn many_rows_are_cut_and_counted() {
        let rows: Vec<Bar<'_>> = (0..10_000)
            .map(|i| Bar {
                label: "persona",
                value: f64::from(i),
                note: i.to_string(),
            })
            .collect();
        let points: Vec<Estimate<'_>> = (0..10_000)
            .map(|i| Estimate {
                label: "2024-01",
                value: f64::from(i % 100),
                low: 0.0,
                high: 100.0,
                note: String::new(),
            })
            .collect();
        for svg in every_chart("t", "d", &rows, &points).into_iter().take(5) {
            assert!(svg.len() < 40_000, "{} bytes", svg.len());
            assert!(svg.contains(">and 9960 more<"), "{svg}");
        }
    }

    #[test]
    fn labels_are_cleaned_then_cut() {
        let long = "x".repeat(100);
        let rows = bar_rows(&[&long, "\u{1b}[31mRed\u{1b}[0m team\u{7}"], &[1.0, 2.0]);
        let svg = super::bars("t", "d", &rows, 5.0).into_string();
        let kept = format!(">{}…{}<", "x".repeat(19), "x".repeat(20));
        assert!(svg.contains(&kept), "{svg}");
        assert!(svg.contains(">Red team<"), "{svg}");
        // Labels that differ only at the end stay apart.
        let a = format!("{} Person 24", "Persona with a long name ".repeat(3));
        let b = format!("{} Person 25", "Persona with a long name ".repeat(3));
        assert_ne!(label_text(&a), label_text(&b));
        assert!(label_text(&a).ends_with("Person 24"));
        assert_eq!(shown("a\nb\tc", 40), "a b c");
        let wide = "雨".repeat(40);
        let svg = super::bars("t", "d", &bar_rows(&[&wide], &[1.0]), 5.0).into_string();
        assert!(svg.contains(&format!(">{}…<", "雨".repeat(23))), "{svg}");
        assert_eq!(shown(&"é".repeat(1_000_000), 3), "éé…");
    }

    #[test]
    fn odd_scales_are_made_usable() {
        assert_eq!(usable_max(0.0, [2.0, f64::NAN].into_iter()), 2.0);
        assert_eq!(usable_max(-1.0, [f64::INFINITY].into_iter()), 1.0);
        assert_eq!(ordered_domain((1.0, -1.0)), Some((-1.0, 1.0)));
        assert_eq!(ordered_domain((5.0, 5.0)), Some((0.0, 10.0)));
        assert_eq!(ordered_domain((f64::MAX, f64::MAX)), Some((0.0, f64::MAX)));
        assert_eq!(ordered_domain((f64::NAN, 1.0)), None);
        let points = estimates(&["a"], &[20.0]);
        assert_eq!(usable_domain((f64::NAN, f64::NAN), &points), (10.0, 30.0));
        assert_eq!(usable_domain((f64::NAN, f64::NAN), &[]), (0.0, 1.0));
        assert_eq!(round_up(14.7), 20.0);
        assert_eq!(round_up(3.0), 5.0);
        assert_eq!(round_up(0.07), 0.1);
        assert_eq!(round_up(f64::MAX), f64::MAX);
        // `powi` of a subnormal power is not exact, and differs between
        // builds: the end need only be at or above the value, and finite.
        let tiny = f64::MIN_POSITIVE / 1e10;
        assert!(round_up(tiny) >= tiny && round_up(tiny) <= 10.0 * tiny);
        let scale = Scale::new((-f64::MAX, f64::MAX), 0.0, 100.0);
        assert_eq!(scale.at(f64::MAX), 100.0);
        assert_eq!(scale.at(0.0), 50.0);
    }

    #[test]
    fn bars_past_the_limit_are_hatched_and_say_over() {
        let rows = bar_rows(&["Commuter", "Student"], &[5.0, 2.0]);
        let svg = bars_with_limit("t", "d", &rows, 4.0, 3.0, "at most 3 a week").into_string();
        assert_eq!(svg.matches(" over<").count(), 1, "{svg}");
        assert_eq!(svg.matches("fill=\"url(#").count(), 1, "{svg}");
        assert!(
            svg.contains("stroke-dasharray=\"6 4\"") && svg.contains(">at most 3 a week<"),
            "{svg}"
        );
        let svg = bars_with_limit("t", "d", &rows, 4.0, f64::NAN, "max").into_string();
        assert!(
            svg.contains(">max: no data<") && !svg.contains(" over<"),
            "{svg}"
        );
    }

    #[test]
    fn negative_bars_differ_by_more_than_colour() {
        let rows = bar_rows(&["Price", "Support"], &[-14.7, 8.0]);
        let svg = diverging_bars("t", "d", &rows).into_string();
        let rects: Vec<_> = elements(&svg)
            .into_iter()
            .filter(|e| e.0 == "rect" && attribute(e, "height") == Some("14.0"))
            .collect();
        assert!(attribute(&rects[0], "fill").unwrap().starts_with("url(#"));
        assert_eq!(attribute(&rects[0], "stroke"), Some(RED));
        assert_eq!(attribute(&rects[1], "fill"), Some(GREEN));
        assert_eq!(attribute(&rects[1], "stroke"), None);
    }

    #[test]
    fn the_golden_circle_names_flagged_and_missing_rings() {
        let svg = golden_circle("t", "d", Ring::Missing, Ring::Flagged, Ring::Fine).into_string();
        assert!(
            svg.contains(">flagged<") && svg.contains(">missing<"),
            "{svg}"
        );
        assert!(
            svg.contains(">WHY: missing<")
                && svg.contains(">HOW: flagged<")
                && svg.contains(">WHAT: fine<")
        );
        assert!(
            svg.contains("stroke-dasharray=\"8 5\"") && svg.contains("stroke-dasharray=\"1 5\"")
        );
        let fine = golden_circle("t", "d", Ring::Fine, Ring::Fine, Ring::Fine).into_string();
        assert!(!fine.contains(">flagged<") && !fine.contains(">missing<"));
        assert_eq!(
            elements(&fine).iter().filter(|e| e.0 == "circle").count(),
            6
        );
    }
}
