//! Measures the matcher on labelled questions: is the right entry answered, and is an
//! out-of-scope question refused?
//!
//! The file format is one case per line, `EXPECTED<TAB>QUESTION`, where EXPECTED is an entry id
//! or `none`; `#` starts a comment line. Parsing and scoring are pure; the CLI prints.

use crate::Engine;
use crate::conversation::Conversation;
use crate::matcher::Band;
use serde::Serialize;
use std::fmt;
use std::time::Instant;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub line: usize,
    /// The entry that should answer, or `None` for a question the bot must refuse.
    pub expected: Option<String>,
    pub question: String,
    /// The first question of its file, or the first after a comment line ("# conversation
    /// 12"): in a conversation, it follows nothing.
    pub starts_conversation: bool,
}

/// Reads cases from the text of an eval file; every malformed line is reported, with its number.
pub fn parse_cases(text: &str) -> Result<Vec<Case>, Vec<String>> {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    // A byte-order mark, as some editors save TSV files, is not part of the first id.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut after_comment = true;
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let trimmed = line.trim();
        if trimmed.starts_with('#') {
            after_comment = true;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        match line.split_once('\t') {
            Some((expected, question)) if !expected.trim().is_empty() && !question.trim().is_empty() => {
                let expected = expected.trim();
                cases.push(Case {
                    line: line_number,
                    expected: (expected != "none").then(|| expected.to_string()),
                    question: question.trim().to_string(),
                    starts_conversation: std::mem::take(&mut after_comment),
                });
            }
            _ => errors.push(format!(
                "line {line_number}: expected `ENTRY-ID<TAB>question` or `none<TAB>question`, found {trimmed:?}"
            )),
        }
    }
    if errors.is_empty() && cases.is_empty() {
        errors.push("no case: the file has no `ENTRY-ID<TAB>question` line".to_string());
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors)
    }
}

/// A question the bot got wrong.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub line: usize,
    pub question: String,
    pub expected: Option<String>,
    /// The entry answered (confident band) or, failing that, the best candidate.
    pub got: Option<String>,
    pub band: &'static str,
    pub score: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub in_scope: usize,
    pub in_scope_correct: usize,
    pub out_of_scope: usize,
    pub out_of_scope_rejected: usize,
    /// In-scope questions that got a "did you mean" containing the right entry.
    pub in_scope_suggested: usize,
    pub misses: Vec<Miss>,
}

impl Report {
    /// Share of in-scope questions answered with the expected entry (1 when there are none).
    pub fn accuracy(&self) -> f64 {
        ratio(self.in_scope_correct, self.in_scope)
    }

    /// Share of out-of-scope questions not answered with any entry (1 when there are none).
    pub fn rejection(&self) -> f64 {
        ratio(self.out_of_scope_rejected, self.out_of_scope)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Checks that every expected id names an entry of the engine's base.
pub fn unknown_ids(engine: &Engine, cases: &[Case]) -> Vec<String> {
    cases
        .iter()
        .filter_map(|case| {
            let id = case.expected.as_deref()?;
            engine.base().entry(id).is_none().then(|| {
                format!(
                    "line {}: {id:?} is no entry id of the knowledge base",
                    case.line
                )
            })
        })
        .collect()
}

/// How the questions of an evaluation are put to the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Each question alone, as a first message.
    Alone,
    /// One after the other in one conversation, which starts afresh with each file and after
    /// each comment line: a question may be read as a follow-up of the one answered before
    /// it. Measures what follow-ups win, and what they cost the questions that do not follow
    /// anything.
    Conversation,
}

pub fn run(engine: &Engine, cases: &[Case], reading: Reading) -> Report {
    let mut report = Report::default();
    let mut conversation = Conversation::default();
    // One instant for the whole run: every question comes right after the one before.
    let now = Instant::now();
    for case in cases {
        if case.starts_conversation {
            conversation = Conversation::default();
        }
        let reply = match reading {
            Reading::Alone => engine.ask(&case.question, None),
            Reading::Conversation => engine.ask_in(&mut conversation, &case.question, None, now),
        };
        let base = engine.base();
        let answered = reply.entry.map(|i| base.entries[i].id.clone());
        let correct = answered == case.expected;
        match &case.expected {
            Some(expected) => {
                report.in_scope += 1;
                if correct {
                    report.in_scope_correct += 1;
                } else if reply
                    .suggestions
                    .iter()
                    .any(|&i| base.entries[i].id == *expected)
                {
                    report.in_scope_suggested += 1;
                }
            }
            None => {
                report.out_of_scope += 1;
                if correct {
                    report.out_of_scope_rejected += 1;
                }
            }
        }
        if !correct {
            report.misses.push(Miss {
                line: case.line,
                question: case.question.clone(),
                expected: case.expected.clone(),
                got: answered.or_else(|| reply.best.map(|i| base.entries[i].id.clone())),
                band: reply.band.name(),
                score: reply.score,
            });
        }
    }
    report
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "in scope: {}/{} answered with the expected entry ({:.1}%), {} more offered it as a suggestion",
            self.in_scope_correct,
            self.in_scope,
            100.0 * self.accuracy(),
            self.in_scope_suggested
        )?;
        writeln!(
            f,
            "out of scope: {}/{} rejected ({:.1}%)",
            self.out_of_scope_rejected,
            self.out_of_scope,
            100.0 * self.rejection()
        )?;
        if !self.misses.is_empty() {
            writeln!(f, "misses:")?;
        }
        for miss in &self.misses {
            let band = if miss.band == Band::Confident.name() {
                "answered"
            } else {
                miss.band
            };
            writeln!(
                f,
                "  line {}: expected {}, got {} ({band}, {:.2}): {:?}",
                miss.line,
                miss.expected.as_deref().unwrap_or("none"),
                miss.got.as_deref().unwrap_or("nothing"),
                miss.score,
                miss.question
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cases_comments_and_reports_bad_lines() {
        let cases =
            parse_cases("\u{feff}# header\n\nsaoneor\tterrain dispo ?\nnone\tweather tomorrow\n")
                .unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].expected.as_deref(), Some("saoneor"));
        assert_eq!(cases[0].line, 3);
        assert_eq!(cases[1].expected, None);
        assert!(cases[0].starts_conversation && !cases[1].starts_conversation);
        let cases = parse_cases("a\tone\n# conversation 2\nb\ttwo\nc\tthree\n").unwrap();
        let starts: Vec<bool> = cases.iter().map(|c| c.starts_conversation).collect();
        assert_eq!(starts, [true, true, false]);
        let errors = parse_cases("ok\tfine\nno tab here\nx\t \n").unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(errors[0].starts_with("line 2:"), "{errors:?}");
        assert!(parse_cases("# only a comment\n").is_err());
    }
}
