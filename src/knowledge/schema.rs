//! The knowledge files exactly as editors write them, before any semantic check.
//!
//! `deny_unknown_fields` everywhere: a misspelt key must be an error, not a silently ignored
//! line. Values that a later check may need to point at are `Spanned`, so that check can say
//! on which line and column the problem is.

use crate::lang::{Lang, Localized};
use serde::Deserialize;
use toml::Spanned;

/// A topic file: one `[topic]` and its `[[entry]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicFile {
    pub topic: Spanned<TopicHeader>,
    #[serde(default)]
    pub entry: Vec<Spanned<EntryDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicHeader {
    pub id: Spanned<String>,
    pub title: Spanned<Localized<String>>,
    pub description: Option<Localized<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryDef {
    pub id: Spanned<String>,
    pub questions: Spanned<Localized<Spanned<Vec<Spanned<String>>>>>,
    #[serde(default)]
    pub keywords: Vec<Spanned<String>>,
    pub answer: Spanned<Localized<Spanned<String>>>,
    #[serde(default)]
    pub contacts: Vec<Spanned<String>>,
    #[serde(default)]
    pub see_also: Vec<Spanned<String>>,
    pub sources: Spanned<Vec<SourceDef>>,
    pub updated: Spanned<toml::value::Datetime>,
}

/// Where an answer's facts come from: one text for both languages (a web address, a title),
/// or a description in each ("Article de presse…" / "Press article…").
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum SourceDef {
    Same(String),
    PerLanguage(Localized<String>),
}

impl SourceDef {
    pub fn localized(self) -> Localized<String> {
        match self {
            SourceDef::Same(text) => Localized {
                fr: text.clone(),
                en: text,
            },
            SourceDef::PerLanguage(texts) => texts,
        }
    }
}

/// `contacts.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactsFile {
    #[serde(default)]
    pub contact: Vec<Spanned<ContactDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactDef {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub role: Option<Localized<String>>,
    pub url: Option<Spanned<String>>,
    pub email: Option<Spanned<String>>,
    pub phone: Option<Spanned<String>>,
}

/// `synonyms.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymsFile {
    #[serde(default)]
    pub synonyms: Vec<Spanned<SynonymGroupDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymGroupDef {
    pub words: Vec<Spanned<String>>,
}

/// `settings.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsFile {
    pub default_language: Option<Lang>,
    pub fallback_contact: Option<Spanned<String>>,
    #[serde(default)]
    pub matching: MatchingDef,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchingDef {
    pub confident: Option<Spanned<f64>>,
    pub unsure: Option<Spanned<f64>>,
    pub margin: Option<Spanned<f64>>,
    pub max_suggestions: Option<Spanned<i64>>,
    #[serde(default)]
    pub off_topic_words: Vec<Spanned<String>>,
    #[serde(default)]
    pub other_places: Vec<Spanned<String>>,
}
