//! Tests of the feedback reader: columns, delimiters, line numbers, rejected rows and limits.

use std::io;

use super::*;

fn reader<'a>(input: &'a [u8], options: &ReadOptions) -> FeedbackReader<&'a [u8]> {
    FeedbackReader::new(input, "f.csv", options).expect("header is readable")
}

fn records(input: &str) -> Vec<Record> {
    read_all(input.as_bytes(), &ReadOptions::default())
}

fn read_all(input: &[u8], options: &ReadOptions) -> Vec<Record> {
    reader(input, options)
        .collect::<Result<_, _>>()
        .expect("no read error")
}

fn rows(records: &[Record]) -> Vec<&Row> {
    records
        .iter()
        .filter_map(|r| match r {
            Record::Row(row) => Some(row),
            Record::Rejected(_) => None,
        })
        .collect()
}

fn rejected(records: &[Record]) -> Vec<(u64, &str)> {
    records
        .iter()
        .filter_map(|r| match r {
            Record::Rejected(r) => Some((r.line, r.reason.as_str())),
            Record::Row(_) => None,
        })
        .collect()
}

fn texts_and_lines(records: &[Record]) -> Vec<(u64, &str)> {
    rows(records)
        .iter()
        .map(|row| (row.line, row.text.as_str()))
        .collect()
}

fn error(input: &[u8], options: &ReadOptions) -> FeedbackError {
    match FeedbackReader::new(input, "f.csv", options) {
        Ok(_) => panic!("expected the header to be refused"),
        Err(err) => err,
    }
}

#[test]
fn detects_comma_semicolon_and_tab() {
    for (input, delimiter) in [
        ("comment,score\ngood; fast,9\n", b','),
        ("comment;score\ngood, fast;9\n", b';'),
        ("comment\tscore\ngood, fast; cheap\t9\n", b'\t'),
    ] {
        let reader = reader(input.as_bytes(), &ReadOptions::default());
        assert_eq!(reader.columns().delimiter, delimiter, "{input:?}");
        let records: Vec<Record> = reader.map(|r| r.expect("no read error")).collect();
        assert_eq!(rows(&records)[0].score, Some(9.0), "{input:?}");
    }
}

#[test]
fn an_explicit_delimiter_beats_detection() {
    let options = ReadOptions {
        delimiter: Some(b';'),
        ..ReadOptions::default()
    };
    let input = b"comment;rating, 1-10\nslow, then fast;4\n";
    let detected = error(input, &ReadOptions::default());
    assert!(
        matches!(detected, FeedbackError::NoTextColumn { .. }),
        "a tie goes to the comma"
    );
    let records = read_all(input, &options);
    assert_eq!(texts_and_lines(&records), [(2, "slow, then fast")]);
}

#[test]
fn a_quote_or_newline_cannot_be_the_delimiter() {
    let options = ReadOptions {
        delimiter: Some(b'"'),
        ..ReadOptions::default()
    };
    let err = error(b"comment\n", &options);
    assert_eq!(
        err.to_string(),
        "f.csv: '\\\"' cannot separate fields; use a comma, a semicolon or a tab"
    );
}

#[test]
fn skips_a_byte_order_mark() {
    let input = "\u{feff}Comment;NPS\r\nsuper;10\r\n";
    let mut reader = reader(input.as_bytes(), &ReadOptions::default());
    assert_eq!(reader.columns().headers, ["Comment", "NPS"]);
    assert_eq!(reader.columns().delimiter, b';');
    assert!(matches!(reader.next(), Some(Ok(Record::Row(_)))));
    assert!(reader.next().is_none());
    assert_eq!(reader.bytes_read(), input.len() as u64);
}

#[test]
fn quoted_newlines_keep_later_line_numbers_right() {
    let input = "id,comment,score\n\
                 1,\"slow\nthen\nfast\",9\n\
                 2,plain,7\n\
                 3,\"two\r\nlines\",8\r\n\
                 \n\
                 4,\"say \"\"hi\"\"\",1\n";
    let records = records(input);
    assert_eq!(
        texts_and_lines(&records),
        [
            (2, "slow\nthen\nfast"),
            (5, "plain"),
            (6, "two\r\nlines"),
            (9, "say \"hi\""),
        ]
    );
}

#[test]
fn a_quoted_newline_in_the_header_is_read_through() {
    let records = records("\"a,b,c\nd\";comment\nx;fine\n");
    assert_eq!(texts_and_lines(&records), [(3, "fine")]);
}

#[test]
fn crlf_line_endings() {
    let records = records("comment,score\r\nfine,7\r\n\r\nbad,x\r\nlast,1");
    assert_eq!(texts_and_lines(&records), [(2, "fine"), (5, "last")]);
    assert_eq!(rejected(&records), [(4, "score \"x\" is not a number")]);
}

/// Gives its input a few bytes at a time, as pipes and sockets do.
struct Trickle<'a> {
    input: &'a [u8],
    step: usize,
}

impl io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.step.min(buf.len());
        (&mut self.input).take(n as u64).read(buf)
    }
}

#[test]
fn line_numbers_do_not_depend_on_how_the_input_arrives() {
    let endings = "comment,score\r\n\r\n\
                   \"two\nlines\",1\r\n\
                   \n\
                   bad,x\n\
                   \"ends in a newline\n\",2\n\
                   \r\n\
                   last,3";
    let unclosed = "comment,score\nfine,1\n\n\"oops,2\nlost,3\n";
    for (input, expected) in [
        (
            endings,
            vec![
                (3, "row"),
                (6, "score \"x\" is not a number"),
                (7, "row"),
                (10, "row"),
            ],
        ),
        (
            unclosed,
            vec![
                (2, "row"),
                (
                    4,
                    "expected 2 fields, found 1 in a record running to line 5; check for an unclosed quote",
                ),
            ],
        ),
        (
            "id,comment\n1,fine\n2,\"oops\n3,b\n4,c\n",
            vec![
                (2, "row"),
                (
                    3,
                    "a quote in column \"comment\" is never closed, so the field runs to the end of the file at line 5",
                ),
            ],
        ),
    ] {
        for step in 1..=13 {
            let trickle = Trickle {
                input: input.as_bytes(),
                step,
            };
            let reader = FeedbackReader::new(trickle, "f.csv", &ReadOptions::default())
                .expect("header is readable");
            let found: Vec<(u64, String)> = reader
                .map(|record| match record.expect("no read error") {
                    Record::Row(row) => (row.line, "row".to_owned()),
                    Record::Rejected(r) => (r.line, r.reason),
                })
                .collect();
            let found: Vec<(u64, &str)> = found.iter().map(|(l, r)| (*l, r.as_str())).collect();
            assert_eq!(found, expected, "{step} bytes at a time");
        }
    }
}

#[test]
fn reads_the_optional_columns() {
    let input = "Date,Channel,Segment,Source,Rating,Review\n\
                 2024-05-01, email ,Parent,Spring sale,4.5,  Loved it  \n\
                 ,,,,,\n";
    let records = records(input);
    let rows = rows(&records);
    assert_eq!(
        *rows[0],
        Row {
            line: 2,
            text: "Loved it".into(),
            score: Some(4.5),
            persona: Some("Parent".into()),
            touchpoint: Some("Spring sale".into()),
            channel: Some("email".into()),
            date: Some("2024-05-01".into()),
            fields: Vec::new(),
        }
    );
    assert_eq!(
        *rows[1],
        Row {
            line: 3,
            ..Row::default()
        }
    );
}

#[test]
fn trims_ascii_and_unicode_white_space_alike() {
    let input = "comment,segment\n\
                 plain,\u{a0}pro\u{a0}\n\
                 \t tabbed \t,\u{b}kept\n\
                 \u{2003}wide\u{2003},\u{a0}\n";
    let records = records(input);
    let read: Vec<(&str, Option<&str>)> = rows(&records)
        .iter()
        .map(|row| (row.text.as_str(), row.persona.as_deref()))
        .collect();
    // A vertical tab is not ASCII white space, and only characters at a
    // non-ASCII end are trimmed as Unicode.
    assert_eq!(
        read,
        [
            ("plain", Some("pro")),
            ("tabbed", Some("\u{b}kept")),
            ("wide", None)
        ]
    );
}

#[test]
fn keeps_every_field_only_when_asked() {
    let input = b"id,comment\n7, as typed \n";
    let options = ReadOptions {
        keep_fields: true,
        ..ReadOptions::default()
    };
    let kept = read_all(input, &options);
    assert_eq!(rows(&kept)[0].fields, ["7", " as typed "]);
    let plain = read_all(input, &ReadOptions::default());
    assert!(rows(&plain)[0].fields.is_empty());
}

#[test]
fn overrides_choose_columns_by_name() {
    let options = ReadOptions {
        text_column: Some("other thoughts".into()),
        score_column: Some("Q1".into()),
        ..ReadOptions::default()
    };
    let records = read_all(b"comment,Q1,Other Thoughts\nno,3,yes\n", &options);
    let row = rows(&records)[0];
    assert_eq!((row.text.as_str(), row.score), ("yes", Some(3.0)));
}

#[test]
fn an_unknown_override_is_an_error() {
    let options = ReadOptions {
        date_column: Some("when".into()),
        ..ReadOptions::default()
    };
    let err = error(b"comment,date\n", &options);
    assert!(matches!(
        err,
        FeedbackError::UnknownColumn { role: "date", .. }
    ));
}

#[test]
fn a_missing_text_column_is_an_error_listing_the_headers() {
    let err = error(b"id;nps;segment\n1;9;pro\n", &ReadOptions::default());
    match err {
        FeedbackError::NoTextColumn { file, headers } => {
            assert_eq!(file, "f.csv");
            assert_eq!(headers, ["id", "nps", "segment"]);
        }
        other => panic!("unexpected error: {other}"),
    }
}

#[test]
fn bad_rows_are_rejected_and_reading_goes_on() {
    let mut input = b"id,comment,score,segment,date\n\
                      1,fine,9,pro,2024-01-01\n\
                      2,too,many,fields,x,y,z\n\
                      3,short\n\
                      4,ten out of ten,ten,pro,\n\
                      5,over,11,pro,\n\
                      6,under,-1,,\n\
                      7,not a number,NaN,,\n"
        .to_vec();
    input.extend_from_slice(b"8,caf\xE9,7,pro,\n9,ok,,\xFF,\n10,last,\"8,5\",,\n\xC0,unused,,,\n");
    let records = read_all(&input, &ReadOptions::default());
    assert_eq!(
        rejected(&records),
        [
            (3, "expected 5 fields, found 7"),
            (4, "expected 5 fields, found 2"),
            (5, "score \"ten\" is not a number"),
            (6, "score \"11\" is outside 0 to 10"),
            (7, "score \"-1\" is outside 0 to 10"),
            (8, "score \"NaN\" is not a number"),
            (9, "invalid UTF-8 in column \"comment\""),
            (10, "invalid UTF-8 in column \"segment\""),
            (12, "invalid UTF-8 in column \"id\""),
        ]
    );
    let rows = rows(&records);
    assert_eq!(
        rows.iter().map(|r| (r.line, r.score)).collect::<Vec<_>>(),
        [(2, Some(9.0)), (11, Some(8.5))]
    );
    assert_eq!(records.len(), 11, "rows + rejected == data records");
}

#[test]
fn a_character_split_between_two_fields_is_invalid() {
    let records = read_all(b"comment,x\ncaf\xC3,\xA9\n", &ReadOptions::default());
    assert_eq!(
        rejected(&records),
        [(2, "invalid UTF-8 in column \"comment\"")]
    );
}

#[test]
fn read_row_reuses_the_row_and_sets_every_field() {
    let input = b"comment,score,segment,x\n\
                  first,9,pro,a\n\
                  bad,ten,pro,b\n\
                  second,,,c\n";
    let options = ReadOptions {
        keep_fields: true,
        ..ReadOptions::default()
    };
    let mut reader = reader(input, &options);
    let mut row = Row::default();
    let mut seen = Vec::new();
    while let Some(read) = reader.read_row(&mut row).expect("no read error") {
        match read {
            Ok(()) => seen.push(row.clone()),
            Err(rejected) => assert_eq!(rejected.line, 3),
        }
    }
    assert_eq!(
        seen,
        [
            Row {
                line: 2,
                text: "first".into(),
                score: Some(9.0),
                persona: Some("pro".into()),
                fields: vec!["first".into(), "9".into(), "pro".into(), "a".into()],
                ..Row::default()
            },
            Row {
                line: 4,
                text: "second".into(),
                fields: vec!["second".into(), String::new(), String::new(), "c".into()],
                ..Row::default()
            },
        ]
    );
    assert_eq!(reader.read_row(&mut row).expect("still at the end"), None);
}

#[test]
fn a_long_bad_score_is_quoted_short() {
    let records = records("comment,score\nx,this answer belongs in the comment column\n");
    assert_eq!(
        rejected(&records),
        [(
            2,
            "score \"this answer belongs in the com...\" is not a number"
        )]
    );
}

#[test]
fn an_unclosed_quote_is_pointed_out() {
    let records = records("id,comment,score\n1,\"oops,9\n2,b,8\n3,c,7\n");
    assert_eq!(
        rejected(&records),
        [(
            2,
            "expected 3 fields, found 2 in a record running to line 4; check for an unclosed quote"
        )]
    );
}

#[test]
fn an_unclosed_quote_in_the_last_column_is_pointed_out() {
    let records = records("id,comment\n1,fine\n2,\"oops\n3,b\n4,c\n");
    assert_eq!(texts_and_lines(&records), [(2, "fine")]);
    assert_eq!(
        rejected(&records),
        [(
            3,
            "a quote in column \"comment\" is never closed, so the field runs to the end of the file at line 5"
        )]
    );
}

#[test]
fn a_closed_quote_at_the_end_is_fine() {
    for input in [
        "id,comment\n1,\"a\nb\"",
        "id,comment\n1,\"a\nb\"\r\n",
        "id,comment\n1,\"a\nb\"\n2,\"c\"\n",
        "comment\n\"a\nb\"\nplain\n",
    ] {
        let records = records(input);
        assert!(rejected(&records).is_empty(), "{input:?}");
    }
}

#[test]
fn an_empty_file_is_an_error() {
    for input in ["", "\u{feff}", "\n\r\n"] {
        let err = error(input.as_bytes(), &ReadOptions::default());
        assert!(
            matches!(err, FeedbackError::Empty { .. }),
            "{input:?}: {err}"
        );
    }
    let err = error(b"", &ReadOptions::default());
    assert!(err.to_string().starts_with("f.csv: the file is empty"));
}

#[test]
fn lines_ended_by_a_carriage_return_alone_are_an_error() {
    let err = error(b"comment,score\rfine,9\rgood,8\r", &ReadOptions::default());
    assert!(
        matches!(err, FeedbackError::CarriageReturnLines { .. }),
        "{err}"
    );
}

#[test]
fn utf16_is_an_error_saying_what_to_do() {
    let input: Vec<u8> = "\u{feff}comment\tscore\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let err = error(&input, &ReadOptions::default());
    assert!(matches!(err, FeedbackError::Utf16 { .. }), "{err}");
    assert!(err.to_string().ends_with("save it again as \"CSV UTF-8\""));
}

#[test]
fn a_header_without_rows_reads_no_records() {
    for input in ["comment,score", "comment,score\n", "comment,score\r\n\r\n"] {
        assert!(records(input).is_empty(), "{input:?}");
    }
}

/// Gives `good` then fails, as a disk or network read can.
struct FailingAfter<'a> {
    good: &'a [u8],
}

impl io::Read for FailingAfter<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.good.is_empty() {
            return Err(io::Error::other("device gone"));
        }
        self.good.read(buf)
    }
}

#[test]
fn an_io_error_ends_the_read_naming_file_and_line() {
    let input = FailingAfter {
        good: b"comment\none\ntwo\n",
    };
    let mut reader =
        FeedbackReader::new(input, "f.csv", &ReadOptions::default()).expect("header is readable");
    assert!(matches!(reader.next(), Some(Ok(Record::Row(_)))));
    assert!(matches!(reader.next(), Some(Ok(Record::Row(_)))));
    let err = match reader.next() {
        Some(Err(err)) => err,
        other => panic!("expected an error, got {other:?}"),
    };
    assert!(matches!(err, FeedbackError::Read { line: 4, .. }));
    assert_eq!(
        err.to_string(),
        "f.csv: reading stopped at line 4: device gone"
    );
    assert!(reader.next().is_none());
}

#[test]
fn an_io_error_in_the_header_is_an_error() {
    let input = FailingAfter { good: b"comm" };
    let err = match FeedbackReader::new(input, "f.csv", &ReadOptions::default()) {
        Ok(_) => panic!("expected an error"),
        Err(err) => err,
    };
    assert_eq!(
        err.to_string(),
        "f.csv: reading stopped at line 1: device gone"
    );
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures-feedback")
        .join(name)
}

#[test]
fn opens_a_spreadsheet_export() {
    let path = fixture("excel-semicolon-bom-crlf.csv");
    let reader = FeedbackReader::open(&path, &ReadOptions::default()).expect("fixture opens");
    assert_eq!(reader.columns().delimiter, b';');
    let records: Vec<Record> = reader.map(|r| r.expect("no read error")).collect();
    let found: Vec<(u64, &str, Option<f64>)> = rows(&records)
        .iter()
        .map(|r| (r.line, r.text.as_str(), r.score))
        .collect();
    assert_eq!(
        found,
        [
            (2, "Bikes arrived on time; great service", Some(9.0)),
            (
                3,
                "App kept logging me out.\r\nFixed after update",
                Some(6.5)
            ),
            (5, "", Some(10.0)),
        ]
    );
    assert_eq!(rejected(&records), [(6, "score \"n/a\" is not a number")]);
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let path = fixture("no-such-file.csv");
    let err = match FeedbackReader::open(&path, &ReadOptions::default()) {
        Ok(_) => panic!("expected an error"),
        Err(err) => err,
    };
    assert!(matches!(err, FeedbackError::Open { .. }));
    assert!(err.to_string().ends_with("no-such-file.csv: no such file"));
}

#[test]
fn messages_quote_few_headers_and_short() {
    let mut header: Vec<String> = (0..500).map(|i| format!("column {i}")).collect();
    header[0] = format!("\u{1b}[31m{}", "y".repeat(1000));
    let input = format!("{}\n", header.join(","));
    let err = error(input.as_bytes(), &ReadOptions::default());
    let message = err.to_string();
    assert!(message.len() < 400, "{message}");
    assert!(message.contains("\"\\u{1b}[31myyy"), "{message}");
    assert!(message.contains(" and 487 more;"), "{message}");
    assert!(!message.contains('\u{1b}'));
}

#[test]
fn scores_too_large_to_hold_are_out_of_range() {
    let records = records("comment,score\na,1e309\nb,inf\nc,-inf\nd,nan\ne,-0\n");
    assert_eq!(
        rejected(&records),
        [
            (2, "score \"1e309\" is outside 0 to 10"),
            (3, "score \"inf\" is outside 0 to 10"),
            (4, "score \"-inf\" is outside 0 to 10"),
            (5, "score \"nan\" is not a number"),
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_without_waiting() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let fifo = dir.path().join("feedback.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    for path in [fifo.as_path(), Path::new("/dev/zero")] {
        let err = match FeedbackReader::open(path, &ReadOptions::default()) {
            Ok(_) => panic!("{} was opened", path.display()),
            Err(err) => err,
        };
        assert!(matches!(err, FeedbackError::Open { .. }), "{err}");
        let message = err.to_string();
        assert!(message.starts_with(&display_path(path)), "{message}");
        assert!(message.contains("not a regular file"), "{message}");
    }
}

#[test]
fn standard_input_is_named_in_messages() {
    assert!(is_stdin(Path::new("-")));
    assert!(!is_stdin(Path::new("./-")));
    assert_eq!(display_name(Path::new("-")), "<stdin>");
    assert_eq!(display_name(Path::new("./a/b.csv")), "a/b.csv");
}

#[test]
fn two_columns_of_one_name_are_an_error() {
    let err = error(
        b"comment,score,Comment\nfine,9,other\n",
        &ReadOptions::default(),
    );
    assert!(
        matches!(
            err,
            FeedbackError::DuplicateColumn {
                role: "text",
                first: 1,
                second: 3,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_header_too_long_or_without_a_line_break_is_an_error() {
    let long = format!("comment,{}\nfine,1\n", "x".repeat(MAX_HEADER_BYTES));
    let zeros = vec![0; 4 * MAX_HEADER_BYTES];
    for input in [long.as_bytes(), &zeros] {
        let err = error(input, &ReadOptions::default());
        assert!(matches!(err, FeedbackError::HeaderTooLong { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            "f.csv: the header line is longer than 64 KB; is this a CSV file?"
        );
    }
    // Reading ahead counts quotes, which says this header ends at the first
    // line break; the parser reads on in the quoted field.
    let endless = format!("x\"y,\"comment\n{}", "1,2\n".repeat(MAX_HEADER_BYTES));
    let err = error(endless.as_bytes(), &ReadOptions::default());
    assert!(matches!(err, FeedbackError::HeaderTooLong { .. }), "{err}");
}

#[test]
fn a_nul_in_the_header_is_not_text() {
    let utf16_without_bom: Vec<u8> = "comment,score\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    for input in [&utf16_without_bom[..], b"\x7fELF\x02\x01\x01\0\0\0\n"] {
        let err = error(input, &ReadOptions::default());
        assert!(matches!(err, FeedbackError::NotText { .. }), "{err}");
        assert!(
            err.to_string()
                .starts_with("f.csv: the header holds NUL bytes"),
            "{err}"
        );
        assert!(!err.to_string().contains("ELF"));
    }
}

fn limited(max_record_bytes: usize) -> ReadOptions {
    ReadOptions {
        max_record_bytes,
        ..ReadOptions::default()
    }
}

#[test]
fn a_record_over_the_limit_is_rejected_and_reading_goes_on() {
    let mut input = b"id,comment,score\n1,before,9\n2,\"two\nlines\",8\n3,".to_vec();
    input.extend(std::iter::repeat_n(b'x', 2 << 20));
    input.extend_from_slice(b",7\n\n4,after,6\n5,\"also\nafter\",x\n");
    let records = read_all(&input, &ReadOptions::default());
    assert_eq!(
        texts_and_lines(&records),
        [(2, "before"), (3, "two\nlines"), (7, "after")]
    );
    assert_eq!(
        rejected(&records),
        [
            (
                5,
                "record is longer than 1 MB; raise the limit with --max-record-bytes to read it"
            ),
            (8, "score \"x\" is not a number"),
        ]
    );
    assert_eq!(records.len(), 5, "rows + rejected == data records");
    let raised = read_all(&input, &limited(3 << 20));
    assert_eq!(rows(&raised)[2].text.len(), 2 << 20);
}

#[test]
fn a_record_exactly_at_the_limit_is_read() {
    for ending in ["\n", "\r\n", ""] {
        // The `\r` of a `\r\n` counts, as it stays on the last field; the
        // newline does not.
        let limit = "abcdefgh,9".len() + usize::from(ending == "\r\n");
        let at = format!("comment,score\nabcdefgh,9{ending}");
        let records = read_all(at.as_bytes(), &limited(limit));
        assert_eq!(texts_and_lines(&records), [(2, "abcdefgh")], "{ending:?}");
        let over = format!("comment,score\nabcdefghi,9{ending}");
        let records = read_all(over.as_bytes(), &limited(limit));
        let reason = format!(
            "record is longer than {limit} bytes; raise the limit with --max-record-bytes to read it"
        );
        assert_eq!(rejected(&records), [(2, reason.as_str())], "{ending:?}");
    }
}

#[test]
fn a_long_record_over_many_lines_points_to_a_quote() {
    let input = "id,comment\n1,fine\n2,\"oops\n3,b\n4,c\n5,d\n";
    let records = read_all(input.as_bytes(), &limited(12));
    assert_eq!(texts_and_lines(&records), [(2, "fine")]);
    assert_eq!(
        rejected(&records),
        [(
            3,
            "record running to line 6 is longer than 12 bytes; check for an unclosed quote, or raise the limit with --max-record-bytes"
        )]
    );
}
