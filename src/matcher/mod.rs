//! Matching a question to the knowledge base: pure, deterministic, built once per base.
//!
//! Whole-string fuzzy scores cannot tell a right answer from an off-topic question that shares
//! words with the base, so matching works word by word, like a small search engine:
//!
//! 1. Text becomes folded words ([`normalize`]); stop words go, question words stay at a low weight
//!    (a folded "ou" that asks "où" is read as "where", see [`stopwords::with_french_where`]).
//! 2. Each word becomes a *term*: its stem (French or English Snowball), or its synonym group
//!    from `synonyms.toml`. A question's unknown word is first tried as a misspelling of a
//!    vocabulary word ([`typo`]), then as two words glued together or one split in two.
//! 3. Multi-word names (keywords such as "French Tech", multi-word synonyms such as
//!    "industrie du futur") become one extra term, a strong hit.
//! 4. Rare terms weigh more (BM25's inverse document frequency over entries); unknown words weigh
//!    against a match, since "population of Tokyo" is not about the population of Grand Chalon.
//!    Names the answers always capitalise (Lyon, Framatome) explain a question only for the
//!    entries whose questions name them; beside the territory in a comparison ("Chalon rather
//!    than Dijon"), other places are left out.
//! 5. An entry's score mixes its best phrasing's cosine similarity with the share of the
//!    question that the entry explains; keywords add a bonus. Only entries that share a term with
//!    the question are scored, through an inverted index. A message of several sentences that is
//!    not answered whole is also read by its asking sentence alone.
//! 6. Bands: confident (answer), unsure ("did you mean"), no match (fallback), with thresholds from
//!    `settings.toml`; off-topic words, the lack of any specific word, and a short question about
//!    another place keep a question out of the confident band.

pub mod normalize;
pub mod stopwords;
pub mod typo;

use crate::knowledge::{KnowledgeBase, MatchingSettings};
use crate::lang::Lang;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use typo::TypoIndex;
use unicode_normalization::UnicodeNormalization;

type TermId = u32;

/// How a question was understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// The top entry is the answer.
    Confident,
    /// Plausible entries, none clearly right: ask which one was meant.
    Unsure,
    /// Nothing in the base answers it.
    NoMatch,
    /// The question has no word to match (empty, emoji, greetings only).
    Empty,
}

impl Band {
    pub fn name(self) -> &'static str {
        match self {
            Band::Confident => "confident",
            Band::Unsure => "unsure",
            Band::NoMatch => "no match",
            Band::Empty => "empty",
        }
    }
}

/// An entry and how well it matches, from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub entry: usize,
    pub score: f64,
}

/// The result of matching one question.
#[derive(Debug, Clone)]
pub struct Found {
    pub band: Band,
    /// Best first; the suggestions of the unsure band are the first of these.
    pub candidates: Vec<Candidate>,
    /// The question's language, when its words tell it.
    pub lang: Option<Lang>,
}

impl Found {
    pub fn top(&self) -> Option<Candidate> {
        self.candidates.first().copied()
    }
}

/// The matcher's weights. The defaults were tuned on the `tests/eval/tuning*.tsv` files (see README);
/// they are a struct rather than constants so that a tuning run can try others.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// Fixed weight of a question word (who, pourquoi, combien…): enough to tell "how many"
    /// from "what is", never decisive on its own.
    pub question_word_weight: f64,
    /// How much an entry that uses a word only in its answer counts towards the word's document
    /// frequency (1 = as much as one whose questions use it). Answers repeat the territory's
    /// big names, which would otherwise weigh nothing when a question names them.
    pub answer_frequency_share: f64,
    /// Weight of a word the base never uses: evidence that the question is about something else.
    pub unknown_word_weight: f64,
    /// Weight of an unknown word capitalised inside a sentence: another city, company or person,
    /// strong evidence that the question is not about this territory.
    pub unknown_name_weight: f64,
    /// Unknown numbers ("2024", "20000") say less than unknown words.
    pub unknown_number_weight: f64,
    /// The most a known number weighs, however rare it is in the base.
    pub number_weight_cap: f64,
    /// A matched word at least this rare (normalised idf), or a keyword, is specific enough to
    /// justify a confident answer; "Chalon" alone is not.
    pub specific_term_weight: f64,
    /// A word found only in an entry's answer (not its questions) counts for this much.
    pub answer_field_factor: f64,
    /// Mix of the entry score: best phrasing similarity vs. share of the question explained.
    pub phrasing_share: f64,
    /// Share of the remaining distance to 1 that naming one of the entry's keywords closes.
    pub keyword_bonus: f64,
    /// Question weight beyond which unmatched words are damped (weight × cap / total), so that
    /// greetings and context in a long message do not sink a strong match.
    pub evidence_cap: f64,
    /// Weight against an entry of a name the question uses and the entry's questions do not
    /// ("population of Lyon" against the population entry, whose answer only mentions Lyon).
    pub foreign_name_weight: f64,
    /// The most a word weighs when no entry's questions or keywords use it (only answers or
    /// topic titles): answers are long, and a common word ("partout", "further") that one of
    /// them happens to use is no rarer for it.
    pub answer_only_weight: f64,
    /// The most a word weighs when a single phrasing of the whole base uses it, and neither
    /// that entry's answer nor a keyword: how one question happened to be worded ("a good
    /// spot for a distribution business"), which supports that entry but must not outweigh
    /// what the asker names.
    pub one_phrasing_weight_cap: f64,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            question_word_weight: 0.5,
            answer_frequency_share: 0.3,
            unknown_word_weight: 0.8,
            unknown_name_weight: 2.0,
            unknown_number_weight: 0.25,
            number_weight_cap: 0.6,
            specific_term_weight: 0.25,
            answer_field_factor: 0.3,
            phrasing_share: 0.3,
            keyword_bonus: 0.2,
            evidence_cap: 2.0,
            foreign_name_weight: 1.0,
            answer_only_weight: 0.5,
            one_phrasing_weight_cap: 0.8,
        }
    }
}

/// What an entry explains of a question, while scoring.
#[derive(Debug, Clone, Copy, Default)]
struct Explained {
    /// Weight of the slots its questions or keywords use.
    main: f64,
    /// Weight of the slots only its answer or topic title uses.
    answer: f64,
    keyword: bool,
    /// Weight and number of the name slots its questions use.
    names_weight: f64,
    names: usize,
}

/// A word is a name when the answers capitalise it at least this share of the times they use
/// it inside a sentence.
const NAME_CAPITALISED_SHARE: f64 = 0.8;
/// A name that at least this share of entries' questions or keywords use is the territory's own name
/// (Chalon), not another place.
const NAME_HOME_SHARE: f64 = 0.2;

/// A sentence with fewer words than this, stop words aside ("Hello!", "Thanks a lot.", "any
/// land?"), is no question of its own.
const FOCUS_MIN_WORDS: usize = 2;

/// A question word alone is answered by the entry whose phrasings use it this often ("where":
/// the location entry)…
const OWNED_QUESTION_WORD_SHARE: f64 = 0.25;
/// …and this many times more often than any other entry's.
const QUESTION_WORD_OWNER_LEAD: f64 = 2.5;

/// A line that opens with a sign-off word and has at most this many words after it (and after
/// "in advance", "regards"…) is a signature: a name, a title, a company.
const SIGN_OFF_MAX_WORDS: usize = 4;

/// A signature line whose commas part the signer's name, title and company ("Regards, Lucy
/// Adams, Market Analyst, Adams Retail Partners") may have this many words after its sign-off…
const SIGNATURE_LIST_MAX_WORDS: usize = 12;
/// …and this many words in each part.
const SIGNATURE_PART_MAX_WORDS: usize = 4;

/// A sign-off at the end of a line is followed by at most this many words: a name. (A line of
/// its own may add a title and a company, see [`SIGN_OFF_MAX_WORDS`].)
const TRAILING_SIGN_OFF_NAME_WORDS: usize = 2;

/// How many words from the end of a line a trailing sign-off may start: "thank you very much
/// in advance, Mark Evans".
const TRAILING_SIGN_OFF_REACH: usize = 8;

/// A question of at most this many slots, in one sentence, is short: every name in it counts.
const SHORT_QUESTION_SLOTS: usize = 8;

/// How far from the end of a message its asking sentence is looked for (a Discord message
/// holds 2,000 characters).
const FOCUS_MAX_CHARS: usize = 2_000;

/// How many words of a line are read to tell whether it opens a signature ("Kind regards,
/// Mark Evans, Head of Site Selection, Evans Ltd").
const SIGN_OFF_LOOKAHEAD_WORDS: usize = 16;
/// …within this many characters.
const SIGN_OFF_LOOKAHEAD_CHARS: usize = 300;

/// A word typed with a slip ([`is_slip`]) of a stop word or an off-topic word has at least this
/// many letters: shorter ones are too close to other words ("think" and "thank", "metro" and
/// "meteo").
const SLIP_MIN_CHARS: usize = 6;
/// From this many letters, a word with one letter changed from a stop word is that stop word
/// mistyped ("exgctly", "quellws", "somewhzre"). Few real words that long are one letter from a
/// stop word ("rewards" and "regards", "locking" and "looking"), and reading one as the stop
/// word only leaves it out of the question: measured, seven letters gain seven of the eight
/// questions that a typo in a stop word sank, eight letters one.
const CHANGED_LETTER_MIN_CHARS: usize = 7;
/// An acronym typed with a letter left out is read as the base's only from this many letters:
/// shorter ones are other acronyms ("TI", "CCI").
const ACRONYM_DROPPED_LETTER_MIN_CHARS: usize = 4;

/// How many words a question that closes a line may have ("Any thoughts on this?").
const TRAILING_CLOSER_WORDS: usize = 4;

/// A follow-up is short: a message of more slots than this says what it asks on its own.
const FOLLOW_UP_MAX_SLOTS: usize = 5;

/// How far below the best reading of a message alone the follow-up reading's entry may score
/// and still be chosen: within it, the two are a near tie that the context breaks.
const FOLLOW_UP_NEAR_TIE: f64 = 0.1;

/// The share of the gap to 1 that the entry answering the earlier question gains in a follow-up.
const FOLLOW_UP_SAME_ENTRY_BONUS: f64 = 0.25;

/// The most the earlier question's words weigh in a follow-up, as a share of the message's own.
const FOLLOW_UP_CONTEXT_SHARE: f64 = 0.5;

/// The smallest round number read as a figure of the base it rounds (see
/// [`Index::figure_rounded_as`]): below it, a round number is more often its own figure.
const ROUNDED_FIGURE_MIN: u64 = 1000;
/// How far a round number may be from the figure it rounds, as a share of the figure.
const ROUNDED_FIGURE_SHARE: f64 = 0.01;

/// Whether `number` reads as a year (2018, 1975): years are dates, never rounded figures.
fn is_year(number: u64) -> bool {
    (1800..=2100).contains(&number)
}

/// How many candidates a match keeps (suggestions and diagnostics need only a few).
const KEPT_CANDIDATES: usize = 8;
/// How much a sentence in which the asker says who they are weighs, against the sentences that
/// ask.
const INTRODUCTION_SHARE: f64 = 0.4;
/// A confident answer to a whole message below this score is weak: its asking sentence,
/// answered at [`CLEAR_FOCUS_SCORE`] or more on its own, may overrule it.
const WEAK_MESSAGE_SCORE: f64 = 0.8;
/// The score at which an entry answers an asking sentence read alone almost word for word.
const CLEAR_FOCUS_SCORE: f64 = 0.97;
/// A term that no word longer than this stands for is taken for an acronym (TI, IDE, GC): a
/// guess from its length, which the base's words bear out.
const SHORT_TERM_CHARS: usize = 3;
/// A message typed without a stop is read clause by clause only up to this many words: longer,
/// it is a pasted text rather than a chat message, and each clause would be scored many times.
const CLAUSE_SPLIT_MAX_WORDS: usize = 60;
/// The fewest words a clause of such a message has.
const CLAUSE_MIN_WORDS: usize = 2;
/// The score at which such a clause, read alone, answers clearly enough to overrule the whole
/// message: below it, cutting the message in two more often finds a wrong answer than the
/// right one (measured over the tuning files with their stops removed).
const CLEAR_CLAUSE_SCORE: f64 = 0.7;

#[derive(Debug, Clone, Default)]
struct TermInfo {
    /// Normalised inverse document frequency over entries, in (0, 1].
    weight: f64,
    question_word: bool,
    /// Digits only ("2024", "17").
    number: bool,
    /// Whether any entry uses the term.
    used: bool,
    /// Whether any entry's questions or keywords use it (not only an answer).
    asked: bool,
    /// A proper name the answers always capitalise (Lyon, Framatome, Kodak): a question naming
    /// it is about that place or company, so only entries whose questions name it explain it.
    name: bool,
    /// A name no keyword uses: another place (Lyon, Mâcon) rather than one of the territory's
    /// own sites or companies, which entries name as keywords.
    place: bool,
    /// A name most entries' questions use: the territory itself (Chalon).
    home: bool,
}

/// A multi-word name that becomes one term: each position accepts any of a set of terms.
#[derive(Debug, Clone)]
struct Phrase {
    pattern: Vec<Vec<TermId>>,
    /// The name's folded words, one per pattern position.
    words: Vec<String>,
    term: TermId,
}

#[derive(Debug, Clone)]
struct IndexedPhrasing {
    entry: usize,
    norm: f64,
}

#[derive(Debug, Clone, Default)]
struct IndexedEntry {
    /// Terms of the entry's questions and keywords.
    main: HashSet<TermId>,
    /// Terms of its answers and topic title only.
    answer: HashSet<TermId>,
    keywords: HashSet<TermId>,
    /// The entries its answer offers next (`see_also`).
    see_also: Vec<usize>,
}

/// One matched unit of a question: a word (or name) and the terms it may stand for.
#[derive(Debug, Clone)]
struct Slot<'a> {
    terms: Vec<TermId>,
    weight: f64,
    /// The question's word, kept for unknown words only (for [`Index::explain`]).
    unknown_word: Option<&'a str>,
    /// An unknown word the asker capitalised: a place, company or person the base never names.
    unknown_name: bool,
    /// An unknown word right after "or", "than", "vs"… ("Mâcon or beaune"): in a comparison,
    /// another place.
    alternative: bool,
    /// Context rather than subject: a word of the question a follow-up is read with, or the
    /// place the asker comes from ("staff moving from Lyon"). A name there is not a subject
    /// that the entries which never name it fail to explain.
    context: bool,
    /// Read from a sentence in which the asker says who they are.
    introduces: bool,
}

/// A message read as a follow-up, and the entry that answered the question it follows.
struct FollowUpReading {
    found: Found,
    answered_before: Option<usize>,
}

/// What a text's capitals say about its words: the names the asker capitalised inside a
/// sentence, and the acronyms, which are spelt as meant.
struct Capitals {
    names: Vec<String>,
    acronyms: Vec<String>,
}

impl Capitals {
    fn of(text: &str) -> Capitals {
        Capitals {
            names: normalize::capitalised_words(text),
            acronyms: normalize::acronyms(text),
        }
    }
}

/// How much a message says besides its question, which tells whether the places it names are
/// what it asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Brevity {
    /// A short question: the places it names are its subject.
    Short,
    /// A longer message whose asking sentence is short: the places the base knows that this
    /// sentence names are its subject ("Is Dijon part of French Tech? We might move our R&D
    /// there."); a name the base does not know there is more often the asker's company.
    ShortAsking,
    /// Names in a long message are mostly the asker's context ("we are based in Lyon").
    Long,
}

/// The matching index of one knowledge base.
pub struct Index {
    stemmers: Stemmers,
    terms: HashMap<String, TermId>,
    info: Vec<TermInfo>,
    /// Folded vocabulary word → its terms (one per language it was seen in).
    surface: HashMap<String, Vec<TermId>>,
    /// Folded vocabulary word → how many French and English texts use it.
    surface_lang: HashMap<String, (u32, u32)>,
    phrases: HashMap<TermId, Vec<Phrase>>,
    /// Terms that only words of at most [`SHORT_TERM_CHARS`] letters stand for (TI, IDE, GC):
    /// reached by those words and their plurals alone ([`Index::acronym_plural`]), never by
    /// another word's stem ("tie" stems to "ti", "idées" to "ide"). (Words that short are not
    /// in the typo index either.)
    short_word_terms: HashSet<TermId>,
    /// The figures the base writes, sorted, for a rounded one in a question: "45 000
    /// habitants" cites the 45,031 of an answer. (A year among them is never within reach of
    /// a round number that is no year itself.)
    figures: Vec<(u64, TermId)>,
    typo: TypoIndex,
    /// The settings' other places ("beaune", "saint etienne"), as folded words: an unknown word
    /// of one is a name even in lowercase, and never a misspelling of a vocabulary word.
    other_places: Vec<Vec<String>>,
    /// Each synonym group's first word, to name the group in [`Index::explain`].
    synonym_labels: HashMap<TermId, String>,
    entries: Vec<IndexedEntry>,
    phrasings: Vec<IndexedPhrasing>,
    /// Term → phrasings that use it.
    phrasing_postings: HashMap<TermId, Vec<u32>>,
    /// How many phrasings each entry has.
    phrasing_counts: Vec<usize>,
    /// Term → entries whose main or answer field uses it.
    entry_postings: HashMap<TermId, Vec<u32>>,
    /// Off-topic words and phrases from the settings, as folded word sequences.
    off_topic: Vec<Vec<String>>,
    /// The words of the off-topic phrases, for a misspelt one that is no word of the base
    /// ("restaaurant", "maiire").
    off_topic_typos: TypoIndex,
    settings: MatchingSettings,
    tuning: Tuning,
}

struct Stemmers {
    french: Stemmer,
    english: Stemmer,
}

impl Stemmers {
    fn stem(&self, lang: Lang, word: &str) -> String {
        match lang {
            Lang::Fr => self.french.stem(word).into_owned(),
            Lang::En => self.english.stem(word).into_owned(),
        }
    }
}

/// Builds the index: the vocabulary, synonyms and names first, then every entry's text.
struct Builder {
    index: Index,
    /// How many entries use each term, for its idf.
    document_frequency: HashMap<TermId, f64>,
    word_frequency: HashMap<String, u32>,
    /// Folded word → (times capitalised, times used) inside the answers' sentences.
    answer_capitals: HashMap<String, (u32, u32)>,
    /// The terms of every word of every keyword.
    keyword_words: HashSet<TermId>,
}

impl Index {
    pub fn build(base: &KnowledgeBase) -> Index {
        Self::with_tuning(base, Tuning::default())
    }

    pub fn with_tuning(base: &KnowledgeBase, tuning: Tuning) -> Index {
        let mut builder = Builder {
            index: Index {
                stemmers: Stemmers {
                    french: Stemmer::create(Algorithm::French),
                    english: Stemmer::create(Algorithm::English),
                },
                terms: HashMap::new(),
                info: Vec::new(),
                surface: HashMap::new(),
                surface_lang: HashMap::new(),
                short_word_terms: HashSet::new(),
                figures: Vec::new(),
                phrases: HashMap::new(),
                typo: TypoIndex::new(std::iter::empty()),
                other_places: folded_phrases(&base.settings.matching.other_places),
                synonym_labels: HashMap::new(),
                entries: Vec::new(),
                phrasings: Vec::new(),
                phrasing_postings: HashMap::new(),
                phrasing_counts: Vec::new(),
                entry_postings: HashMap::new(),
                off_topic: Vec::new(),
                off_topic_typos: TypoIndex::new(std::iter::empty()),
                settings: base.settings.matching.clone(),
                tuning,
            },
            document_frequency: HashMap::new(),
            word_frequency: HashMap::new(),
            answer_capitals: HashMap::new(),
            keyword_words: HashSet::new(),
        };
        builder.synonyms(&base.synonyms);
        for entry in &base.entries {
            for keyword in &entry.keywords {
                builder.name(keyword);
            }
        }
        // Off-topic words match as written (folded), not by stem: "salary" must not catch
        // "salariés".
        builder.index.off_topic = folded_phrases(&base.settings.matching.off_topic_words);
        builder.index.off_topic_typos = TypoIndex::new(
            builder
                .index
                .off_topic
                .iter()
                .flatten()
                .map(|word| (word.clone(), 1)),
        );
        for (entry_index, entry) in base.entries.iter().enumerate() {
            let mut indexed = IndexedEntry {
                see_also: entry.see_also.clone(),
                ..IndexedEntry::default()
            };
            for lang in Lang::ALL {
                for phrasing in entry.questions.get(lang) {
                    let terms = builder.text_terms(&phrasing.text, lang);
                    indexed.main.extend(terms.iter().copied());
                    let id = builder.index.phrasings.len() as u32;
                    for &term in &terms {
                        builder
                            .index
                            .phrasing_postings
                            .entry(term)
                            .or_default()
                            .push(id);
                    }
                    builder.index.phrasings.push(IndexedPhrasing {
                        entry: entry_index,
                        norm: 0.0,
                    });
                }
                builder.count_capitals(entry.answer.get(lang));
                let answer = builder.text_terms(entry.answer.get(lang), lang);
                indexed.answer.extend(answer);
                let title = builder.text_terms(base.topics[entry.topic].title.get(lang), lang);
                indexed.answer.extend(title);
            }
            for keyword in &entry.keywords {
                // Only the name as a whole is a keyword hit: "Chalon Nord" must not make every
                // question that says "Chalon" a hit for the interchange.
                indexed.keywords.extend(builder.name(keyword));
                for lang in Lang::ALL {
                    indexed.main.extend(builder.text_terms(keyword, lang));
                }
            }
            let answer_share = builder.index.tuning.answer_frequency_share;
            for &term in indexed.main.union(&indexed.answer) {
                let share = if indexed.main.contains(&term) {
                    1.0
                } else {
                    answer_share
                };
                *builder.document_frequency.entry(term).or_default() += share;
                builder
                    .index
                    .entry_postings
                    .entry(term)
                    .or_default()
                    .push(entry_index as u32);
            }
            builder.index.entries.push(indexed);
        }
        builder.finish(base)
    }

    /// Matches `question` against the base.
    pub fn find(&self, question: &str) -> Found {
        let words = normalize::words(question);
        let lang = self.detect_language(question, &words);
        let sentences = Sentences::of(question);
        let (read, introductions) = sentences.read();
        let capitals = Capitals::of(question);
        let slots = self.message_slots(&read, &introductions, &capitals);
        let asked_slots = slots.iter().filter(|slot| !slot.introduces).count();
        // "Thanks, Mark", "Cordialement, Anne": a sign-off and a name the base does not know.
        let only_signs_off = stopwords::sign_off_name_words(question).is_some()
            && !question.contains('?')
            && slots.iter().all(|slot| slot.unknown_word.is_some());
        if slots.is_empty() || is_courtesy(question, &words) || only_signs_off {
            return Found {
                band: Band::Empty,
                candidates: Vec::new(),
                lang,
            };
        }
        // A greeting or a thank-you around it does not make a question long.
        let short = asked_slots <= SHORT_QUESTION_SLOTS && sentences.asking.len() <= 1;
        // In a message of several sentences, the places and people named around the asking
        // sentence are the asker's context ("Chez nous à Namur…", "cheers, Marta").
        let focus_words = sentences.focus().map(read_words);
        let focus_slots = focus_words
            .as_ref()
            .map(|words| self.question_slots(words, &capitals));
        let asking_slots = focus_slots.as_deref().unwrap_or(&slots);
        let brevity = if short {
            Brevity::Short
        } else if focus_slots.is_some() && asking_slots.len() <= SHORT_QUESTION_SLOTS {
            Brevity::ShortAsking
        } else {
            Brevity::Long
        };
        let mut candidates = self.score(&slots);
        let off_topic = self.is_off_topic(&words)
            && !self.asked_apart_from_off_topic(&sentences, candidates.first());
        let mut band = self.band(&slots, asking_slots, &candidates, off_topic, brevity);
        // The asking sentence of a long message, read on its own, has its scores merged in
        // (each entry keeps its better score) when the message is not answered as a whole:
        // greetings and company context no longer dilute it. Also when the message is answered
        // only weakly, so that a near-perfect reading of the asking sentence outranks it
        // ("Quelles sont les filières historiques du territoire ? Je dois positionner mon
        // client…"), and when that sentence asks only a question word that one entry owns of
        // the territory itself ("Where exactly is Chalon? I'm based in Belgium and have never
        // been"), whatever entry the sentences around it lean to.
        let focus = focus_slots.as_deref().and_then(|focus_slots| {
            let confident = band == Band::Confident;
            let asks_only_the_territory = confident && self.asks_only_the_territory(focus_slots);
            let clear_answer = candidates
                .first()
                .is_some_and(|c| c.score >= WEAK_MESSAGE_SCORE);
            if confident && clear_answer && !asks_only_the_territory {
                return None;
            }
            let focus = self.focus_candidates(focus_slots)?;
            // "I heard L'Usinerie is in an old sugar mill. What is it and how big is it?": a
            // sentence that points back asks about what the one before names.
            let points_back = focus_words
                .as_ref()
                .is_some_and(|words| stopwords::points_back(words));
            let overrules = !confident
                || asks_only_the_territory
                || (!points_back && focus.first().is_some_and(|c| c.score >= CLEAR_FOCUS_SCORE));
            overrules.then_some(focus)
        });
        if let Some(focus) = focus {
            merge_candidates(&mut candidates, focus);
            band = self.band(&slots, asking_slots, &candidates, off_topic, brevity);
        }
        // A message still unsure may owe it to what surrounds its question: the clauses of a
        // message typed without stops, or the sentences that say who asks. Read alone, the part
        // that asks may answer the same entry clearly.
        let part = if band != Band::Unsure {
            None
        } else if sentences.count < 2 && introductions.is_empty() {
            self.clause_answering(&read, lang, &capitals, &candidates, off_topic)
        } else if !introductions.is_empty() {
            // The message's slots begin with its question's, read without who asks.
            self.asked_without_introductions(&slots[..asked_slots], &candidates, off_topic)
        } else {
            None
        };
        if let Some(part) = part {
            merge_candidates(&mut candidates, part);
            band = self.band(&slots, asking_slots, &candidates, off_topic, brevity);
        }
        Found {
            band,
            candidates,
            lang,
        }
    }

    /// In a message typed without a stop, the opening or closing clause that answers alone,
    /// with the confidence the whole message lacks, the entry that the whole message ranks
    /// first: "saoneor c koi exactement j'vois ce nom partout". A clause starts where the asker
    /// starts to speak of themselves ("je", "on", "we"), turns ("mais", "because") or greets
    /// and thanks ([`stopwords::opens_clause`]), as the stops they left out would have marked
    /// it. A split is passed over when the words it leaves out may say what is asked
    /// ([`Index::says_something_else`]); `None` when no split is left. The caller bands the
    /// merged reading over the whole message, so a capitalised name the clause left out
    /// still weighs there.
    fn clause_answering(
        &self,
        words: &[String],
        lang: Option<Lang>,
        capitals: &Capitals,
        candidates: &[Candidate],
        off_topic: bool,
    ) -> Option<Vec<Candidate>> {
        let top = candidates.first()?;
        if words.len() > CLAUSE_SPLIT_MAX_WORDS {
            return None;
        }
        let mut best: Option<Vec<Candidate>> = None;
        for at in CLAUSE_MIN_WORDS..=words.len().saturating_sub(CLAUSE_MIN_WORDS) {
            if !stopwords::opens_clause(&words[at - 1], &words[at], lang) {
                continue;
            }
            let before = self.question_slots(&words[..at], capitals);
            let after = self.question_slots(&words[at..], capitals);
            for (clause_slots, rest) in [(&before, &after), (&after, &before)] {
                if rest.iter().any(|slot| self.says_something_else(slot)) {
                    continue;
                }
                let Some(found) = self.focus_candidates(clause_slots) else {
                    continue;
                };
                // Answering, the clause has a first candidate.
                if (self.answers_top_alone(clause_slots, &found, top, off_topic)
                    || self.answers_runner_up_clearly(clause_slots, &found, candidates, off_topic))
                    && best.as_ref().is_none_or(|b| b[0].score < found[0].score)
                {
                    best = Some(found);
                }
            }
        }
        best
    }

    /// The reading of a message's question without the sentences in which the asker says who
    /// they are, when it answers alone, at [`CLEAR_CLAUSE_SCORE`] or more and confidently, the
    /// entry that the whole message ranks first: "We're a mid-size packaging manufacturer
    /// from Belgium. saoneor". Read with the question at a lower weight, the introduction's
    /// trade and origin still dilute a short question into a "did you mean"; left out, they
    /// may only confirm what the question alone already answers.
    fn asked_without_introductions(
        &self,
        asked_slots: &[Slot],
        candidates: &[Candidate],
        off_topic: bool,
    ) -> Option<Vec<Candidate>> {
        let top = candidates.first()?;
        // The whole question, not one sentence of it: the band says whether it says enough on
        // its own ("pourquoi s'implanter au Grand Chalon ?").
        let found = self.score(asked_slots);
        self.answers_top_alone(asked_slots, &found, top, off_topic)
            .then_some(found)
    }

    /// Whether a part of a message (its `slots`, scored as `found`) answers alone the entry
    /// that the whole message ranks first (`top`), better than the message, at
    /// [`CLEAR_CLAUSE_SCORE`] or more and confidently.
    fn answers_top_alone(
        &self,
        slots: &[Slot],
        found: &[Candidate],
        top: &Candidate,
        off_topic: bool,
    ) -> bool {
        let Some(part_top) = found.first() else {
            return false;
        };
        let brevity = if slots.len() <= SHORT_QUESTION_SLOTS {
            Brevity::ShortAsking
        } else {
            Brevity::Long
        };
        part_top.entry == top.entry
            && part_top.score > top.score
            && part_top.score >= CLEAR_CLAUSE_SCORE
            && self.band(slots, slots, found, off_topic, brevity) == Band::Confident
    }

    /// Whether a clause answers alone, almost word for word ([`CLEAR_FOCUS_SCORE`]) and
    /// confidently, the entry the whole message ranks second: the words left out of it tipped
    /// the message to another entry without making it sure of it ("saoneor c koi j'vois ce nom
    /// partout": the seen "name" is no company's).
    fn answers_runner_up_clearly(
        &self,
        slots: &[Slot],
        found: &[Candidate],
        candidates: &[Candidate],
        off_topic: bool,
    ) -> bool {
        candidates.get(1).is_some_and(|runner_up| {
            found.first().is_some_and(|c| c.score >= CLEAR_FOCUS_SCORE)
                && self.answers_top_alone(slots, found, runner_up, off_topic)
        })
    }

    /// Whether a word left out of a clause ([`Index::clause_answering`]) may be what the message
    /// asks about: another place ("… we're comparing with Dijon") or a word the base does not
    /// know ("how far is it i lost my cat"). A capitalised name is more often who asks ("…
    /// we run a 3PL out of Chicago", "Danke, Petra Schulz").
    fn says_something_else(&self, slot: &Slot) -> bool {
        self.slot_is(slot, |info| info.place && !info.home)
            || (slot.unknown_word.is_some() && !slot.unknown_name)
    }

    /// Whether, in a message of several asking sentences, one without an off-topic word asks
    /// on its own what the whole message is answered with: "Is there a TGV to Paris? Our
    /// executives will fly into CDG airport." asks about trains, whatever the airport.
    fn asked_apart_from_off_topic(&self, sentences: &Sentences, top: Option<&Candidate>) -> bool {
        // A sentence read alone is one piece that splits no further, so it has at most one
        // asking sentence and this recurses no deeper.
        let Some(top) = top else {
            return false;
        };
        sentences.asking.len() > 1
            && sentences.asking.iter().any(|sentence| {
                !self.is_off_topic(&normalize::words(sentence)) && {
                    let alone = self.find(sentence);
                    alone.band == Band::Confident && alone.top().map(|c| c.entry) == Some(top.entry)
                }
            })
    }

    /// Reads `question` as a follow-up of `context`, the question answered just before ("and
    /// for Lyon?" after "how far is Chalon from Paris?", "same question for the port" after a
    /// question about trains). The earlier question lends its words, at a lower weight, to a
    /// short message that names a new subject but not what is asked about it.
    ///
    /// `Some` only when the message opens as a follow-up ("and", "et", "same", "what
    /// about"…) and the two read together are answered confidently by an entry that the
    /// message itself names something of: a message that says nothing new ("and why?") or is
    /// about something else ("and the weather tomorrow?") is left to [`Index::find`].
    pub fn find_follow_up(&self, question: &str, context: &str) -> Option<Found> {
        self.follow_up_reading(question, context)
            .map(|reading| reading.found)
    }

    /// [`Index::find_follow_up`], with the entry that answered the earlier question.
    fn follow_up_reading(&self, question: &str, context: &str) -> Option<FollowUpReading> {
        let words = normalize::words(&Sentences::of(question).asked);
        if !stopwords::opens_follow_up(&words)
            || is_courtesy(question, &words)
            || self.is_off_topic(&words)
        {
            return None;
        }
        let read = stopwords::follow_up_content(read_folded(words.clone()));
        let slots = self.question_slots(&read, &Capitals::of(question));
        // A word the base does not know is what the follow-up asks about ("and the rent?",
        // "et le secteur agricole ?", "and for Beaune?"): the earlier question cannot answer it.
        if slots.is_empty()
            || slots.len() > FOLLOW_UP_MAX_SLOTS
            || slots.iter().any(|slot| slot.unknown_word.is_some())
        {
            return None;
        }
        let context_words = read_words(context);
        let context_slots = self.question_slots(&context_words, &Capitals::of(context));
        // The earlier question's unknown words were its own context, and a word the message
        // says again is the message's.
        let context_slots: Vec<Slot> = context_slots
            .into_iter()
            .filter(|slot| {
                slot.unknown_word.is_none()
                    && !slots
                        .iter()
                        .any(|s| s.terms.iter().any(|t| slot.terms.contains(t)))
            })
            .collect();
        // However long the earlier question, the message says what is asked now: the context
        // weighs at most a share of it, so "the port" is not outweighed by a question's worth
        // of words about trains.
        let message_weight: f64 = slots.iter().map(|s| s.weight).sum();
        let context_weight: f64 = context_slots.iter().map(|s| s.weight).sum();
        let scale =
            (FOLLOW_UP_CONTEXT_SHARE * message_weight / context_weight.max(f64::EPSILON)).min(1.0);
        // "And for Lyon?" most often asks the same as before about something else: the entry
        // that answered the earlier question is the likelier one of two close readings.
        let answered_before = self.score(&context_slots).first().map(|c| c.entry);
        let mut together = slots.clone();
        together.extend(context_slots.iter().map(|slot| Slot {
            weight: slot.weight * scale,
            context: true,
            ..slot.clone()
        }));
        let mut candidates = self.score(&together);
        for candidate in &mut candidates {
            if Some(candidate.entry) == answered_before {
                candidate.score += FOLLOW_UP_SAME_ENTRY_BONUS * (1.0 - candidate.score);
            }
        }
        candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
        let top = candidates.first()?;
        let entry = &self.entries[top.entry];
        let names_something = slots.iter().any(|slot| {
            slot.weight >= self.tuning.specific_term_weight
                && self.slot_is(slot, |info| !info.question_word && !info.number)
                && slot.terms.iter().any(|t| entry.main.contains(t))
        });
        // The answer continues the conversation: it is the entry that answered before, or it
        // is about something specific the earlier question asked; else the message is a new
        // question ("pareil pour Dijon" after the population of Chalon). A name counts when the
        // entry's answer names it (ParcNord, then "and the land?"); a plain word must be one
        // its questions use, since long answers mention a bit of everything ("employers", then
        // "et à Paris ?").
        let continues = Some(top.entry) == answered_before
            || context_slots.iter().any(|slot| {
                slot.weight >= self.tuning.specific_term_weight
                    && self.slot_is(slot, |info| !info.question_word)
                    && slot.terms.iter().any(|&t| {
                        entry.main.contains(&t)
                            || (self.info[t as usize].name && entry.answer.contains(&t))
                    })
            });
        let band = self.band(&together, &slots, &candidates, false, Brevity::Short);
        (names_something && continues && band == Band::Confident).then(|| FollowUpReading {
            found: Found {
                band,
                lang: self
                    .detect_language(question, &words)
                    .or_else(|| self.detect_language(context, &normalize::words(context))),
                candidates,
            },
            answered_before,
        })
    }

    /// Matches `question`, the next message of a conversation whose last answered question(s)
    /// are `context`. Returns the match and whether it read the message as a follow-up.
    ///
    /// The follow-up reading ([`Index::find_follow_up`]) wins when the message alone is not
    /// answered confidently. Against a confident answer of the message alone, it wins only
    /// when it breaks a near tie of the message alone in favour of the entry that answered
    /// before ("and for Lyon?" after distances: alone, it is as much about the "between Paris
    /// and Lyon" slogan); a message that is clearly about something else on its own ("and the
    /// motorway?" after land) is answered on its own.
    pub fn find_in_conversation(&self, question: &str, context: Option<&str>) -> (Found, bool) {
        let alone = self.find(question);
        let Some(FollowUpReading {
            found: follow_up,
            answered_before,
        }) = context.and_then(|context| self.follow_up_reading(question, context))
        else {
            return (alone, false);
        };
        let alone_best = alone.top().map_or(0.0, |c| c.score);
        let near_tie_for_the_same_entry = follow_up.top().is_some_and(|chosen| {
            Some(chosen.entry) == answered_before
                && alone
                    .candidates
                    .iter()
                    .any(|c| c.entry == chosen.entry && c.score >= alone_best - FOLLOW_UP_NEAR_TIE)
        });
        if alone.band != Band::Confident || near_tie_for_the_same_entry {
            (follow_up, true)
        } else {
            (alone, false)
        }
    }

    /// The candidates of the asking sentence of a message of several (its `slots`), scored
    /// alone; `None` when it says nothing specific ("Does Grand Chalon do that?"), unless it
    /// asks the territory a question word that one entry owns ("Where is Chalon?").
    fn focus_candidates(&self, slots: &[Slot]) -> Option<Vec<Candidate>> {
        let says_something = slots.iter().any(|slot| self.names_a_subject(slot));
        (says_something || self.asks_the_territory(slots)).then(|| self.score(slots))
    }

    /// Whether `slot` is a word specific enough to say what is asked: neither a question word
    /// nor as common as "Chalon".
    fn names_a_subject(&self, slot: &Slot) -> bool {
        slot.weight >= self.tuning.specific_term_weight
            && self.slot_is(slot, |info| !info.question_word)
    }

    /// Whether a sentence's `slots` ask one of the questions that one entry owns of the
    /// territory itself ("Where exactly is Chalon?"): that says what is asked as well as a rare
    /// word does.
    fn asks_the_territory(&self, slots: &[Slot]) -> bool {
        self.names_home(slots)
            && slots.iter().any(|slot| {
                self.slot_is(slot, |info| info.question_word)
                    && self.question_word_owner(&slot.terms).is_some()
            })
    }

    /// Whether a sentence's `slots` ask only that ([`Index::asks_the_territory`]), with no
    /// other word: "Where is Grand Chalon?" is asked whatever the message says around it.
    fn asks_only_the_territory(&self, slots: &[Slot]) -> bool {
        self.asks_the_territory(slots)
            && !slots
                .iter()
                .any(|slot| self.names_a_subject(slot) && !self.slot_is(slot, |info| info.home))
    }

    /// How `question` was read: each slot's terms and weight, for tuning the base and the matcher.
    pub fn explain(&self, question: &str) -> String {
        // Read as `find` reads it: without the signature of a one-question message, and the
        // sentences that say who asks as context.
        let (words, introductions) = Sentences::of(question).read();
        // A term has several keys (its stems in each language, the words of its synonym group):
        // the longest reads best, and choosing it keeps the output the same from run to run.
        let mut term_names: HashMap<TermId, String> = HashMap::new();
        for (key, &term) in &self.terms {
            let name = term_names.entry(term).or_insert_with(|| key.clone());
            if (key.len(), key) > (name.len(), &*name) {
                name.clone_from(key);
            }
        }
        for (&term, first_word) in &self.synonym_labels {
            term_names.insert(term, format!("{first_word}…"));
        }
        let slots = self.message_slots(&words, &introductions, &Capitals::of(question));
        let mut out = String::new();
        for slot in &slots {
            let label = match &slot.unknown_word {
                Some(word) => format!("unknown: {word}"),
                None => slot
                    .terms
                    .iter()
                    .map(|t| term_names.get(t).map_or("?", String::as_str))
                    .collect::<Vec<_>>()
                    .join(" | "),
            };
            let name = if self.slot_is(slot, |info| info.name) {
                " (a name)"
            } else {
                ""
            };
            let introduces = if slot.introduces { " (who asks)" } else { "" };
            out.push_str(&format!(
                "  [{label}] weight {:.2}{name}{introduces}\n",
                slot.weight
            ));
        }
        out
    }

    /// Whether the question contains one of the settings' off-topic words or phrases, as
    /// written, with a plural "s" or "x", or typed with a slip: "restaaurant", "maiire" (a word
    /// that is no word of the base, not even misspelt, see [`is_slip`]).
    fn is_off_topic(&self, words: &[String]) -> bool {
        let corrected: Vec<&str> = words
            .iter()
            .map(|word| {
                if word.chars().count() < SLIP_MIN_CHARS
                    || stopwords::is_stop_word(word)
                    || self.resolve_spelt(word, true).is_some()
                {
                    return word.as_str();
                }
                match self.off_topic_typos.correct(word) {
                    Some(listed) if is_slip(word, listed) => listed,
                    _ => word.as_str(),
                }
            })
            .collect();
        let words = corrected.as_slice();
        let same = |said: &&str, listed: &String| {
            *said == listed.as_str()
                || said
                    .strip_suffix(['s', 'x'])
                    .is_some_and(|singular| singular == listed)
        };
        self.off_topic.iter().any(|phrase| {
            words.windows(phrase.len()).any(|window| {
                window
                    .iter()
                    .zip(phrase)
                    .all(|(said, listed)| same(said, listed))
            })
        })
    }

    fn band(
        &self,
        slots: &[Slot],
        asking_slots: &[Slot],
        candidates: &[Candidate],
        off_topic: bool,
        brevity: Brevity,
    ) -> Band {
        let settings = &self.settings;
        let Some(top) = candidates.first() else {
            return Band::NoMatch;
        };
        let top_entry = &self.entries[top.entry];
        // Question words and numbers support a match, but alone ("why", "2024") make none.
        let plain =
            |t: TermId| !self.info[t as usize].question_word && !self.info[t as usize].number;
        let has_plain_word = slots
            .iter()
            .any(|slot| slot.terms.iter().any(|&t| plain(t)));
        let specific = slots.iter().any(|slot| {
            let names_keyword = slot.terms.iter().any(|t| top_entry.keywords.contains(t));
            let rare_and_matched = slot.weight >= self.tuning.specific_term_weight
                && slot.terms.iter().any(|&t| {
                    (has_plain_word || plain(t))
                        && ((top_entry.main.contains(&t)
                            && (slots.len() > 1 || self.phrasings_using(top.entry, t) > 1))
                            || top_entry.answer.contains(&t))
                });
            names_keyword || rare_and_matched
        });
        // "where is it?", "why?": a question word alone asks what the one entry that owns it
        // answers; "when?" or "how many?", which several entries share, still asks nothing.
        let owns_question_word = !has_plain_word
            && slots.iter().any(|slot| {
                self.slot_is(slot, |info| info.question_word)
                    && self.question_word_owner(&slot.terms) == Some(top.entry)
            });
        let specific = specific || owns_question_word;
        let second = candidates.get(1).map_or(0.0, |c| c.score);
        // A short question naming another place than the top entry asks about ("industrial
        // parks near Lyon", "how far is Mâcon from Geneva") is about that place, unless it
        // also names the territory ("Chalon's station on the Paris-Lyon-Marseille line"). In a
        // long message, names are mostly the asker's context ("we are based in Lyon").
        let names_home = self.names_home(asking_slots);
        let elsewhere = brevity != Brevity::Long
            && !names_home
            && asking_slots.iter().any(|slot| {
                (slot.unknown_name && !slot.context && brevity == Brevity::Short)
                    || (!slot.context
                        && self.slot_is(slot, |info| info.place)
                        && !slot.terms.iter().any(|t| top_entry.main.contains(t)))
            });
        if off_topic || elsewhere {
            return if top.score >= settings.confident && specific {
                Band::Unsure
            } else {
                Band::NoMatch
            };
        }
        // An entry and one it links to often split a subject ("SaôneOr" and "land left on
        // SaôneOr"): when both fit almost equally, the better one answers and its see-also
        // offers the other, rather than asking the asker to choose between near twins. Any
        // other close entry (or an exact tie) still makes it ask.
        let runner_up_is_linked = candidates
            .get(1)
            .is_some_and(|c| top.score > c.score && top_entry.see_also.contains(&c.entry));
        let leads_its_sibling = runner_up_is_linked && {
            let best_unlinked = candidates[1..]
                .iter()
                .find(|c| !top_entry.see_also.contains(&c.entry))
                .map_or(0.0, |c| c.score);
            top.score - best_unlinked >= settings.margin
        };
        let clear_lead = top.score - second >= settings.margin || leads_its_sibling;
        if top.score >= settings.confident && clear_lead && specific {
            Band::Confident
        } else if top.score >= settings.unsure {
            Band::Unsure
        } else {
            Band::NoMatch
        }
    }

    /// Scores every entry that shares a term with the question; best first, ties by entry order.
    fn score(&self, slots: &[Slot]) -> Vec<Candidate> {
        let question_norm = slots
            .iter()
            .map(|s| s.weight * s.weight)
            .sum::<f64>()
            .sqrt();
        let question_total: f64 = slots.iter().map(|s| s.weight).sum();
        // Phrasing → (dot product, last slot counted), so a slot counts once per phrasing.
        let mut dot: HashMap<u32, (f64, usize)> = HashMap::new();
        // A name slot is explained only by an entry whose questions use it; for every other
        // entry it weighs against, undamped (see `foreign_name_weight`).
        let is_name = |slot: &Slot| !slot.context && self.slot_is(slot, |info| info.name);
        let (name_count, name_weight) = slots
            .iter()
            .filter(|slot| is_name(slot))
            .fold((0, 0.0), |(count, weight), slot| {
                (count + 1, weight + slot.weight)
            });
        // Entry → (weight explained by questions/keywords, by answers, keyword hit, weight and
        // number of the name slots its questions explain).
        let mut explained: HashMap<u32, Explained> = HashMap::new();
        for (slot_index, slot) in slots.iter().enumerate() {
            let mut seen_entries: Vec<u32> = Vec::new();
            for &term in &slot.terms {
                if let Some(postings) = self.phrasing_postings.get(&term) {
                    let term_weight = self.term_weight(term);
                    for &phrasing in postings {
                        let value = dot.entry(phrasing).or_insert((0.0, usize::MAX));
                        if value.1 != slot_index {
                            value.0 += slot.weight * term_weight;
                            value.1 = slot_index;
                        }
                    }
                }
                if let Some(postings) = self.entry_postings.get(&term) {
                    for &entry in postings {
                        if !seen_entries.contains(&entry) {
                            seen_entries.push(entry);
                        }
                    }
                }
            }
            for entry in seen_entries {
                let indexed = &self.entries[entry as usize];
                let value = explained.entry(entry).or_default();
                if slot.terms.iter().any(|t| indexed.main.contains(t)) {
                    value.main += slot.weight;
                    if is_name(slot) {
                        value.names_weight += slot.weight;
                        value.names += 1;
                    }
                } else if !is_name(slot) {
                    value.answer += slot.weight;
                }
                if slot.terms.iter().any(|t| indexed.keywords.contains(t)) {
                    value.keyword = true;
                }
            }
        }
        let mut best_phrasing: HashMap<usize, f64> = HashMap::new();
        for (phrasing, (product, _)) in dot {
            let indexed = &self.phrasings[phrasing as usize];
            let cosine = (product / (question_norm * indexed.norm)).min(1.0);
            let best = best_phrasing.entry(indexed.entry).or_insert(0.0);
            *best = best.max(cosine);
        }
        let t = &self.tuning;
        // In a long message, unmatched words are mostly context: they count for less.
        let long_question_damping = (t.evidence_cap / question_total).min(1.0);
        let mut candidates: Vec<Candidate> = explained
            .into_iter()
            .map(|(entry, found)| {
                let entry = entry as usize;
                let explained_weight = found.main + t.answer_field_factor * found.answer;
                let foreign_weight = name_weight - found.names_weight;
                let foreign_names = (name_count - found.names) as f64;
                let unexplained = (question_total - explained_weight - foreign_weight).max(0.0)
                    * long_question_damping
                    + foreign_names * t.foreign_name_weight;
                let coverage =
                    explained_weight / (explained_weight + unexplained).max(f64::EPSILON);
                let similarity = best_phrasing.get(&entry).copied().unwrap_or(0.0);
                let score = t.phrasing_share * similarity + (1.0 - t.phrasing_share) * coverage;
                // A keyword closes part of the gap to 1, so the score stays within 0..=1.
                let score = if found.keyword {
                    score + t.keyword_bonus * (1.0 - score)
                } else {
                    score
                };
                Candidate { entry, score }
            })
            .collect();
        candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
        candidates.truncate(KEPT_CANDIDATES);
        candidates
    }

    /// French or English, from the words only one of the languages uses; `None` on a tie.
    fn detect_language(&self, raw: &str, words: &[String]) -> Option<Lang> {
        let mut french = 0.0;
        let mut english = 0.0;
        for word in words {
            match stopwords::language_hint(word) {
                Some(true) => french += 1.0,
                Some(false) => english += 1.0,
                None => {
                    if let Some(&(fr, en)) = self.surface_lang.get(word.as_str()) {
                        let total = f64::from(fr + en);
                        french += 0.5 * f64::from(fr) / total;
                        english += 0.5 * f64::from(en) / total;
                    }
                }
            }
        }
        // Accented letters are French evidence the folded words no longer show.
        // Counted on the composed, lowercased text: "É" and "e" + combining accent count too.
        let composed: String = raw.nfc().flat_map(char::to_lowercase).collect();
        let accents = composed
            .chars()
            .filter(|c| {
                matches!(
                    c,
                    'é' | 'è' | 'ê' | 'à' | 'ç' | 'ù' | 'û' | 'ô' | 'î' | 'â' | 'ë' | 'ï'
                )
            })
            .count();
        french += 0.5 * accents.min(4) as f64;
        if (french - english).abs() < 0.25 {
            None
        } else if french > english {
            Some(Lang::Fr)
        } else {
            Some(Lang::En)
        }
    }

    /// Turns the question's words into weighted slots.
    fn question_slots<'a>(&self, words: &'a [String], capitals: &Capitals) -> Vec<Slot<'a>> {
        let Capitals { names, acronyms } = capitals;
        let mut units: Vec<Vec<TermId>> = Vec::new();
        // The word each unit was read as: as typed, or the base's word a typo was corrected to
        // ("" when it is half of a split word).
        let mut unit_words: Vec<String> = Vec::new();
        // Where each unit's words start and end in `words`.
        let mut unit_spans: Vec<std::ops::Range<usize>> = Vec::new();
        let mut unknown: Vec<(f64, &'a str, bool, bool)> = Vec::new();
        let mut origins: Vec<Vec<TermId>> = Vec::new();
        let in_other_place = self.other_places_in(words);
        let mut i = 0;
        while i < words.len() {
            let word = words[i].as_str();
            let other_place = in_other_place[i];
            // "saône or" for "SaôneOr": two words the base writes as one. Only when one half
            // means nothing alone, so that "grand chalon" stays two known words.
            // A one-letter word or "qu" is what folding leaves of an elided article
            // ("l'usinerie", "d'industrie", "qu'est-ce"): its own word, never half of one.
            let elided = word.len() == 1 || word == "qu";
            if !elided
                && !other_place
                && let Some(next) = words.get(i + 1)
            {
                let glued = format!("{word}{next}");
                let half_is_empty = [word, next.as_str()]
                    .iter()
                    .any(|half| stopwords::is_stop_word(half) || !self.surface.contains_key(*half));
                // Two small words are mostly just that: "mais on" is no "maison", though
                // "pour quoi" is still "pourquoi".
                let both_stop_words =
                    stopwords::is_stop_word(word) && stopwords::is_stop_word(next);
                if glued.len() >= 6
                    && half_is_empty
                    && (!both_stop_words || stopwords::is_question_word(&glued))
                    && let Some(terms) = self.surface.get(&glued)
                {
                    units.push(terms.clone());
                    unit_words.push(glued);
                    unit_spans.push(i..i + 2);
                    i += 2;
                    continue;
                }
                if let Some(terms) = self.glued_misspelling(word, next) {
                    units.push(terms);
                    unit_words.push(format!("{word}{next}"));
                    unit_spans.push(i..i + 2);
                    i += 2;
                    continue;
                }
            }
            i += 1;
            if stopwords::is_stop_word(word) || stopwords::is_ordinal_ending(word, &words[..i - 1])
            {
                continue;
            }
            // A month or day the base never writes dates the question; it is no typo of a
            // word ("March" is no "match") nor an unknown name.
            if stopwords::is_calendar_word(word) && !self.surface.contains_key(word) {
                continue;
            }
            // Another place is its own name, never another word's stem ("Nevers" is no
            // "never") nor a typo.
            let resolved = if other_place {
                self.read_as(word)
            } else {
                if acronyms.iter().any(|acronym| acronym == word) {
                    self.resolve_with_reading(word, false)
                        .or_else(|| self.acronym_with_a_letter_left_out(word))
                } else {
                    self.resolve_with_reading(word, true)
                }
            };
            if let Some((terms, spelt)) = resolved {
                // "Other business parks besides SaôneOr?": the name set aside is what the
                // question is not about; left in, it answers with SaôneOr itself.
                if stopwords::sets_aside(&words[..i - 1])
                    && terms.iter().any(|&t| {
                        let info = &self.info[t as usize];
                        info.name || info.place
                    })
                {
                    continue;
                }
                // "engineers moving from Lyon", "depuis Paris": where the asker comes from.
                let after_from = stopwords::introduces_origin(&words[..i - 1]);
                if after_from && terms.iter().any(|&t| self.info[t as usize].place) {
                    origins.push(terms.clone());
                }
                // A misspelt word counts in multi-word names and synonyms as the word it was
                // read as ("business praks" is a business park).
                unit_words.push(spelt.to_string());
                units.push(terms);
                unit_spans.push(i - 1..i);
            } else if !other_place && let Some((left, right)) = self.split(word) {
                units.push(left);
                units.push(right);
                unit_words.extend([String::new(), String::new()]);
                unit_spans.extend([i - 1..i, i - 1..i]);
            } else if stopwords::is_question_word(word) {
                // A question word the base never uses is no evidence of another subject.
                continue;
            } else {
                let is_name = other_place || names.iter().any(|name| name == word);
                if !is_name && self.misspells_stop_word(word) {
                    continue;
                }
                let weight = if word.chars().all(|c| c.is_ascii_digit()) {
                    self.tuning.unknown_number_weight
                } else if is_name {
                    self.tuning.unknown_name_weight
                } else {
                    self.tuning.unknown_word_weight
                };
                // "Mâcon ou beaune": an unknown word offered as an alternative is likely a place.
                let alternative = i >= 2 && stopwords::is_alternative_word(&words[i - 2]);
                unknown.push((weight, word, is_name, alternative));
            }
        }
        let mut slots: Vec<Slot> = Vec::new();
        let push = |terms: Vec<TermId>, weight: f64, slots: &mut Vec<Slot>| {
            if !slots.iter().any(|s| s.terms == terms) {
                let context = origins.contains(&terms);
                slots.push(Slot {
                    terms,
                    weight,
                    unknown_word: None,
                    unknown_name: false,
                    alternative: false,
                    context,
                    introduces: false,
                });
            }
        };
        // A name's words follow one another, give or take stop words and one other word ("main
        // private employers", "Chalon, one of the original Territoires d'industrie"): "industrie
        // dont tout le monde cause au club d'entreprises" names no "industrial players".
        let follows: Vec<bool> = unit_spans
            .iter()
            .enumerate()
            .map(|(k, span)| {
                k == 0 || {
                    let previous_end = unit_spans[k - 1].end.min(span.start);
                    words[previous_end..span.start]
                        .iter()
                        .filter(|w| !stopwords::is_stop_word(w))
                        .count()
                        <= 1
                }
            })
            .collect();
        let multi_word_names = self.names_in(&units, &unit_words, &follows);
        // A synonym group's phrase means the group, word by word too: the "optique" of "fibre
        // optique", which only the synonyms file lists, is no second subject.
        let mut in_group_phrase = vec![false; units.len()];
        for found in &multi_word_names {
            if self.synonym_labels.contains_key(&found.term) {
                in_group_phrase[found.span.clone()].fill(true);
            }
        }
        for (terms, in_phrase) in units.into_iter().zip(in_group_phrase) {
            if in_phrase && !terms.iter().any(|&t| self.info[t as usize].used) {
                continue;
            }
            let weight = self.slot_weight(&terms);
            push(terms, weight, &mut slots);
        }
        for term in multi_word_names.into_iter().map(|found| found.term) {
            let weight = self.info[term as usize].weight;
            push(vec![term], weight, &mut slots);
        }
        for (weight, word, unknown_name, alternative) in unknown {
            slots.push(Slot {
                terms: Vec::new(),
                weight,
                unknown_word: Some(word),
                unknown_name,
                alternative,
                context: false,
                introduces: false,
            });
        }
        // "Why Chalon rather than Dijon or Mâcon?": the other places are the asker's
        // alternatives, not the subject; left in, they make it a question about distances.
        let names_home = self.names_home(&slots);
        let is_place = |word: &str| {
            names.iter().any(|name| name == word)
                || self
                    .surface
                    .get(word)
                    .is_some_and(|terms| terms.iter().any(|&t| self.info[t as usize].place))
        };
        let compares = !stopwords::asks_distance(words)
            && (words.iter().any(|w| stopwords::is_comparison_word(w))
                || words.windows(2).any(|pair| {
                    (stopwords::is_contrast_word(&pair[0]) || stopwords::is_likening_word(&pair[0]))
                        && is_place(&pair[1])
                }));
        // "ici plutôt qu'à Dijon", "chez vous plutôt qu'à côté de Lyon", "des écoles sur place
        // ou faut partir à Dijon ?": "here" names the territory as well as its name does, and
        // the comparison comes with it.
        if (names_home && compares) || stopwords::points_here(words) {
            slots.retain(|slot| {
                !slot.unknown_name && !slot.alternative && !self.slot_is(slot, |info| info.place)
            });
        }
        slots
    }

    /// The slots of a message: those of its `asked` words, then those of its `introductions`
    /// (the sentences that say who asks, "We are a 40-person company based in Lyon."), as
    /// context at a lower weight: who asks tells what is asked, but less than the question
    /// does, and the places it names are not the subject.
    fn message_slots<'a>(
        &self,
        asked: &'a [String],
        introductions: &'a [Vec<String>],
        capitals: &Capitals,
    ) -> Vec<Slot<'a>> {
        let mut slots = self.question_slots(asked, capitals);
        for words in introductions {
            for slot in self.question_slots(words, capitals) {
                if slot.terms.is_empty() || !slots.iter().any(|s| s.terms == slot.terms) {
                    slots.push(Slot {
                        weight: slot.weight * INTRODUCTION_SHARE,
                        context: true,
                        introduces: true,
                        ..slot
                    });
                }
            }
        }
        slots
    }

    /// Whether `word`, unknown to the base, is a stop word typed with a slip: letters swapped
    /// ("shoudl"), one left out or doubled ("quelels", "actuellment"). A real word can be one
    /// edit from a stop word too, so five letters are too few ("think", "thank"), a changed
    /// letter is no slip below [`CHANGED_LETTER_MIN_CHARS`] ("realty", "really"; "exgctly" is
    /// "exactly"), nor is a word that holds the stop word whole ("rights", "mother").
    fn misspells_stop_word(&self, word: &str) -> bool {
        let letters = word.chars().count();
        if letters < SLIP_MIN_CHARS {
            return false;
        }
        STOP_WORD_TYPOS.correct(word).is_some_and(|stop_word| {
            is_slip(word, stop_word)
                || (letters >= CHANGED_LETTER_MIN_CHARS && changes_one_letter(word, stop_word))
        })
    }

    /// For each of `words`, whether it belongs to one of the settings' other places, its words
    /// in a row ("saint etienne", not a lone "saint").
    fn other_places_in(&self, words: &[String]) -> Vec<bool> {
        let mut inside = vec![false; words.len()];
        for start in 0..words.len() {
            for place in &self.other_places {
                if words[start..].starts_with(place) {
                    inside[start..start + place.len()].fill(true);
                }
            }
        }
        inside
    }

    /// How many of `entry`'s phrasings use `term`. One word that a single phrasing happens to
    /// use ("combien de monde") says too little to answer a one-word message with it.
    fn phrasings_using(&self, entry: usize, term: TermId) -> usize {
        self.phrasing_postings.get(&term).map_or(0, |postings| {
            postings
                .iter()
                .filter(|&&p| self.phrasings[p as usize].entry == entry)
                .count()
        })
    }

    /// The entry whose questions use one of `terms` far more than any other's: a share of its
    /// phrasings of at least [`OWNED_QUESTION_WORD_SHARE`], [`QUESTION_WORD_OWNER_LEAD`] times
    /// the next entry's share.
    fn question_word_owner(&self, terms: &[TermId]) -> Option<usize> {
        let mut using: HashMap<usize, HashSet<u32>> = HashMap::new();
        for term in terms {
            for &phrasing in self.phrasing_postings.get(term).into_iter().flatten() {
                let entry = self.phrasings[phrasing as usize].entry;
                using.entry(entry).or_default().insert(phrasing);
            }
        }
        let mut shares: Vec<(f64, usize)> = using
            .into_iter()
            .map(|(entry, phrasings)| {
                let share = phrasings.len() as f64 / self.phrasing_counts[entry].max(1) as f64;
                (share, entry)
            })
            .collect();
        shares.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let (best, entry) = *shares.first()?;
        let next = shares.get(1).map_or(0.0, |s| s.0);
        (best >= OWNED_QUESTION_WORD_SHARE && best >= QUESTION_WORD_OWNER_LEAD * next)
            .then_some(entry)
    }

    /// "sane or", "saune or": the terms of a name dictated or misspelt in two halves. Only when
    /// neither half is a word of the base as written, and a stop word among them is kept by the
    /// correction ("un accompagnement" is not "accompagnement" misspelt).
    fn glued_misspelling(&self, word: &str, next: &str) -> Option<Vec<TermId>> {
        let is_unknown =
            |half: &str| !stopwords::is_stop_word(half) && !self.surface.contains_key(half);
        let misspelt_halves = (is_unknown(word) || is_unknown(next))
            && [word, next]
                .iter()
                .all(|half| stopwords::is_stop_word(half) || is_unknown(half));
        let glued = format!("{word}{next}");
        if !misspelt_halves || glued.chars().count() < 6 {
            return None;
        }
        let corrected = self.typo.correct(&glued)?;
        let keeps_stop_words = (!stopwords::is_stop_word(word) || corrected.starts_with(word))
            && (!stopwords::is_stop_word(next) || corrected.ends_with(next));
        keeps_stop_words
            .then(|| self.surface.get(corrected).cloned())
            .flatten()
    }

    /// Whether one of the slots names the territory itself.
    fn names_home(&self, slots: &[Slot]) -> bool {
        slots
            .iter()
            .any(|slot| self.slot_is(slot, |info| info.home))
    }

    /// Whether one of the slot's terms has `flag`.
    fn slot_is(&self, slot: &Slot, flag: impl Fn(&TermInfo) -> bool) -> bool {
        slot.terms.iter().any(|&t| flag(&self.info[t as usize]))
    }

    /// A slot weighs as its heaviest term that the base uses; a word only the settings know
    /// weighs as an unknown word.
    fn slot_weight(&self, terms: &[TermId]) -> f64 {
        let weight = terms
            .iter()
            .filter(|&&t| self.info[t as usize].used)
            .map(|&t| {
                let weight = self.term_weight(t);
                if self.info[t as usize].asked {
                    weight
                } else {
                    weight.min(self.tuning.answer_only_weight)
                }
            })
            .fold(0.0, f64::max);
        if weight > 0.0 {
            weight
        } else {
            self.tuning.unknown_word_weight
        }
    }

    fn term_weight(&self, term: TermId) -> f64 {
        let info = &self.info[term as usize];
        if info.question_word {
            self.tuning.question_word_weight
        } else {
            info.weight
        }
    }

    /// The terms a question word stands for: as written, by its stem, or, when `typos`, as a
    /// corrected typo.
    fn resolve_spelt(&self, word: &str, typos: bool) -> Option<Vec<TermId>> {
        self.resolve_with_reading(word, typos)
            .map(|(terms, _)| terms)
    }

    /// [`Index::resolve_spelt`], with the word it was read as: `word` itself, or the base's word it was
    /// corrected to.
    fn resolve_with_reading<'w>(
        &'w self,
        word: &'w str,
        typos: bool,
    ) -> Option<(Vec<TermId>, &'w str)> {
        if let Some(read) = self.read_as(word) {
            return Some(read);
        }
        if let Some(terms) = self.acronym_plural(word) {
            return Some((terms, word));
        }
        let mut terms = Vec::new();
        for lang in Lang::ALL {
            if let Some(&term) = self.terms.get(&self.stemmers.stem(lang, word))
                && !terms.contains(&term)
                && !self.short_word_terms.contains(&term)
            {
                terms.push(term);
            }
        }
        if !terms.is_empty() {
            // "saoner", "Territores": a word the base never writes, whose stem happens to be
            // another word's ("saon" of Saône, "territor" of "territoriaux"), is the base's word
            // typed with a letter dropped, doubled or swapped when it is one.
            if typos
                && !self.is_plural_of_known_word(word)
                && let Some(corrected) = self.typo.correct(word)
                && is_slip(word, corrected)
                && let Some(meant) = self.surface.get(corrected)
                && !meant.iter().any(|term| terms.contains(term))
            {
                return Some((meant.clone(), corrected));
            }
            return Some((terms, word));
        }
        if let Some(term) = self.figure_rounded_as(word) {
            return Some((vec![term], word));
        }
        if !typos {
            return None;
        }
        self.read_as(self.typo.correct(word)?)
    }

    /// The base's figure that `word`, a round number it does not write, rounds: "45000" (or
    /// "45 000") for the 45,031 inhabitants, "10000" for the 9,928 jobs. Only a number rounded
    /// to the hundred, of [`ROUNDED_FIGURE_MIN`] or more, within [`ROUNDED_FIGURE_SHARE`] of
    /// the figure: "2000" is no rounding of 2017, nor "500" of 550.
    fn figure_rounded_as(&self, word: &str) -> Option<TermId> {
        if !word.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let typed: u64 = word.parse().ok()?;
        if typed < ROUNDED_FIGURE_MIN || !typed.is_multiple_of(100) || is_year(typed) {
            return None;
        }
        self.figures
            .iter()
            .filter(|(figure, _)| {
                typed.abs_diff(*figure) as f64 <= ROUNDED_FIGURE_SHARE * *figure as f64
            })
            .min_by_key(|(figure, _)| typed.abs_diff(*figure))
            .map(|&(_, term)| term)
    }

    /// The terms of `word` as the base writes it, and the word.
    fn read_as<'w>(&self, word: &'w str) -> Option<(Vec<TermId>, &'w str)> {
        self.surface.get(word).map(|terms| (terms.clone(), word))
    }

    /// An acronym is spelt as meant ("ENSMA" is another school than "ENSAM"), except for a
    /// letter left out of one of [`ACRONYM_DROPPED_LETTER_MIN_CHARS`] or more ("ADME",
    /// "AEME": ADEME): the base's acronym and the word it was read as.
    fn acronym_with_a_letter_left_out<'w>(&'w self, word: &str) -> Option<(Vec<TermId>, &'w str)> {
        let letters = word.chars().count();
        if letters < ACRONYM_DROPPED_LETTER_MIN_CHARS {
            return None;
        }
        let corrected = self
            .typo
            .correct(word)
            .filter(|corrected| corrected.chars().count() == letters + 1)?;
        self.read_as(corrected)
    }

    /// Whether `word` is a word the base writes with a plural ending ("liens" of "lien"): a
    /// real word, whatever base word it is also a slip of ("lines").
    fn is_plural_of_known_word(&self, word: &str) -> bool {
        ["s", "x", "es"].iter().any(|ending| {
            word.strip_suffix(ending)
                .is_some_and(|singular| self.surface.contains_key(singular))
        })
    }

    /// The terms of an acronym that `word` is the plural of ("FDIs", "PMEs"), which no stemmer
    /// strips: see `short_word_terms`.
    fn acronym_plural(&self, word: &str) -> Option<Vec<TermId>> {
        let terms = self.surface.get(word.strip_suffix('s')?)?;
        terms
            .iter()
            .all(|term| self.short_word_terms.contains(term))
            .then(|| terms.clone())
    }

    /// "frenchtech" → "french" + "tech": an unknown word made of two vocabulary words.
    fn split(&self, word: &str) -> Option<(Vec<TermId>, Vec<TermId>)> {
        let boundaries: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(3).collect();
        boundaries.into_iter().find_map(|at| {
            let (left, right) = word.split_at(at);
            if right.chars().count() < 3
                || stopwords::is_stop_word(left)
                || stopwords::is_stop_word(right)
            {
                return None;
            }
            Some((
                self.surface.get(left)?.clone(),
                self.surface.get(right)?.clone(),
            ))
        })
    }

    /// The multi-word names found in a sequence of resolved words, longest first.
    fn names_in(
        &self,
        units: &[Vec<TermId>],
        words: &[String],
        follows: &[bool],
    ) -> Vec<FoundName> {
        names_in(&self.phrases, &self.synonym_labels, units, words, follows)
    }
}

/// The sentences near the end of a message: how many have words, and those that can ask
/// something on their own (enough words besides stop words; not "Hello!" or "Thanks a lot.").
struct Sentences<'a> {
    count: usize,
    asking: Vec<&'a str>,
    /// The clauses in which the asker says who they are ("We are a 40-person company based
    /// in Lyon.", "Hi, I'm a consultant," before what they ask), when the message asks
    /// something besides: context, not what is asked.
    introductions: Vec<&'a str>,
    /// What the message asks: without its introductions, without the questions that only
    /// close it ("Thoughts?", "Des avis ?"), and without the signature that ends it when at
    /// most one sentence asks: "Where is Chalon? Thanks, Mark" is read as "Where is Chalon?",
    /// since the signer's name says nothing about what is asked. (In a longer message the
    /// signature stays: with the context, it keeps a message that no sentence asks clearly
    /// from being answered whole.)
    asked: String,
    /// The questions of one word that is not a stop word ("What is SaôneOr exactly?", "Any
    /// overview?"), or of a short fragment and a question that only points back to it
    /// ("SaôneOr. C'est quoi ?"): not asking sentences of their own, but the question of a
    /// message where no asking sentence has a question mark.
    short_questions: Vec<&'a str>,
    /// The asking sentences whose question mark went with the closer cut from their end ("Is
    /// there land near the A6 Any thoughts?"): they still ask a question.
    questioned: Vec<&'a str>,
}

impl<'a> Sentences<'a> {
    /// A sentence ends at a line break, at '.', '!' or '?' followed by a space or the end ("1.5
    /// ha" and "saoneor.fr" do not end one), or, in a message typed without punctuation, before
    /// a capitalised question word ("… 350 employees Can you describe SaôneOr") or sign-off
    /// ("… available Kind regards, Mark"). Only the last
    /// [`FOCUS_MAX_CHARS`] characters are read: the asking sentence ends the message.
    fn of(question: &'a str) -> Self {
        let start = question
            .char_indices()
            .rev()
            .nth(FOCUS_MAX_CHARS)
            .map_or(0, |(at, _)| at);
        let text = &question[start..];
        let mut pieces = Vec::new();
        let mut from = 0;
        let mut chars = text.char_indices().peekable();
        // The last character before the spaces, if any.
        let mut visible = None;
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, next)| next);
            let next_is_space = next.is_none_or(char::is_whitespace);
            if c == '\n' || (matches!(c, '.' | '!' | '?') && next_is_space) {
                let end = at + c.len_utf8();
                pieces.push(&text[from..end]);
                from = end;
            } else if c.is_whitespace()
                && !next_is_space
                && visible.is_some_and(|v: char| v == ')' || !v.is_ascii_punctuation())
                && opens_sentence(&text[at + c.len_utf8()..])
            {
                pieces.push(&text[from..at]);
                from = at;
            }
            if !c.is_whitespace() {
                visible = Some(c);
            }
        }
        pieces.push(&text[from..]);
        let pieces: Vec<(&str, Vec<String>)> = pieces
            .into_iter()
            .map(|piece| (piece, normalize::words(piece)))
            .filter(|(_, words)| !words.is_empty())
            .collect();
        let last = pieces.len().saturating_sub(1);
        let mut count = 0;
        let mut asking: Vec<&str> = Vec::new();
        let mut signed = false;
        let mut signature_at = None;
        let mut introductions = Vec::new();
        let mut closers = Vec::new();
        let mut short_questions = Vec::new();
        let mut questioned = Vec::new();
        // The last piece, when it was a fragment too short to ask ("SaôneOr."), that a
        // question after it may point back to.
        let mut fragment: Option<&str> = None;
        let pieces_count = pieces.len();
        for (at, (whole, mut words)) in pieces.into_iter().enumerate() {
            let mut piece = whole.trim();
            // "… pour un investisseur merci Julien.": a sign-off that ends the last line.
            if at == last
                && !signed
                && let Some(sign_off) = trailing_sign_off(piece)
            {
                if asking.is_empty() {
                    signature_at = Some(offset_in(question, piece) + sign_off);
                }
                piece = piece[..sign_off].trim_end();
                words = normalize::words(piece);
                if words.is_empty() {
                    continue;
                }
            }
            // "… une usine. Des avis ?": asks nothing of its own.
            if pieces_count > 1 && stopwords::only_closes(&words) {
                // "… near the motorway Any thoughts?": the question mark was the sentence's.
                if let Some(&before) = asking.last()
                    && piece.ends_with('?')
                    && !before.ends_with(['.', '!', '?'])
                    && offset_in(question, before) + before.len() == offset_in(question, whole)
                {
                    questioned.push(before);
                }
                closers.push(piece);
                fragment = None;
                continue;
            }
            // "… pour un entrepôt Thoughts?", typed without a stop before it.
            let mut closer_cut = false;
            if let Some(closer_at) = trailing_closer(piece) {
                closers.push(&piece[closer_at..]);
                piece = piece[..closer_at].trim_end();
                words = normalize::words(piece);
                closer_cut = true;
            }
            count += 1;
            // "Regards, Priya (HR, Bangalore)", or "Best regards," with the name on the next
            // line: a signature asks nothing. A longer line is a request ("Merci de m'indiquer
            // les terrains disponibles").
            let sign_off_name_count = stopwords::sign_off_name_words(piece);
            let signs_off = sign_off_name_count.is_some_and(|name| {
                name <= SIGN_OFF_MAX_WORDS
                    || (count > 1 && name <= SIGNATURE_LIST_MAX_WORDS && lists_who_signs(piece))
            }) || (count > 1 && stopwords::closes_letter(&words));
            if signs_off && !piece.ends_with('?') {
                // "Merci d'avance.", "Best regards,": a courtesy without a name is left out
                // even where the signature stays, before a postscript ("advance" is no word
                // of the question).
                if sign_off_name_count == Some(0) && count > 1 {
                    closers.push(piece);
                }
                // After one question or after context and two questions alike, the signer's
                // name and title ("Mark Evans, Head of Site Selection") say nothing asked.
                if !signed {
                    signature_at = Some(offset_in(question, whole));
                }
                signed = true;
            } else if signed && words[0] == "ps" {
                // "PS: we also need a rail siding" after the signature still asks.
                signature_at = None;
            }
            if !signed && let Some(introduction) = introduction_in(piece, &words) {
                introductions.push(introduction);
                piece = piece[introduction.len()..]
                    .trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
                words = normalize::words(piece);
            }
            let content = words.iter().filter(|w| !stopwords::is_stop_word(w)).count();
            if !signed && content >= FOCUS_MIN_WORDS {
                asking.push(piece);
                if closer_cut {
                    questioned.push(piece);
                }
            } else if !signed && content > 0 && piece.ends_with('?') {
                short_questions.push(piece);
            } else if !signed
                && content == 0
                && piece.ends_with('?')
                && let Some(fragment) = fragment
            {
                // "SaôneOr. C'est quoi ?", "That old mill. What's in it now?": the question
                // asks about the fragment before it.
                let start = offset_in(question, fragment);
                short_questions.push(&question[start..offset_in(question, piece) + piece.len()]);
            }
            fragment =
                (!signed && content > 0 && content < FOCUS_MIN_WORDS && !piece.ends_with('?'))
                    .then_some(piece);
        }
        let says_something = |text: &str| !stopwords::content_words(text).is_empty();
        // A cut that would leave nothing to match ("Hello\nthx, any land in SaôneOr") is no
        // signature.
        let unsigned = signature_at
            .map(|at| &question[..at])
            .filter(|before| says_something(before))
            .unwrap_or(question);
        // A message that only closes ("Thoughts? Ideas?") is read whole.
        closers.retain(|closer| offset_in(question, closer) + closer.len() <= unsigned.len());
        let mut unclosed = without(unsigned, &closers);
        if !says_something(&unclosed) {
            closers.clear();
            unclosed = unsigned.to_string();
        }
        // Only a message that says something besides who is asking has introductions.
        let mut asked = unclosed;
        if !introductions.is_empty() {
            let mut asides: Vec<&str> = introductions.iter().chain(&closers).copied().collect();
            asides.sort_by_key(|aside| offset_in(question, aside));
            let besides = without(unsigned, &asides);
            if says_something(&besides) {
                asked = besides;
            } else {
                introductions.clear();
            }
        }
        Sentences {
            count,
            asking,
            introductions,
            asked,
            short_questions,
            questioned,
        }
    }

    /// The words a message is matched on, without its signature: those of what it asks, and
    /// those of each of its introductions.
    fn read(&self) -> (Vec<String>, Vec<Vec<String>>) {
        let asked = read_words(&self.asked);
        // "I work for", "nous sommes" only say that the words after them are who asks.
        let introductions = self
            .introductions
            .iter()
            .map(|clause| {
                let words = normalize::words(clause);
                let start = stopwords::introduction_start(&words).unwrap_or(0);
                read_folded(words[start..].to_vec())
            })
            .collect();
        (asked, introductions)
    }

    /// The sentence that asks, in a message of several: the last asking one ending with a
    /// question mark (or whose question mark went with a closer), else the last short question
    /// ("What is SaôneOr exactly? saw the name on the website", "We'll shuttle from Paris every
    /// week. Rail?"), else the last asking one.
    /// Investors write a greeting and context first; their question alone should not be
    /// diluted by it. (A question that only closes the message, "Thoughts?", is left out
    /// before: [`stopwords::only_closes`].) `None` for a one-sentence message.
    fn focus(&self) -> Option<&'a str> {
        if self.count < 2 {
            return None;
        }
        self.asking
            .iter()
            .rev()
            .find(|s| s.ends_with('?') || self.questioned.contains(s))
            .or(self.short_questions.last())
            .or(self.asking.last())
            .copied()
    }
}

/// Whether `rest` starts with a capitalised word that opens a question ("Can", "What",
/// "Quelles", "Est-ce"…) or a signature ("Cordialement", "Kind regards", "Je vous prie
/// d'agréer…"): in a message without punctuation, where a new sentence starts.
fn opens_sentence(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        .collect();
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(|c| !c.is_uppercase())
        && {
            let folded = normalize::words(&word).concat();
            stopwords::opens_question(&folded)
                || (stopwords::may_open_sign_off(&folded) && signature_starts(rest))
        }
}

/// Whether `rest` opens with a sign-off or a letter's closing formula ("… un terrain dispo
/// Cordialement, Julien", "… available Kind regards, Mark Evans, Head of Site Selection"),
/// where the signature of a message typed without a stop before it starts. Only the first
/// words of the line are read: a sign-off, its courtesy and a comma-parted signature.
fn signature_starts(rest: &str) -> bool {
    // A few hundred characters hold the words read; a pasted page is not scanned to its end
    // at each capital.
    let head = rest
        .char_indices()
        .nth(SIGN_OFF_LOOKAHEAD_CHARS)
        .map_or(rest, |(at, _)| &rest[..at]);
    let line = head.lines().next().unwrap_or_default();
    let end = line
        .split_whitespace()
        .nth(SIGN_OFF_LOOKAHEAD_WORDS)
        .map_or(line.len(), |token| offset_in(line, token));
    stopwords::opens_sign_off(&line[..end])
}

/// Whether `typed` is `meant` with exactly one letter changed ("exgctly", "exactly").
fn changes_one_letter(typed: &str, meant: &str) -> bool {
    typed.chars().count() == meant.chars().count()
        && typed
            .chars()
            .zip(meant.chars())
            .filter(|(a, b)| a != b)
            .count()
            == 1
}

/// Whether `typed`, which the typo index reads as `meant`, is `meant` typed with a slip: the
/// same letters in another order, or a letter left out or added. A changed letter makes
/// another word ("realty" and "really", "testing" and "tasting"), and so does a word that holds
/// the other whole ("rights" and "right", "meteoo" and "meteo").
fn is_slip(typed: &str, meant: &str) -> bool {
    let (mut typed_letters, mut meant_letters): (Vec<char>, Vec<char>) =
        (typed.chars().collect(), meant.chars().collect());
    if typed_letters.len() == meant_letters.len() {
        typed_letters.sort_unstable();
        meant_letters.sort_unstable();
        typed_letters == meant_letters
    } else {
        !typed.contains(meant)
    }
}

/// Where a sign-off that ends `line` starts ("… un investisseur merci Julien", "TGV thx
/// Mark", "… thanks in advance, Mark Evans", "… settle in Chalon Best Min-jun"): a thank-you
/// or sign-off word ([`stopwords::sign_off_name_words`]) with a word before it and, after it,
/// a name.
fn trailing_sign_off(line: &str) -> Option<usize> {
    // A sign-off word, its courtesy ("in advance") and a name: the last few words only, which
    // also keeps a pasted page from being re-read once per word.
    last_word_starts(line, TRAILING_SIGN_OFF_REACH).find(|&at| {
        stopwords::sign_off_name_words(&line[at..])
            .is_some_and(|name| name <= TRAILING_SIGN_OFF_NAME_WORDS)
    })
}

/// Whether what follows the sign-off that opens `line` is a list of short parts: "Regards,
/// Lucy Adams, Market Analyst, Adams Retail Partners", "Merci d'avance — Claire, Arthur Loyd".
fn lists_who_signs(line: &str) -> bool {
    let parts: Vec<&str> = line.split([',', '–', '—', '|']).skip(1).collect();
    // The signer's name comes first, capitalised: "Thanks, could you send: prices, sizes,
    // access" lists what is asked.
    parts.len() >= 2
        && parts[0].trim_start().starts_with(char::is_uppercase)
        && parts
            .iter()
            .all(|part| (1..=SIGNATURE_PART_MAX_WORDS).contains(&part.split_whitespace().count()))
}

/// Where each of the last `reach` words of `line` starts, first to last, never the first word:
/// what ends a line (a sign-off, a closer) follows something.
fn last_word_starts(line: &str, reach: usize) -> impl Iterator<Item = usize> {
    let starts: Vec<usize> = line
        .split_whitespace()
        .map(|token| offset_in(line, token))
        .collect();
    let first = starts.len().saturating_sub(reach).max(1);
    starts.into_iter().skip(first)
}

/// Where a question that only closes `line` starts, when the line asks something before it
/// without a stop between them: "… pour un entrepôt Thoughts?", "… depuis quand, des avis ?".
/// The closer opens with a capital or follows a comma, a colon or a dash, so that a question
/// that ends with the same words ("vous avez des avis ?") is not cut.
fn trailing_closer(line: &str) -> Option<usize> {
    if !line.ends_with('?') {
        return None;
    }
    // The longest closer first: "Any thoughts?" rather than "thoughts?".
    last_word_starts(line, TRAILING_CLOSER_WORDS)
        .filter(|&at| {
            let before = line[..at].trim_end();
            line[at..].starts_with(char::is_uppercase)
                || before.ends_with([',', ';', ':', '…', '-'])
        })
        .find(|&at| stopwords::only_closes(&normalize::words(&line[at..])))
}

/// The stop words, to recognise a misspelt one ("quelels", "shoudl") rather than count it as an
/// unknown word against every answer. The same for every base, so built once.
static STOP_WORD_TYPOS: LazyLock<TypoIndex> =
    LazyLock::new(|| TypoIndex::new(stopwords::stop_words().map(|word| (word.to_string(), 1))));

/// Each phrase of a settings list (off-topic words, other places) as its folded words; a
/// phrase that folds to nothing is left out.
fn folded_phrases(phrases: &[String]) -> Vec<Vec<String>> {
    phrases
        .iter()
        .map(|phrase| normalize::words(phrase))
        .filter(|words| !words.is_empty())
        .collect()
}

/// The clause that opens `sentence` when in it the asker says who they are ("We are a
/// 40-person company based in Lyon", "Bjr, je suis responsable formation dans une PME de
/// mécanique,"), up to the end of that clause: what follows ("… on m'a parlé d'un lieu …",
/// "… looking for 3 ha") may ask. A clause with a question mark asks. `words` are the
/// sentence's folded words.
fn introduction_in<'a>(sentence: &'a str, words: &[String]) -> Option<&'a str> {
    if !stopwords::introduces_asker(words) {
        return None;
    }
    // A clause ends at a comma or a dash, or where the asker says what they need ("we're a
    // plastics processor looking for 3-4 ha", "on est une PME … et on voudrait digitaliser").
    let needs = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| stopwords::expresses_need(normalize::fold(word).trim()))
        .map(|word| offset_in(sentence, word));
    let mut ends: Vec<usize> = sentence
        .char_indices()
        .filter(|&(_, c)| matches!(c, ',' | ';' | ':' | '–' | '—'))
        .map(|(at, _)| at)
        .chain(needs)
        .collect();
    ends.sort_unstable();
    ends.push(sentence.len());
    // The shortest clause that introduces: one that is only a greeting ("hello,") does not.
    ends.into_iter()
        .map(|end| &sentence[..end])
        .find(|clause| stopwords::introduces_asker(&normalize::words(clause)))
        .filter(|clause| !clause.contains('?'))
}

/// `text` without `parts`, slices of it (or of the text it is a prefix of), one line per part
/// left.
fn without(text: &str, parts: &[&str]) -> String {
    let mut left = String::with_capacity(text.len());
    let mut from = 0;
    for part in parts {
        let start = offset_in(text, part);
        if start < from || start >= text.len() {
            continue;
        }
        left.push_str(&text[from..start]);
        left.push('\n');
        from = (start + part.len()).min(text.len());
    }
    left.push_str(&text[from..]);
    left
}

/// Where `inner`, a slice of `outer`, starts in it.
fn offset_in(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}

/// Merges `more` into `candidates`, each entry keeping its better score, best first (ties by
/// entry order), at most [`KEPT_CANDIDATES`].
fn merge_candidates(candidates: &mut Vec<Candidate>, more: Vec<Candidate>) {
    for candidate in more {
        match candidates.iter_mut().find(|c| c.entry == candidate.entry) {
            Some(known) => known.score = known.score.max(candidate.score),
            None => candidates.push(candidate),
        }
    }
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
    candidates.truncate(KEPT_CANDIDATES);
}

/// The words a question is matched on: [`read_folded`] of its folded words.
fn read_words(text: &str) -> Vec<String> {
    read_folded(normalize::words(text))
}

/// Folded `words` as the matcher reads them: a French "où" as "where", other languages'
/// question words as the English ones, small talk and greetings to the room left out.
fn read_folded(words: Vec<String>) -> Vec<String> {
    stopwords::without_small_talk(stopwords::with_french_where(
        stopwords::with_other_question_words(words),
    ))
}

/// A thank-you that asks nothing: "merci beaucoup pour votre aide", "thx for the info". Words
/// that say something may only follow the "for" of the thanks, and be few; a question mark, or
/// anything said before the thanks or between them and their "for", makes it a question
/// ("Thanks! Could you tell me about SaôneOr", "merci. et pour la gare").
fn is_courtesy(question: &str, words: &[String]) -> bool {
    const MAX_THANKED_WORDS: usize = 2;
    if question.contains(['?', '？', '¿']) {
        return false;
    }
    let Some(thanks) = words.iter().position(|w| stopwords::is_thanks(w)) else {
        return false;
    };
    // "Many thanks": the "many" of the thanks (a question word elsewhere) says nothing either.
    let without_lead;
    let (words, thanks) = match thanks.checked_sub(1) {
        Some(lead) if stopwords::leads_sign_off(&words[lead]) => {
            without_lead = [&words[..lead], &words[thanks..]].concat();
            (&without_lead[..], lead)
        }
        _ => (words, thanks),
    };
    let says_something = |w: &String| !stopwords::is_stop_word(w);
    let Some(reason) = words[thanks..]
        .iter()
        .position(|w| w == "for" || w == "pour")
        .map(|at| thanks + at)
    else {
        return !words.iter().any(says_something);
    };
    !words[..reason].iter().any(says_something)
        && words[reason..].iter().filter(|w| says_something(w)).count() <= MAX_THANKED_WORDS
}

/// A multi-word name or synonym phrase found in a question, and the units it covers.
struct FoundName {
    term: TermId,
    span: std::ops::Range<usize>,
}

/// Greedy longest match of the phrases over `units`, read from `words`. A unit matches a
/// position of a phrase when they share a synonym group ("logistique" for the "logistics" of
/// "logistics sector"), or a stem and a word close to the name's: "manufacturing in Chalon"
/// shares its stems with the company "Manufacture de Chalon" but does not name it.
fn names_in(
    phrases: &HashMap<TermId, Vec<Phrase>>,
    synonym_groups: &HashMap<TermId, String>,
    units: &[Vec<TermId>],
    words: &[String],
    follows: &[bool],
) -> Vec<FoundName> {
    // The name's word, in the plural, or misspelt as the typo index would correct it; another
    // ending ("manufacturer", "manufactured", "manufacturing") is another word.
    let spells = |said: &str, listed: &str| match said.strip_prefix(listed) {
        Some(ending) => matches!(ending, "" | "s" | "x" | "es"),
        None => {
            strsim::damerau_levenshtein(said, listed) <= typo::max_edits(listed.chars().count())
        }
    };
    let matches = |accepted: &[TermId], listed: &str, unit: &[TermId], said: &str| {
        unit.iter().any(|t| {
            accepted.contains(t)
                && (synonym_groups.contains_key(t) || said.is_empty() || spells(said, listed))
        })
    };
    // Kept in step by every branch that reads a word into units.
    debug_assert_eq!(units.len(), words.len(), "one word per unit");
    // The longest phrase that matches from `at`, if any.
    let longest_at = |at: usize| -> Option<&Phrase> {
        let mut candidates: Vec<&Phrase> = units[at]
            .iter()
            .filter_map(|t| phrases.get(t))
            .flatten()
            .collect();
        candidates.sort_by_key(|p| std::cmp::Reverse(p.pattern.len()));
        candidates.into_iter().find(|phrase| {
            let len = phrase.pattern.len();
            at + len <= units.len()
                && follows[at + 1..at + len].iter().all(|&f| f)
                && phrase
                    .pattern
                    .iter()
                    .zip(&phrase.words)
                    .zip(units[at..at + len].iter().zip(&words[at..at + len]))
                    .all(|((accepted, listed), (unit, said))| matches(accepted, listed, unit, said))
        })
    };
    // Each position is read once: a synonym phrase looks ahead at the names inside it.
    let longest: Vec<Option<&Phrase>> = (0..units.len()).map(longest_at).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < units.len() {
        let mut phrase = longest[i];
        // A synonym phrase read across a name that starts inside it, written word for word,
        // gives way to the name: "industrie zone d'emploi" is about the employment zone, not
        // an industrial zone.
        if let Some(group_phrase) = phrase
            && synonym_groups.contains_key(&group_phrase.term)
        {
            let end = i + group_phrase.pattern.len();
            let name_inside = (i + 1..end).any(|at| {
                longest[at].is_some_and(|name| {
                    let len = name.pattern.len();
                    !synonym_groups.contains_key(&name.term)
                        && at + len > end
                        && name
                            .words
                            .iter()
                            .zip(&words[at..at + len])
                            .all(|(listed, said)| spells(said, listed))
                })
            });
            if name_inside {
                phrase = None;
            }
        }
        let matched = phrase.map_or(1, |phrase| {
            if !found.iter().any(|f: &FoundName| f.term == phrase.term) {
                found.push(FoundName {
                    term: phrase.term,
                    span: i..i + phrase.pattern.len(),
                });
            }
            phrase.pattern.len()
        });
        i += matched;
    }
    found
}

impl Builder {
    fn term(&mut self, key: &str) -> TermId {
        if let Some(&id) = self.index.terms.get(key) {
            return id;
        }
        let id = self.index.info.len() as TermId;
        self.index.terms.insert(key.to_string(), id);
        self.index.info.push(TermInfo::default());
        id
    }

    /// Registers a folded word as used in a text of `lang` and returns its term.
    fn word(&mut self, word: &str, lang: Lang) -> TermId {
        let stem = self.index.stemmers.stem(lang, word);
        // A word a synonym group lists means that group, not another group its stem is listed
        // in ("training", stem "train"); see `synonyms`, which registers the stems.
        let is_group = |term: &TermId| self.index.synonym_labels.contains_key(term);
        if let Some(&[own_group]) = self.index.surface.get(word).map(Vec::as_slice)
            && is_group(&own_group)
            && self
                .index
                .terms
                .get(&stem)
                .is_some_and(|term| *term != own_group && is_group(term))
        {
            return own_group;
        }
        let term = self.term(&stem);
        let terms = self.index.surface.entry(word.to_string()).or_default();
        if !terms.contains(&term) {
            terms.push(term);
        }
        if stopwords::is_question_word(word) {
            self.index.info[term as usize].question_word = true;
        }
        term
    }

    fn synonyms(&mut self, groups: &[Vec<String>]) {
        let group_terms: Vec<TermId> = (0..groups.len())
            .map(|i| self.term(&format!("syn:{i}")))
            .collect();
        for (group, &term) in groups.iter().zip(&group_terms) {
            if let Some(first) = group.first() {
                self.index.synonym_labels.insert(term, first.clone());
            }
        }
        let split = |text: &String| stopwords::content_words(text);
        // A word a group lists is that group's, whatever another word's stem: "training"
        // (stem "train") must not take "train" from the rail group.
        let group_of_listed: HashMap<String, TermId> = groups
            .iter()
            .zip(&group_terms)
            .flat_map(|(group, &term)| group.iter().map(split).map(move |words| (words, term)))
            .filter_map(|(words, term)| Some((<[String; 1]>::try_from(words).ok()?, term)))
            .map(|([word], term)| (word, term))
            .collect();
        // Single words first: a phrase registers its words' stems, which must already point
        // to their groups.
        for (group, &group_term) in groups.iter().zip(&group_terms) {
            for words in group.iter().map(split) {
                if let [word] = words.as_slice() {
                    for lang in Lang::ALL {
                        let stem = self.index.stemmers.stem(lang, word);
                        if group_of_listed
                            .get(&stem)
                            .is_none_or(|&owner| owner == group_term)
                        {
                            self.index.terms.insert(stem, group_term);
                        }
                    }
                    self.index.surface.insert(word.clone(), vec![group_term]);
                }
            }
        }
        for (group, &group_term) in groups.iter().zip(&group_terms) {
            for words in group.iter().map(split) {
                if words.len() > 1 {
                    self.phrase(&words, group_term);
                }
            }
        }
    }

    /// Registers a keyword so that questions can name it, and returns the terms that stand for
    /// it as a whole: a one-word name's stems, or one phrase term for a longer name.
    fn name(&mut self, text: &str) -> Vec<TermId> {
        let words = stopwords::content_words(text);
        for word in &words {
            let terms = [self.word(word, Lang::Fr), self.word(word, Lang::En)];
            self.keyword_words.extend(terms);
        }
        match words.as_slice() {
            [] => Vec::new(),
            [single] => {
                let mut terms = vec![self.word(single, Lang::Fr), self.word(single, Lang::En)];
                terms.dedup();
                terms
            }
            _ => {
                let term = self.term(&format!("name:{}", words.join(" ")));
                self.phrase(&words, term);
                vec![term]
            }
        }
    }

    fn phrase(&mut self, words: &[String], term: TermId) {
        let pattern: Vec<Vec<TermId>> = words
            .iter()
            .map(|w| {
                let mut accepted = vec![self.word(w, Lang::Fr), self.word(w, Lang::En)];
                accepted.dedup();
                accepted
            })
            .collect();
        let phrases = self.index.phrases.entry(pattern[0][0]).or_default();
        if !phrases.iter().any(|p| p.pattern == pattern) {
            phrases.push(Phrase {
                pattern: pattern.clone(),
                words: words.to_vec(),
                term,
            });
        }
        if pattern[0].len() > 1 {
            self.index
                .phrases
                .entry(pattern[0][1])
                .or_default()
                .push(Phrase {
                    pattern,
                    words: words.to_vec(),
                    term,
                });
        }
    }

    /// The terms of a text written in `lang`: its words' terms and the names it contains.
    fn text_terms(&mut self, text: &str, lang: Lang) -> Vec<TermId> {
        let mut units = Vec::new();
        let mut unit_words = Vec::new();
        let words = normalize::words(text);
        for word in &words {
            *self.word_frequency.entry(word.clone()).or_default() += 1;
            let counts = self.index.surface_lang.entry(word.clone()).or_default();
            match lang {
                Lang::Fr => counts.0 += 1,
                Lang::En => counts.1 += 1,
            }
        }
        for word in stopwords::with_french_where(words) {
            if stopwords::is_stop_word(&word) {
                continue;
            }
            units.push(vec![self.word(&word, lang)]);
            unit_words.push(word);
        }
        let names = names_in(
            &self.index.phrases,
            &self.index.synonym_labels,
            &units,
            &unit_words,
            &vec![true; units.len()],
        );
        let mut terms: Vec<TermId> = units.into_iter().flatten().collect();
        terms.extend(names.into_iter().map(|found| found.term));
        terms.sort_unstable();
        terms.dedup();
        terms
    }

    /// Counts how often the answer's words are capitalised inside a sentence: answers are
    /// written with care, so a word they always capitalise is a name.
    fn count_capitals(&mut self, answer: &str) {
        for (word, capitalised) in normalize::mid_sentence_words(answer) {
            let counts = self.answer_capitals.entry(word).or_default();
            counts.0 += u32::from(capitalised);
            counts.1 += 1;
        }
    }

    /// Marks the terms of the words the answers capitalise (nearly) every time they use them,
    /// except synonym groups (a group stands for common words too) and the territory's own
    /// names, which most entries' questions use.
    fn mark_names(&mut self, main_frequency: &HashMap<TermId, usize>) {
        let home = (self.index.entries.len() as f64 * NAME_HOME_SHARE).max(2.0);
        // Counted per term: "Manufacture" in a company's name does not make "manufacturing",
        // which shares its stem, a name.
        let mut capitals: HashMap<TermId, (u32, u32)> = HashMap::new();
        for (word, &(capitalised, used)) in &self.answer_capitals {
            if stopwords::is_calendar_word(word) {
                continue;
            }
            for &term in self.index.surface.get(word).into_iter().flatten() {
                let counts = capitals.entry(term).or_default();
                counts.0 += capitalised;
                counts.1 += used;
            }
        }
        for (term, (capitalised, used)) in capitals {
            let everywhere = main_frequency.get(&term).copied().unwrap_or(0) as f64 >= home;
            let named = capitalised > 0
                && f64::from(capitalised) >= NAME_CAPITALISED_SHARE * f64::from(used)
                && !self.index.synonym_labels.contains_key(&term);
            self.index.info[term as usize].home = named && everywhere;
            if named && !everywhere {
                self.index.info[term as usize].name = true;
                self.index.info[term as usize].place = !self.keyword_words.contains(&term);
            }
        }
    }

    fn finish(mut self, base: &KnowledgeBase) -> Index {
        // How many entries' questions or keywords use each term.
        let mut main_frequency: HashMap<TermId, usize> = HashMap::new();
        for entry in &self.index.entries {
            for &term in &entry.main {
                *main_frequency.entry(term).or_default() += 1;
            }
        }
        for &term in main_frequency.keys() {
            self.index.info[term as usize].asked = true;
        }
        self.mark_names(&main_frequency);
        self.index.phrasing_counts = vec![0; self.index.entries.len()];
        for phrasing in &self.index.phrasings {
            self.index.phrasing_counts[phrasing.entry] += 1;
        }
        let documents = base.entries.len().max(1) as f64;
        let idf = |df: f64| (1.0 + (documents - df + 0.5) / (df + 0.5)).ln();
        let max_idf = idf(1.0);
        for (term, info) in self.index.info.iter_mut().enumerate() {
            let df = self
                .document_frequency
                .get(&(term as TermId))
                .copied()
                .unwrap_or(0.0);
            info.used = df > 0.0;
            info.weight = (idf(df.max(1.0)) / max_idf).clamp(0.05, 1.0);
        }
        // A number in a question ("20", "000" of "20 000") is rarely what it is about: it
        // supports a match but must not make one.
        for (key, &term) in &self.index.terms {
            if key.bytes().all(|b| b.is_ascii_digit()) {
                let info = &mut self.index.info[term as usize];
                info.weight = info.weight.min(self.index.tuning.number_weight_cap);
                info.number = true;
                if let Ok(figure) = key.parse::<u64>() {
                    self.index.figures.push((figure, term));
                }
            }
        }
        // Sorted, so that a rounded figure close to two of them reads the same one every time.
        self.index.figures.sort_unstable();
        for (&term, postings) in &self.index.phrasing_postings {
            let &[phrasing] = postings.as_slice() else {
                continue;
            };
            let entry = &self.index.entries[self.index.phrasings[phrasing as usize].entry];
            // (`answer` holds the topic title's terms too: a word of the title is no accident.)
            let worded_once = !entry.answer.contains(&term)
                && !entry.keywords.contains(&term)
                && !self.keyword_words.contains(&term);
            let info = &mut self.index.info[term as usize];
            if worded_once && !info.name && !info.question_word {
                info.weight = info.weight.min(self.index.tuning.one_phrasing_weight_cap);
            }
        }
        // Each phrasing's vector norm, from the postings (the only place its terms are kept).
        let mut norms = vec![0.0; self.index.phrasings.len()];
        for (&term, postings) in &self.index.phrasing_postings {
            let weight = self.index.term_weight(term);
            for &phrasing in postings {
                norms[phrasing as usize] += weight * weight;
            }
        }
        for (phrasing, norm) in self.index.phrasings.iter_mut().zip(norms) {
            phrasing.norm = norm.sqrt().max(f64::EPSILON);
        }
        for postings in self.index.entry_postings.values_mut() {
            postings.sort_unstable();
            postings.dedup();
        }
        let mut longest_word: HashMap<TermId, usize> = HashMap::new();
        for (word, terms) in &self.index.surface {
            for &term in terms {
                let longest = longest_word.entry(term).or_default();
                *longest = (*longest).max(word.chars().count());
            }
        }
        self.index.short_word_terms = longest_word
            .into_iter()
            .filter(|&(_, chars)| chars <= SHORT_TERM_CHARS)
            .map(|(term, _)| term)
            .collect();
        let vocabulary = self.index.surface.keys().map(|word| {
            let frequency = self.word_frequency.get(word).copied().unwrap_or(1);
            (word.clone(), frequency)
        });
        self.index.typo = TypoIndex::new(vocabulary);
        self.index
    }
}

#[cfg(test)]
mod tests;
