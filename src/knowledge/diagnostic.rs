//! Problems found in knowledge files, worded for the person who edits them.
//!
//! Every diagnostic says where (`file:line:column`), which entry, what is wrong and how to fix it,
//! because the editors are not programmers and a bare "invalid type" would leave them stuck.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a knowledge file; `line` and `column` count from 1, columns in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: Arc<Path>,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file concerned; `line`/`column` are 0 when the problem is the file (or folder) itself.
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The id of the entry (or contact, or topic) concerned, when there is one.
    pub entry: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(at: &Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, at, message)
    }

    pub fn warning(at: &Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, at, message)
    }

    fn new(severity: Severity, at: &Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: at.file.to_path_buf(),
            line: at.line,
            column: at.column,
            entry: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A problem with a whole file or folder, which has no line to point at.
    pub fn file_error(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            line: 0,
            column: 0,
            entry: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn in_entry(mut self, id: impl Into<String>) -> Self {
        self.entry = Some(id.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}: {}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        f.write_str(": ")?;
        if let Some(entry) = &self.entry {
            write!(f, "entry {entry:?}: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// The text of one knowledge file, with what it takes to turn byte offsets into line:column.
pub struct SourceFile {
    pub path: Arc<Path>,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: impl AsRef<Path>, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path: Arc::from(path.as_ref()),
            text,
            line_starts,
        }
    }

    /// The location of byte `offset` (clamped to the text).
    pub fn location(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        // In a CRLF file, a position on the line break points at the '\n'; the '\r' before it
        // is part of the break, not a column.
        if self.text.as_bytes().get(offset) == Some(&b'\n')
            && offset > 0
            && self.text.as_bytes()[offset - 1] == b'\r'
        {
            offset -= 1;
        }
        let line_index = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.line_starts[line_index];
        let column = self.text[line_start..]
            .char_indices()
            .take_while(|(i, _)| line_start + i < offset)
            .count()
            + 1;
        Location {
            file: self.path.clone(),
            line: line_index + 1,
            column,
        }
    }

    /// The id of the `[[table_name]]` block that contains `offset`, read from its `id = "…"` line.
    ///
    /// Used when the TOML does not deserialize, so the typed data (and its spans) is not there
    /// to tell which entry the error is in.
    pub fn block_id_at(&self, table_name: &str, offset: usize) -> Option<String> {
        let header = format!("[[{table_name}]]");
        let mut current: Option<usize> = None;
        for (line_index, &start) in self.line_starts.iter().enumerate() {
            if start > offset {
                break;
            }
            let line = self.line_text(line_index).trim();
            let compact = line.replace(' ', "");
            // `[entry.questions]` is a sub-table of the current entry, not a new block.
            let sub_table = compact.starts_with(&format!("[{table_name}."));
            if compact.starts_with('[') && !sub_table {
                current = (compact == header).then_some(line_index);
            }
        }
        let first = current?;
        for line_index in first + 1..self.line_starts.len() {
            let line = self.line_text(line_index).trim();
            if line.starts_with('[') {
                break;
            }
            if let Some(rest) = line.strip_prefix("id") {
                let rest = rest.trim_start();
                if let Some(value) = rest.strip_prefix('=') {
                    let value = value.trim();
                    let value = value.split('#').next().unwrap_or("").trim();
                    let id = value.trim_matches(|c| c == '"' || c == '\'');
                    if !id.is_empty() {
                        return Some(id.to_string());
                    }
                }
            }
        }
        None
    }

    fn line_text(&self, line_index: usize) -> &str {
        let start = self.line_starts[line_index];
        let end = self
            .line_starts
            .get(line_index + 1)
            .map_or(self.text.len(), |&next| next - 1);
        &self.text[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let file = SourceFile::new("k/a.toml", "ab\nçé = 1\n\nx".to_string());
        let at = file.location(0);
        assert_eq!((at.line, at.column), (1, 1));
        // "çé" are two bytes each: the '=' is at byte 3 + 5 = 8 but column 4.
        let equals = file.text.find('=').unwrap();
        let at = file.location(equals);
        assert_eq!((at.line, at.column), (2, 4));
        let at = file.location(file.text.len());
        assert_eq!((at.line, at.column), (4, 2));
    }

    #[test]
    fn block_id_is_read_from_the_enclosing_table() {
        let text = "[topic]\nid = \"t\"\n\n[[entry]]\nid = \"first\"\n\n[[entry]]\nid = 'second' # c\nbad = 1\n";
        let file = SourceFile::new("k/a.toml", text.to_string());
        assert_eq!(
            file.block_id_at("entry", text.find("bad").unwrap())
                .as_deref(),
            Some("second")
        );
        assert_eq!(
            file.block_id_at("entry", text.find("first").unwrap())
                .as_deref(),
            Some("first")
        );
        assert_eq!(file.block_id_at("entry", 3), None);
        let nested = "[[entry]]\nid = \"outer\"\n[entry.questions]\nfr = []\ntypo = 1\n";
        let file = SourceFile::new("k/b.toml", nested.to_string());
        assert_eq!(
            file.block_id_at("entry", nested.find("typo").unwrap())
                .as_deref(),
            Some("outer")
        );
    }

    #[test]
    fn display_names_file_line_column_entry_and_fix() {
        let at = Location {
            file: Arc::from(Path::new("knowledge/labels.toml")),
            line: 12,
            column: 5,
        };
        let d = Diagnostic::error(&at, "answer.en is empty")
            .in_entry("x")
            .hint("write the answer");
        assert_eq!(
            d.to_string(),
            "error: knowledge/labels.toml:12:5: entry \"x\": answer.en is empty (write the answer)"
        );
    }
}
