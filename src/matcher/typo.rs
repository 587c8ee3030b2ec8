//! Typo tolerance: finds the vocabulary word a misspelt word was meant to be.
//!
//! A symmetric-delete index (the SymSpell idea): every vocabulary word is stored under each
//! string obtained by deleting up to two of its characters, and so is the query word. Two words
//! within the allowed edit distance share such a string, so a lookup only verifies a handful of
//! candidates with the real Damerau-Levenshtein distance instead of comparing against the
//! whole vocabulary.

use std::collections::HashMap;

pub struct TypoIndex {
    words: Vec<String>,
    /// How often each word occurs in the knowledge base; the tie-break between equally close words.
    frequency: Vec<u32>,
    deletes: HashMap<String, Vec<u32>>,
}

/// Edits tolerated in a word of `chars` characters: none up to [`DROPPED_LETTER_CHARS`] (too
/// many short words are one edit apart; a four-letter word may still be a five-letter one with
/// a letter dropped, see [`TypoIndex::with_dropped_letter`]), one up to 8, two above.
pub fn max_edits(chars: usize) -> usize {
    match chars {
        n if n <= DROPPED_LETTER_CHARS => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A word of this many letters is corrected only for a dropped letter:
/// [`TypoIndex::with_dropped_letter`].
const DROPPED_LETTER_CHARS: usize = 4;

impl TypoIndex {
    /// Builds the index over `words`, each with its frequency; words that are digits only are left
    /// out (a number with a typo is another number).
    pub fn new(words: impl IntoIterator<Item = (String, u32)>) -> Self {
        let mut index = TypoIndex {
            words: Vec::new(),
            frequency: Vec::new(),
            deletes: HashMap::new(),
        };
        let mut sorted: Vec<(String, u32)> = words.into_iter().collect();
        sorted.sort();
        sorted.dedup_by(|a, b| a.0 == b.0);
        for (word, frequency) in sorted {
            let chars: Vec<char> = word.chars().collect();
            let edits = max_edits(chars.len());
            if edits == 0 || chars.iter().all(char::is_ascii_digit) {
                continue;
            }
            let id = index.words.len() as u32;
            for variant in deletes(&chars, edits) {
                index.deletes.entry(variant).or_default().push(id);
            }
            index.words.push(word);
            index.frequency.push(frequency);
        }
        index
    }

    /// The closest vocabulary word to `word` within the tolerated edits, if any. Ties go to the
    /// more frequent word, then to alphabetical order, so the result never depends on hashing.
    pub fn correct(&self, word: &str) -> Option<&str> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() == DROPPED_LETTER_CHARS {
            return self.with_dropped_letter(word, &chars);
        }
        let edits = max_edits(chars.len());
        if edits == 0 || chars.iter().all(char::is_ascii_digit) {
            return None;
        }
        let mut best: Option<(usize, std::cmp::Reverse<u32>, &str)> = None;
        for variant in deletes(&chars, edits) {
            let Some(ids) = self.deletes.get(&variant) else {
                continue;
            };
            for &id in ids {
                let candidate = self.words[id as usize].as_str();
                let allowed = edits.min(max_edits(candidate.chars().count()));
                let distance = strsim::damerau_levenshtein(word, candidate);
                if distance > allowed || changes_first_letter(&chars, candidate) {
                    continue;
                }
                let key = (
                    distance,
                    std::cmp::Reverse(self.frequency[id as usize]),
                    candidate,
                );
                if best.is_none_or(|b| key < b) {
                    best = Some(key);
                }
            }
        }
        best.map(|(_, _, word)| word)
    }

    /// The vocabulary word of one more letter that `word`, of [`DROPPED_LETTER_CHARS`] letters,
    /// is with one letter dropped: "gand" for "grand", "fbre" for "fibre", "trin" for "train".
    /// Only a dropped letter, and never the first one: a short word with any other slip is too
    /// close to too many others. (Numbers are not in the index.) Ties go to the more frequent
    /// word, then to alphabetical order.
    fn with_dropped_letter(&self, word: &str, chars: &[char]) -> Option<&str> {
        self.deletes
            .get(word)?
            .iter()
            .map(|&id| {
                (
                    self.words[id as usize].as_str(),
                    self.frequency[id as usize],
                )
            })
            .filter(|(candidate, _)| {
                candidate.chars().count() == DROPPED_LETTER_CHARS + 1
                    && candidate.chars().next() == chars.first().copied()
            })
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(candidate, _)| candidate)
    }
}

/// Whether reading `word` as `candidate` means typing another first letter: "hiver" is no
/// "river", nor "vendez" "rendez". A slip at the start is a swapped, dropped or doubled letter
/// ("irver", "aoneor", "rriver"); a changed one is another word. Long words are left to the distance.
fn changes_first_letter(word: &[char], candidate: &str) -> bool {
    const FIRST_LETTER_FREE_CHARS: usize = 8;
    let theirs: Vec<char> = candidate.chars().take(2).collect();
    word.len() < FIRST_LETTER_FREE_CHARS
        && theirs.first() != word.first()
        && theirs.get(1) != word.first()
        && theirs.first() != word.get(1)
}

/// `chars` itself and every string made by deleting up to `edits` of its characters.
fn deletes(chars: &[char], edits: usize) -> Vec<String> {
    let mut level: Vec<Vec<char>> = vec![chars.to_vec()];
    let mut all: Vec<String> = vec![chars.iter().collect()];
    for _ in 0..edits {
        let mut next = Vec::new();
        for variant in &level {
            for skip in 0..variant.len() {
                let mut shorter = variant.clone();
                shorter.remove(skip);
                next.push(shorter);
            }
        }
        next.sort();
        next.dedup();
        all.extend(next.iter().map(|v| v.iter().collect::<String>()));
        level = next;
    }
    all.sort();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(words: &[(&str, u32)]) -> TypoIndex {
        TypoIndex::new(words.iter().map(|(w, f)| (w.to_string(), *f)))
    }

    #[test]
    fn corrects_within_the_length_aware_limit() {
        let typo = index(&[
            ("saoneor", 3),
            ("territoire", 5),
            ("industrie", 5),
            ("usine", 2),
        ]);
        assert_eq!(typo.correct("saonor"), Some("saoneor")); // one deletion
        assert_eq!(typo.correct("saoenor"), Some("saoneor")); // one transposition
        assert_eq!(typo.correct("terrritoir"), Some("territoire")); // two edits, long word
        assert_eq!(typo.correct("teritoir"), None); // two edits, but 8 letters allow one
        assert_eq!(typo.correct("indsutrie"), Some("industrie"));
        assert_eq!(typo.correct("usin"), Some("usine")); // 4 letters: a dropped letter only
        assert_eq!(typo.correct("usni"), None);
        assert_eq!(typo.correct("saxxeor"), None); // two edits on a 7-letter word: too far
    }

    #[test]
    fn ties_prefer_the_more_frequent_word_then_the_alphabet() {
        let typo = index(&[("planter", 1), ("plantes", 9)]);
        assert_eq!(typo.correct("plantez"), Some("plantes"));
        let typo = index(&[("bbbbbx", 1), ("bbbbby", 1)]);
        assert_eq!(typo.correct("bbbbbz"), Some("bbbbbx"));
    }

    #[test]
    fn a_short_word_keeps_its_first_letter() {
        let typo = index(&[
            ("river", 3),
            ("rendez", 2),
            ("saoneor", 1),
            ("territoire", 1),
        ]);
        // Another first letter makes another word ("hiver" is winter)...
        assert_eq!(typo.correct("hiver"), None);
        assert_eq!(typo.correct("vendez"), None);
        // ...but a swapped, dropped or doubled first letter is a slip.
        assert_eq!(typo.correct("irver"), Some("river"));
        assert_eq!(typo.correct("aoneor"), Some("saoneor"));
        assert_eq!(typo.correct("rriver"), Some("river"));
        // A long word is left to the distance.
        assert_eq!(typo.correct("merritoire"), Some("territoire"));
    }

    #[test]
    fn a_four_letter_word_is_only_a_dropped_letter() {
        let typo = index(&[
            ("grand", 9),
            ("fibre", 2),
            ("train", 3),
            ("brand", 1),
            ("gland", 1),
        ]);
        assert_eq!(typo.correct("gand"), Some("grand")); // the more frequent of grand and gland
        assert_eq!(typo.correct("fbre"), Some("fibre"));
        assert_eq!(typo.correct("trin"), Some("train"));
        assert_eq!(typo.correct("fibe"), Some("fibre"));
        assert_eq!(typo.correct("fire"), Some("fibre"));
        assert_eq!(typo.correct("tran"), Some("train"));
        assert_eq!(typo.correct("trai"), Some("train"));
        // A dropped first letter, or any other slip, is too close to too many short words.
        assert_eq!(typo.correct("rand"), None);
        assert_eq!(typo.correct("trax"), None);
        assert_eq!(typo.correct("gnad"), None);
        // Five letters are corrected as before.
        assert_eq!(typo.correct("grnad"), Some("grand"));
        assert_eq!(typo.correct("gtand"), Some("grand"));
    }

    #[test]
    fn numbers_are_never_corrected() {
        let typo = index(&[("123456", 1)]);
        assert_eq!(typo.correct("123457"), None);
    }
}
