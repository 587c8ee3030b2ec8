//! The semantic pass over parsed knowledge files, and the collision check over the built index.
//!
//! Parsing only proves that each file has the right shape. This pass checks what makes a base
//! usable: unique ids, references that resolve, no empty answers, no question claimed by two
//! entries. It reports every problem at once, so an editor fixes a file in one round.

use super::schema::{ContactsFile, EntryDef, SettingsFile, SynonymsFile, TopicFile};
use super::{
    CONTACTS_FILE, Contact, Diagnostic, Entry, KnowledgeBase, Location, MatchingSettings, Phrasing,
    SETTINGS_FILE, SYNONYMS_FILE, Settings, SourceFile, Topic,
};
use crate::lang::{Lang, Localized};
use crate::matcher::normalize::{self, comparable};
use crate::matcher::stopwords;
use crate::matcher::{Band, Index};
use serde::de::DeserializeOwned;
use serde::de::IntoDeserializer;
use std::collections::HashMap;
use toml::Spanned;
use toml::de::{DeArray, DeValue};

/// Parses every file, checks the whole base and builds it when there is no error.
pub fn build(
    dir: &std::path::Path,
    files: &[SourceFile],
) -> (Option<KnowledgeBase>, Vec<Diagnostic>) {
    let mut checker = Checker::default();
    let mut topic_files = Vec::new();
    let mut contacts_file = None;
    let mut synonyms_file = None;
    let mut settings_file = None;
    for file in files {
        let name = file.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        match name {
            CONTACTS_FILE => {
                contacts_file = checker
                    .parse::<ContactsFile>(file, "contact")
                    .map(|c| (file, c))
            }
            SYNONYMS_FILE => {
                synonyms_file = checker
                    .parse::<SynonymsFile>(file, "synonyms")
                    .map(|s| (file, s))
            }
            SETTINGS_FILE => {
                settings_file = checker
                    .parse::<SettingsFile>(file, "matching")
                    .map(|s| (file, s))
            }
            _ => {
                if let Some(topic) = checker.parse::<TopicFile>(file, "entry") {
                    topic_files.push((file, topic));
                }
                checker.saw_topic_file = true;
            }
        }
    }
    if !checker.saw_topic_file {
        checker.out.push(
            Diagnostic::file_error(dir, "no topic file: the knowledge base has no questions")
                .hint("add a file such as labels.toml with a [topic] table and [[entry]] tables; see knowledge/README.md"),
        );
    }

    let contacts = contacts_file
        .map(|(file, c)| checker.contacts(file, c))
        .unwrap_or_default();
    let contact_ids: HashMap<&str, usize> = contacts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let synonyms = synonyms_file
        .map(|(file, s)| checker.synonyms(file, s))
        .unwrap_or_default();
    let settings = match settings_file {
        Some((file, s)) => checker.settings(file, s, &contact_ids),
        None => Settings {
            default_language: Lang::Fr,
            fallback_contact: None,
            matching: MatchingSettings::default(),
        },
    };
    let (topics, entries) = checker.topics(topic_files, &contact_ids);

    let mut diagnostics = checker.out;
    diagnostics.sort_by_key(|d| (d.file.clone(), d.line, d.column));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return (None, diagnostics);
    }
    let base = KnowledgeBase::from_parts(topics, entries, contacts, synonyms, settings);
    (Some(base), diagnostics)
}

/// Warns about every phrasing that the matcher does not answer confidently with its own entry.
pub fn collisions(base: &KnowledgeBase, index: &Index) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (entry_index, entry) in base.entries.iter().enumerate() {
        for lang in Lang::ALL {
            for phrasing in entry.questions.get(lang) {
                let found = index.find(&phrasing.text);
                let top = found.candidates.first();
                let own = found.candidates.iter().find(|c| c.entry == entry_index);
                let message = match (found.band, top) {
                    (Band::Confident, Some(top)) if top.entry == entry_index => continue,
                    (_, Some(top)) if top.entry != entry_index => format!(
                        "question {:?} is matched to entry {:?} (score {:.2}) rather than to this one (score {:.2})",
                        phrasing.text,
                        base.entries[top.entry].id,
                        top.score,
                        own.map_or(0.0, |c| c.score)
                    ),
                    _ => format!(
                        "question {:?} is not answered confidently (score {:.2}, band {})",
                        phrasing.text,
                        own.map_or(0.0, |c| c.score),
                        found.band.name()
                    ),
                };
                out.push(
                    Diagnostic::warning(&phrasing.at, message)
                        .in_entry(&entry.id)
                        .hint("reword it with words specific to this entry, or add a distinctive keyword"),
                );
            }
        }
    }
    out
}

/// Every schema error of a file that is valid TOML, in file order. Serde stops at a file's first
/// error, and an admin who fixes one entry should not discover the next one only on the next
/// check: so each `[[block]]` table is checked on its own, with the rest of the file, and the
/// rest once without any. `None` when the file is not valid TOML (a syntax error has one
/// position) or `block` is not an array of tables.
fn every_schema_error<T: DeserializeOwned>(
    text: &str,
    block: &str,
) -> Option<Vec<toml::de::Error>> {
    let document = toml::de::DeTable::parse(text).ok()?;
    let document_span = document.span();
    let mut rest = document.into_inner();
    // No such list: nothing to check one by one, serde's error is the only one.
    let key = rest.keys().find(|key| key.get_ref() == block)?.clone();
    let value = rest.remove(&key)?;
    let block_span = value.span();
    let DeValue::Array(items) = value.into_inner() else {
        return None;
    };
    let mut errors: Vec<toml::de::Error> = Vec::new();
    // With the rest of the file beside each table, an error in the rest (a misspelt `[topic]`
    // key) may come first and hide the table's own; the rest is also checked alone (the empty
    // list first), and errors are kept once each, so a table's error shows as soon as serde
    // reads the table before the rest — as it does, toml's keys being sorted ("entry" <
    // "topic").
    let alone = items.into_iter().map(|item| vec![item]);
    for items in std::iter::once(Vec::new()).chain(alone) {
        let mut document = rest.clone();
        let array: DeArray = items.into_iter().collect();
        document.insert(
            key.clone(),
            Spanned::new(block_span.clone(), DeValue::Array(array)),
        );
        let checked =
            T::deserialize(Spanned::new(document_span.clone(), document).into_deserializer());
        if let Err(err) = checked
            && !errors
                .iter()
                .any(|known| known.span() == err.span() && known.message() == err.message())
        {
            errors.push(err);
        }
    }
    errors.sort_by_key(|err| err.span().map_or(0, |span| span.start));
    Some(errors)
}

/// The longest id, so that it fits in a Discord button's custom id with its prefix.
pub const MAX_ID_CHARS: usize = 64;

#[derive(Default)]
struct Checker {
    out: Vec<Diagnostic>,
    saw_topic_file: bool,
}

impl Checker {
    fn parse<T: DeserializeOwned>(&mut self, file: &SourceFile, block: &str) -> Option<T> {
        match toml::from_str::<T>(&file.text) {
            Ok(value) => Some(value),
            Err(first) => {
                let errors = every_schema_error::<T>(&file.text, block)
                    .filter(|errors| !errors.is_empty())
                    .unwrap_or_else(|| vec![first]);
                for err in errors {
                    let offset = err.span().map_or(0, |span| span.start);
                    let (message, hint) = schema_error_text(err.message());
                    let mut diagnostic =
                        Diagnostic::error(&file.location(offset), &message).hint(hint);
                    if let Some(id) = file.block_id_at(block, offset) {
                        diagnostic = diagnostic.in_entry(id);
                    }
                    self.out.push(diagnostic);
                }
                None
            }
        }
    }

    fn at<T>(&self, file: &SourceFile, value: &Spanned<T>) -> Location {
        file.location(value.span().start)
    }

    /// Checks an id's spelling; ids end up in commands and buttons, so they stay simple.
    fn id_is_valid(
        &mut self,
        file: &SourceFile,
        id: &Spanned<String>,
        owner: Option<&str>,
    ) -> bool {
        let text = id.get_ref();
        let valid = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !text.starts_with('-')
            && !text.ends_with('-');
        // Ids travel in Discord button ids, which hold 100 characters.
        if valid && text.chars().count() > MAX_ID_CHARS {
            let mut diagnostic = Diagnostic::error(
                &self.at(file, id),
                format!("id {text:?} is {} characters long", text.chars().count()),
            )
            .hint(format!("keep ids to {MAX_ID_CHARS} characters at most"));
            if let Some(owner) = owner {
                diagnostic = diagnostic.in_entry(owner);
            }
            self.out.push(diagnostic);
            return false;
        }
        if !valid {
            let mut diagnostic =
                Diagnostic::error(&self.at(file, id), format!("id {text:?} is not a valid id"))
                    .hint(format!(
                        "use lowercase letters, digits and dashes only, e.g. {:?}",
                        slug(text).unwrap_or_else(|| "my-entry".into())
                    ));
            if let Some(owner) = owner {
                diagnostic = diagnostic.in_entry(owner);
            }
            self.out.push(diagnostic);
        }
        valid
    }

    fn contacts(&mut self, file: &SourceFile, parsed: ContactsFile) -> Vec<Contact> {
        let mut seen: HashMap<String, Location> = HashMap::new();
        let mut contacts = Vec::new();
        for contact in parsed.contact {
            let contact = contact.into_inner();
            let id = contact.id.get_ref().clone();
            let at = self.at(file, &contact.id);
            self.id_is_valid(file, &contact.id, None);
            if let Some(first) = seen.get(&id) {
                self.out.push(
                    Diagnostic::error(&at, "this contact id is already used")
                        .in_entry(&id)
                        .hint(format!(
                            "first defined at line {}; give each contact its own id",
                            first.line
                        )),
                );
                continue;
            }
            seen.insert(id.clone(), at.clone());
            if contact.name.get_ref().trim().is_empty() {
                self.out.push(
                    Diagnostic::error(&self.at(file, &contact.name), "name is empty")
                        .in_entry(&id)
                        .hint("give the name of the office or organisation"),
                );
            }
            if let Some(url) = &contact.url
                && !(url.get_ref().starts_with("https://") || url.get_ref().starts_with("http://"))
            {
                self.out.push(
                    Diagnostic::error(
                        &self.at(file, url),
                        format!("url {:?} is not a web address", url.get_ref()),
                    )
                    .in_entry(&id)
                    .hint("write it in full, starting with https://"),
                );
            }
            if contact.url.is_none() && contact.email.is_none() && contact.phone.is_none() {
                self.out.push(
                    Diagnostic::warning(&at, "this contact gives no way to reach it")
                        .in_entry(&id)
                        .hint("add its official website as url = \"https://…\""),
                );
            }
            contacts.push(Contact {
                id,
                name: contact.name.into_inner().trim().to_string(),
                role: contact.role,
                url: contact.url.map(|u| u.into_inner()),
                email: contact.email.map(|e| e.into_inner()),
                phone: contact.phone.map(|p| p.into_inner()),
            });
        }
        contacts
    }

    fn synonyms(&mut self, file: &SourceFile, parsed: SynonymsFile) -> Vec<Vec<String>> {
        let mut group_of_word: HashMap<String, usize> = HashMap::new();
        let mut groups = Vec::new();
        for (group_index, group) in parsed.synonyms.into_iter().enumerate() {
            let group_at = self.at(file, &group);
            let group = group.into_inner();
            let members: Vec<String> = group
                .words
                .iter()
                .map(|w| comparable(w.get_ref()))
                .collect();
            let mut words = Vec::new();
            for (word, key) in group.words.into_iter().zip(&members) {
                if key.is_empty() {
                    self.out.push(
                        Diagnostic::error(&self.at(file, &word), "empty word in a synonym group")
                            .hint("remove it, or write the word"),
                    );
                    continue;
                }
                match group_of_word.get(key) {
                    Some(&other) if other != group_index => self.out.push(
                        Diagnostic::error(
                            &self.at(file, &word),
                            format!("{:?} is already in synonym group {}", word.get_ref(), other + 1),
                        )
                        .hint("a word belongs to one group only: merge the two groups or remove it from one"),
                    ),
                    Some(_) => self.out.push(
                        Diagnostic::warning(&self.at(file, &word), format!("{:?} is listed twice", word.get_ref()))
                            .hint("remove the second one"),
                    ),
                    None => {
                        if let Some(warning) = reads_as_less(word.get_ref(), &members) {
                            self.out.push(Diagnostic::warning(&self.at(file, &word), warning).hint(
                                "write the words that carry the meaning, or remove it",
                            ));
                        }
                        group_of_word.insert(key.clone(), group_index);
                        words.push(word.into_inner().trim().to_string());
                    }
                }
            }
            if words.len() < 2 {
                self.out.push(
                    Diagnostic::warning(&group_at, "a synonym group needs at least two words")
                        .hint("add the words that mean the same, or remove the group"),
                );
            }
            groups.push(words);
        }
        groups
    }

    fn settings(
        &mut self,
        file: &SourceFile,
        parsed: SettingsFile,
        contact_ids: &HashMap<&str, usize>,
    ) -> Settings {
        let defaults = MatchingSettings::default();
        let mut fraction =
            |value: &Option<Spanned<f64>>, name: &str, max: f64, default: f64| match value {
                Some(v) if !(0.0..=max).contains(v.get_ref()) => {
                    self.out.push(
                        Diagnostic::error(
                            &file.location(v.span().start),
                            format!("matching.{name} is {}", v.get_ref()),
                        )
                        .hint(format!(
                            "use a number from 0 to {max}; the default is {default}"
                        )),
                    );
                    default
                }
                Some(v) => *v.get_ref(),
                None => default,
            };
        let m = &parsed.matching;
        let confident = fraction(&m.confident, "confident", 1.0, defaults.confident);
        let unsure = fraction(&m.unsure, "unsure", 1.0, defaults.unsure);
        let margin = fraction(&m.margin, "margin", 0.5, defaults.margin);
        if unsure > confident {
            let at = m
                .unsure
                .as_ref()
                .map_or(file.location(0), |v| file.location(v.span().start));
            self.out.push(
                Diagnostic::error(
                    &at,
                    format!("matching.unsure ({unsure}) is above matching.confident ({confident})"),
                )
                .hint("the unsure band lies below the confident one: make unsure smaller"),
            );
        }
        let max_suggestions = match &m.max_suggestions {
            Some(v) if !(1..=5).contains(v.get_ref()) => {
                self.out.push(
                    Diagnostic::error(
                        &file.location(v.span().start),
                        format!("matching.max_suggestions is {}", v.get_ref()),
                    )
                    .hint("use a whole number from 1 to 5; the default is 3"),
                );
                defaults.max_suggestions
            }
            Some(v) => *v.get_ref() as usize,
            None => defaults.max_suggestions,
        };
        let off_topic_words = self.non_empty_words(
            file,
            &m.off_topic_words,
            "empty word in matching.off_topic_words",
            "remove it, or write the word",
        );
        let other_places = self.non_empty_words(
            file,
            &m.other_places,
            "empty name in matching.other_places",
            "remove it, or write the place's name",
        );
        let fallback_contact = parsed.fallback_contact.as_ref().and_then(|id| {
            let found = contact_ids.get(id.get_ref().as_str()).copied();
            if found.is_none() {
                self.out.push(unknown_id(
                    file.location(id.span().start),
                    "fallback_contact",
                    id.get_ref(),
                    contact_ids.keys().copied(),
                    "contacts.toml",
                ));
            }
            found
        });
        Settings {
            default_language: parsed.default_language.unwrap_or(Lang::Fr),
            fallback_contact,
            matching: MatchingSettings {
                confident,
                unsure,
                margin,
                max_suggestions,
                off_topic_words,
                other_places,
            },
        }
    }

    /// The words of a settings list, trimmed; an empty one is reported, with `message` and
    /// `hint`, and left out.
    fn non_empty_words(
        &mut self,
        file: &SourceFile,
        words: &[Spanned<String>],
        message: &str,
        hint: &str,
    ) -> Vec<String> {
        let mut kept = Vec::new();
        for word in words {
            if comparable(word.get_ref()).is_empty() {
                self.out
                    .push(Diagnostic::error(&file.location(word.span().start), message).hint(hint));
            } else {
                kept.push(word.get_ref().trim().to_string());
            }
        }
        kept
    }

    fn topics(
        &mut self,
        topic_files: Vec<(&SourceFile, TopicFile)>,
        contact_ids: &HashMap<&str, usize>,
    ) -> (Vec<Topic>, Vec<Entry>) {
        let mut topics: Vec<Topic> = Vec::new();
        let mut topic_seen: HashMap<String, Location> = HashMap::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut entry_seen: HashMap<String, Location> = HashMap::new();
        // The see_also ids of each kept entry, resolved once every entry id is known.
        let mut pending_see_also: Vec<(&SourceFile, Vec<Spanned<String>>)> = Vec::new();
        // Every question's comparable form, to find one asked in two entries.
        let mut question_owner: HashMap<String, (String, Location)> = HashMap::new();
        let mut keyword_owner: HashMap<String, String> = HashMap::new();

        for (file, parsed) in topic_files {
            let header = parsed.topic.into_inner();
            let topic_id = header.id.get_ref().clone();
            let topic_at = self.at(file, &header.id);
            self.id_is_valid(file, &header.id, None);
            if let Some(first) = topic_seen.get(&topic_id) {
                self.out.push(
                    Diagnostic::error(&topic_at, format!("topic id {topic_id:?} is already used"))
                        .hint(format!(
                            "first defined in {}:{}; give each topic file its own id",
                            first.file.display(),
                            first.line
                        )),
                );
            }
            topic_seen.insert(topic_id.clone(), topic_at.clone());
            for lang in Lang::ALL {
                if header.title.get_ref().get(lang).trim().is_empty() {
                    self.out.push(
                        Diagnostic::error(
                            &self.at(file, &header.title),
                            format!("topic title.{lang} is empty"),
                        )
                        .hint("give the topic a short title in both languages"),
                    );
                }
            }
            let title = header.title.into_inner().map(|t| t.trim().to_string());
            let description = header
                .description
                .map(|d| d.map(|t| t.trim().to_string()))
                .unwrap_or_else(|| Localized {
                    fr: String::new(),
                    en: String::new(),
                });
            let topic_index = topics.len();
            let mut topic = Topic {
                id: topic_id.clone(),
                title,
                description,
                entries: Vec::new(),
            };
            if parsed.entry.is_empty() {
                self.out.push(
                    Diagnostic::warning(&topic_at, format!("topic {topic_id:?} has no entry"))
                        .hint("add [[entry]] tables, or remove the file"),
                );
            }
            for entry in parsed.entry {
                let entry_at = self.at(file, &entry);
                let def = entry.into_inner();
                let id = def.id.get_ref().clone();
                let id_at = self.at(file, &def.id);
                let mut keep = self.id_is_valid(file, &def.id, Some(&id));
                if let Some(first) = entry_seen.get(&id) {
                    self.out.push(
                        Diagnostic::error(&id_at, "this entry id is already used")
                            .in_entry(&id)
                            .hint(format!(
                                "first defined in {}:{}; give each entry its own id",
                                first.file.display(),
                                first.line
                            )),
                    );
                    keep = false;
                }
                entry_seen.entry(id.clone()).or_insert(id_at);
                let checked = self.entry(
                    file,
                    def,
                    topic_index,
                    entry_at,
                    contact_ids,
                    &mut question_owner,
                    &mut keyword_owner,
                );
                if keep {
                    let (built, see_also) = checked;
                    topic.entries.push(entries.len());
                    entries.push(built);
                    pending_see_also.push((file, see_also));
                }
            }
            topics.push(topic);
        }

        let entry_ids: HashMap<String, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        for (index, (file, see_also)) in pending_see_also.into_iter().enumerate() {
            let own_id = entries[index].id.clone();
            let mut resolved = Vec::new();
            for other in see_also {
                let at = self.at(file, &other);
                match entry_ids.get(other.get_ref()) {
                    Some(&i) if i == index => self.out.push(
                        Diagnostic::error(&at, "see_also names the entry itself")
                            .in_entry(&own_id)
                            .hint("list other entries only"),
                    ),
                    Some(&i) if resolved.contains(&i) => self.out.push(
                        Diagnostic::warning(
                            &at,
                            format!("see_also names {:?} twice", other.get_ref()),
                        )
                        .in_entry(&own_id)
                        .hint("remove the second one"),
                    ),
                    Some(&i) => resolved.push(i),
                    None => self.out.push(
                        unknown_id(
                            at,
                            "see_also",
                            other.get_ref(),
                            entry_ids.keys().map(String::as_str),
                            "an [[entry]] table",
                        )
                        .in_entry(&own_id),
                    ),
                }
            }
            entries[index].see_also = resolved;
        }
        (topics, entries)
    }

    #[allow(clippy::too_many_arguments)]
    fn entry(
        &mut self,
        file: &SourceFile,
        def: EntryDef,
        topic: usize,
        location: Location,
        contact_ids: &HashMap<&str, usize>,
        question_owner: &mut HashMap<String, (String, Location)>,
        keyword_owner: &mut HashMap<String, String>,
    ) -> (Entry, Vec<Spanned<String>>) {
        let id = def.id.get_ref().clone();
        let questions = def.questions.into_inner();
        let mut phrasings = Localized {
            fr: Vec::new(),
            en: Vec::new(),
        };
        for lang in Lang::ALL {
            let list = questions.get(lang);
            if list.get_ref().is_empty() {
                self.out.push(
                    Diagnostic::error(&self.at(file, list), format!("questions.{lang} is empty"))
                        .in_entry(&id)
                        .hint(format!(
                            "write at least one {} question; 8 to 12 phrasings match best",
                            language_name(lang)
                        )),
                );
            }
            let mut in_this_list: HashMap<String, usize> = HashMap::new();
            for question in list.get_ref() {
                let at = self.at(file, question);
                let key = comparable(question.get_ref());
                if key.is_empty() {
                    self.out.push(
                        Diagnostic::error(&at, format!("empty question in questions.{lang}"))
                            .in_entry(&id)
                            .hint("write the question, or remove the empty string"),
                    );
                    continue;
                }
                if let Some(line) = in_this_list.get(&key) {
                    self.out.push(
                        Diagnostic::error(&at, format!("question {:?} is listed twice", question.get_ref()))
                            .in_entry(&id)
                            .hint(format!(
                                "it repeats the question on line {line} (case, accents and punctuation aside): remove one"
                            )),
                    );
                    continue;
                }
                in_this_list.insert(key.clone(), at.line);
                match question_owner.get(&key) {
                    Some((owner, first)) if *owner != id => self.out.push(
                        Diagnostic::error(
                            &at,
                            format!(
                                "question {:?} is also a question of entry {owner:?}",
                                question.get_ref()
                            ),
                        )
                        .in_entry(&id)
                        .hint(format!(
                            "see {}:{}; keep it in the entry that answers it and reword the other",
                            first.file.display(),
                            first.line
                        )),
                    ),
                    Some(_) => {}
                    None => {
                        question_owner.insert(key, (id.clone(), at.clone()));
                    }
                }
                let text = question.get_ref().trim().to_string();
                let target = match lang {
                    Lang::Fr => &mut phrasings.fr,
                    Lang::En => &mut phrasings.en,
                };
                target.push(Phrasing { text, at });
            }
        }

        let answer = def.answer.into_inner();
        for lang in Lang::ALL {
            let text = answer.get(lang);
            if text.get_ref().trim().is_empty() {
                self.out.push(
                    Diagnostic::error(&self.at(file, text), format!("answer.{lang} is empty"))
                        .in_entry(&id)
                        .hint(format!(
                            "write the answer in {}: two to six sentences",
                            language_name(lang)
                        )),
                );
            }
        }
        let answer = answer.map(|text| text.into_inner().trim().to_string());

        let mut keywords = Vec::new();
        for keyword in def.keywords {
            let key = comparable(keyword.get_ref());
            let at = self.at(file, &keyword);
            if key.is_empty() {
                self.out.push(
                    Diagnostic::error(&at, "empty keyword")
                        .in_entry(&id)
                        .hint("write the keyword, or remove the empty string"),
                );
                continue;
            }
            if let Some(warning) = keyword_reads_as_less(keyword.get_ref()) {
                self.out.push(
                    Diagnostic::warning(&at, warning)
                        .in_entry(&id)
                        .hint("write the words that carry the meaning, or remove it"),
                );
            }
            match keyword_owner.get(&key) {
                Some(owner) if *owner != id => self.out.push(
                    Diagnostic::warning(&at, format!("keyword {:?} is also a keyword of entry {owner:?}", keyword.get_ref()))
                        .in_entry(&id)
                        .hint("a keyword is a strong hit for its entry: keep it in the one entry it designates"),
                ),
                _ => {
                    keyword_owner.insert(key, id.clone());
                }
            }
            keywords.push(keyword.into_inner().trim().to_string());
        }

        let mut contacts = Vec::new();
        for contact in &def.contacts {
            match contact_ids.get(contact.get_ref().as_str()) {
                Some(&i) => contacts.push(i),
                None => self.out.push(
                    unknown_id(
                        self.at(file, contact),
                        "contacts",
                        contact.get_ref(),
                        contact_ids.keys().copied(),
                        "contacts.toml",
                    )
                    .in_entry(&id),
                ),
            }
        }

        let sources_at = self.at(file, &def.sources);
        let sources: Vec<Localized<String>> = def
            .sources
            .into_inner()
            .into_iter()
            .map(|source| source.localized().map(|text| text.trim().to_string()))
            .filter(|source| !source.fr.is_empty() && !source.en.is_empty())
            .collect();
        if sources.is_empty() {
            self.out.push(
                Diagnostic::warning(&sources_at, "sources is empty")
                    .in_entry(&id)
                    .hint("name where the answer's facts come from"),
            );
        }

        let updated_at = self.at(file, &def.updated);
        let updated = def.updated.into_inner();
        let updated = match (updated.date, updated.time) {
            (Some(date), None) => date.to_string(),
            _ => {
                self.out.push(
                    Diagnostic::error(&updated_at, format!("updated = {updated} is not a date"))
                        .in_entry(&id)
                        .hint("write the date the answer was last checked, without quotes: updated = 2026-11-25"),
                );
                String::new()
            }
        };

        let entry = Entry {
            id,
            topic,
            questions: phrasings,
            keywords,
            answer,
            contacts,
            see_also: Vec::new(),
            sources,
            updated,
            location,
        };
        (entry, def.see_also)
    }
}

/// Why a synonym does not say what it is written as, if it does not: the matcher drops stop
/// words, so "non-french" would make every "french" mean the group, and "en" alone nothing.
/// "l'usine" in a group that has "usine" is harmless: it reads as a word already there.
fn reads_as_less(synonym: &str, group: &[String]) -> Option<String> {
    let written = normalize::words(synonym);
    match stopwords::content_words(synonym).as_slice() {
        [] => Some(format!(
            "{synonym:?} is made of stop words only: the matcher drops them, so it matches nothing"
        )),
        [single] if written.len() > 1 && !group.contains(single) => Some(format!(
            "{synonym:?} reads as {single:?} once its stop words are dropped: every {single:?} would mean this group"
        )),
        _ => None,
    }
}

/// Why a keyword does not say what it is written as, if it does not: with its stop words
/// dropped, "still part" is "part", and every question that says "part" would be a strong hit
/// for the entry. An elided article or a short word ("L'Usinerie", "sewn or") and a hyphenated
/// compound ("rendez-vous") lose nothing that matters.
fn keyword_reads_as_less(keyword: &str) -> Option<String> {
    let written = normalize::words(keyword);
    let content = stopwords::content_words(keyword);
    let compound = keyword.contains('-') && !keyword.contains(' ');
    let loses_a_word = written
        .iter()
        .any(|word| word.chars().count() >= 3 && !content.contains(word));
    match content.as_slice() {
        [] => Some(format!(
            "keyword {keyword:?} is made of stop words only: the matcher drops them, so it matches nothing"
        )),
        [single] if loses_a_word && !compound => Some(format!(
            "keyword {keyword:?} reads as {single:?} once its stop words are dropped: every question that says {single:?} would be a keyword hit"
        )),
        _ => None,
    }
}

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "French",
        Lang::En => "English",
    }
}

/// An id that names nothing, with the closest existing id as the likely fix.
fn unknown_id<'a>(
    at: Location,
    field: &str,
    id: &str,
    known: impl Iterator<Item = &'a str>,
    defined_in: &str,
) -> Diagnostic {
    let closest = known
        .map(|candidate| (strsim::jaro_winkler(id, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
    let hint = match closest {
        Some((_, candidate)) => {
            format!("did you mean {candidate:?}? ids are defined in {defined_in}")
        }
        None => format!("use an id defined in {defined_in}, or add it there"),
    };
    Diagnostic::error(&at, format!("{field} names {id:?}, which is not defined")).hint(hint)
}

/// What the TOML parser or the schema rejected, and how to fix it: serde's message, or the
/// editor's words where serde's would puzzle one.
fn schema_error_text(message: &str) -> (String, String) {
    if message.contains("untagged enum SourceDef") {
        return (
            "a source is a text, or a text in each language".into(),
            "write it in quotes, or as { fr = \"…\", en = \"…\" }".into(),
        );
    }
    let message = message.trim().replace('\n', "; ");
    let hint = parse_hint(&message);
    (message, hint)
}

/// How to fix what the TOML parser or the schema rejected.
fn parse_hint(message: &str) -> String {
    if message.contains("unknown field") {
        "remove this key or correct its spelling; knowledge/README.md lists the keys".into()
    } else if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next())
    {
        match field {
            "fr" | "en" => "give this text in both languages: fr = \"…\" and en = \"…\"".into(),
            "questions" => "add questions.fr = [\"…\"] and questions.en = [\"…\"]".into(),
            "answer" => "add answer.fr = \"\"\"…\"\"\" and answer.en = \"\"\"…\"\"\"".into(),
            "updated" => "add the date the answer was checked: updated = 2026-11-25".into(),
            "sources" => "add sources = [\"where the facts come from\"]".into(),
            "topic" => "start the file with a [topic] table: id, title, description".into(),
            other => format!("add {other} = …; knowledge/README.md shows an example"),
        }
    } else if message.contains("invalid type") || message.contains("invalid value") {
        "check the value: text goes in quotes, lists in [ ], dates without quotes".into()
    } else if message.contains("unknown variant") {
        "use one of the values the message lists".into()
    } else {
        "fix the TOML syntax here: quotes, brackets and `key = value` pairs".into()
    }
}

/// A valid id close to `text`, to suggest in an error.
fn slug(text: &str) -> Option<String> {
    let folded = comparable(text).replace(' ', "-");
    (!folded.is_empty()).then_some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_keyword_that_stop_words_reduce_to_one_common_word_is_reported() {
        let warning = keyword_reads_as_less("still part").expect("reduced to one word");
        assert!(warning.contains("reads as \"part\""), "{warning}");
        let warning = keyword_reads_as_less("encore labellisé").expect("reduced to one word");
        assert!(warning.contains("reads as \"labellise\""), "{warning}");
        let warning = keyword_reads_as_less("the and").expect("nothing left");
        assert!(warning.contains("stop words only"), "{warning}");
        // An elided article, a short word or a compound loses nothing; a phrase of two
        // content words stays a phrase.
        for kept in [
            "L'Usinerie",
            "sewn or",
            "rendez-vous",
            "existe toujours",
            "Business France",
            "SaôneOr",
        ] {
            assert_eq!(keyword_reads_as_less(kept), None, "{kept}");
        }
    }

    #[test]
    fn a_synonym_that_stop_words_reduce_to_another_word_is_reported() {
        let group = ["etranger".to_string(), "foreign".to_string()];
        let warning = reads_as_less("non-french", &group).expect("reduced to one word");
        assert!(warning.contains("reads as \"french\""), "{warning}");
        let warning = reads_as_less("to let", &group).expect("nothing left");
        assert!(warning.contains("stop words only"), "{warning}");
        for kept in [
            "usine",
            "zone industrielle",
            "contact person",
            "French Tech",
        ] {
            assert_eq!(reads_as_less(kept, &group), None, "{kept}");
        }
        // Reduced to a word the group already has: what the editor meant.
        let factory = ["usine".to_string(), "factory".to_string()];
        assert_eq!(reads_as_less("l'usine", &factory), None);
        assert_eq!(reads_as_less("une usine", &factory), None);
    }

    #[test]
    fn an_id_too_long_for_a_discord_button_is_an_error() {
        let id = "a".repeat(MAX_ID_CHARS + 1);
        let text = format!(
            "[topic]\nid = \"t\"\ntitle = {{ fr = \"T\", en = \"T\" }}\n\n[[entry]]\nid = \"{id}\"\n\
             questions.fr = [\"q\"]\nquestions.en = [\"q\"]\nanswer.fr = \"a\"\nanswer.en = \"a\"\n\
             sources = [\"s\"]\nupdated = 2026-11-26\n"
        );
        let files = [SourceFile::new("k/t.toml", text)];
        let (base, diagnostics) = build(std::path::Path::new("k"), &files);
        assert!(base.is_none());
        let message = diagnostics[0].to_string();
        assert!(
            message.starts_with("error: k/t.toml:6:6: entry "),
            "{message}"
        );
        assert!(
            message.contains("is 65 characters long (keep ids to 64 characters at most)"),
            "{message}"
        );
    }
}
