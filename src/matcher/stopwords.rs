//! Words that say nothing about which answer is wanted, and words that tell the language.
//!
//! Stop words are dropped before matching, except the question words (who, why, qui,
//! pourquoi…): they are kept at a low weight because "who can help me" and "why settle here"
//! ask different things. The same lists tell French from English.

/// French words that carry no topic, folded (no accents). Elided forms (l, d, qu…) included.
const FRENCH: &[&str] = &[
    "a", "ai", "aie", "aient", "as", "au", "aucun", "aupres", "aussi", "autre", "aux", "avec", "avez", "avoir",
    "avons", "bah", "beaucoup", "besoin", "bien", "bjr", "bonjour", "bonsoir", "c", "ca", "car", "ce", "ceci",
    "cela", "celle", "celui", "ces", "cest", "cet", "cette", "chez", "coucou", "cordialement", "d", "dans", "de",
    "des", "dire", "dois", "doit", "donc", "du", "elle", "elles", "en", "encore", "es", "est", "et", "etc", "ete",
    "etes", "etre", "eu", "fait", "faire", "faut", "il", "ils", "j", "je", "jusqu", "l", "la", "le", "les", "leur",
    "leurs", "lorsqu", "lui", "m", "ma", "mais", "me", "meme", "merci", "mes", "moi", "mon", "n", "ne", "nos",
    "notre", "nous", "on", "ont", "or", "ou", "par", "parce", "pas", "peu", "peut", "peux", "plait", "pourrais",
    "pourriez", "pouvez", "pouvons", "pour", "puis", "puisqu", "qu", "quel", "quelle", "quelles", "quels", "que",
    "quoi", "s", "sa", "sais", "sait", "salut", "sans", "savoir", "se", "ses", "si", "slt", "son", "sont", "souhaite",
    "souhaitons", "stp", "suis", "sur", "svp", "t", "ta", "te", "tes", "toi", "ton", "tous", "tout", "toute",
    "toutes", "tres", "tu", "un", "une", "unes", "uns", "vers", "voila", "vos", "votre", "voudrais", "voudrions",
    "vous", "vs", "y", "aimerais", "aimerions", "connaitre", "cherche", "cherchons", "ici", "oui", "non", "beaucoup", "quelque", "quelques", "chose", "choses", "truc", "trucs", "vraiment", "actuellement", "maintenant", "deja", "bon", "ben", "alors", "ok", "ya", "cad", "va", "vais", "vas", "vont", "allez", "aller", "fais", "faites", "font", "avez", "avoir", "sera", "serait", "etait", "svp", "coin",
];

/// English words that carry no topic.
const ENGLISH: &[&str] = &[
    "a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but", "by",
    "can", "could", "d", "did", "do", "does", "doing", "don", "for", "from", "get", "got", "had", "has", "have",
    "having", "he", "hello", "her", "hey", "hi", "his", "i", "if", "im", "in", "into", "is", "it", "its", "just",
    "know", "let", "like", "ll", "m", "me", "might", "more", "most", "must", "my", "need", "no", "not", "of", "on",
    "or", "our", "ours", "please", "pls", "plz", "re", "s", "shall", "she", "should", "so", "some", "such", "t",
    "tell", "than", "thank", "thanks", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "thx", "to", "too", "u", "ur", "us", "ve", "very", "want", "was", "we", "were", "what", "whats",
    "which", "will", "with", "would", "yes", "you", "your", "yours", "anyone", "guys", "folks", "looking", "many", "much", "here", "there", "theres", "heres", "lot", "lots", "one", "ones", "other", "others", "own", "only", "out", "up", "way", "ways", "kind", "sort", "thing", "things", "something", "anything", "really", "actually", "exactly", "currently", "right", "now", "still", "even", "well", "ok", "okay", "hmm",
];

/// Question words: kept, at a low weight, because they distinguish questions.
const QUESTION_WORDS: &[&str] = &[
    "who", "whom", "why", "where", "when", "how", "qui", "pourquoi", "quand", "comment", "combien",
];

pub fn is_question_word(word: &str) -> bool {
    QUESTION_WORDS.contains(&word)
}

/// True for a word that is dropped before matching (question words are not).
pub fn is_stop_word(word: &str) -> bool {
    !is_question_word(word) && (FRENCH.contains(&word) || ENGLISH.contains(&word))
}

/// The language this word is evidence for: `Some(true)` French, `Some(false)` English, `None`
/// for a word both languages use ("a", "on", "de"…) or neither lists.
pub fn language_hint(word: &str) -> Option<bool> {
    let french = FRENCH.contains(&word) || matches!(word, "qui" | "pourquoi" | "quand" | "comment" | "combien");
    let english = ENGLISH.contains(&word) || matches!(word, "who" | "whom" | "why" | "where" | "when" | "how");
    match (french, english) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_words_are_kept() {
        for word in ["who", "why", "qui", "pourquoi", "comment", "combien"] {
            assert!(!is_stop_word(word), "{word}");
            assert!(is_question_word(word), "{word}");
        }
        assert!(is_stop_word("the"));
        assert!(is_stop_word("les"));
        assert!(!is_stop_word("usine"));
    }

    #[test]
    fn shared_words_tell_no_language() {
        assert_eq!(language_hint("les"), Some(true));
        assert_eq!(language_hint("the"), Some(false));
        assert_eq!(language_hint("a"), None);
        assert_eq!(language_hint("on"), None);
        assert_eq!(language_hint("usine"), None);
    }
}
