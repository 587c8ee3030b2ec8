//! Matcher behaviour on a small base built in memory: typos, spellings, synonyms, names,
//! bands and language.

use super::*;
use crate::knowledge::{SourceFile, parse_files};

const PARKS: &str = r#"
[topic]
id = "parks"
title = { fr = "Parcs d'activités", en = "Business parks" }

[[entry]]
id = "parc-nord"
questions.fr = ["Qu'est-ce que le parc ParcNord ?", "ParcNord", "c'est quoi ParcNord"]
questions.en = ["What is the ParcNord park?", "ParcNord", "tell me about ParcNord"]
keywords = ["ParcNord"]
answer.fr = "ParcNord est le grand parc d'activités de Valbourg."
answer.en = "ParcNord is Valbourg's main business park."
sources = ["test"]
updated = 2026-11-26

[[entry]]
id = "land"
questions.fr = ["Quels terrains sont disponibles ?", "terrain disponible pour une usine"]
questions.en = ["What land is available?", "available land for a factory"]
answer.fr = "Il reste des terrains sur ParcNord."
answer.en = "Some land is left on ParcNord."
sources = ["test"]
updated = 2026-11-26

[[entry]]
id = "french-tech"
questions.fr = ["Valbourg fait-il partie de la French Tech ?", "french tech"]
questions.en = ["Is Valbourg part of French Tech?", "french tech"]
keywords = ["French Tech"]
answer.fr = "Valbourg a rejoint un réseau thématique French Tech."
answer.en = "Valbourg joined a French Tech thematic network."
sources = ["test"]
updated = 2026-11-26

[[entry]]
id = "population"
questions.fr = ["Combien d'habitants compte Valbourg ?", "population de Valbourg"]
questions.en = ["How many people live in Valbourg?", "population of Valbourg"]
answer.fr = "Valbourg compte 50 000 habitants, deux fois moins que Lyon."
answer.en = "Valbourg has 50,000 inhabitants, half as many as Lyon."
sources = ["test"]
updated = 2026-11-26

[[entry]]
id = "training"
questions.fr = ["Quelles formations pour l'industrie ?", "formation industrie"]
questions.en = ["What industrial training is there?", "industry training"]
keywords = ["L'Atelier", "latelier"]
answer.fr = "Des formations industrielles existent à Valbourg."
answer.en = "Valbourg offers industrial training."
sources = ["test"]
updated = 2026-11-26

[[entry]]
id = "distances"
questions.fr = ["Valbourg est à combien de km de Lyon ?", "distance Valbourg Lyon", "Où se trouve Valbourg ?"]
questions.en = ["How far is Valbourg from Lyon?", "distance from Valbourg to Lyon", "Where is Valbourg?"]
answer.fr = "Valbourg est à 100 km de Lyon, par l'autoroute."
answer.en = "Valbourg is 100 km from Lyon, by motorway."
sources = ["test"]
updated = 2026-11-26

[[entry]]
id = "recruiting"
questions.fr = ["Comment recruter pour l'industrie ?", "recrutement industrie"]
questions.en = ["How do I recruit for industry?", "industry recruiting"]
answer.fr = "Le territoire aide à recruter."
answer.en = "The territory helps with recruiting."
sources = ["test"]
updated = 2026-11-26
"#;

const SYNONYMS: &str = r#"
[[synonyms]]
words = ["terrain", "land", "plot", "parcelle"]

[[synonyms]]
words = ["usine", "factory", "plant"]
"#;

const SETTINGS: &str = r#"
default_language = "en"
[matching]
off_topic_words = ["weather", "météo", "coupe du monde"]
other_places = ["Beaune", "Saint-Trivier"]
"#;

fn index() -> (KnowledgeBase, Index) {
    index_of(PARKS.to_string(), SETTINGS)
}

/// The base of `parks` (the entries), `settings` and the test synonyms, and its index.
fn index_of(parks: String, settings: &str) -> (KnowledgeBase, Index) {
    index_of_files(vec![
        SourceFile::new("k/parks.toml", parks),
        SourceFile::new("k/settings.toml", settings.to_string()),
        SourceFile::new("k/synonyms.toml", SYNONYMS.to_string()),
    ])
}

/// One `[[entry]]` table, sourced and dated, for [`index_of_entries`].
fn entry_toml(id: &str, fr: &[&str], en: &[&str], answer: [&str; 2]) -> String {
    let [answer_fr, answer_en] = answer;
    format!(
        "[[entry]]\nid = {id:?}\nquestions.fr = {fr:?}\nquestions.en = {en:?}\n\
         answer.fr = {answer_fr:?}\nanswer.en = {answer_en:?}\nsources = [\"test\"]\n\
         updated = 2026-11-26\n\n"
    )
}

/// The base of `entries` (one topic's `[[entry]]` tables) and `synonyms`, without settings,
/// and its index.
fn index_of_entries(entries: &str, synonyms: &str) -> (KnowledgeBase, Index) {
    let topic = "[topic]\nid = \"t\"\ntitle = { fr = \"T\", en = \"T\" }\n";
    index_of_files(vec![
        SourceFile::new("k/t.toml", format!("{topic}{entries}")),
        SourceFile::new("k/synonyms.toml", synonyms.to_string()),
    ])
}

fn index_of_files(files: Vec<SourceFile>) -> (KnowledgeBase, Index) {
    let (base, diagnostics) = parse_files(std::path::Path::new("k"), &files);
    let base = base.unwrap_or_else(|| panic!("test base is invalid: {diagnostics:#?}"));
    let index = Index::build(&base);
    (base, index)
}

/// The confidently answered entry's id, or the band's name.
fn answer(question: &str) -> String {
    let (base, index) = index();
    let found = index.find(question);
    match found.band {
        Band::Confident => base.entries[found.candidates[0].entry].id.clone(),
        band => band.name().to_string(),
    }
}

/// `check` of the slots `index` reads `question` into.
fn with_slots<R>(index: &Index, question: &str, check: impl FnOnce(&[Slot]) -> R) -> R {
    let words = read_words(question);
    check(&index.question_slots(&words, &Capitals::of(question)))
}

#[test]
fn exact_phrasings_are_answered_confidently() {
    assert_eq!(answer("What is the ParcNord park?"), "parc-nord");
    assert_eq!(
        answer("Combien d'habitants compte Valbourg ?"),
        "population"
    );
}

#[test]
fn spellings_case_accents_and_glued_words_meet() {
    for question in ["parcnord", "PARCNORD", "Parc Nord ?", "c'est quoi parcnord"] {
        assert_eq!(answer(question), "parc-nord", "{question}");
    }
}

#[test]
fn typos_are_tolerated_per_word() {
    assert_eq!(answer("parcnrod"), "parc-nord");
    assert_eq!(answer("populaton of valbourg"), "population");
}

#[test]
fn synonyms_match_across_languages() {
    // "plot" and "parcelle" never appear in the land entry's questions.
    assert_eq!(answer("any plot available?"), "land");
    assert_eq!(answer("parcelle disponible pour une factory"), "land");
}

#[test]
fn a_multi_word_name_is_one_strong_hit() {
    let (base, index) = index();
    let found = index.find("la french tech ?");
    assert_eq!(found.band, Band::Confident);
    assert_eq!(base.entries[found.candidates[0].entry].id, "french-tech");
    // "tech" alone is a weaker match than the name.
    let weaker = index.find("la tech ?");
    assert!(weaker.top().map_or(0.0, |c| c.score) < found.candidates[0].score);
}

#[test]
fn two_close_entries_give_did_you_mean() {
    let (base, index) = index();
    let found = index.find("industrie");
    assert_eq!(found.band, Band::Unsure, "{found:?}");
    let ids: Vec<&str> = found
        .candidates
        .iter()
        .take(2)
        .map(|c| base.entries[c.entry].id.as_str())
        .collect();
    assert!(
        ids.contains(&"training") && ids.contains(&"recruiting"),
        "{ids:?}"
    );
}

#[test]
fn unrelated_and_off_topic_questions_are_not_answered() {
    assert_eq!(answer("who won the rugby final"), "no match");
    assert_eq!(answer("weather in Valbourg tomorrow"), "no match");
    assert_eq!(answer("la coupe du monde à Valbourg"), "no match");
    // The same words without the off-topic one are answered.
    assert_eq!(answer("population of Valbourg"), "population");
}

#[test]
fn off_topic_words_match_as_written_or_in_the_plural() {
    let (_, index) = index();
    let off_topic = |text: &str| index.is_off_topic(&normalize::words(text));
    assert!(off_topic("Météo demain ?"));
    assert!(off_topic("les météos"));
    assert!(off_topic("LA COUPE DU MONDE"));
    assert!(!off_topic("la coupe de France"));
    assert!(!off_topic("meteorologie"));
    // Misspelt with a letter doubled, dropped or swapped, when it is no word of the base.
    assert!(off_topic("weaather tomorrow"));
    assert!(off_topic("waether tomorrow"));
    assert!(off_topic("weathr tomorrow"));
    // Another letter is another word; a short word is too close to others; a word that holds
    // the off-topic word whole is another word too.
    assert!(!off_topic("wexther tomorrow"));
    assert!(!off_topic("metoe"));
    assert!(!off_topic("meteoo"));
}

#[test]
fn unknown_words_count_against_a_match() {
    let (_, index) = index();
    let plain = index.find("population of Valbourg").candidates[0].score;
    let diluted = index.find("population of Tokyo Osaka Kyoto").candidates[0].score;
    assert!(diluted < plain, "{diluted} < {plain}");
}

#[test]
fn the_food_trade_the_asker_names_counts_against_no_match() {
    let (_, index) = index();
    let plain = index.find("population of Valbourg").candidates[0].score;
    for question in [
        "population of Valbourg agroalimentaire",
        "population of Valbourg agro",
    ] {
        let with_trade = index.find(question).candidates[0].score;
        assert!(
            (with_trade - plain).abs() < 1e-9,
            "{question}: {with_trade} = {plain}"
        );
    }
    // Another trade is still an unknown word.
    let packaging = index.find("population of Valbourg packaging").candidates[0].score;
    assert!(packaging < plain, "{packaging} < {plain}");
}

#[test]
fn a_short_question_about_one_of_the_other_places_is_not_answered() {
    assert_eq!(answer("available land for a factory"), "land");
    // Listed in the settings: a place even in lowercase, and never read as a misspelling.
    for question in [
        "available land for a factory in beaune",
        "available land for a factory in Beaune",
        "available land for a factory near saint trivier",
    ] {
        assert_ne!(answer(question), "land", "{question}");
    }
    // Not listed, in lowercase: an unknown word, which a short question survives; so is one
    // word of a listed place's name, alone.
    assert_eq!(answer("available land for a factory in dole"), "land");
    assert_eq!(answer("available land for a factory in trivier"), "land");
}

#[test]
fn a_misspelt_stop_word_is_no_unknown_word() {
    let (_, index) = index();
    let unknown = |question: &str| -> Vec<String> {
        let words = read_words(question);
        index
            .question_slots(&words, &Capitals::of(question))
            .into_iter()
            .filter_map(|slot| slot.unknown_word.map(str::to_string))
            .collect()
    };
    // "quelels" (quelles), "shoudl" (should): one edit from a stop word.
    assert!(unknown("quelels terrains disponibles").is_empty());
    assert!(unknown("land shoudl be available").is_empty());
    // From seven letters, a changed letter too: "exgctly" is "exactly".
    assert!(unknown("where is the land exgctly").is_empty());
    // Real words near a stop word stay unknown ("think" is one edit from "thank", "realty"
    // from "really", "rights" from "right"), and so does a capitalised name.
    assert_eq!(unknown("what do you think"), ["think"]);
    assert_eq!(
        unknown("realty agents rights"),
        ["realty", "agents", "rights"]
    );
    assert_eq!(unknown("land by Quelels"), ["quelels"]);
    assert_eq!(unknown("land by tokyo"), ["tokyo"]);
}

#[test]
fn an_unknown_capitalised_name_weighs_more_than_an_unknown_word() {
    let (_, index) = index();
    let named = index.find("population of Tokyo").candidates[0].score;
    let unnamed = index.find("population of tokyo").candidates[0].score;
    assert!(named < unnamed, "{named} < {unnamed}");
}

#[test]
fn a_question_word_alone_is_answered_only_by_the_entry_that_owns_it() {
    // Only the distances entry asks "where", in a third of its phrasings.
    assert_eq!(answer("where is it?"), "distances");
    assert_eq!(answer("c'est où ?"), "distances");
    // Half the population entry's phrasings ask "how many", a sixth of the distances one's.
    assert_eq!(answer("how many?"), "population");
    // Several entries ask "how"; none asks "why"; numbers are never enough.
    for question in ["how", "how much", "why", "50", "2026"] {
        assert_ne!(answer(question).as_str(), "population", "{question}");
        let band = answer(question);
        assert!(
            band == "unsure" || band == "no match" || band == "empty",
            "{question}: {band}"
        );
    }
}

#[test]
fn how_many_is_read_as_two_question_words() {
    // "many" used to be a stop word, so "how many X" lost what "combien de X" says.
    let (_, index) = index();
    let question_word = format!("weight {:.2}", index.tuning.question_word_weight);
    let slots = index.explain("how many");
    assert_eq!(slots.lines().count(), 2, "{slots}");
    assert!(
        slots.lines().all(|slot| slot.contains(&question_word)),
        "{slots}"
    );
    // "how much" asks a price as often as a count: "much" stays a stop word.
    assert_eq!(index.explain("how much").lines().count(), 1);
}

#[test]
fn a_question_word_the_base_never_uses_weighs_nothing() {
    // The test base never says "whom": it is no evidence of another subject either.
    let (_, index) = index();
    assert_eq!(index.explain("whom parcnord"), index.explain("parcnord"));
}

#[test]
fn a_thank_you_that_asks_nothing_is_a_courtesy_not_a_question() {
    for courtesy in [
        "merci pour ParcNord",
        "thanks for the info",
        "thanks for the help",
        "ty for ParcNord",
        "je vous remercie pour ParcNord",
        "mercii pour ParcNord",
        // A sign-off and the signer's name only.
        "Thanks, Mark",
        "Cordialement, Anne Martin",
        // "many" is a question word ("how many"), but not in "many thanks".
        "Many thanks",
        "many thanks for ParcNord",
    ] {
        assert_eq!(answer(courtesy), "empty", "{courtesy}");
    }
    // Thanks around a real question do not hide it, with or without a question mark.
    for question in [
        "merci ! c'est quoi ParcNord ?",
        "Thanks! Could you tell me about ParcNord",
        "Merci. Et ParcNord",
        "thanks what about ParcNord",
        "thx, ParcNord",
        "thanks, and ParcNord？",
    ] {
        assert_eq!(answer(question), "parc-nord", "{question}");
    }
    assert_eq!(
        answer("thanks, what land is available for a factory"),
        "land"
    );
}

#[test]
fn one_word_that_only_a_phrasing_uses_is_not_answered_outright() {
    // "far" appears in one phrasing of the distances entry, not in its answer or keywords:
    // alone, it says too little ("Bonjour tout le monde" once got the answer whose phrasing
    // said "combien de monde").
    assert_eq!(answer("far"), "unsure");
    // A keyword, a word of the answer, or a word several phrasings use is enough.
    assert_eq!(answer("ParcNord"), "parc-nord");
    assert_eq!(answer("terrains"), "land");
    assert_eq!(answer("usine"), "land");
}

#[test]
fn explain_names_a_synonym_group_by_its_first_word() {
    let (_, index) = index();
    for question in ["plot", "parcelle", "land"] {
        assert!(
            index.explain(question).starts_with("  [terrain…] weight"),
            "{question}"
        );
    }
}

#[test]
fn messages_without_words_to_match_are_empty() {
    for question in ["", "   ", "🙂🏭", "bonjour !", "<@123> hello", "\u{0}\u{7}"] {
        assert_eq!(answer(question), "empty", "{question:?}");
    }
}

#[test]
fn language_is_told_from_the_words() {
    let (_, index) = index();
    assert_eq!(
        index.find("Quels terrains sont disponibles ?").lang,
        Some(Lang::Fr)
    );
    assert_eq!(
        index.find("What land is available for us?").lang,
        Some(Lang::En)
    );
    assert_eq!(
        index.find("terrain dispo à côté de l'usine").lang,
        Some(Lang::Fr)
    );
    assert_eq!(index.find("ParcNord").lang, None);
}

#[test]
fn matching_is_deterministic() {
    let (_, first) = index();
    let (_, second) = index();
    for question in ["industrie", "land", "parc", "valbourg population factory"] {
        let a = first.find(question);
        let b = second.find(question);
        assert_eq!(a.band, b.band, "{question}");
        assert_eq!(a.candidates, b.candidates, "{question}");
    }
}

#[test]
fn scores_stay_between_zero_and_one() {
    let (_, index) = index();
    for question in [
        "parcnord parcnord parcnord french tech",
        "What is the ParcNord park?",
        "land plot terrain parcelle",
        &"population ".repeat(500),
    ] {
        for candidate in index.find(question).candidates {
            assert!(
                (0.0..=1.0).contains(&candidate.score),
                "{question}: {}",
                candidate.score
            );
        }
    }
}

#[test]
fn odd_input_never_panics() {
    let (_, index) = index();
    let huge = "terrain ".repeat(2_500) + &"x".repeat(10_000);
    let introductions = "We are a ÉTI, ".repeat(2_000) + "land?";
    // Within the characters whose sentences are read, so that its clauses are scanned.
    let long_clause = "I am".to_string() + &",".repeat(1_900) + " a consultant. land?";
    assert!(!Sentences::of(&long_clause).introductions.is_empty());
    let closers = "Thoughts? ".repeat(300) + "Any ideas?";
    for question in [
        huge.as_str(),
        introductions.as_str(),
        long_clause.as_str(),
        closers.as_str(),
        "Thoughts?",
        "land Thoughts?",
        "Hi Anne, we are a",
        "Je suis une 😀—, é? Nous sommes l'équipe; ?",
        "I'm a\u{0}consultant, \u{7}land? We're a",
        "on est un",
        "@everyone @here <@&1> <#2>",
        "\u{202e}gnp.exe",
        "ﷺ ﷽ 𝕋𝔾𝕍",
        "a\u{0301}\u{0301}\u{0301}",
    ] {
        let _ = index.find(question);
        let _ = index.explain(question);
        let _ = index.find_follow_up(question, "What land is available?");
        let _ = index.find_follow_up("and in Valbourg?", question);
    }
}

#[test]
fn autocomplete_proposes_matching_questions_first_and_stays_within_the_limit() {
    let (base, _) = index();
    let engine = crate::Engine::new(base);
    let suggestions = engine.suggest("parcnor", Lang::En, 25);
    assert_eq!(suggestions[0], "What is the ParcNord park?");
    let all = engine.suggest("", Lang::Fr, 3);
    assert_eq!(all.len(), 3);
    assert_eq!(all[0], "Qu'est-ce que le parc ParcNord ?");
    let typed = engine.suggest("french t", Lang::En, 25);
    assert!(typed.contains(&"french tech".to_string()), "{typed:?}");
    assert!(engine.suggest("land", Lang::En, 1).len() <= 1);
    let mut unique = engine.suggest("valbourg", Lang::En, 25);
    let count = unique.len();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), count);
}

#[test]
fn a_name_the_answers_capitalise_belongs_to_the_entries_that_ask_about_it() {
    let (base, index) = index();
    // The population answer mentions Lyon, but only the distances entry asks about it: the
    // population of Lyon is not the population of Valbourg, even typed in lower case.
    let found = index.find("population of lyon");
    assert_ne!(found.band, Band::Confident, "{found:?}");
    let home = index.find("population of valbourg").candidates[0].score;
    let other = found.candidates[0].score;
    assert!(other < home, "{other} < {home}");
    assert_eq!(answer("how far from lyon is valbourg?"), "distances");
    // The territory's own name, which most entries' questions use, is never such a name.
    assert_eq!(answer("industry training in Valbourg"), "training");
    let names: Vec<&str> = index
        .terms
        .iter()
        .filter(|&(_, &t)| index.info[t as usize].name)
        .map(|(key, _)| key.as_str())
        .collect();
    assert!(
        names.contains(&"lyon") && !names.contains(&"valbourg"),
        "{names:?}"
    );
    assert_eq!(base.entries.len(), 7);
}

#[test]
fn the_asking_sentence_of_a_long_message_is_matched_on_its_own() {
    let question = "Hello everyone! We are a family company making bicycles, we have grown a lot \
        over the last ten years and our customers are all over Europe. Is there any land \
        available for a factory?";
    assert_eq!(answer(question), "land");
}

#[test]
fn a_question_signed_with_a_name_is_read_without_it() {
    // The signer's name, an unknown name, would weigh against every entry.
    for question in [
        "What land is available? Thanks, Mark",
        "What land is available?\nBest regards,\nPriya Sharma",
        "Quels terrains sont disponibles merci Julien",
        "available land for a factory thx Mark",
        "What land is available? Thanks in advance, Mark Evans",
        "Quels terrains sont disponibles merci d'avance, Julien Martin",
        "What land is available?\nBest regards, Priya Sharma (HR, Pune)",
    ] {
        assert_eq!(answer(question), "land", "{question}");
    }
    assert_eq!(
        Sentences::of("What land is available? Thanks, Mark").asked,
        "What land is available?"
    );
    assert_eq!(
        Sentences::of("Quels terrains sont disponibles merci Julien").asked,
        "Quels terrains sont disponibles "
    );
    // Before a final full stop, or with a name and no comma.
    assert_eq!(
        Sentences::of("Quels terrains sont disponibles merci Julien.").asked,
        "Quels terrains sont disponibles "
    );
    assert_eq!(
        Sentences::of("available land for a factory Best Min-jun")
            .asked
            .trim_end(),
        "available land for a factory"
    );
    // A thank-you that opens the message, or thanks without a question before them, cut
    // nothing; nor do thanks followed by more than a name.
    for message in [
        "thx! and what land is available?",
        "Thanks, Mark",
        "Thanks for the list of available land for a factory",
        // Sign-off words that are ordinary words too, without their courtesy or comma.
        "What kind of land",
        "Le site est-il bien desservi",
        "Hi\nBest location for a warehouse",
        // A cut that would leave nothing to match.
        "Hello\nthx, any land in ParcNord",
    ] {
        assert_eq!(Sentences::of(message).asked, message);
    }
    // A postscript after the signature still asks: only the courtesy is left out.
    assert_eq!(
        asked_words("What land is available?\nBest regards,\nPriya\nPS: we need a rail siding"),
        normalize::words("What land is available? Priya PS: we need a rail siding")
    );
    assert_eq!(
        Sentences::of("What land is available?\nBest, Tom").asked,
        "What land is available?\n"
    );
    // In a longer message too, after context or after two questions, the signature asks
    // nothing: its name and title ("Head of Site Selection") would count as the question's.
    for (message, asked) in [
        (
            "Our customers are in Europe. We grew a lot. What land is available? Thanks, Mark",
            "Our customers are in Europe. We grew a lot. What land is available?",
        ),
        (
            "Our customers are in Europe. We grew a lot. What land is available? Thanks in advance.\nMark",
            "Our customers are in Europe. We grew a lot. What land is available?",
        ),
        (
            "What land is available? For a factory? Kind regards, Mark Evans, Head of Site \
             Selection, Evans Ltd",
            "What land is available? For a factory?",
        ),
    ] {
        assert_eq!(Sentences::of(message).asked.trim_end(), asked, "{message}");
    }
}

#[test]
fn a_formal_letter_is_signed_by_its_closing_formula_and_its_signature_list() {
    // Name, title and company parted by commas: a signature, even of many words.
    for (message, asked) in [
        (
            "Which land is available?\nRegards, Lucy Adams, Market Analyst, Adams Retail Partners",
            "Which land is available?",
        ),
        (
            "Which land is available? Many thanks, Helen Marsh, Head of Site Selection, Brinton Ltd",
            "Which land is available?",
        ),
        (
            "Quels terrains sont disponibles ? Je vous prie d'agréer mes salutations distinguées. \
             V. Robin, Chargé d'affaires, Robin Capital",
            "Quels terrains sont disponibles ?",
        ),
        (
            "Quels terrains sont disponibles ? Dans l'attente de votre retour, Julie",
            "Quels terrains sont disponibles ?",
        ),
    ] {
        assert_eq!(Sentences::of(message).asked.trim_end(), asked, "{message}");
        assert_eq!(answer(message), "land", "{message}");
    }
    // Typed without a stop before it, a sign-off or a closing formula still starts the
    // signature.
    for (message, asked) in [
        (
            "Dear Sir or Madam, which land is available Kind regards, Mark Evans, Head of Site \
             Selection, Evans Ltd",
            "Dear Sir or Madam, which land is available",
        ),
        (
            "Madame, Monsieur, quels terrains sont disponibles Je vous prie d'agréer mes \
             salutations distinguées. J. Martin, Directeur, Martin Industrie",
            "Madame, Monsieur, quels terrains sont disponibles",
        ),
        (
            "quels terrains sont disponibles Cordialement, Julien",
            "quels terrains sont disponibles",
        ),
    ] {
        assert_eq!(Sentences::of(message).asked.trim_end(), asked, "{message}");
        assert_eq!(answer(message), "land", "{message}");
    }
    // Polite requests that sound like a closing formula still ask…
    for message in [
        "Madame, Monsieur, nos clients sont en Europe. Je vous prie de bien vouloir m'indiquer \
         les terrains disponibles.",
        "Our customers are in Europe. We look forward to building a factory and need land.",
    ] {
        assert_eq!(
            Sentences::of(message).asked.trim_end(),
            message,
            "{message}"
        );
    }
    // …and thanks without their courtesy open a sentence, not a signature.
    for thanked in [
        "Hello Thanks for the list of available land for a factory",
        "Hello Many thanks for the list of available land for a factory",
    ] {
        assert_eq!(Sentences::of(thanked).count, 1, "{thanked}");
    }
    // A list of what is asked after thanks is no signature, nor is a part too long for a
    // name or a title.
    for message in [
        "Which land is available?\nThanks, could you send: sizes, prices, access",
        "Which land is available?\nThanks, we need land, a rail siding and water, a lot of it",
    ] {
        assert_eq!(Sentences::of(message).asked, message, "{message}");
    }
    // Nor is a first line: what follows it still asks.
    let opening = "Regards, Lucy Adams, Market Analyst, Adams Retail Partners\nWhich land is free?";
    assert!(
        Sentences::of(opening)
            .asking
            .contains(&"Which land is free?"),
        "{opening}"
    );
    // The courtesies of a formal letter weigh nothing: "Madame", "afin", "m'indiquer".
    assert_eq!(
        stopwords::content_words(
            "Madame, Monsieur, je me permets de vous solliciter afin d'obtenir, pourriez-vous \
             m'indiquer"
        ),
        Vec::<String>::new()
    );
}

fn focus_sentence(question: &str) -> Option<&str> {
    Sentences::of(question).focus()
}

#[test]
fn a_message_without_punctuation_starts_its_question_with_a_capital() {
    assert_eq!(
        focus_sentence("Hello we are a bike maker with 350 employees What land is available"),
        Some("What land is available")
    );
    assert_eq!(
        focus_sentence("Bonjour on fabrique des vélos (350 pers) Quels terrains sont disponibles"),
        Some("Quels terrains sont disponibles")
    );
    // A capitalised name, or a question word in capitals, is no new sentence.
    assert_eq!(focus_sentence("is ParcNord near Valbourg"), None);
    assert_eq!(focus_sentence("land near the WHAT building"), None);
}

#[test]
fn a_question_of_one_word_is_the_focus_only_when_no_longer_one_asks() {
    // The only question mark: it asks, whatever follows.
    assert_eq!(
        focus_sentence("What is ParcNord exactly? Saw the name on the Valbourg website"),
        Some("What is ParcNord exactly?")
    );
    // A longer question asks first; "size?" only adds to it.
    assert_eq!(
        focus_sentence("Is ParcNord the biggest park in Valbourg? size?"),
        Some("Is ParcNord the biggest park in Valbourg?")
    );
    // Without a question mark, the sentence before a short question is its context…
    assert_eq!(
        focus_sentence("Our engineers will come from Valbourg every week. Rail?"),
        Some("Rail?")
    );
    // …unless the short question only closes the message.
    assert_eq!(
        focus_sentence("Our engineers will come from Valbourg every week. Any thoughts?\nMark"),
        Some("Our engineers will come from Valbourg every week.")
    );
    // A fragment, and a question that points back to it, ask together.
    assert_eq!(
        focus_sentence("ParcNord. C'est quoi ? Vu le nom sur un panneau en sortant de l'A6."),
        Some("ParcNord. C'est quoi ?")
    );
    // "Hello?" and "ok?" ask nothing.
    assert_eq!(
        focus_sentence("Hello? We need some land for a factory"),
        Some("We need some land for a factory")
    );
    // Nor do they count as asking sentences: the signature of a one-question message is cut.
    let signed = "Any land for a factory? Size? Thanks, Mark";
    assert_eq!(Sentences::of(signed).asked, "Any land for a factory? Size?");
}

#[test]
fn the_focus_is_the_last_question_or_else_the_last_sentence() {
    assert_eq!(focus_sentence("population of Valbourg"), None);
    // "Hello!" and "Thanks." ask nothing: the other sentence is the question.
    assert_eq!(
        focus_sentence("Hello! What is the population of Valbourg? Thanks."),
        Some("What is the population of Valbourg?")
    );
    assert_eq!(focus_sentence("Hello! Thanks."), None);
    assert_eq!(
        focus_sentence("Is there industrial land for sale? We make bikes in Spain. Thanks a lot!"),
        Some("Is there industrial land for sale?")
    );
    assert_eq!(
        focus_sentence("We make bikes in Spain.\nWe need some land to build a new factory"),
        Some("We need some land to build a new factory")
    );
    // A decimal point or a web address ends no sentence.
    assert_eq!(
        focus_sentence("We need 1.5 ha near saoneor.fr for a factory"),
        None
    );
    assert_eq!(focus_sentence(""), None);
    assert_eq!(focus_sentence("?!.\n\n..."), None);
}

#[test]
fn a_short_question_about_another_place_is_not_answered() {
    // Lyon is a place the answers name, but the training entry never asks about it.
    assert_eq!(answer("industry training in Valbourg"), "training");
    assert_ne!(answer("industry training in Lyon"), "training");
    assert_ne!(answer("industry training in lyon"), "training");
    // A place the base never names, capitalised by the asker.
    assert_ne!(answer("industry training in Geneva"), "training");
    // Greetings around it do not make the question long.
    assert_ne!(
        answer("Hello! Industry training in Lyon? Thanks."),
        "training"
    );
    // The entry that asks about Lyon still answers.
    assert_eq!(answer("how far from Lyon is Valbourg?"), "distances");
    let (_, index) = index();
    let place = |word: &str| {
        let term = index.resolve_spelt(word, true).expect("a known word")[0];
        (
            index.info[term as usize].place,
            index.info[term as usize].home,
        )
    };
    assert_eq!(place("lyon"), (true, false));
    assert_eq!(place("valbourg"), (false, true));
    // ParcNord is a keyword: one of the territory's own sites, not another place.
    assert_eq!(place("parcnord"), (false, false));
}

#[test]
fn thanking_in_advance_is_a_courtesy() {
    let entries = [
        entry_toml(
            "schedule",
            &["le parc était-il en avance sur son aménagement ?"],
            &["was the park ahead of schedule, in advance of its plan?"],
            [
                "Le parc était en avance sur son aménagement.",
                "The park was ahead of schedule.",
            ],
        ),
        entry_toml(
            "sectors",
            &["quels sont les secteurs industriels ?"],
            &["what are the industrial sectors?"],
            ["La mécanique et la logistique.", "Mechanics and logistics."],
        ),
    ]
    .concat();
    let (_, index) = index_of_entries(&entries, "");
    let advance = index
        .resolve_spelt("advance", true)
        .expect("a word of the base");
    let avance = index
        .resolve_spelt("avance", true)
        .expect("a word of the base");
    for question in [
        "main sectors? what's the industrial dna here? thanks in advance mark evans",
        "quels secteurs ? merci d'avance",
        "quels secteurs ? merci par avance",
    ] {
        with_slots(&index, question, |slots| {
            assert!(
                slots
                    .iter()
                    .all(|slot| slot.terms != advance && slot.terms != avance),
                "{question}: {slots:?}"
            )
        });
    }
    // Ahead of schedule is still asked, and "in advance" away from a thank-you.
    for (question, term) in [
        ("le parc était en avance ?", &avance),
        ("deux mois d'avance sur le planning ?", &avance),
        ("was the park built in advance of its plan?", &advance),
    ] {
        with_slots(&index, question, |slots| {
            assert!(
                slots.iter().any(|slot| slot.terms == *term),
                "{question}: {slots:?}"
            )
        });
    }
}

#[test]
fn a_month_is_no_other_place() {
    let entries = [
        entry_toml(
            "hub",
            &[
                "quand le pôle numérique a-t-il ouvert ?",
                "le pôle numérique",
            ],
            &["when did the digital hub open?", "the digital hub"],
            [
                "Le pôle numérique a ouvert en septembre 2017.",
                "The digital hub opened in September 2017.",
            ],
        ),
        entry_toml(
            "interchange",
            &["le nouvel échangeur", "quand l'échangeur a-t-il ouvert ?"],
            &["the new interchange", "when did the interchange open?"],
            [
                "L'échangeur a ouvert en septembre 2024, à Valbourg.",
                "The interchange opened in September 2024, in Valbourg.",
            ],
        ),
    ]
    .concat();
    let (base, index) = index_of_entries(&entries, "");
    // English capitalises its months, as it does places, but "September" is neither a place
    // nor a name of anything.
    let september = index
        .resolve_spelt("september", true)
        .expect("a word of the answers")[0];
    assert!(!index.info[september as usize].name);
    assert!(!index.info[september as usize].place);
    for question in [
        "When did the digital hub open? September 2017 right?",
        "When did the digital hub open, in September 2017?",
        // A month the base never writes is no name either, nor a typo ("March" is no "match").
        "When did the digital hub open, in March?",
        "When did the digital hub open, in sept 2017?",
    ] {
        let found = index.find(question);
        assert_eq!(found.band, Band::Confident, "{question}");
        assert_eq!(
            base.entries[found.candidates[0].entry].id, "hub",
            "{question}"
        );
    }
    with_slots(&index, "did the digital hub open in March?", |slots| {
        assert!(
            slots.iter().all(|slot| slot.unknown_word.is_none()),
            "{slots:?}"
        )
    });
    // Nor is a month's abbreviation an unknown word that weighs against every entry.
    for question in [
        "the digital hub, in nov 2017?",
        "le pôle numérique, sept 2017 ?",
    ] {
        with_slots(&index, question, |slots| {
            assert!(
                slots.iter().all(|slot| slot.unknown_word.is_none()),
                "{question}: {slots:?}"
            )
        });
    }
}

#[test]
fn other_places_set_beside_the_territory_are_alternatives_not_the_subject() {
    // "Lyon" alone would make these questions about the distance to Lyon, or about Lyon.
    assert_eq!(
        answer("land for a factory in Valbourg rather than Lyon?"),
        "land"
    );
    assert_eq!(
        answer("terrain pour une usine à Valbourg plutôt qu'à Lyon"),
        "land"
    );
    assert_eq!(answer("industry training: Valbourg or Lyon?"), "training");
    assert_eq!(
        answer("why pick Valbourg over Lyon for industry training?"),
        "training"
    );
    assert_eq!(answer("is Valbourg over 100 km from Lyon?"), "distances");
    // A place the territory is likened to is one more alternative.
    assert_eq!(
        answer("land for a factory in Valbourg like Beaune?"),
        "land"
    );
    assert_eq!(
        answer("terrain pour une usine à Valbourg comme Beaune ?"),
        "land"
    );
    // An unknown place offered as the alternative, capitalised or not.
    assert_eq!(answer("land for a factory in Valbourg or Geneva?"), "land");
    assert_eq!(
        answer("terrain pour une usine à Valbourg ou bourgoin ?"),
        "land"
    );
    // "or" and "not" compare only right before another place.
    assert_eq!(answer("Valbourg, c'est pas loin de Lyon ?"), "distances");
    // Without the territory beside them, other places are still the subject.
    assert_ne!(answer("industry training in Lyon or Geneva?"), "training");
    assert_eq!(answer("how far from Lyon is Valbourg?"), "distances");
}

#[test]
fn names_around_the_asking_sentence_are_the_askers_context() {
    // A signature or the asker's home town is not the place the question is about.
    assert_eq!(
        answer("What industry training is there? Cheers, Marta"),
        "training"
    );
    assert_eq!(
        answer("Any land available for a factory? We are a small firm from Geneva."),
        "land"
    );
    // The place named in the asking sentence still is.
    assert_ne!(
        answer("We are a small firm. Industry training in Geneva?"),
        "training"
    );
}

#[test]
fn a_name_dictated_in_two_misspelt_halves_is_still_the_name() {
    // "barc nord" for "ParcNord": glued, then corrected.
    assert_eq!(answer("what is barc nord?"), "parc-nord");
    assert_eq!(answer("ParcNord"), "parc-nord");
    let (_, index) = index();
    assert!(index.glued_misspelling("barc", "nord").is_some());
    // A half the base knows as written is a word of its own, not half of a name.
    assert_eq!(index.glued_misspelling("parc", "nor"), None);
}

#[test]
fn a_signature_line_is_not_the_asking_sentence() {
    assert_eq!(
        focus_sentence(
            "Hello. Which industry training is there in Valbourg. Regards, Priya (HR, Pune)"
        ),
        Some("Which industry training is there in Valbourg.")
    );
    assert_eq!(
        focus_sentence("We make bikes.\nAny land for a factory\nCordialement, Julien Martin"),
        Some("Any land for a factory")
    );
    assert_eq!(
        focus_sentence("Any land for a factory in Valbourg.\nBest regards,\nPriya Sharma"),
        Some("Any land for a factory in Valbourg.")
    );
    // A request that opens with thanks is no signature.
    assert_eq!(
        focus_sentence(
            "We make bikes.\nMerci de m'indiquer les terrains disponibles pour une usine"
        ),
        Some("Merci de m'indiquer les terrains disponibles pour une usine")
    );
    // A question that starts with thanks still asks.
    assert_eq!(
        focus_sentence("Hello. Thanks, and is there land for a factory?"),
        Some("Thanks, and is there land for a factory?")
    );
}

/// The entry a follow-up is confidently answered with, read after `context`, or "none".
fn follow_up(context: &str, question: &str) -> String {
    let (base, index) = index();
    index
        .find_follow_up(question, context)
        .map_or("none".to_string(), |found| {
            base.entries[found.candidates[0].entry].id.clone()
        })
}

#[test]
fn a_follow_up_is_read_with_the_question_it_follows() {
    assert_eq!(follow_up("Where is Valbourg?", "and Lyon?"), "distances");
    // A long question about recruiting does not outweigh the subject the message names.
    let recruiting = "How do I recruit for industry? We need to hire for a factory near Valbourg, recruiting is hard";
    assert_eq!(answer("same question for training"), "unsure");
    assert_eq!(
        follow_up(recruiting, "same question for training"),
        "training"
    );
    // The name the earlier question asked about is context, not a subject the land entry
    // would fail to explain.
    assert_eq!(
        follow_up("What is the ParcNord park?", "and the land?"),
        "land"
    );
}

#[test]
fn only_a_message_that_follows_up_and_names_something_is_read_with_its_context() {
    // No "and", "same", "what about": a message of its own.
    assert_eq!(follow_up("Where is Valbourg?", "Lyon?"), "none");
    // Nothing said of what to answer, or something the base does not cover.
    assert_eq!(follow_up("Where is Valbourg?", "and why?"), "none");
    assert_eq!(follow_up("Where is Valbourg?", "and the weather?"), "none");
    assert_eq!(follow_up("Where is Valbourg?", "ok thanks"), "none");
    assert_eq!(follow_up("Where is Valbourg?", ""), "none");
    // Nothing to follow: the message is read alone.
    assert_eq!(follow_up("", "and Lyon?"), "none");
}

#[test]
fn the_place_the_asker_comes_from_is_context_not_the_subject() {
    assert_eq!(
        answer("industry recruiting for a team coming from Lyon"),
        "recruiting"
    );
    assert_eq!(answer("industry training for people from Lyon"), "training");
    assert_eq!(
        answer("formation industrie pour nos salariés qui viennent de Lyon"),
        "training"
    );
    // In Lyon, the question is about Lyon: not answered with the territory's recruiting.
    assert_eq!(answer("recruiting in Lyon?"), "no match");
    assert_ne!(answer("industry recruiting in Lyon"), "recruiting");
}

#[test]
fn an_elided_article_is_never_glued_to_the_next_word() {
    let (_, index) = index();
    // "latelier", a keyword, is not what "l'atelier" says: the word is "atelier".
    let question = "c'est quoi l'atelier ?";
    let words = read_words(question);
    let slots = index.question_slots(&words, &Capitals::of(question));
    let atelier = index
        .resolve_spelt("atelier", true)
        .expect("a word of the base");
    assert_eq!(slots.len(), 1, "{slots:?}");
    assert_eq!(slots[0].terms, atelier);
    assert_eq!(answer("c'est quoi l'atelier ?"), "training");
}

#[test]
fn two_small_words_are_never_glued_into_a_word_of_the_base() {
    let entries = [
        entry_toml(
            "housing",
            &["aide pour trouver une maison", "logement des salariés"],
            &["help finding a house for staff"],
            [
                "Le territoire aide à trouver une maison.",
                "The territory helps find a house.",
            ],
        ),
        entry_toml(
            "digital",
            &[
                "aide à la transition numérique",
                "digitaliser une PME",
                "pourquoi digitaliser ?",
            ],
            &["help to digitalise an SME"],
            [
                "Un accompagnement au numérique existe.",
                "Digital support exists.",
            ],
        ),
    ]
    .concat();
    let (base, index) = index_of_entries(&entries, "");
    let maison = index
        .resolve_spelt("maison", false)
        .expect("a word of the base");
    // "mais on", two stop words, says "but we": it is no "maison"…
    let question = "on veut digitaliser mais on ne sait pas";
    with_slots(&index, question, |slots| {
        assert!(slots.iter().all(|slot| slot.terms != maison), "{slots:?}")
    });
    let found = index.find(question);
    assert_eq!(base.entries[found.candidates[0].entry].id, "digital");
    // "pour quoi" is still "pourquoi", a question word…
    with_slots(&index, "pour quoi digitaliser", |slots| {
        assert!(
            slots
                .iter()
                .any(|slot| index.slot_is(slot, |info| info.question_word)),
            "{slots:?}"
        )
    });
    // …and a word split in two, one half of which means nothing alone, is still one word.
    with_slots(&index, "trouver une mai son", |slots| {
        assert!(slots.iter().any(|slot| slot.terms == maison), "{slots:?}")
    });
}

#[test]
fn an_acronym_is_never_read_as_a_typo() {
    let (_, index) = index();
    let unknown = |question: &str| {
        with_slots(&index, question, |slots| {
            slots.iter().filter(|s| s.unknown_word.is_some()).count()
        })
    };
    // "plnat" is a typo of "plant"; "PLNAT", in a sentence that is not all capitals, is
    // someone's acronym…
    assert_eq!(unknown("land for a plnat"), 0);
    assert_eq!(unknown("land for a PLNAT"), 1);
    assert_eq!(unknown("LAND FOR A PLNAT"), 0);
    // …but a longer word in capitals is a name or a word shouted, and may be misspelt.
    assert_eq!(unknown("land for a FACTRY"), 0);
}

/// Two entries about one park, the park linking to its land when `linked`, with a margin wide
/// enough that the park's own questions lead the land entry by less than it.
fn twin_park_entries(linked: bool) -> (KnowledgeBase, Index) {
    let see_also = if linked {
        r#"see_also = ["park-land"]"#
    } else {
        ""
    };
    let text = format!(
        r#"
[topic]
id = "parks"
title = {{ fr = "Parcs", en = "Parks" }}

[[entry]]
id = "park"
questions.fr = ["Qu'est-ce que la zone Kodak ?", "zone Kodak", "la grande zone au nord"]
questions.en = ["What is the Kodak zone?", "Kodak zone", "the big zone up north"]
answer.fr = "La zone Kodak est le grand parc d'activités du nord."
answer.en = "The Kodak zone is the big business park up north."
{see_also}
sources = ["test"]
updated = 2026-11-26

[[entry]]
id = "park-land"
questions.fr = ["Reste-t-il des terrains sur la zone Kodak ?", "terrain zone Kodak"]
questions.en = ["Is there land left on the Kodak zone?", "Kodak zone land"]
answer.fr = "Il reste des terrains sur la zone Kodak."
answer.en = "Some land is left on the Kodak zone."
sources = ["test"]
updated = 2026-11-26
"#
    );
    index_of(text, "[matching]\nmargin = 0.3\n")
}

#[test]
fn an_entry_answers_when_it_leads_its_own_sibling_narrowly() {
    for question in ["kodak zone?", "la zone kodak ?"] {
        let (base, index) = twin_park_entries(true);
        let found = index.find(question);
        assert_eq!(found.band, Band::Confident, "{question}: {found:?}");
        assert_eq!(base.entries[found.candidates[0].entry].id, "park");
        // The same lead between unrelated entries is too narrow to choose.
        let (_, index) = twin_park_entries(false);
        assert_eq!(index.find(question).band, Band::Unsure, "{question}");
    }
}

#[test]
fn linked_entries_that_tie_exactly_still_ask() {
    let (_, index) = index();
    // "industrie" ties training and recruiting: linking them must not pick one by file order.
    let text = PARKS.replace(
        "id = \"training\"",
        "id = \"training\"\nsee_also = [\"recruiting\"]",
    );
    let (_, linked) = index_of(text, SETTINGS);
    assert_eq!(index.find("industrie").band, Band::Unsure);
    assert_eq!(linked.find("industrie").band, Band::Unsure);
}

#[test]
fn a_name_is_not_read_from_other_forms_of_its_words() {
    let text = r#"
[topic]
id = "economy"
title = { fr = "Économie", en = "Economy" }

[[entry]]
id = "company"
questions.fr = ["Qu'est-ce que la Manufacture de Valbourg ?", "Manufacture de Valbourg"]
questions.en = ["What is the Manufacture de Valbourg?", "Manufacture de Valbourg"]
keywords = ["Manufacture de Valbourg"]
answer.fr = "La Manufacture de Valbourg fabrique des meubles."
answer.en = "Manufacture de Valbourg makes furniture."
sources = ["test"]
updated = 2026-11-26

[[entry]]
id = "industry-jobs"
questions.fr = ["Quelle part des emplois dans l'industrie ?", "emplois industriels"]
questions.en = ["What share of jobs is in manufacturing?", "industry jobs", "manufacturing jobs"]
answer.fr = "L'industrie compte pour 20 % des emplois."
answer.en = "Manufacturing accounts for 20% of jobs."
sources = ["test"]
updated = 2026-11-26
"#;
    let (base, index) = index_of_files(vec![SourceFile::new("k/economy.toml", text.to_string())]);
    let answered = |question: &str| {
        let found = index.find(question);
        assert_eq!(found.band, Band::Confident, "{question}: {found:?}");
        base.entries[found.candidates[0].entry].id.as_str()
    };
    assert_eq!(
        answered("% of jobs in manufacturing in Valbourg?"),
        "industry-jobs"
    );
    let name = index.terms["name:manufacture valbourg"];
    let names_the_company = |question: &str| {
        with_slots(&index, question, |slots| {
            slots.iter().any(|slot| slot.terms == [name])
        })
    };
    for other_word in [
        "furniture manufacturers in Valbourg?",
        "what is manufactured in Valbourg?",
        "manufacturing in Valbourg",
    ] {
        assert!(!names_the_company(other_word), "{other_word}");
    }
    assert!(names_the_company("manufactures de Valbourg"));
    // The name itself, joined by another small word, in the plural or with a typo, is still
    // the company.
    assert_eq!(answered("la manufacture de valbourg"), "company");
    assert_eq!(answered("the manufactur of Valbourg"), "company");
    assert_eq!(answered("the mnaufactuer de Valbourg"), "company");
}

#[test]
fn an_off_topic_word_in_another_sentence_does_not_sink_the_question() {
    assert_eq!(
        answer("What land is available for a factory? The weather there is great, I hear."),
        "land"
    );
    // Two questions, one in scope: that one is answered.
    assert_eq!(
        answer("weather in Valbourg tomorrow? any land for a factory"),
        "land"
    );
    // In the sentence that asks, the off-topic word still counts.
    assert_ne!(
        answer("Any land for a factory with good weather? We make furniture."),
        "land"
    );
}

#[test]
fn function_words_of_other_languages_ask_nothing() {
    // "hay", "para", "una", "quais", "os" say nothing against the words the base knows.
    assert_eq!(answer("¿hay land disponible para una factory?"), "land");
    assert_eq!(answer("quais são os plots para uma factory?"), "land");
}

#[test]
fn words_that_say_how_the_asker_asks_ask_nothing() {
    // "we look at", like "looking for", says that the asker searches, not what for: in the
    // real base one entry's phrasing "we'd look at the south" drew "we look at the park
    // north of Chalon" to the southern park.
    for question in ["we look at available land", "she looks for available land"] {
        assert_eq!(
            stopwords::content_words(question),
            ["available", "land"],
            "{question}"
        );
    }
    // Hearsay being checked: what was heard is the subject, not the hearing.
    assert_eq!(
        stopwords::content_words("I read that land is available"),
        ["land", "available"]
    );
    assert_eq!(
        stopwords::content_words("c'est vrai que le terrain est disponible"),
        ["terrain", "disponible"]
    );
    // "mainly the land question": how much, not what ("mainly" would stem to "main").
    assert_eq!(
        stopwords::content_words("mainly the land, surtout le terrain"),
        ["land", "terrain"]
    );
    // "or further off?": a particle, which the base never uses, is no unknown word.
    assert_eq!(stopwords::content_words("further off"), ["further"]);
}

#[test]
fn here_names_the_territory_in_a_comparison() {
    assert_eq!(answer("un terrain ici plutôt qu'à Lyon ?"), "land");
    assert_eq!(
        answer("land for a factory here rather than in Lyon?"),
        "land"
    );
    // "sur place", "locally": here, even when the other place comes a few words later.
    assert_eq!(
        answer("des terrains disponibles sur place ou faut aller à Lyon ?"),
        "land"
    );
    assert_eq!(
        answer("available land for a factory locally or is it all in Lyon?"),
        "land"
    );
    // "d'ici" is a time: the other place is still what is asked about.
    assert_ne!(
        answer("terrain disponible à Lyon d'ici fin 2026 ou 2027 ?"),
        "land"
    );
    // Without a comparison, or with a "here" that compares nothing, the other place is what is
    // asked about.
    assert_ne!(answer("land for a factory in Lyon?"), "land");
    assert_ne!(
        answer("Here is my question: land for a factory in Lyon or Dijon?"),
        "land"
    );
}

#[test]
fn a_short_asking_sentence_naming_another_place_asks_about_it() {
    assert_ne!(
        answer(
            "We make furniture and want to grow. Is there land available for a factory in Lyon?"
        ),
        "land"
    );
    // The same place in the asker's context is not the subject.
    assert_eq!(
        answer(
            "We make furniture in Lyon and want to grow. Is there land available for a factory?"
        ),
        "land"
    );
}

#[test]
fn who_asks_is_context_for_what_is_asked() {
    // Said whole, "French Tech" and "recruiting" would answer; said as who asks, they weigh
    // less than the question.
    assert_eq!(
        answer("We are a French Tech startup. What land is available?"),
        "land"
    );
    assert_eq!(
        answer("We are a recruiting firm for industry. Where is Valbourg?"),
        "distances"
    );
    assert_eq!(
        answer("We are an industry training firm based in Lyon. population?"),
        "population"
    );
    // What is asked outweighs who asks, even in one word.
    assert_eq!(
        answer("We are an industrial training company. Any land?"),
        "land"
    );
    assert_eq!(
        answer("We are an industrial training company. Is there land for a factory?"),
        "land"
    );
}

fn asked_words(question: &str) -> Vec<String> {
    normalize::words(&Sentences::of(question).asked)
}

#[test]
fn a_question_that_only_closes_the_message_asks_nothing() {
    // "Thoughts", "idées", unknown to the base, would count against every answer.
    for question in [
        "Which land is available for a factory in Valbourg. Thoughts?",
        "Which land is available for a factory in Valbourg Any thoughts?",
        "Which land is available for a factory in Valbourg, des idées ?",
        "Which land is available for a factory in Valbourg.\nQu'en pensez-vous ?\nThanks, Mark",
    ] {
        assert_eq!(
            asked_words(question)[..8],
            [
                "which",
                "land",
                "is",
                "available",
                "for",
                "a",
                "factory",
                "in"
            ],
            "{question}"
        );
        assert_eq!(asked_words(question).len(), 9, "{question}");
        assert_eq!(answer(question), "land", "{question}");
        assert!(
            matches!(
                focus_sentence(question),
                None | Some("Which land is available for a factory in Valbourg.")
            ),
            "{question}"
        );
    }
    assert_eq!(
        focus_sentence("quels terrains sont disponibles pour une usine. Source ?"),
        None
    );
    // A question that ends with the same words, a request for help, and a message that only
    // closes are read whole.
    assert_eq!(
        asked_words("vous avez des avis ?"),
        ["vous", "avez", "des", "avis"]
    );
    assert!(asked_words("relocating staff, does anyone help?").contains(&"help".to_string()));
    assert_eq!(asked_words("Thoughts? Ideas?"), ["thoughts", "ideas"]);
    // Nor is one an introduction's question besides: the message only says who asks.
    assert!(introductions("We are a Swiss company setting up in France. Thoughts?").is_empty());
    // The question mark that went with the closer still makes its sentence the question.
    assert_eq!(
        focus_sentence("Is it far from Paris? We need land near the motorway Any thoughts?"),
        Some("We need land near the motorway")
    );
}

fn introductions(question: &str) -> Vec<&str> {
    Sentences::of(question).introductions
}

#[test]
fn the_sentence_that_says_who_asks_is_found_up_to_its_clause() {
    assert_eq!(
        introductions("We are a 40-person company based in Lyon. What land is available?"),
        ["We are a 40-person company based in Lyon."]
    );
    assert_eq!(
        focus_sentence("We are a 40-person company based in Lyon. Land?"),
        Some("Land?"),
        "who asks is no asking sentence"
    );
    // After a greeting, up to the comma: what follows asks.
    assert_eq!(
        introductions("Hi, I'm a consultant, which industry training is there?"),
        ["Hi, I'm a consultant"]
    );
    assert_eq!(
        introductions("Bjr, je suis consultant pour un client, il reste des terrains ?"),
        ["Bjr, je suis consultant pour un client"]
    );
    // What the asker needs is what they ask.
    assert_eq!(
        introductions("We're a plastics processor looking for 3 ha. Any park?"),
        ["We're a plastics processor "]
    );
    assert_eq!(
        introductions("On est une PME et on voudrait un terrain. Des idées ?"),
        ["On est une PME et on "]
    );
    // Saying what one does, or asking who one is, is no introduction.
    assert!(introductions("We are looking for land. Any park?").is_empty());
    assert!(introductions("Je suis à la recherche d'un terrain. Une idée ?").is_empty());
    assert!(introductions("I am a consultant? Which land is free?").is_empty());
    // A message that only says who asks is read whole.
    assert!(introductions("We are a plastics company.").is_empty());
    assert!(introductions("We are a plastics company. Thanks!").is_empty());
    // "on est le 5 mars", "we are one hour from Lyon" say when or where, not who.
    for question in [
        "On est le 5 mars, il reste des terrains ?",
        "We are one hour from Lyon. Which land is free?",
    ] {
        assert!(introductions(question).is_empty(), "{question}");
    }
    // A definite article, and a name after a greeting, still say who.
    assert_eq!(
        introductions("Je suis le DAF d'une PME, il reste des terrains ?"),
        ["Je suis le DAF d'une PME"]
    );
    assert_eq!(
        introductions("We are the French subsidiary of a group, which land is free?"),
        ["We are the French subsidiary of a group"]
    );
    assert_eq!(
        introductions("Hi Anne, we are a bike maker. Which land is free?"),
        ["Hi Anne, we are a bike maker."]
    );
    // What the asker's company makes says who asks too.
    assert_eq!(
        introductions("Our group makes precision parts for aerospace. Which land is free?"),
        ["Our group makes precision parts for aerospace."]
    );
    assert_eq!(
        introductions("Nous fabriquons des vélos, il reste des terrains ?"),
        ["Nous fabriquons des vélos"]
    );
}

#[test]
fn who_asks_is_read_without_the_words_that_introduce() {
    let (asked, introductions) =
        Sentences::of("Nous sommes une PME de mécanique. Il reste des terrains ?").read();
    assert_eq!(introductions, [["une", "pme", "de", "mecanique"]]);
    assert_eq!(asked, ["il", "reste", "des", "terrains"]);
    let (_, introductions) = Sentences::of("I work for a German group, which land is free?").read();
    assert_eq!(introductions, [["a", "german", "group"]]);
}

#[test]
fn a_word_a_synonym_group_lists_is_never_another_words_stem() {
    // "training" stems to "train": listed with "formation", it must not read as the rail
    // group's "train", nor lend its stem to it.
    let entries = r#"
[[entry]]
id = "rail"
questions.fr = ["Y a-t-il un train pour Lyon ?", "trains vers Paris"]
questions.en = ["Is there a train to Lyon?", "trains to Paris"]
answer.fr = "Des trains partent pour Lyon et Paris."
answer.en = "Trains leave for Lyon and Paris."
sources = ["test"]
updated = 2026-11-26

[[entry]]
id = "skills"
questions.fr = ["Quelles formations pour l'industrie ?", "formation des salariés"]
questions.en = ["What industrial training is there?", "staff training"]
answer.fr = "Des formations industrielles existent."
answer.en = "Industrial training is on offer."
sources = ["test"]
updated = 2026-11-26
"#;
    let synonyms = r#"
[[synonyms]]
words = ["formation", "formations", "training"]

[[synonyms]]
words = ["train", "trains"]
"#;
    let (base, index) = index_of_entries(entries, synonyms);
    let training = index
        .resolve_spelt("training", false)
        .expect("a listed word");
    let train = index.resolve_spelt("train", false).expect("a listed word");
    assert_eq!(training.len(), 1, "{training:?}");
    assert!(!train.contains(&training[0]), "{train:?} {training:?}");
    for (question, expected) in [
        ("training", "skills"),
        ("formation", "skills"),
        ("train", "rail"),
        ("trains to Lyon", "rail"),
    ] {
        let found = index.find(question);
        let top = found
            .candidates
            .first()
            .map(|c| base.entries[c.entry].id.as_str());
        assert_eq!(top, Some(expected), "{question}");
    }
}

#[test]
fn an_acronym_is_reached_by_its_own_spellings_never_by_another_words_stem() {
    // "tie" stems to "ti" and "idées" to "ide": "how to tie a tie" is no question about the
    // Territoires d'industrie, nor "idées de cadeau" one about foreign investment (IDE).
    let entries = r#"
[[entry]]
id = "programme"
questions.fr = ["Qu'est-ce que le programme TI ?", "les TI"]
questions.en = ["What is the TI programme?", "TI"]
answer.fr = "Le programme TI aide l'industrie."
answer.en = "The TI programme helps industry."
sources = ["test"]
updated = 2026-11-26

[[entry]]
id = "aid"
questions.fr = ["Quelles aides pour une usine ?", "aide à l'investissement"]
questions.en = ["What aid is there for a factory?", "investment aid"]
answer.fr = "Des aides existent."
answer.en = "Aid is available."
sources = ["test"]
updated = 2026-11-26
"#;
    let synonyms = r#"
[[synonyms]]
words = ["ti", "tis", "territoire d'industrie"]
"#;
    let (_, index) = index_of_entries(entries, synonyms);
    let ti = index.resolve_spelt("ti", false).expect("a listed word");
    assert_eq!(index.resolve_spelt("tis", false), Some(ti.clone()));
    assert_eq!(index.resolve_spelt("tie", false), None);
    // An unlisted plural of the acronym is still the acronym, which no stemmer strips: "tis"
    // of a group that lists only "ti".
    let synonyms_without_plural = synonyms.replace(r#""tis", "#, "");
    let (_, index_without_plural) = index_of_entries(entries, &synonyms_without_plural);
    let ti_alone = index_without_plural.resolve_spelt("ti", false);
    assert!(ti_alone.is_some());
    assert_eq!(index_without_plural.resolve_spelt("tis", false), ti_alone);
    // A short stem that longer words of the base also reach is still read: "aider" (a word
    // the base does not write) stems to the "aid" of "aide" and "aides".
    assert!(index.resolve_spelt("aider", false).is_some());
    assert_eq!(
        index.resolve_spelt("aider", false),
        index.resolve_spelt("aide", false)
    );
}

#[test]
fn a_word_one_phrasing_happens_to_use_weighs_less_than_a_rare_subject() {
    // "a good spot for a warehouse": "spot" is how one question was worded, not a subject.
    // "left", as rare, is a word of the land entry's answer ("Some land is left…"), and
    // "L'Atelier" a keyword of the training entry: each keeps its weight.
    let parks = PARKS
        .replace(
            r#"questions.en = ["What land is available?", "available land for a factory"]"#,
            r#"questions.en = ["What land is available?", "available land for a factory", "a good spot for a warehouse?", "any land left?"]"#,
        )
        .replace(
            r#"questions.en = ["What industrial training is there?", "industry training"]"#,
            r#"questions.en = ["What industrial training is there?", "industry training", "courses at L'Atelier"]"#,
        );
    let (_, index) = index_of(parks, SETTINGS);
    let weight = |word: &str| {
        let terms = index
            .resolve_spelt(word, false)
            .expect("a word of the base");
        index.slot_weight(&terms)
    };
    for kept in ["left", "latelier"] {
        assert!(
            weight("spot") < weight(kept),
            "spot {} {kept} {}",
            weight("spot"),
            weight(kept)
        );
    }
    assert!(weight("spot") <= Tuning::default().one_phrasing_weight_cap);
}

#[test]
fn another_place_is_its_own_name_never_another_words_stem() {
    // "Nevers" stems to "never", and "Landes" to "land": the place is what is asked about.
    let settings = r#"
default_language = "en"
[matching]
other_places = ["Landes"]
"#;
    let (_, index) = index_of(PARKS.to_string(), settings);
    let found = index.find("a factory in the landes?");
    assert_ne!(found.band, Band::Confident, "{:?}", found.candidates);
    // Without the place, the same words are the base's land.
    let (base, index) = index_of(PARKS.to_string(), SETTINGS);
    let found = index.find("a factory in the landes?");
    assert_eq!(found.band, Band::Confident);
    assert_eq!(
        found.top().map(|c| base.entries[c.entry].id.as_str()),
        Some("land")
    );
}

#[test]
fn a_name_set_aside_is_not_the_subject() {
    let entries = [
        entry_toml(
            "parc-nord",
            &[
                "qu'est-ce que le parc ParcNord ?",
                "taille du parc ParcNord",
            ],
            &[
                "what is the ParcNord park?",
                "how big is the ParcNord park?",
            ],
            [
                "ParcNord est le grand parc d'activités au nord de Valbourg : 500 ha.",
                "ParcNord is the large business park north of Valbourg: 500 ha.",
            ],
        ),
        entry_toml(
            "other-parks",
            &[
                "quels autres parcs d'activités ?",
                "y a-t-il d'autres zones d'activités ?",
            ],
            &[
                "what other business parks are there?",
                "are there other business parks?",
            ],
            [
                "Outre ParcNord, Valbourg compte le parc Sud et le port.",
                "Besides ParcNord, Valbourg has the South park and the port.",
            ],
        ),
    ]
    .concat();
    let (base, index) = index_of_entries(&entries, "");
    // The best candidate, whether answered or offered first: what the question is read as.
    let answered = |question: &str| {
        let found = index.find(question);
        assert_ne!(found.band, Band::NoMatch, "{question}");
        base.entries[found.candidates[0].entry].id.clone()
    };
    for question in [
        "What other business parks are there besides ParcNord?",
        "Are there other business parks apart from the ParcNord park?",
        "à part ParcNord, y a-t-il d'autres zones d'activités ?",
        "d'autres parcs d'activités en dehors de ParcNord ?",
    ] {
        assert_eq!(answered(question), "other-parks", "{question}");
    }
    // Named with nothing set aside, the park is the subject; "besides" before a word that
    // names nothing sets nothing aside.
    assert_eq!(answered("how big is the ParcNord park?"), "parc-nord");
    assert_eq!(
        answered("besides size, how big is the ParcNord park?"),
        "parc-nord"
    );
    // Only the name right after the phrase is set aside.
    let parc_nord = index
        .resolve_spelt("parcnord", false)
        .expect("a name of the base");
    let reads_parc_nord = |slots: &[Slot]| {
        slots
            .iter()
            .any(|slot| slot.terms.iter().any(|t| parc_nord.contains(t)))
    };
    assert!(!with_slots(&index, "besides ParcNord", reads_parc_nord));
    assert!(with_slots(&index, "ParcNord besides", reads_parc_nord));
}

#[test]
fn a_french_ordinal_is_one_number() {
    let (_, index) = index();
    // "2e" splits into a figure and its ending, which is no word of its own...
    with_slots(&index, "le 2e parc de Valbourg", |slots| {
        assert!(
            slots.iter().all(|slot| slot.unknown_word != Some("e")),
            "{slots:?}"
        )
    });
    // ...but only after a figure.
    with_slots(&index, "le parc e de Valbourg", |slots| {
        assert!(
            slots.iter().any(|slot| slot.unknown_word == Some("e")),
            "{slots:?}"
        )
    });
}

#[test]
fn multi_word_synonyms_and_names_are_read_where_their_words_stand_together() {
    let entries = [
        entry_toml(
            "internet",
            &["la fibre est-elle disponible ?", "fibre sur les parcs"],
            &["is there fibre?", "fibre in the business parks"],
            [
                "La fibre dessert tous les parcs d'activités.",
                "Fibre serves every business park.",
            ],
        ),
        entry_toml(
            "parks",
            &["quelles zones d'activités ?", "zone d'activités nord"],
            &["which business parks?", "industrial zone north"],
            [
                "Valbourg compte trois zones d'activités.",
                "Valbourg has three business parks.",
            ],
        ),
        entry_toml(
            "jobs",
            &[
                "combien d'emplois dans l'industrie ?",
                "part de l'industrie dans l'emploi",
            ],
            &["how many industrial jobs?", "share of jobs in industry"],
            [
                "L'industrie compte 9 000 emplois dans la zone d'emploi de Valbourg.",
                "Industry counts 9,000 jobs in the Valbourg employment zone.",
            ],
        ),
        "keywords = [\"zone d'emploi\", \"employment zone\"]\n\n".to_string(),
        entry_toml(
            "employers",
            &["qui sont les grands employeurs ?", "acteurs industriels"],
            &["who are the big employers?", "industrial players"],
            [
                "Les grands employeurs de Valbourg sont industriels.",
                "Valbourg's big employers are industrial.",
            ],
        ),
        "keywords = [\"industrial players\", \"acteurs industriels\"]\n\n".to_string(),
    ]
    .concat();
    let synonyms = r#"
[[synonyms]]
words = ["fibre", "fibre optique", "broadband"]

[[synonyms]]
words = ["zone d'activités", "industrial zone", "business park"]

[[synonyms]]
words = ["industrie", "industry", "industrial", "industriel"]

[[synonyms]]
words = ["entreprise", "players", "boîte"]

[[synonyms]]
words = ["territoire d'industrie", "ti"]
"#;
    let (_, index) = index_of_entries(&entries, synonyms);
    let term = |key: &str| index.terms[key];
    let reads = |question: &str, term: TermId| {
        with_slots(&index, question, |slots| {
            slots.iter().any(|slot| slot.terms.contains(&term))
        })
    };
    // "optique", which only the synonyms file knows, is part of the group's phrase, no
    // subject of its own that no answer mentions; alone, it is still read.
    let optique = index
        .resolve_spelt("optique", false)
        .expect("a word of the base")[0];
    assert!(!reads("fibre optique sur les parcs ?", optique));
    assert!(reads("optique sur les parcs ?", optique));
    // A synonym phrase gives way to a name written word for word that starts inside it...
    let employment_zone = term("name:zone emploi");
    let parks_group = term("syn:1");
    for question in [
        "% emplois industrie zone d'emploi",
        "part de l'industrie dans la zone d'emploi de Valbourg",
    ] {
        assert!(reads(question, employment_zone), "{question}");
        assert!(!reads(question, parks_group), "{question}");
    }
    assert!(reads("industrial zone north", parks_group));
    // A name read only through synonyms ("industrie … boîte" for "industrial players") does
    // not break a synonym phrase.
    let industry_territory = term("syn:4");
    let question = "c'est quoi territoire d'industrie pour une boîte ?";
    assert!(reads(question, industry_territory));
    assert!(!reads(question, term("name:industrial players")));
    // ...and a name's words stand together, give or take stop words and one other word.
    let industrial_players = term("name:industrial players");
    assert!(reads("who are the industrial players?", industrial_players));
    assert!(reads(
        "the main industrial key players?",
        industrial_players
    ));
    assert!(!reads(
        "industrie dont tout le monde cause au club d'entreprises",
        industrial_players
    ));
}

#[test]
fn words_that_only_stress_or_receive_say_nothing_of_the_subject() {
    let entries = [
        entry_toml(
            "label",
            &["c'est quoi le label ?", "le label"],
            &["what is the label?", "the label"],
            [
                "Le label distingue les territoires d'industrie.",
                "The label marks industrial territories.",
            ],
        ),
        entry_toml(
            "label-date",
            &["date exacte du label", "jour exact du label"],
            &["exact date of the label", "exact day of the label"],
            [
                "Le label a été remis le 22 novembre 2018 au Conseil national de l'industrie.",
                "The label came on 22 November 2018, at the Conseil national de l'industrie.",
            ],
        ),
        entry_toml(
            "grants",
            &["quelles aides pour une usine ?", "aides"],
            &["grants for a factory", "grants"],
            [
                "Des aides existent pour les usines.",
                "Grants exist for factories.",
            ],
        ),
        entry_toml(
            "contact",
            &["comment vous contacter ?", "contact"],
            &["how do I get in touch?", "contact"],
            [
                "Écrivez à l'équipe du développement économique.",
                "Write to the economic development team.",
            ],
        ),
    ]
    .concat();
    let synonyms = "[[synonyms]]\nwords = [\"contacter\", \"contact\", \"touch\"]\n";
    let (base, index) = index_of_entries(&entries, synonyms);
    for (question, expected) in [
        // "exactement", "exactly" stress the question; "exact" of a date still asks for one.
        ("le label c'est quoi exactement ?", "label"),
        ("what is the label exactly?", "label"),
        ("exact date of the label", "label-date"),
        // French "toucher" receives money: it is not the English "touch" of a contact, whose
        // stem it shares.
        ("on peut toucher des aides ?", "grants"),
        // "j'ai lu" (read somewhere) and "me conseillez-vous" (advise) name no subject.
        ("j'ai lu le label, c'est quoi ?", "label"),
        ("quelles aides me conseillez-vous ?", "grants"),
        ("how do I get in touch?", "contact"),
    ] {
        let found = index.find(question);
        assert_eq!(found.band, Band::Confident, "{question}");
        assert_eq!(
            base.entries[found.candidates[0].entry].id, expected,
            "{question}"
        );
    }
}

#[test]
fn a_round_number_cites_the_figure_it_rounds() {
    let entries = [
        entry_toml(
            "town",
            &["la ville compte-t-elle 45 031 habitants ?", "la ville"],
            &["does the town have 45,031 inhabitants?", "the town"],
            [
                "La ville comptait 45 031 habitants en 2021.",
                "The town had 45,031 inhabitants in 2021.",
            ],
        ),
        entry_toml(
            "area",
            &[
                "combien d'habitants dans l'agglomération ?",
                "agglomération",
            ],
            &["how many inhabitants in the area?", "the area"],
            [
                "L'agglomération comptait 113 953 habitants et 2 010 entreprises en 2021.",
                "The area had 113,953 inhabitants and 2,010 companies in 2021.",
            ],
        ),
    ]
    .concat();
    let (base, index) = index_of_entries(&entries, "");
    let figure = |word: &str| index.resolve_spelt(word, true);
    assert_eq!(figure("45000"), figure("45031"));
    assert!(figure("45031").is_some());
    // Not a number rounded to the hundred, nor one too far from the figure…
    for word in ["45030", "45500"] {
        assert_ne!(figure(word), figure("45031"), "{word}");
    }
    // …nor a year, however close to a figure ("2000" is no rounding of 2,010 companies).
    assert!(figure("2010").is_some());
    assert_ne!(figure("2000"), figure("2010"));
    for question in ["45 000 habitants ?", "45000 inhabitants?"] {
        let found = index.find(question);
        assert_eq!(found.band, Band::Confident, "{question}");
        assert_eq!(
            base.entries[found.candidates[0].entry].id, "town",
            "{question}"
        );
    }
}
