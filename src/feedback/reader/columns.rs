//! Which column holds what, found by header name.

use super::{FeedbackError, ReadOptions};

const TEXT: &[&str] = &[
    "text", "comment", "comments", "feedback", "review", "body", "message", "verbatim", "response",
    "answer",
];
const SCORE: &[&str] = &["nps", "score", "rating", "stars", "likelihood"];
const PERSONA: &[&str] = &["persona", "segment"];
const TOUCHPOINT: &[&str] = &["touchpoint", "source", "campaign"];
const CHANNEL: &[&str] = &["channel"];
const DATE: &[&str] = &["date"];

/// The columns of a feedback file, as indexes into its records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The header row as read (invalid UTF-8 replaced), for messages and for
    /// output that repeats the input.
    pub headers: Vec<String>,
    pub text: usize,
    pub score: Option<usize>,
    pub persona: Option<usize>,
    pub touchpoint: Option<usize>,
    pub channel: Option<usize>,
    pub date: Option<usize>,
    pub delimiter: u8,
}

impl Columns {
    /// The columns of a file whose header row is `headers`, found by their
    /// names or by `options`; `file` names it in errors.
    pub fn find(
        file: &str,
        headers: Vec<String>,
        delimiter: u8,
        options: &ReadOptions,
    ) -> Result<Columns, FeedbackError> {
        let finder = Finder {
            file,
            names: headers.iter().map(|h| normalize(h)).collect(),
            headers: &headers,
        };
        let text = finder
            .find("text", options.text_column.as_deref(), TEXT)?
            .ok_or_else(|| FeedbackError::NoTextColumn {
                file: file.to_owned(),
                headers: headers.clone(),
            })?;
        let score = finder.find("score", options.score_column.as_deref(), SCORE)?;
        let persona = finder.find("persona", options.persona_column.as_deref(), PERSONA)?;
        let touchpoint = finder.find(
            "touchpoint",
            options.touchpoint_column.as_deref(),
            TOUCHPOINT,
        )?;
        let channel = finder.find("channel", options.channel_column.as_deref(), CHANNEL)?;
        let date = finder.find("date", options.date_column.as_deref(), DATE)?;
        Ok(Columns {
            headers,
            text,
            score,
            persona,
            touchpoint,
            channel,
            date,
            delimiter,
        })
    }
}

struct Finder<'a> {
    file: &'a str,
    headers: &'a [String],
    /// The headers trimmed and lower-cased, the form names are compared in.
    names: Vec<String>,
}

impl Finder<'_> {
    /// A name given by the user must exist. Otherwise the aliases are tried in
    /// order, so a file with both `comment` and `feedback` columns reads the
    /// same whichever comes first. Either way, the name must be in one
    /// column only: with two, which one is meant would be a guess.
    fn find(
        &self,
        role: &'static str,
        wanted: Option<&str>,
        aliases: &[&str],
    ) -> Result<Option<usize>, FeedbackError> {
        if let Some(wanted) = wanted {
            return match self.position(&normalize(wanted)) {
                Some(index) => self.only(role, index).map(Some),
                None => Err(FeedbackError::UnknownColumn {
                    file: self.file.to_owned(),
                    role,
                    name: wanted.to_owned(),
                    headers: self.headers.to_vec(),
                }),
            };
        }
        match aliases.iter().find_map(|alias| self.position(alias)) {
            Some(index) => self.only(role, index).map(Some),
            None => Ok(None),
        }
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// `first`, the first column with its name, when no later column has
    /// the same name.
    fn only(&self, role: &'static str, first: usize) -> Result<usize, FeedbackError> {
        let name = &self.names[first];
        match self.names[first + 1..].iter().position(|n| n == name) {
            None => Ok(first),
            Some(after) => Err(FeedbackError::DuplicateColumn {
                file: self.file.to_owned(),
                role,
                name: self.headers[first].clone(),
                first: first + 1,
                second: first + after + 2,
            }),
        }
    }
}

fn normalize(name: &str) -> String {
    name.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(headers: &[&str], options: &ReadOptions) -> Result<Columns, FeedbackError> {
        let headers = headers.iter().map(|h| (*h).to_owned()).collect();
        Columns::find("f.csv", headers, b',', options)
    }

    #[test]
    fn finds_aliases_whatever_the_case_and_spaces() {
        let columns = find(
            &[
                "ID",
                " Verbatim ",
                "Likelihood",
                "Segment",
                "Campaign",
                "CHANNEL",
                "Date",
            ],
            &ReadOptions::default(),
        )
        .expect("all columns present");
        assert_eq!(columns.text, 1);
        assert_eq!(columns.score, Some(2));
        assert_eq!(columns.persona, Some(3));
        assert_eq!(columns.touchpoint, Some(4));
        assert_eq!(columns.channel, Some(5));
        assert_eq!(columns.date, Some(6));
    }

    #[test]
    fn optional_columns_may_be_missing() {
        let columns = find(&["review"], &ReadOptions::default()).expect("text present");
        assert_eq!(columns.text, 0);
        assert_eq!(
            (columns.score, columns.persona, columns.touchpoint),
            (None, None, None)
        );
        assert_eq!((columns.channel, columns.date), (None, None));
    }

    #[test]
    fn earlier_aliases_win_over_earlier_columns() {
        let columns = find(
            &["feedback", "comment", "rating", "nps"],
            &ReadOptions::default(),
        )
        .expect("text present");
        assert_eq!(columns.text, 1);
        assert_eq!(columns.score, Some(3));
    }

    #[test]
    fn overrides_pick_columns_by_name() {
        let options = ReadOptions {
            text_column: Some("What could we do better?".into()),
            score_column: Some(" how LIKELY ".into()),
            ..ReadOptions::default()
        };
        let columns = find(
            &["comment", "How likely", "What could we do better?"],
            &options,
        )
        .expect("overrides exist");
        assert_eq!(columns.text, 2);
        assert_eq!(columns.score, Some(1));
    }

    #[test]
    fn an_unknown_override_lists_the_headers() {
        let options = ReadOptions {
            persona_column: Some("role".into()),
            ..ReadOptions::default()
        };
        let err = find(&["comment", "score"], &options).expect_err("no such column");
        assert_eq!(
            err.to_string(),
            "f.csv: the persona column \"role\" is not in the header, which has \"comment\", \"score\"; check the spelling"
        );
    }

    #[test]
    fn a_name_a_column_is_found_by_must_not_be_in_two_columns() {
        let err = find(
            &["id", "Comment", "score", "comment "],
            &ReadOptions::default(),
        )
        .expect_err("two comment columns");
        assert_eq!(
            err.to_string(),
            "f.csv: the text column \"Comment\" is in the header twice, as columns 2 and 4; rename one of them, or name another column with `--text-column NAME`"
        );
        let options = ReadOptions {
            score_column: Some("Q1".into()),
            ..ReadOptions::default()
        };
        let err = find(&["q1", "comment", "Q1"], &options).expect_err("two Q1 columns");
        assert!(matches!(
            err,
            FeedbackError::DuplicateColumn {
                role: "score",
                first: 1,
                second: 3,
                ..
            }
        ));
    }

    #[test]
    fn duplicates_no_column_is_found_by_are_allowed() {
        let headers = [
            "notes", "comment", "notes", "feedback", "rating", "nps", "nps",
        ];
        let options = ReadOptions {
            score_column: Some("rating".into()),
            ..ReadOptions::default()
        };
        let columns = find(&headers, &options).expect("no duplicate is used");
        assert_eq!((columns.text, columns.score), (1, Some(4)));
        let options = ReadOptions {
            text_column: Some("feedback".into()),
            ..ReadOptions::default()
        };
        let found = find(&["comment", "comment", "feedback"], &options).map(|c| c.text);
        assert_eq!(found.ok(), Some(2), "an override sets the alias aside");
    }

    #[test]
    fn a_missing_text_column_lists_the_headers() {
        let err = find(&["id", "nps"], &ReadOptions::default()).expect_err("no text column");
        assert!(
            matches!(err, FeedbackError::NoTextColumn { ref headers, .. } if headers == &["id", "nps"])
        );
        assert_eq!(
            err.to_string(),
            "f.csv: no text column among \"id\", \"nps\"; name the comment column `comment` or `feedback`, or name it with `--text-column NAME`"
        );
    }
}
