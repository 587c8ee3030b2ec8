//! What investors asked that the bot could not answer well, and what they thought of its
//! answers: the editors' to-do list for the knowledge base.
//!
//! SQLite in WAL mode, so a crash mid-write never corrupts what was logged. User ids are stored
//! only when the operator opts in; old rows are purged after the retention period.

use crate::matcher::normalize::comparable;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub struct QuestionLog {
    connection: Mutex<Connection>,
    store_user_ids: bool,
}

/// A question the bot did not answer confidently.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedQuestion<'a> {
    pub question: &'a str,
    pub lang: &'a str,
    /// "unsure" or "no match".
    pub band: &'a str,
    /// The best candidate, if any.
    pub best_entry: Option<&'a str>,
    pub score: f64,
    pub user_id: Option<u64>,
}

/// The most frequent unanswered questions and the feedback per entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// (question as first asked, times asked, last asked in Unix seconds), most frequent first.
    pub unanswered: Vec<(String, u64, i64)>,
    /// (entry id, 👍 count, 👎 count), most 👎 first.
    pub feedback: Vec<(String, u64, u64)>,
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl QuestionLog {
    /// Opens (or creates) the log at `path`.
    pub fn open(path: &Path, store_user_ids: bool) -> rusqlite::Result<QuestionLog> {
        Self::with_connection(Connection::open(path)?, store_user_ids)
    }

    /// Opens an existing log read-only, for reports: reading never changes the file.
    pub fn open_existing(path: &Path) -> rusqlite::Result<QuestionLog> {
        let connection =
            Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        connection.busy_timeout(Duration::from_secs(5))?;
        Ok(QuestionLog {
            connection: Mutex::new(connection),
            store_user_ids: false,
        })
    }

    fn with_connection(
        connection: Connection,
        store_user_ids: bool,
    ) -> rusqlite::Result<QuestionLog> {
        // First, so that several bot processes opening one log wait for each other.
        connection.busy_timeout(Duration::from_secs(5))?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        connection.execute_batch(
            "CREATE TABLE IF NOT EXISTS questions (
                 id INTEGER PRIMARY KEY,
                 asked_at INTEGER NOT NULL,
                 question TEXT NOT NULL,
                 normalized TEXT NOT NULL,
                 lang TEXT NOT NULL,
                 band TEXT NOT NULL,
                 best_entry TEXT,
                 score REAL NOT NULL,
                 user_id INTEGER
             );
             CREATE INDEX IF NOT EXISTS questions_normalized ON questions (normalized);
             CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at);
             CREATE TABLE IF NOT EXISTS feedback (
                 id INTEGER PRIMARY KEY,
                 given_at INTEGER NOT NULL,
                 entry_id TEXT NOT NULL,
                 helpful INTEGER NOT NULL,
                 user_id INTEGER
             );
             CREATE INDEX IF NOT EXISTS feedback_given_at ON feedback (given_at);",
        )?;
        Ok(QuestionLog {
            connection: Mutex::new(connection),
            store_user_ids,
        })
    }

    fn connection(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves the connection itself intact.
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn user(&self, user_id: Option<u64>) -> Option<i64> {
        user_id.filter(|_| self.store_user_ids).map(|id| id as i64)
    }

    pub fn record_question(&self, entry: &LoggedQuestion<'_>) -> rusqlite::Result<()> {
        self.record_question_at(entry, now())
    }

    pub fn record_question_at(
        &self,
        entry: &LoggedQuestion<'_>,
        asked_at: i64,
    ) -> rusqlite::Result<()> {
        self.connection().execute(
            "INSERT INTO questions (asked_at, question, normalized, lang, band, best_entry, score, user_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                asked_at,
                entry.question,
                comparable(entry.question),
                entry.lang,
                entry.band,
                entry.best_entry,
                entry.score,
                self.user(entry.user_id)
            ],
        )?;
        Ok(())
    }

    /// Records a 👍 (`helpful`) or 👎 on an entry's answer.
    pub fn record_feedback(
        &self,
        entry_id: &str,
        helpful: bool,
        user_id: Option<u64>,
    ) -> rusqlite::Result<()> {
        self.record_feedback_at(entry_id, helpful, user_id, now())
    }

    pub fn record_feedback_at(
        &self,
        entry_id: &str,
        helpful: bool,
        user_id: Option<u64>,
        given_at: i64,
    ) -> rusqlite::Result<()> {
        self.connection().execute(
            "INSERT INTO feedback (given_at, entry_id, helpful, user_id) VALUES (?1, ?2, ?3, ?4)",
            params![given_at, entry_id, helpful, self.user(user_id)],
        )?;
        Ok(())
    }

    /// Deletes the rows older than `retention` before `now`; returns how many went.
    pub fn purge(&self, retention: Duration, now: i64) -> rusqlite::Result<usize> {
        let cutoff = now - retention.as_secs() as i64;
        let connection = self.connection();
        let questions =
            connection.execute("DELETE FROM questions WHERE asked_at < ?1", [cutoff])?;
        let feedback = connection.execute("DELETE FROM feedback WHERE given_at < ?1", [cutoff])?;
        Ok(questions + feedback)
    }

    /// The `limit` most frequent unanswered questions (variants that differ only in case,
    /// accents or punctuation count as one) and the feedback of every entry.
    pub fn report(&self, limit: usize) -> rusqlite::Result<Report> {
        let connection = self.connection();
        let mut statement = connection.prepare(
            "SELECT MIN(question), COUNT(*), MAX(asked_at) FROM questions
             WHERE normalized != ''
             GROUP BY normalized ORDER BY COUNT(*) DESC, MAX(asked_at) DESC, normalized LIMIT ?1",
        )?;
        let unanswered = statement
            .query_map([limit as i64], |row| {
                Ok((row.get(0)?, row.get::<_, i64>(1)? as u64, row.get(2)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut statement = connection.prepare(
            "SELECT entry_id, SUM(helpful), SUM(1 - helpful) FROM feedback
             GROUP BY entry_id ORDER BY SUM(1 - helpful) DESC, entry_id",
        )?;
        let feedback = statement
            .query_map([], |row| {
                Ok((
                    row.get(0)?,
                    row.get::<_, i64>(1)? as u64,
                    row.get::<_, i64>(2)? as u64,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Report {
            unanswered,
            feedback,
        })
    }

    /// How many user ids the log holds (for checking the privacy setting).
    pub fn stored_user_ids(&self) -> rusqlite::Result<u64> {
        let count: Option<i64> = self
            .connection()
            .query_row(
                "SELECT (SELECT COUNT(user_id) FROM questions) + (SELECT COUNT(user_id) FROM feedback)",
                [],
                |row| row.get(0),
            )
            .optional()?;
        Ok(count.unwrap_or(0) as u64)
    }
}

impl Report {
    /// The report as an admin reads it.
    pub fn text(&self) -> String {
        let mut text = String::from("Most frequent unanswered questions:");
        if self.unanswered.is_empty() {
            text.push_str("\n  (none)");
        }
        for (question, count, _) in &self.unanswered {
            text.push_str(&format!("\n  {count:>4} × {question}"));
        }
        text.push_str("\nFeedback per entry (👍 / 👎):");
        if self.feedback.is_empty() {
            text.push_str("\n  (none)");
        }
        for (entry, up, down) in &self.feedback {
            text.push_str(&format!("\n  {entry}: {up} / {down}"));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(text: &str, user_id: Option<u64>) -> LoggedQuestion<'_> {
        LoggedQuestion {
            question: text,
            lang: "fr",
            band: "no match",
            best_entry: None,
            score: 0.1,
            user_id,
        }
    }

    #[test]
    fn unanswered_questions_are_grouped_and_counted() {
        let dir = tempfile::tempdir().unwrap();
        let log = QuestionLog::open(&dir.path().join("log.sqlite"), false).unwrap();
        log.record_question_at(&question("Prix du terrain ?", None), 10)
            .unwrap();
        log.record_question_at(&question("prix du TERRAIN", None), 20)
            .unwrap();
        log.record_question_at(&question("météo", None), 30)
            .unwrap();
        log.record_feedback_at("saoneor", true, None, 40).unwrap();
        log.record_feedback_at("saoneor", false, None, 41).unwrap();
        log.record_feedback_at("contact", true, None, 42).unwrap();
        let report = log.report(10).unwrap();
        assert_eq!(report.unanswered[0].1, 2);
        assert_eq!(comparable(&report.unanswered[0].0), "prix du terrain");
        assert_eq!(report.unanswered[1], ("météo".to_string(), 1, 30));
        assert_eq!(
            report.feedback,
            [("saoneor".to_string(), 1, 1), ("contact".to_string(), 1, 0)]
        );
        assert!(report.text().contains("2 × "));
    }

    #[test]
    fn user_ids_are_kept_only_when_enabled() {
        let dir = tempfile::tempdir().unwrap();
        let private = QuestionLog::open(&dir.path().join("private.sqlite"), false).unwrap();
        private.record_question(&question("a", Some(42))).unwrap();
        private.record_feedback("x", true, Some(42)).unwrap();
        assert_eq!(private.stored_user_ids().unwrap(), 0);
        let opted_in = QuestionLog::open(&dir.path().join("opted.sqlite"), true).unwrap();
        opted_in.record_question(&question("a", Some(42))).unwrap();
        opted_in.record_feedback("x", true, Some(42)).unwrap();
        assert_eq!(opted_in.stored_user_ids().unwrap(), 2);
    }

    #[test]
    fn old_rows_are_purged_and_the_log_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.sqlite");
        {
            let log = QuestionLog::open(&path, false).unwrap();
            log.record_question_at(&question("old", None), 1_000)
                .unwrap();
            log.record_question_at(&question("new", None), 100_000)
                .unwrap();
            log.record_feedback_at("x", false, None, 1_000).unwrap();
            assert_eq!(log.purge(Duration::from_secs(50_000), 100_000).unwrap(), 2);
        }
        let reopened = QuestionLog::open_existing(&path).unwrap();
        let report = reopened.report(10).unwrap();
        assert_eq!(report.unanswered, [("new".to_string(), 1, 100_000)]);
        assert!(report.feedback.is_empty());
        assert!(QuestionLog::open_existing(&dir.path().join("missing.sqlite")).is_err());
        // Reading a report changes nothing: a file that is not a log stays as it was.
        let empty = dir.path().join("empty.sqlite");
        std::fs::write(&empty, b"").unwrap();
        assert!(
            QuestionLog::open_existing(&empty)
                .and_then(|log| log.report(1))
                .is_err()
        );
        assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
    }
}
