//! Turns free text into comparable words: the first step of matching, shared by the index and
//! the questions so that both sides see text the same way.
//!
//! Investors type "SaôneOr", "saoneor" or "SAONE OR", with or without accents, with Discord
//! mentions and emoji around the words. Folding removes every difference that carries no meaning:
//! Unicode compatibility forms (NFKC), case, accents, ligatures, apostrophes and punctuation.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Acronyms have at most this many letters ("CACES", "CAPEX"; "ADEME").
const ACRONYM_MAX_LETTERS: usize = 5;
/// Words longer than this are not words (pasted links, hashes, keyboard mashing).
const MAX_WORD_CHARS: usize = 40;
/// Discord names are at most 32 characters: an '@' takes that many along, no more.
const MAX_MENTION_CHARS: usize = 32;
/// A question is cut after this many words: enough for any real message, bounded for abuse.
pub const MAX_WORDS: usize = 300;

/// Folds `text`: NFKC, lowercase, accents and ligatures removed, and every character that is not
/// a letter or digit (apostrophes, punctuation, emoji, control characters) turned into a space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc().flat_map(char::to_lowercase).nfd() {
        if is_combining_mark(c) {
            continue;
        }
        // "36bn", "10k", "5ha": a number glued to its unit is two words. The other way round
        // ("a6", "m2") is one name and stays whole.
        if c.is_alphabetic() && out.ends_with(|p: char| p.is_ascii_digit()) {
            out.push(' ');
        }
        match c {
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out
}

/// "merciii", "pleaseee", "helloooo": a letter typed three times or more is typed once. French
/// and English words do not repeat a letter three times; Roman numerals ("III", "XXIII") and
/// "www" do, and are left as they are.
fn collapse_elongations(text: &str) -> String {
    if text == "www" || text.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut previous = None;
    let mut run = 0;
    for c in text.chars() {
        if previous == Some(c) {
            run += 1;
        } else {
            previous = Some(c);
            run = 1;
        }
        if run >= 3 && c.is_alphabetic() {
            if run == 3 {
                out.pop();
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// The folded words of `text`, in order, without Discord markup (mentions, typed or not,
/// channels, custom emoji, timestamps) and with elongations collapsed, at most [`MAX_WORDS`] of
/// them. Words too long to be words are dropped before collapsing, so that keyboard mashing
/// ("aaaaaaaa…") does not become a word. "US" before a company word is read as "american".
pub fn words(text: &str) -> Vec<String> {
    let words: Vec<String> = fold(&without_markup(text))
        .split_whitespace()
        .filter(|w| w.chars().count() <= MAX_WORD_CHARS)
        .take(MAX_WORDS)
        .map(collapse_elongations)
        .collect();
    let mut words = with_digit_groups_joined(words);
    // "a US company": the country, which folds to the pronoun "us" ("help us") everywhere else.
    for i in 0..words.len().saturating_sub(1) {
        if words[i] == "us" && US_BEFORE.contains(&words[i + 1].as_str()) {
            words[i] = "american".to_string();
        }
    }
    words
}

/// "9 928", "9,928" and "9928" are one number: a figure of one to three digits followed by
/// groups of exactly three digits is written with thousands separators. A year ("2023 140
/// millions") or a decimal ("1,36") starts no such number.
fn with_digit_groups_joined(words: Vec<String>) -> Vec<String> {
    let is_number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let mut joined: Vec<String> = Vec::with_capacity(words.len());
    let mut open = false;
    for word in words {
        let continues = open && word.len() == 3 && is_number(&word);
        match joined.last_mut() {
            Some(number) if continues => number.push_str(&word),
            _ => {
                open = is_number(&word) && word.len() <= 3;
                joined.push(word);
            }
        }
    }
    joined
}

/// The words before which "us" is the United States: "a US company", "US-based", "our US
/// parent".
const US_BEFORE: &[&str] = &[
    "company",
    "companies",
    "firm",
    "firms",
    "group",
    "groups",
    "investor",
    "investors",
    "based",
    "subsidiary",
    "manufacturer",
    "manufacturers",
    "parent",
    "corporation",
    "multinational",
    "startup",
    "entity",
];

/// The folded words that the asker capitalised inside a sentence: likely names of places,
/// companies or people. Empty when the text is mostly capitals (shouting tells nothing).
pub fn capitalised_words(text: &str) -> Vec<String> {
    mid_sentence_tokens(&without_markup(text))
        .into_iter()
        .filter(|&(_, capitalised)| capitalised)
        .flat_map(|(token, _)| token_words(token))
        .collect()
}

/// The folded words written in capitals only, of three to [`ACRONYM_MAX_LETTERS`] letters
/// ("CACES", "CDG"): an acronym is spelt as its writer meant it, never a typo of a word. A longer
/// word in capitals is a name shouted ("ACITSUD"), which may be misspelt. Empty when the text is
/// mostly capitals ("WHERE IS THE PORT").
pub fn acronyms(text: &str) -> Vec<String> {
    let text = without_markup(text);
    if mostly_capitals(&text) {
        return Vec::new();
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|token| {
            let letters = token.chars().filter(|c| c.is_alphabetic()).count();
            (3..=ACRONYM_MAX_LETTERS).contains(&letters) && token.chars().all(|c| !c.is_lowercase())
        })
        .flat_map(token_words)
        .collect()
}

/// The folded words inside sentences (not the first of one, whose capital says nothing), each
/// with whether it was capitalised. Empty when the text is mostly capitals.
pub fn mid_sentence_words(text: &str) -> Vec<(String, bool)> {
    mid_sentence_tokens(&without_markup(text))
        .into_iter()
        .flat_map(|(token, capitalised)| {
            token_words(token)
                .into_iter()
                .map(move |word| (word, capitalised))
        })
        .collect()
}

/// The words of one token, folded as [`words`] folds them.
fn token_words(token: &str) -> Vec<String> {
    fold(token)
        .split_whitespace()
        .map(collapse_elongations)
        .collect()
}

/// Whether more than half the letters are capitals, or there are none: then capitals say
/// nothing about names or acronyms ("WHERE IS THE PORT").
fn mostly_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    letters == 0 || capitals * 2 > letters
}

/// The whitespace-separated tokens inside sentences, each with whether it starts with a capital
/// (short all-caps acronyms do not count). Folding is left to the caller: questions only need the
/// capitalised ones, and a long paste has thousands of tokens.
fn mid_sentence_tokens(text: &str) -> Vec<(&str, bool)> {
    if mostly_capitals(text) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut sentence_start = true;
    for token in text.split_whitespace() {
        if !sentence_start {
            // Each word of "l'Usinerie" or "Chalon-sur-Saône" has its own capital.
            for piece in token.split(|c: char| !c.is_alphanumeric()) {
                let Some(first) = piece.chars().next() else {
                    continue;
                };
                // "EV", "HR", "TGV": a short acronym is a thing, not a place or a company.
                let mut letters = piece.chars().filter(|c| c.is_alphabetic());
                let acronym = letters.clone().count() <= 3 && letters.all(char::is_uppercase);
                found.push((piece, first.is_uppercase() && !acronym));
            }
        }
        sentence_start = token.ends_with(['.', '!', '?', ':']);
    }
    found
}

/// The folded words joined by single spaces: two texts that only differ in case, accents or
/// punctuation have the same comparable form.
pub fn comparable(text: &str) -> String {
    words(text).join(" ")
}

/// The text without Discord mentions, typed or not, and other markup.
fn without_markup(text: &str) -> Cow<'_, str> {
    match strip_typed_mentions(text) {
        Cow::Borrowed(text) => strip_discord_markup(text),
        Cow::Owned(text) => Cow::Owned(strip_discord_markup(&text).into_owned()),
    }
}

/// Removes `<@123>`, `<@!123>`, `<@&123>`, `<#123>`, `<:name:123>`, `<a:name:123>` and
/// `<t:123:R>`, which are ids, not words.
fn strip_discord_markup(text: &str) -> Cow<'_, str> {
    if !text.contains('<') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        match tail.find('>') {
            Some(end) if is_discord_markup(&tail[1..end]) => {
                out.push(' ');
                rest = &tail[end + 1..];
            }
            // No '>' left: nothing further can be markup (and scanning again would be quadratic).
            None => {
                rest = tail;
                break;
            }
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// "@TerritoryBot", "@everyone": a mention typed as plain text names who is asked, not what.
/// Only an '@' that starts a word and is followed by a letter opens one: "a@b.fr" and "@5 €"
/// stay as they are.
fn strip_typed_mentions(text: &str) -> Cow<'_, str> {
    if !text.contains('@') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        let opens_word = previous.is_none_or(|p| p.is_whitespace() || "([{\"'«".contains(p));
        if c == '@' && opens_word && chars.peek().is_some_and(|next| next.is_alphabetic()) {
            let mut taken = 0;
            while taken < MAX_MENTION_CHARS
                && chars
                    .next_if(|&next| next.is_alphanumeric() || next == '_' || next == '.')
                    .is_some()
            {
                taken += 1;
            }
            out.push(' ');
            previous = Some(' ');
            continue;
        }
        out.push(c);
        previous = Some(c);
    }
    out.into()
}

fn is_discord_markup(inner: &str) -> bool {
    let body = inner
        .strip_prefix("@!")
        .or_else(|| inner.strip_prefix("@&"))
        .or_else(|| inner.strip_prefix('@'))
        .or_else(|| inner.strip_prefix('#'));
    if let Some(id) = body {
        return !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
    }
    let body = inner
        .strip_prefix("a:")
        .or_else(|| inner.strip_prefix(':'))
        .or_else(|| inner.strip_prefix("t:"));
    body.is_some_and(|b| !b.is_empty() && b.len() < 100 && !b.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_typed_three_times_or_more_is_typed_once() {
        assert_eq!(
            words("merciii pleaseee HELLOOOO"),
            ["merci", "please", "hello"]
        );
        // Two of a letter are spelling, and digits are figures.
        assert_eq!(words("Tassée 1000 allée"), ["tassee", "1000", "allee"]);
        assert_eq!(words("Phase III, www"), ["phase", "iii", "www"]);
        assert_eq!(
            mid_sentence_words("We said pleaseee"),
            [("said".to_string(), false), ("please".to_string(), false)]
        );
    }

    #[test]
    fn us_before_a_company_is_the_country_and_the_pronoun_elsewhere() {
        assert_eq!(
            words("We are a US company, help us"),
            ["we", "are", "a", "american", "company", "help", "us"]
        );
        assert_eq!(words("US-based"), ["american", "based"]);
        assert_eq!(words("a US client"), ["a", "us", "client"]);
    }

    #[test]
    fn a_mention_typed_as_text_is_not_a_word() {
        assert_eq!(
            words("@TerritoryBot c'est où SaôneOr"),
            ["c", "est", "ou", "saoneor"]
        );
        assert_eq!(
            words("hi @everyone, mail a@b.fr"),
            ["hi", "mail", "a", "b", "fr"]
        );
        // The separator after a mention stays: the next word is kept.
        for text in [
            "@TerritoryBot\nSaôneOr ?",
            "@TerritoryBot\tSaôneOr ?",
            "@TerritoryBot:SaôneOr ?",
            "(@TerritoryBot) SaôneOr ?",
            "hello\u{a0}@TerritoryBot SaôneOr ?",
        ] {
            assert_eq!(
                words(text).last().map(String::as_str),
                Some("saoneor"),
                "{text:?}"
            );
            assert!(
                !words(text).contains(&"territorybot".to_string()),
                "{text:?}"
            );
        }
        assert_eq!(words("price @5 per m2"), ["price", "5", "per", "m2"]);
    }

    #[test]
    fn spellings_of_saoneor_meet() {
        assert_eq!(comparable("SaôneOr"), "saoneor");
        assert_eq!(comparable("Saônéor"), "saoneor");
        assert_eq!(comparable("SAONEOR !"), "saoneor");
        assert_eq!(comparable("saône or"), "saone or");
    }

    #[test]
    fn accents_case_ligatures_and_compatibility_forms_fold() {
        assert_eq!(comparable("Élève ŒUVRE Straße"), "eleve oeuvre strasse");
        // NFKC: full-width letters and the "ﬁ" ligature become plain letters.
        assert_eq!(comparable("ＴＧＶ ﬁbre"), "tgv fibre");
    }

    #[test]
    fn apostrophes_and_elisions_split_words() {
        assert_eq!(
            comparable("l’Usinerie d'industrie qu'est-ce"),
            "l usinerie d industrie qu est ce"
        );
        assert_eq!(
            comparable("Territoire d\u{2019}industrie"),
            "territoire d industrie"
        );
    }

    #[test]
    fn numbers_in_both_formats_give_the_same_words() {
        assert_eq!(comparable("1,36 milliard"), comparable("1.36 milliard"));
        assert_eq!(comparable("industrie 4.0"), "industrie 4 0");
        assert_eq!(comparable("1.36bn, 10k m2, A6"), "1 36 bn 10 k m2 a6");
        // Thousands separators, whichever the writer uses, or none.
        assert_eq!(words("9 928 emplois"), words("9928 emplois"));
        assert_eq!(words("9,928 jobs"), ["9928", "jobs"]);
        assert_eq!(
            words("113 953 habitants, 1 000 000 €"),
            ["113953", "habitants", "1000000"]
        );
        // A year, a decimal or a lone figure is no group.
        assert_eq!(words("2023 140 millions"), ["2023", "140", "millions"]);
        assert_eq!(words("1,36 milliard"), ["1", "36", "milliard"]);
        assert_eq!(words("15 ha 200 m"), ["15", "ha", "200", "m"]);
    }

    #[test]
    fn discord_markup_emoji_and_control_characters_are_dropped() {
        assert_eq!(
            comparable("<@123> <@!4> <@&5> <#6> hi <:wave:77> <a:x:8> <t:99:R>"),
            "hi"
        );
        assert_eq!(comparable("terrain 🏭 dispo\u{0}\u{7}\t?"), "terrain dispo");
        assert_eq!(comparable("a < b > c"), "a b c");
        assert_eq!(comparable("@everyone land"), "land");
    }

    #[test]
    fn acronyms_are_words_in_capitals_in_a_text_that_is_not() {
        assert_eq!(
            acronyms("formation CACES à Lyon, près de CDG ?"),
            ["caces", "cdg"]
        );
        assert_eq!(acronyms("la phase 2 des TI, les EV et l'ADEME"), ["ademe"]);
        assert!(acronyms("WHERE IS THE PORT").is_empty());
        assert!(acronyms("").is_empty());
    }

    #[test]
    fn capitalised_words_inside_a_sentence_are_names() {
        assert_eq!(
            capitalised_words("Population of Tokyo? And Osaka-Kyoto"),
            ["tokyo", "osaka", "kyoto"]
        );
        assert_eq!(
            capitalised_words("is there land in Lyon Part-Dieu"),
            ["lyon", "part", "dieu"]
        );
        assert!(capitalised_words("WHERE IS TOKYO").is_empty());
        assert_eq!(
            capitalised_words("our EV and HR teams in Stuttgart, near the TGV"),
            ["stuttgart"]
        );
        assert_eq!(
            capitalised_words("close to l'Usinerie in Chalon-sur-Saône"),
            ["usinerie", "chalon", "saone"]
        );
        assert!(capitalised_words("").is_empty());
    }

    #[test]
    fn sentence_starts_tell_nothing_about_names() {
        assert_eq!(
            mid_sentence_words("Lyon is far. It lies near Dijon: Mâcon too"),
            [
                ("is".to_string(), false),
                ("far".to_string(), false),
                ("lies".to_string(), false),
                ("near".to_string(), false),
                ("dijon".to_string(), true),
                ("too".to_string(), false),
            ]
        );
    }

    #[test]
    fn odd_input_does_not_panic_and_is_bounded() {
        assert_eq!(comparable(""), "");
        assert_eq!(comparable("   \n\t "), "");
        assert_eq!(comparable("<<<>>><@><#x>"), "x");
        let huge = "mot ".repeat(20_000);
        assert_eq!(words(&huge).len(), MAX_WORDS);
        let junk = "a".repeat(500);
        assert!(words(&junk).is_empty());
    }
}
