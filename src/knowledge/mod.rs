//! The knowledge base: what the bot knows, loaded from the TOML files of one folder.
//!
//! [`load_dir`] is the only function here that touches the file system; it reads the files and
//! hands their text to [`parse_files`], which parses, checks and builds the base without I/O,
//! so that tests and the hot reload of the Discord bot run exactly the same checks.

pub mod diagnostic;
pub mod schema;
pub mod validate;

pub use diagnostic::{Diagnostic, Location, Severity, SourceFile};

use crate::lang::{Lang, Localized};
use std::collections::HashMap;
use std::path::Path;

/// File names with a fixed role; every other `*.toml` file is a topic.
pub const CONTACTS_FILE: &str = "contacts.toml";
pub const SYNONYMS_FILE: &str = "synonyms.toml";
pub const SETTINGS_FILE: &str = "settings.toml";

/// A validated knowledge base. Every cross-reference has been resolved to an index.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    pub topics: Vec<Topic>,
    pub entries: Vec<Entry>,
    pub contacts: Vec<Contact>,
    /// Groups of interchangeable words or phrases, as written.
    pub synonyms: Vec<Vec<String>>,
    pub settings: Settings,
    entry_ids: HashMap<String, usize>,
    topic_ids: HashMap<String, usize>,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub title: Localized<String>,
    pub description: Localized<String>,
    /// Indexes into [`KnowledgeBase::entries`], in file order.
    pub entries: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    /// Index into [`KnowledgeBase::topics`].
    pub topic: usize,
    pub questions: Localized<Vec<Phrasing>>,
    pub keywords: Vec<String>,
    pub answer: Localized<String>,
    /// Indexes into [`KnowledgeBase::contacts`].
    pub contacts: Vec<usize>,
    /// Indexes into [`KnowledgeBase::entries`].
    pub see_also: Vec<usize>,
    pub sources: Vec<Localized<String>>,
    /// The date the answer was last checked, as `YYYY-MM-DD`.
    pub updated: String,
    pub location: Location,
}

impl Entry {
    /// The entry's title in lists, suggestions and answer cards: its first question written as
    /// a full sentence (a capital letter, a question mark), else its first question. Phrasings
    /// such as "saoneor" or "terrain dispo ?" match well but read badly as a title.
    pub fn title(&self, lang: Lang) -> &str {
        let questions = self.questions.get(lang);
        let sentence = questions.iter().find(|q| {
            q.text.trim_end().ends_with('?')
                && q.text.chars().next().is_some_and(char::is_uppercase)
        });
        sentence
            .or(questions.first())
            .map_or(self.id.as_str(), |q| q.text.as_str())
    }
}

/// One way of asking an entry's question, and where it is written.
#[derive(Debug, Clone)]
pub struct Phrasing {
    pub text: String,
    pub at: Location,
}

#[derive(Debug, Clone)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub role: Option<Localized<String>>,
    pub url: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// The language of replies when a question's language cannot be told.
    pub default_language: Lang,
    /// Index into [`KnowledgeBase::contacts`] of the contact offered when the bot does not know.
    pub fallback_contact: Option<usize>,
    pub matching: MatchingSettings,
}

/// Thresholds of the three answer bands; see `knowledge/README.md`.
#[derive(Debug, Clone)]
pub struct MatchingSettings {
    pub confident: f64,
    pub unsure: f64,
    pub margin: f64,
    pub max_suggestions: usize,
    pub off_topic_words: Vec<String>,
    /// Places the base does not cover (nearby towns, other cities): a short question naming one
    /// is about that place, even typed in lowercase ("terrain dispo à beaune").
    pub other_places: Vec<String>,
}

impl Default for MatchingSettings {
    fn default() -> Self {
        MatchingSettings {
            confident: 0.60,
            unsure: 0.30,
            margin: 0.02,
            max_suggestions: 3,
            off_topic_words: Vec::new(),
            other_places: Vec::new(),
        }
    }
}

impl KnowledgeBase {
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entry_ids.get(id).map(|&i| &self.entries[i])
    }

    pub fn entry_index(&self, id: &str) -> Option<usize> {
        self.entry_ids.get(id).copied()
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topic_ids.get(id).map(|&i| &self.topics[i])
    }

    pub fn fallback_contact(&self) -> Option<&Contact> {
        self.settings.fallback_contact.map(|i| &self.contacts[i])
    }

    /// Finds a topic by id or by its title in either language, ignoring case and accents.
    pub fn find_topic(&self, name: &str) -> Option<&Topic> {
        let wanted = crate::matcher::normalize::comparable(name);
        self.topic(name.trim()).or_else(|| {
            self.topics.iter().find(|topic| {
                crate::matcher::normalize::comparable(&topic.id) == wanted
                    || Lang::ALL.iter().any(|&l| {
                        crate::matcher::normalize::comparable(topic.title.get(l)) == wanted
                    })
            })
        })
    }

    pub(crate) fn from_parts(
        topics: Vec<Topic>,
        entries: Vec<Entry>,
        contacts: Vec<Contact>,
        synonyms: Vec<Vec<String>>,
        settings: Settings,
    ) -> Self {
        let entry_ids = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let topic_ids = topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        KnowledgeBase {
            topics,
            entries,
            contacts,
            synonyms,
            settings,
            entry_ids,
            topic_ids,
        }
    }
}

/// Reads every knowledge file of `dir` and checks them.
///
/// The base comes back only when there is no error; the diagnostics list every problem of
/// every file, errors and warnings, in file order.
pub fn load_dir(dir: &Path) -> (Option<KnowledgeBase>, Vec<Diagnostic>) {
    match read_dir(dir) {
        Ok(files) => parse_files(dir, &files),
        Err(diagnostic) => (None, vec![diagnostic]),
    }
}

/// Reads the `*.toml` files of `dir`, sorted by name, skipping names that start with `_` or `.`.
pub fn read_dir(dir: &Path) -> Result<Vec<SourceFile>, Diagnostic> {
    let listing = std::fs::read_dir(dir).map_err(|err| {
        let what = match err.kind() {
            std::io::ErrorKind::NotFound => "no such folder".to_string(),
            std::io::ErrorKind::NotADirectory => "not a folder".to_string(),
            _ => format!("cannot read this folder: {err}"),
        };
        Diagnostic::file_error(dir, what).hint(
            "give the knowledge folder with --knowledge DIR or TERRITORY_BOT_KNOWLEDGE, e.g. --knowledge knowledge",
        )
    })?;
    let mut paths = Vec::new();
    for item in listing {
        let item = item.map_err(|err| {
            Diagnostic::file_error(dir, format!("cannot list this folder: {err}"))
        })?;
        let path = item.path();
        let name = item.file_name().to_string_lossy().into_owned();
        if name.starts_with('_')
            || name.starts_with('.')
            || !name.ends_with(".toml")
            || !path.is_file()
        {
            continue;
        }
        paths.push(path);
    }
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|err| {
            Diagnostic::file_error(&path, format!("cannot read this file: {err}"))
        })?;
        let text = String::from_utf8(bytes).map_err(|err| {
            Diagnostic::file_error(
                &path,
                format!(
                    "not valid UTF-8 text (byte {})",
                    err.utf8_error().valid_up_to()
                ),
            )
            .hint("save the file as UTF-8")
        })?;
        files.push(SourceFile::new(path, text));
    }
    Ok(files)
}

/// Parses and checks the knowledge files of folder `dir`, already read into memory.
pub fn parse_files(dir: &Path, files: &[SourceFile]) -> (Option<KnowledgeBase>, Vec<Diagnostic>) {
    validate::build(dir, files)
}
