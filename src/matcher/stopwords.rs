//! Words that say nothing about which answer is wanted, and words that tell the language.
//!
//! Stop words are dropped before matching, except the question words (who, why, qui,
//! pourquoi…): they are kept at a low weight because "who can help me" and "why settle here"
//! ask different things. The same lists tell French from English.

use crate::lang::Lang;

/// French words that carry no topic, folded (no accents). Elided forms (l, d, qu…) included.
const FRENCH: &[&str] = &[
    "a",
    "ai",
    "aie",
    "aient",
    "as",
    "assez",
    "au",
    "aucun",
    "aupres",
    "aussi",
    "autre",
    "autres",
    "aux",
    "avec",
    "avez",
    "avoir",
    "avons",
    "bah",
    "beaucoup",
    "besoin",
    "bien",
    "bjr",
    "bonjour",
    "bonsoir",
    "c",
    "ca",
    "car",
    "ce",
    "ceci",
    "cela",
    "celle",
    "celui",
    "ces",
    "cest",
    "cet",
    "cette",
    "ceux",
    "chez",
    "comme",
    // "quelles zones me conseillez-vous ?": asks for advice, not the "Conseil" of a council
    "conseillerais",
    "conseilleriez",
    "conseilles",
    "conseillez",
    "coucou",
    "cordialement",
    "d",
    "dans",
    "de",
    "des",
    // "on m'a parlé de ça, vous avez des infos là-dessus ?"
    "dessus",
    "devons",
    "dire",
    "dois",
    "doit",
    "donc",
    "dont",
    "du",
    "elle",
    "elles",
    "en",
    "encore",
    "es",
    "est",
    "et",
    "etc",
    "ete",
    "etes",
    "etre",
    "eu",
    // "c'est quoi exactement ?" stresses the question ("exact", of a date, still asks)
    "exactement",
    "fait",
    "faire",
    "faut",
    "genre",
    "il",
    "ils",
    "j",
    "je",
    "jusqu",
    "l",
    "la",
    "laquelle",
    "le",
    "lequel",
    "les",
    "leur",
    "leurs",
    "lors",
    "lorsqu",
    // "j'ai lu que…": read somewhere
    "lu",
    "lue",
    "lus",
    "lui",
    "m",
    "ma",
    "mais",
    "me",
    "meme",
    "merci",
    "mes",
    "moi",
    "mon",
    "n",
    "ne",
    "ni",
    "nos",
    "notre",
    "nous",
    "on",
    "ont",
    "or",
    "ou",
    "par",
    "parce",
    "pas",
    "peu",
    "peut",
    "peuvent",
    "peux",
    "plait",
    "pourrais",
    "pourrait",
    "pourriez",
    "pouvez",
    "pouvons",
    "pour",
    "puis",
    "puisqu",
    "qu",
    "quel",
    "quelle",
    "quelles",
    "quels",
    "que",
    "quoi",
    // "qu'est-ce qui rend Chalon attractif ?": "makes", which shares its stem with the
    // "rendez-vous" of an appointment
    "rend",
    "rendent",
    "rien",
    "s",
    "sa",
    "sais",
    "sait",
    "salut",
    "sans",
    "savoir",
    "se",
    "ses",
    "seulement",
    "si",
    "slt",
    "son",
    "sont",
    "souhaite",
    "souhaitons",
    "stp",
    // "un lien suffit", "ça suffira"
    "suffit",
    "suffira",
    "suffirait",
    "suis",
    "sommes",
    // "c'est quoi au juste ?", "juste à côté"
    "juste",
    "sur",
    "svp",
    "t",
    "ta",
    "te",
    "tes",
    "toi",
    "ton",
    // "toucher des aides" receives money: not the English "touch" of a contact, its stem
    "toucher",
    "tous",
    "tout",
    "toute",
    "toutes",
    "tres",
    "trop",
    "tu",
    "un",
    "une",
    "unes",
    "uns",
    "vers",
    "voici",
    "voila",
    "vos",
    "votre",
    "voudrais",
    "voudrait",
    "voudrions",
    "voulons",
    "vous",
    "vs",
    "y",
    "aimerais",
    "aimerait",
    "aimerions",
    "connaitre",
    "cherche",
    "cherchons",
    "ici",
    "oui",
    "non",
    "beaucoup",
    "quelque",
    "quelques",
    "chose",
    "choses",
    "truc",
    "trucs",
    "vraiment",
    // checking a figure: "c'est correct ?", "je voudrais vérifier"
    "correct",
    "verifier",
    "actuellement",
    "maintenant",
    "deja",
    "bon",
    "ben",
    "alors",
    "ok",
    "ya",
    "cad",
    "va",
    "vais",
    "vas",
    "vont",
    "allez",
    "aller",
    "fais",
    "faites",
    "font",
    "avez",
    "avoir",
    "sera",
    "serait",
    "etait",
    "svp",
    "coin",
    "ailleurs",
    "plutot",
    "quelqu",
    "quelquun",
    "peutetre",
    "hello",
    "yo",
    "cc",
    "ptet",
    // SMS spellings of the words above ("bcp" beaucoup, "ds" dans, "qqch" quelque chose…)
    "bcp",
    "ds",
    "tt",
    "qq",
    "qqs",
    "qqch",
    // "quelque part"
    "qqpart",
    // "pour"
    "pr",
    "mtn",
    "vrmt",
    "dc",
    "dsl",
    "mrc",
    "mci",
    "jsp",
    // "important" says how much, not what: its stem is the verb "importer" (to import)
    "important",
    "importante",
    "importants",
    "importantes",
    // "2ème", "3eme": the ordinal's ending, cut from its figure (for "2e", see
    // `is_ordinal_ending`)
    "eme",
    // "une PME basée à Lyon": where the asker is, not a logistics "base"
    "basee",
    "basees",
    // "le plus de monde" (the most people), "tout le monde" (everybody)
    "monde",
    // "j'ai entendu dire que…", "entendu parler de…"
    "entendu",
    // "elle fait quoi là-dedans ?": where the asker looks, not what at
    "dedans",
    // "c'est vrai que…": checking what the asker heard, not a subject
    "vrai",
    // "désolé, jamais entendu parler": an apology says nothing asked
    "desole",
    "desolee",
    // "surtout le foncier": how much, not what
    "surtout",
    "principalement",
    // a formal letter's courtesies: "Madame, Monsieur, je me permets de vous solliciter afin
    // d'obtenir…", "pourriez-vous m'indiquer…", "Je vous prie d'agréer mes salutations
    // distinguées": they ask nothing, and as unknown words they counted against every answer
    "madame",
    "monsieur",
    "mesdames",
    "messieurs",
    "permets",
    "solliciter",
    "sollicite",
    "afin",
    "obtenir",
    "indiquer",
    "indiquez",
    "prie",
    "veuillez",
    "agreer",
    "sentiments",
    "distingues",
    "distinguees",
    "respectueuses",
];

/// English words that carry no topic.
const ENGLISH: &[&str] = &[
    "a",
    // "important" says how much, not what: its stem is the verb "import"
    "important",
    // "2nd", "4th": the ordinal's ending, cut from its figure
    "nd",
    "th",
    // "a company based in Lyon": where the asker is, not a logistics "base"
    "based",
    "about",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "but",
    "by",
    "can",
    "could",
    "d",
    "did",
    "do",
    "does",
    "doing",
    "don",
    "for",
    "from",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "hello",
    "her",
    "hey",
    "hi",
    "his",
    "i",
    "if",
    "im",
    "in",
    "into",
    // "or further off?": a particle
    "off",
    "is",
    "it",
    "its",
    "just",
    "kindly",
    "know",
    "let",
    "like",
    "ll",
    "m",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "need",
    "no",
    "not",
    "of",
    "on",
    "or",
    "our",
    "ours",
    "please",
    "pls",
    "plz",
    "re",
    "s",
    // "I saw that…": how the asker heard of it
    "saw",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "tell",
    "than",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thx",
    "to",
    "too",
    "u",
    "ur",
    "us",
    "ve",
    "very",
    "want",
    "was",
    "we",
    "were",
    "what",
    "whats",
    "which",
    "will",
    "with",
    "would",
    "yes",
    "you",
    "your",
    "yours",
    "anyone",
    "guys",
    "folks",
    "looking",
    // "we look at the park north of Chalon": the asker searching, like "looking"
    "look",
    "looks",
    // "I read that…": hearsay, not a subject
    "read",
    // "sorry, never heard of it": an apology says nothing asked
    "sorry",
    // "mainly the land question": how much, not what ("mainly" would stem to "main")
    "mainly",
    "mostly",
    "especially",
    // "how much" asks a price as often as a count: it says nothing "combien" would.
    "much",
    "here",
    "there",
    "theres",
    "heres",
    "lot",
    "lots",
    // "a bit lost": how much, like "a lot"
    "bit",
    "one",
    "ones",
    "other",
    "others",
    "own",
    "only",
    "out",
    "up",
    "way",
    "ways",
    "kind",
    "sort",
    "thing",
    "things",
    "something",
    "anything",
    "really",
    "actually",
    // checking a figure: "is it true…", "is that correct?"
    "true",
    "correct",
    "accurate",
    "verify",
    "exactly",
    "currently",
    "right",
    "now",
    "still",
    "even",
    "well",
    "ok",
    "okay",
    "hmm",
    "else",
    "elsewhere",
    "somewhere",
    "anywhere",
    "everywhere",
    "rather",
    "instead",
    "someone",
    "everyone",
    "everybody",
    "somebody",
    "whether",
    "maybe",
    "perhaps",
    "quite",
    "pretty",
    "basically",
    "yo",
    "dear",
    "cheers",
    "regards",
    "anyway",
    "though",
    // "we r looking at chalon": SMS English
    "r",
    // "30k m2", "500k€": thousands
    "k",
    // "we're scouting sites": a search, like "looking for"
    "scouting",
    "scout",
    // a formal letter's courtesies: "Dear Sir or Madam, I would be most grateful if you
    // could advise…"
    "sir",
    "madam",
    "advise",
    "grateful",
    "appreciate",
    "appreciated",
    "faithfully",
];

/// Words that thank, dropped like stop words: a message that thanks and asks nothing ("merci
/// pour votre aide", "thx for the info") is a courtesy, not a question about help or
/// information.
const THANKS: &[&str] = &[
    "merci",
    "mercii",
    "remercie",
    "remercions",
    "remercier",
    "thank",
    "thanks",
    "thx",
    "ty",
    "cheers",
];

/// Chat fillers of either language ("lol", "tbh", "mdr", "wsh"): they say how the asker types,
/// not what is asked, and an unknown word would count against the answer.
#[rustfmt::skip]
const CHAT_FILLERS: &[&str] = &[
    "lol", "mdr", "ptdr", "xd", "tbh", "ngl", "imo", "btw", "fyi", "lowkey", "tho", "bro", "wsh",
    "wesh", "jsp",
    // "les gars" (guys), which is no misspelt "gare"
    "gars",
    // "any info on…", "plus d'infos sur…": asks for what follows, in either language
    "info", "infos", "information", "informations",
];

/// The food industry, the trade investors name most to say what they make ("une usine
/// agroalimentaire", "un groupe agro"), folded: the base answers a land, funding or sector
/// question the same whatever the trade, and as unknown words these would count against it.
/// Other trades ("packaging", "aerospace") stay unknown words: named in the sentence that says
/// who asks, they keep its other words from pulling the question to the land entries.
const FOOD_TRADE: &[&str] = &[
    "agro",
    "agroalimentaire",
    "agroalimentaires",
    "agrifood",
    "alimentaire",
    "alimentaires",
];

/// Function words of the languages investors sometimes write in besides French and English
/// (Spanish, Portuguese, Italian, German, Dutch), folded: they ask nothing, and as unknown words
/// they would count against the synonyms that carry such a question ("¿Qué terrenos hay?").
/// Words that are also English or French words investors use ("come", "van", "tag", "die" of
/// die-casting, "sem" of société d'économie mixte, "con" of pros and cons) are left out.
#[rustfmt::skip]
const OTHER_LANGUAGES: &[&str] = &[
    // Spanish
    "el", "los", "las", "del", "una", "unos", "unas", "hay", "esta", "estan", "cual",
    "cuales", "como", "para", "por", "sobre", "o",
    "pero", "muy", "este", "estos", "estas", "ese", "su", "sus", "nuestro", "nuestra",
    "nuestros", "somos", "tenemos", "queremos", "puede", "pueden", "hola", "gracias", "buenos",
    "dias",
    // Portuguese
    "os", "um", "uma", "umas", "da", "dos", "das", "na", "em", "sao", "quais", "qual",
    "muito", "isso", "seu", "sua", "nosso", "nossa", "temos",
    "pode", "podem", "ola", "obrigado", "obrigada",
    // Italian
    "lo", "gli", "dei", "degli", "delle", "della", "dello", "nel", "nella", "alla", "sono", "ci",
    "quali", "quale", "senza", "molto", "piu", "questo", "questa", "siamo",
    "abbiamo", "vogliamo", "puo", "possono", "ciao", "grazie", "buongiorno",
    // German
    "der", "den", "dem", "ein", "eine", "einen", "einem", "einer", "ist", "sind", "gibt",
    "welche", "welcher", "welches", "viele", "ohne",
    "und", "oder", "aber", "sehr", "mehr", "dieser", "diese", "unser", "unsere", "wir", "haben",
    "wollen", "kann", "konnen", "hallo", "danke", "guten", "von", "zu", "zum", "zur", "bei", "nach",
    "auf", "aus",
    // Dutch
    "het", "een", "voor", "zijn", "wij", "welke", "wat", "ook", "dank",
];

/// Words that compare places wherever they stand: "Chalon plutôt que Dijon", "Chalon vs
/// Mâcon", "on hésite entre Chalon et Besançon".
const COMPARISON_WORDS: &[&str] = &[
    "plutot",
    "rather",
    "instead",
    "lieu",
    "vs",
    "versus",
    "compare",
    "compared",
    "comparing",
    "comparaison",
    "comparer",
    "comparison",
    "hesite",
    "hesitons",
    "hesitate",
    "hesitating",
];

/// Words that ask how far: with them, "Is Chalon closer to Dijon or Mâcon?" and "c'est plus
/// près de Dijon ou de Mâcon ?" ask a distance, and the places are its subject, not the asker's
/// alternatives ("on the A6 like Beaune or further off?" still likens).
const DISTANCE_WORDS: &[&str] = &[
    "closer",
    "closest",
    "nearer",
    "nearest",
    "distance",
    "distances",
    "km",
    "kms",
    "kilometres",
    "kilometers",
    "miles",
];

/// Whether folded `words` ask how far: a distance word, or "plus" before "près", "proche" or
/// "loin".
pub fn asks_distance(words: &[String]) -> bool {
    words
        .iter()
        .any(|word| DISTANCE_WORDS.contains(&word.as_str()))
        || words.windows(2).any(|pair| {
            pair[0] == "plus" && matches!(pair[1].as_str(), "pres" | "proche" | "proches" | "loin")
        })
}

/// Words that compare only right before another place: "Chalon and not Dijon", "Chalon ou
/// Dijon ?", "Chalon over Lyon" ("closer to Dijon or to Lyon", "c'est pas loin", "over 100 km"
/// compare nothing).
const CONTRAST_WORDS: &[&str] = &["pas", "not", "non", "ou", "or", "over"];

/// Words that liken the territory to another place right before it: "on the A6 like Beaune",
/// "comme Mâcon". (Not after "here": "des entreprises ici comme Bosch" names a company.)
const LIKENING_WORDS: &[&str] = &["like", "unlike", "comme"];

/// Whether `words` point at the territory without naming it, right before a comparison: "ici
/// plutôt qu'à Dijon", "here rather than Lyon", "chez vous ou à Dijon", "locally or in Dijon",
/// "sur place ou à Dijon" ("Here is my question" compares nothing).
pub fn points_here(words: &[String]) -> bool {
    const REACH: usize = 3;
    (0..words.len()).any(|i| {
        // "d'ici 2026", "jusqu'ici": a time, not a place.
        let time = i > 0 && matches!(words[i - 1].as_str(), "d" | "jusqu");
        let after = match words[i].as_str() {
            "ici" if time => return false,
            "ici" | "here" | "locally" | "localement" => i + 1,
            "chez" if words.get(i + 1).is_some_and(|w| w == "vous" || w == "toi") => i + 2,
            // "des écoles sur place ou faut partir à Dijon ?"
            "sur" if words.get(i + 1).is_some_and(|w| w == "place") => i + 2,
            _ => return false,
        };
        words[after.min(words.len())..(after + REACH).min(words.len())]
            .iter()
            .any(|w| is_comparison_word(w) || is_contrast_word(w))
    })
}

pub fn is_comparison_word(word: &str) -> bool {
    COMPARISON_WORDS.contains(&word)
}

pub fn is_contrast_word(word: &str) -> bool {
    CONTRAST_WORDS.contains(&word)
}

pub fn is_likening_word(word: &str) -> bool {
    LIKENING_WORDS.contains(&word)
}

/// Words before an alternative in a comparison: "Mâcon ou Beaune", "Dijon vs Chalon", "rather
/// than Dijon", "plutôt que Beaune".
pub fn is_alternative_word(word: &str) -> bool {
    matches!(word, "ou" | "or" | "vs" | "versus" | "than" | "que" | "qu")
}

/// Words that open a signature line: "Regards, Priya", "Cordialement, Julien", "Best, Tom".
const SIGN_OFFS: &[&str] = &[
    "regards",
    "kind",
    "warm",
    "best",
    "sincerely",
    "yours",
    "cordialement",
    "cdlt",
    "bien",
    "salutations",
    "respectueusement",
];

/// Sign-off words that are ordinary words too ("best location", "what kind of land", "bien
/// desservi"): they sign off only with their courtesy ("Best regards", "bien à vous"), a
/// comma ("Best, Tom") or a name ("Best Min-jun").
const AMBIGUOUS_SIGN_OFFS: &[&str] = &["kind", "warm", "best", "yours", "bien"];

/// Words that may come before a sign-off word: "Many thanks, Helen", "With kind regards, Paul".
const SIGN_OFF_LEADS: &[&str] = &["many", "with"];

/// Whether `word` may come before a sign-off or thanks word ("many" of "many thanks").
pub fn leads_sign_off(word: &str) -> bool {
    SIGN_OFF_LEADS.contains(&word)
}

/// How many words follow the sign-off that opens `line`, once its courtesies ("in advance",
/// "regards") are skipped: the signer's name and title. `None` when `line` does not open as a
/// sign-off: a thank-you ("Merci, Julien", "thx Mark") or a sign-off word ("Cordialement",
/// "Best regards", "Best, Tom").
pub fn sign_off_name_words(line: &str) -> Option<usize> {
    read_sign_off(line, crate::matcher::normalize::words(line)).map(|sign_off| sign_off.name_words)
}

/// Whether `line`, as typed (its commas and capitals tell "Best, Tom" from "best location"),
/// opens a message's signature: a formula that closes a letter ("Je vous prie d'agréer…"), a
/// sign-off word ("Cordialement", "Kind regards, Mark", "Best, Tom"), or thanks with their
/// courtesy or a comma ("Thanks in advance", "Many thanks, Helen", "Merci, Julien"; "Thanks
/// for the list of land" and "Many thanks for the list" are sentences).
pub fn opens_sign_off(line: &str) -> bool {
    let words = crate::matcher::normalize::words(line);
    closes_letter(&words)
        || read_sign_off(line, words).is_some_and(|sign_off| !sign_off.thanks || sign_off.polite)
}

/// A line that opens with a sign-off or thanks, as [`read_sign_off`] reads it.
struct SignOff {
    /// Thanks ("Thanks", "Merci") rather than a sign-off word ("Regards", "Cordialement").
    thanks: bool,
    /// How many words follow the sign-off and its courtesies: the signer's name and title.
    name_words: usize,
    /// A courtesy ("in advance", "regards") or a comma follows the sign-off word, or nothing.
    polite: bool,
}

/// `line` (folded into `words`) read as a sign-off, after a word that may lead it ("Many
/// thanks", "With kind regards"); `None` when it opens with none.
fn read_sign_off(line: &str, mut words: Vec<String>) -> Option<SignOff> {
    let mut tokens = line.split_whitespace();
    if words.len() > 1 && leads_sign_off(&words[0]) {
        words.remove(0);
        tokens.next();
    }
    let first = words.first()?;
    let name_words = after_sign_off(&words).len();
    let first_token = tokens.next().unwrap_or_default();
    let courteous = name_words < words.len() - 1 || first_token.ends_with(',');
    let thanks = is_thanks(first);
    let signs_off = thanks
        || (SIGN_OFFS.contains(&first.as_str())
            && (!AMBIGUOUS_SIGN_OFFS.contains(&first.as_str())
                || courteous
                // "Best Min-jun", "Best, Tom": a name follows
                || tokens
                    .next()
                    .and_then(|next| next.chars().next())
                    .is_some_and(char::is_uppercase)));
    signs_off.then_some(SignOff {
        thanks,
        name_words,
        polite: courteous || words.len() == 1,
    })
}

/// Whether a line that opens with the folded `word` may sign off: the cheap test before
/// [`opens_sign_off`] reads the line.
pub fn may_open_sign_off(word: &str) -> bool {
    SIGN_OFFS.contains(&word)
        || is_thanks(word)
        || leads_sign_off(word)
        || LETTER_CLOSINGS.iter().any(|closing| closing[0] == word)
}

/// The formulas that close a formal letter before its signature: "Je vous prie d'agréer mes
/// salutations distinguées", "Veuillez agréer…", "Dans l'attente de votre retour", "I look
/// forward to hearing from you". Each holds the words that make it a formula: "Je vous prie de
/// bien vouloir m'indiquer…" and "We look forward to building a plant" still ask.
const LETTER_CLOSINGS: &[&[&str]] = &[
    &["je", "vous", "prie", "d", "agreer"],
    &["je", "vous", "prie", "de", "croire"],
    &["je", "vous", "prie", "de", "recevoir"],
    &["je", "vous", "prie", "d", "accepter"],
    &["veuillez", "agreer"],
    &["veuillez", "recevoir"],
    &["recevez", "madame"],
    &["recevez", "monsieur"],
    &["recevez", "mes"],
    &["recevez", "nos"],
    &["dans", "l", "attente", "de", "votre"],
    &["dans", "l", "attente", "de", "vous"],
    &["dans", "l", "attente", "d", "une", "reponse"],
    &["in", "anticipation"],
    &["i", "look", "forward", "to", "hearing"],
    &["i", "look", "forward", "to", "your"],
    &["we", "look", "forward", "to", "hearing"],
    &["we", "look", "forward", "to", "your"],
    &["looking", "forward", "to", "hearing"],
    &["looking", "forward", "to", "your"],
];

/// Whether the folded `words` begin with the listed `phrase`.
fn opens_with(words: &[String], phrase: &[&str]) -> bool {
    words.len() >= phrase.len()
        && words
            .iter()
            .zip(phrase)
            .all(|(word, listed)| word == listed)
}

/// Whether the folded `words` end with the listed `phrase`.
fn ends_with(words: &[String], phrase: &[&str]) -> bool {
    words
        .len()
        .checked_sub(phrase.len())
        .is_some_and(|start| opens_with(&words[start..], phrase))
}

/// Whether a sentence's folded `words` open with a formula that closes a formal letter.
pub fn closes_letter(words: &[String]) -> bool {
    LETTER_CLOSINGS
        .iter()
        .any(|closing| opens_with(words, closing))
}

/// What may follow a sign-off word before the signer's name: "Thanks in advance, Mark",
/// "Merci d'avance, Julien", "Best regards, Priya", "Bien à vous".
/// (Besides "in advance", [`IN_ADVANCE`].)
const SIGN_OFF_COURTESIES: &[&[&str]] = &[
    &["beaucoup"],
    &["a", "lot"],
    &["so", "much"],
    &["very", "much"],
    &["you"],
    &["again"],
    &["encore"],
    &["for", "your", "help"],
    &["for", "your", "time"],
    &["pour", "votre", "aide"],
    &["pour", "votre", "retour"],
    &["regards"],
    &["wishes"],
    &["sincerely"],
    &["faithfully"],
    &["truly"],
    &["salutations"],
    &["a", "vous"],
    &["cordialement"],
    &["bonne", "journee"],
    &["bonne", "soiree"],
];

/// The words of a signature after its sign-off word (`words[0]`), once the courtesies that
/// may follow it are skipped: the signer's name and title, if the line is a signature.
fn after_sign_off(words: &[String]) -> &[String] {
    let mut rest = words.get(1..).unwrap_or_default();
    while let Some(courtesy) = IN_ADVANCE
        .iter()
        .chain(SIGN_OFF_COURTESIES)
        .find(|courtesy| opens_with(rest, courtesy))
    {
        rest = &rest[courtesy.len()..];
    }
    rest
}

/// Words that open a follow-up: the message adds to the question before it ("and for
/// Lyon?", "et pour Dijon ?", "same question for the port", "what about the port?").
const FOLLOW_UP_OPENERS: &[&str] = &[
    "and",
    "et",
    "same",
    "meme",
    "idem",
    "pareil",
    "also",
    "aussi",
    "sinon",
    "otherwise",
    "quid",
];
const FOLLOW_UP_OPENING_PAIRS: &[[&str; 2]] =
    &[["what", "about"], ["how", "about"], ["what", "of"]];
/// Besides its openers, the words that only say a message follows up ("same question for the
/// port", "pareil pour Dijon"): once it is read with its context, they ask nothing themselves.
const FOLLOW_UP_WORDS: &[&str] = &["question", "questions", "thing", "chose", "about"];

/// The words of a follow-up that say what it asks: its own follow-up words aside.
pub fn follow_up_content(words: Vec<String>) -> Vec<String> {
    words
        .into_iter()
        .filter(|w| {
            !FOLLOW_UP_OPENERS.contains(&w.as_str()) && !FOLLOW_UP_WORDS.contains(&w.as_str())
        })
        .collect()
}

/// Words said before a follow-up's opener ("ok and for Lyon?"), besides thanks ("merci, et
/// pour le port ?").
const ACKNOWLEDGEMENTS: &[&str] = &[
    "ok", "okay", "oki", "k", "kk", "dac", "daccord", "d", "accord", "you", "cool", "super",
    "nice", "great", "parfait", "perfect", "top", "ah", "oh", "hmm", "hm", "bon", "alors", "so",
    "well", "genial", "nickel", "yes", "oui", "right", "got", "it", "noted", "note",
];

/// True when a message's folded `words` open as a follow-up of the question before it, after
/// any acknowledgement ("ok", "merci").
pub fn opens_follow_up(words: &[String]) -> bool {
    let start = words
        .iter()
        .position(|w| !ACKNOWLEDGEMENTS.contains(&w.as_str()) && !is_thanks(w))
        .unwrap_or(words.len());
    let rest = &words[start..];
    match rest {
        [first, second, ..]
            if FOLLOW_UP_OPENING_PAIRS
                .iter()
                .any(|pair| pair[0] == first && pair[1] == second) =>
        {
            true
        }
        [first, ..] => FOLLOW_UP_OPENERS.contains(&first.as_str()),
        [] => false,
    }
}

/// French verbs of coming and leaving, before the "de" that names where from ("qui viennent de
/// Lyon", "en provenance de Paris").
const COMING_FROM: &[&str] = &[
    "viens",
    "vient",
    "viennent",
    "venant",
    "venir",
    "venu",
    "venue",
    "venus",
    "venues",
    "arrivent",
    "arrivant",
    "provenance",
    "partent",
    "quittent",
    "quitter",
    "demenagent",
    "demenager",
    "demenage",
];

/// Words that say where the asker's company is, before a place: "based in Lyon", "une PME
/// basée à Dijon", "headquartered in Paris".
/// ("Situé", "located", "implanté" are left out: "le terrain est-il situé à Dijon ?" asks about
/// Dijon.)
const LOCATED: &[&str] = &["based", "headquartered", "basee", "basees"];

/// Words that open a question, capitalised, in a message typed without punctuation.
const QUESTION_OPENERS: &[&str] = &[
    "can",
    "could",
    "what",
    "which",
    "where",
    "who",
    "how",
    "why",
    "when",
    "is",
    "are",
    "do",
    "does",
    "did",
    "would",
    "should",
    "any",
    "quel",
    "quels",
    "quelle",
    "quelles",
    "estce",
    "pouvez",
    "pourriez",
    "peut",
    "peuton",
    "comment",
    "combien",
    "pourquoi",
    "qui",
    "ou",
    "quand",
    "existe",
    "existetil",
    "avezvous",
    "yatil",
    "ya",
];

/// True for the folded first word of a sentence that asks: "can", "what", "quels"…
pub fn opens_question(word: &str) -> bool {
    QUESTION_OPENERS.contains(&word)
}

/// The phrases after which a name is what the asker sets aside, as folded words: "other parks
/// besides SaôneOr", "à part Amazon", "des employeurs autres que Framatome".
const SETTING_ASIDE: &[&[&str]] = &[
    &["besides"],
    &["beside"],
    &["apart", "from"],
    &["aside", "from"],
    &["other", "than"],
    &["except"],
    &["except", "for"],
    &["excluding"],
    &["a", "part"],
    &["autre", "que"],
    &["autres", "que"],
    &["hormis"],
    &["sauf"],
    &["en", "dehors", "de"],
    &["en", "dehors", "d"],
];

/// Articles that may stand between a setting-aside phrase and the name: "apart from the
/// SaôneOr park", "à part l'Usinerie".
const SET_ASIDE_ARTICLES: &[&str] = &["the", "le", "la", "les", "l"];

/// True when the words just before a name (`before`, nearest last) set it aside: "besides
/// SaôneOr", "apart from the SaôneOr park", "à part Amazon". The name is then what the
/// question is not about.
pub fn sets_aside(before: &[String]) -> bool {
    let before = match before {
        [rest @ .., article] if SET_ASIDE_ARTICLES.contains(&article.as_str()) => rest,
        _ => before,
    };
    SETTING_ASIDE.iter().any(|phrase| ends_with(before, phrase))
}

/// True when the words just before a place (`before`, nearest last) say the asker comes from it:
/// "from Lyon", "depuis Paris", "qui viennent de Lyon".
pub fn introduces_origin(before: &[String]) -> bool {
    match before {
        [.., from] if matches!(from.as_str(), "from" | "depuis") => true,
        // "a company based in Lyon", "une PME basée à Lyon", "headquartered near Paris"
        [.., located, preposition]
            if LOCATED.contains(&located.as_str())
                && matches!(
                    preposition.as_str(),
                    "in" | "at" | "near" | "a" | "au" | "aux" | "en" | "dans" | "pres" | "sur"
                ) =>
        {
            true
        }
        [.., verb, de] if matches!(de.as_str(), "de" | "d" | "du") => {
            COMING_FROM.contains(&verb.as_str())
        }
        _ => false,
    }
}

/// The subjects and verbs with which askers say who they are, as folded words, and the
/// articles after which they do: "we are a…", "je suis une…" ("je suis à la recherche" folds
/// to "je suis a", which is no "a").
const INTRODUCING_SUBJECTS: &[(&[&str], &[&str])] = &[
    (&["i", "am"], ENGLISH_ARTICLES),
    (&["i", "m"], ENGLISH_ARTICLES),
    (&["im"], ENGLISH_ARTICLES),
    (&["we", "are"], ENGLISH_ARTICLES),
    (&["we", "re"], ENGLISH_ARTICLES),
    (&["je", "suis"], FRENCH_ARTICLES),
    (&["nous", "sommes"], FRENCH_ARTICLES),
    (&["on", "est"], FRENCH_ARTICLES),
];
const ENGLISH_ARTICLES: &[&str] = &["a", "an", "the", "one", "part"];
const FRENCH_ARTICLES: &[&str] = &["un", "une", "le", "la", "l", "des"];
/// What may follow "we are", "je suis" without an article when it says who the asker is
/// ("consultant", "CFO"), not what they do ("we are looking for land").
const ROLES: &[&str] = &[
    "consultant",
    "consultante",
    "founder",
    "cofounder",
    "fondateur",
    "fondatrice",
    "cofondateur",
    "cofondatrice",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "pdg",
    "dg",
    "daf",
    "head",
    "director",
    "directeur",
    "directrice",
    "dirigeant",
    "dirigeante",
    "gerant",
    "gerante",
    "manager",
    "responsable",
    "charge",
    "chargee",
    "analyst",
    "analyste",
    "investor",
    "investisseur",
    "investisseuse",
    "entrepreneur",
    "entrepreneuse",
    "owner",
    "partner",
    "associe",
    "associes",
    "engineer",
    "ingenieur",
    "ingenieure",
    "president",
    "presidente",
    "expert",
    "experte",
    "sous",
];
/// Openings that say whom the asker works for or is: "I work for", "my name is", "notre
/// société est".
const INTRODUCING_OPENINGS: &[&[&str]] = &[
    &["i", "work", "for"],
    &["i", "work", "at"],
    &["i", "work", "with"],
    &["i", "represent"],
    &["we", "represent"],
    &["je", "travaille", "pour"],
    &["je", "travaille", "chez"],
    &["je", "represente"],
    &["nous", "representons"],
    &["my", "name", "is"],
    &["je", "m", "appelle"],
    &["our", "company", "is"],
    &["our", "client", "is"],
    &["my", "client", "is"],
    &["notre", "entreprise", "est"],
    &["notre", "societe", "est"],
    &["notre", "groupe", "est"],
    &["notre", "client", "est"],
    &["mon", "client", "est"],
    // what the asker's company makes
    &["we", "make"],
    &["we", "manufacture"],
    &["we", "produce"],
    &["our", "group", "makes"],
    &["our", "company", "makes"],
    &["nous", "fabriquons"],
    &["nous", "produisons"],
    &["on", "fabrique"],
    &["notre", "groupe", "fabrique"],
    &["notre", "entreprise", "fabrique"],
];

/// Verbs with which askers say what they need, after saying who they are: "we're a 3PL
/// looking for a hub", "on est une PME et on voudrait digitaliser".
const NEEDS: &[&str] = &[
    "looking",
    "seeking",
    "searching",
    "want",
    "wants",
    "wanting",
    "need",
    "needs",
    "needing",
    "plan",
    "plans",
    "planning",
    "considering",
    "interested",
    "hoping",
    "cherche",
    "cherchons",
    "cherchent",
    "recherche",
    "recherchons",
    "veut",
    "veux",
    "voulons",
    "voudrait",
    "voudrions",
    "voudrais",
    "souhaite",
    "souhaitons",
    "souhaiterait",
    "souhaiterions",
    "aimerait",
    "aimerions",
    "aimerais",
    "envisage",
    "envisageons",
    "besoin",
    "prevoit",
    "prevoyons",
    "interesse",
    "interesses",
    "interessee",
    "interessees",
    "projette",
    "projetons",
];

/// True for a folded word with which an asker says what they need ("looking", "voudrait").
pub fn expresses_need(word: &str) -> bool {
    NEEDS.contains(&word)
}

/// Units of time or distance after "one": "we are one hour from Lyon" says where, not who.
const MEASURES: &[&str] = &[
    "hour", "hours", "minute", "minutes", "day", "days", "week", "weeks", "km", "mile", "miles",
];
/// How many words besides whom it addresses (AUDIENCE) may follow a greeting before who the
/// asker is: a name ("Hi Anne, we are…").
const GREETING_NAME_WORDS: usize = 2;

/// Where the words that say who the asker is start in a sentence's folded `words`, after the
/// subject and verb or the opening ("We are |a 40-person company based in Lyon.", "Hi, I'm |a
/// site selection consultant…", "I work for |a German group"): `None` when the sentence does
/// not open with them. A greeting, and whom it addresses, may come first.
pub fn introduction_start(words: &[String]) -> Option<usize> {
    let greets = words
        .first()
        .is_some_and(|word| GREETINGS.contains(&word.as_str()));
    if !greets {
        return introduction_body(words);
    }
    let addressed = words
        .iter()
        .take(GREETING_REACH + 1)
        .take_while(|word| {
            let word = word.as_str();
            GREETINGS.contains(&word) || AUDIENCE.contains(&word) || ADDRESSING.contains(&word)
        })
        .count();
    (addressed..=addressed + GREETING_NAME_WORDS)
        .filter(|&start| start <= words.len())
        .find_map(|start| introduction_body(&words[start..]).map(|body| start + body))
}

/// True when a sentence's folded `words` say who the asker is rather than what they ask: "We
/// are a 40-person company based in Lyon.", "Je suis consultant pour un client industriel."
pub fn introduces_asker(words: &[String]) -> bool {
    introduction_start(words).is_some()
}

/// [`introduction_start`] of words that open with the subject or the opening.
fn introduction_body(words: &[String]) -> Option<usize> {
    // An opening says who asks only when something follows it.
    if let Some(opening) = INTRODUCING_OPENINGS
        .iter()
        .find(|opening| words.len() > opening.len() && opens_with(words, opening))
    {
        return Some(opening.len());
    }
    INTRODUCING_SUBJECTS
        .iter()
        .find(|(subject, articles)| {
            opens_with(words, subject)
                && words.get(subject.len()).is_some_and(|next| {
                    let after = words.get(subject.len() + 1).map(String::as_str);
                    let next = next.as_str();
                    ROLES.contains(&next)
                        || next.chars().all(|c| c.is_ascii_digit())
                        || (articles.contains(&next) && says_who(next, after))
                })
        })
        .map(|(subject, _)| subject.len())
}

/// Whether an `article` after "we are", "je suis" and the word `after` it say who the asker
/// is: not "one hour", nor "le 5 mars".
fn says_who(article: &str, after: Option<&str>) -> bool {
    let Some(after) = after else {
        return true;
    };
    match article {
        "one" => !MEASURES.contains(&after),
        // "on est le 5 mars"
        "the" | "le" | "la" | "l" => !after.chars().all(|c| c.is_ascii_digit()),
        _ => true,
    }
}

/// Words that close a message with a question that asks nothing of its own: "Thoughts?",
/// "Any ideas?", "Des avis ?", "Source ?". Their words, unknown to a base, would count against
/// every answer.
const CLOSERS: &[&str] = &[
    "thoughts",
    "thought",
    "ideas",
    "idea",
    "advice",
    "suggestions",
    "suggestion",
    "tips",
    "input",
    "feedback",
    "opinions",
    "opinion",
    "comments",
    "recommendations",
    "pointers",
    "source",
    "sources",
    "anyone",
    "anybody",
    "avis",
    "idee",
    "idees",
    "pistes",
    "piste",
    "retours",
    "retour",
    "recommandations",
    "quelqu",
    "quelquun",
    "pensez",
    "penses",
];

/// True when a sentence's folded `words` only close the message ("any thoughts", "des
/// avis", "une idée"): a closer and stop words, nothing else.
pub fn only_closes(words: &[String]) -> bool {
    words.iter().any(|word| CLOSERS.contains(&word.as_str()))
        && words
            .iter()
            .all(|word| CLOSERS.contains(&word.as_str()) || is_stop_word(word))
}

/// Words that start a new clause in a message typed without stops: the asker speaking of
/// themselves, a turn, a greeting or thanks. Possessives ("my", "notre") are left out: they
/// start no clause ("how to train my dog").
const CLAUSE_OPENERS: &[&str] = &[
    "je",
    "j",
    "nous",
    "we",
    "i",
    "mais",
    "but",
    "because",
    "parce",
    "merci",
    "thanks",
    "thx",
    "thank",
    "cdt",
    "cordialement",
    "regards",
    "danke",
    "saludos",
    "grazie",
    "hi",
    "hello",
    "bonjour",
    "salut",
    "hey",
];
/// The asker's "I" or "we" continues the clause after these: a question's auxiliary ("how
/// long do I boil pasta", "where can we"), a question word ("what we need") or a conjunction
/// that holds it ("est-ce que je", "si on").
const SUBJECT_HOLDERS: &[&str] = &[
    "do", "does", "did", "can", "could", "should", "would", "will", "shall", "may", "might",
    "must", "am", "are", "is", "was", "were", "have", "has", "had", "if", "whether", "what",
    "when", "where", "how", "why", "who", "which", "que", "qu", "si", "ou", "quand", "comment",
    "pourquoi", "combien", "quoi", "dont",
];

/// Whether the folded `word`, after `previous`, opens a clause ([`CLAUSE_OPENERS`]); "on" and
/// "car" do in French ("on cherche un terrain", "car on grandit"), not in English ("on 9
/// November", "car park"); "I", "we", "je", "on" do not after a word that holds them in its
/// clause ([`SUBJECT_HOLDERS`]).
pub fn opens_clause(previous: &str, word: &str, lang: Option<Lang>) -> bool {
    let subject = matches!(word, "je" | "j" | "nous" | "we" | "i" | "on");
    if subject && SUBJECT_HOLDERS.contains(&previous) {
        return false;
    }
    CLAUSE_OPENERS.contains(&word) || (matches!(word, "on" | "car") && lang != Some(Lang::En))
}

pub fn is_thanks(word: &str) -> bool {
    THANKS.contains(&word)
}

/// Pronouns with which a sentence points back to what the one before names ("What is it?",
/// "c'est quoi exactement, cela ?").
const POINTING_BACK: &[&str] = &["it", "its", "they", "them", "ca", "cela", "elle", "elles"];

/// Whether a sentence's folded `words` point back to what an earlier sentence names.
pub fn points_back(words: &[String]) -> bool {
    words
        .iter()
        .any(|word| POINTING_BACK.contains(&word.as_str()))
}

/// Months and days, which English capitalises ("since September 2024"): a question dated
/// "in November" names no place or company.
const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    // abbreviated, in either language ("nov 2018", "sept 2022", "janv.")
    "jan",
    "janv",
    "feb",
    "fev",
    "fevr",
    "apr",
    "avr",
    "jun",
    "jul",
    "juil",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True for the French ordinal's shortest ending right after its figure (`before`, nearest
/// last: "2e port", "3e"), cut from it when words are read; elsewhere "e" is kept
/// ("e-commerce").
pub fn is_ordinal_ending(word: &str, before: &[String]) -> bool {
    word == "e"
        && before
            .last()
            .is_some_and(|figure| !figure.is_empty() && figure.chars().all(|c| c.is_ascii_digit()))
}

/// True for a folded month or day of the week, in English, or a month's abbreviation.
pub fn is_calendar_word(word: &str) -> bool {
    CALENDAR.contains(&word)
}

/// Question words: kept, at a low weight, because they distinguish questions.
const FRENCH_QUESTION_WORDS: &[&str] = &["qui", "pourquoi", "quand", "comment", "combien"];
const ENGLISH_QUESTION_WORDS: &[&str] = &["who", "whom", "why", "where", "when", "how", "many"];

pub fn is_question_word(word: &str) -> bool {
    FRENCH_QUESTION_WORDS.contains(&word) || ENGLISH_QUESTION_WORDS.contains(&word)
}

/// Words after which "ou" is rather "or", even at the end of a question: "ou pas", "ou non",
/// "ou bien", "ou alors", "ou sera".
const AFTER_FRENCH_OR: &[&str] = &["pas", "non", "bien", "alors", "sera", "plus", "moins"];

/// Question words of Spanish, Portuguese, Italian, German and Dutch, as the English ones that
/// ask the same: "¿Dónde está Chalon?" asks where, "Wie weit…" how.
const OTHER_QUESTION_WORDS: &[(&str, &str)] = &[
    ("donde", "where"),
    ("onde", "where"),
    ("wo", "where"),
    ("waar", "where"),
    ("warum", "why"),
    ("waarom", "why"),
    ("porque", "why"),
    ("perche", "why"),
    ("wer", "who"),
    ("quien", "who"),
    ("quem", "who"),
    ("wie", "how"),
    ("hoe", "how"),
    ("cuantos", "many"),
    ("cuantas", "many"),
    ("quanto", "many"),
    ("quantos", "many"),
    ("quanti", "many"),
    ("wieviel", "many"),
    ("wieviele", "many"),
];

/// `words` with the question words of other languages read as their English ones.
pub fn with_other_question_words(mut words: Vec<String>) -> Vec<String> {
    for word in &mut words {
        if let Some(&(_, english)) = OTHER_QUESTION_WORDS.iter().find(|(other, _)| other == word) {
            *word = english.to_string();
        }
    }
    words
}

/// Folding turns "où" (where) into "ou" (or), a stop word, so "c'est où Chalon ?" would ask
/// nothing. An "ou" that opens or closes the text, or follows "c'est" ("c est", "cest", "c"),
/// is read as "where", unless "pas", "alors"… follow it; one between two words ("Dijon ou
/// Mâcon", "un ou deux sites") stays "or".
pub fn with_french_where(mut words: Vec<String>) -> Vec<String> {
    let last = words.len().saturating_sub(1);
    for i in 0..words.len() {
        if words[i] != "ou"
            || words
                .get(i + 1)
                .is_some_and(|next| AFTER_FRENCH_OR.contains(&next.as_str()))
        {
            continue;
        }
        let before = |back: usize| i.checked_sub(back).map(|at| words[at].as_str());
        let after_c_est = matches!(before(1), Some("c" | "cest"))
            || (before(1) == Some("est") && before(2) == Some("c"));
        if i == 0 || i == last || after_c_est {
            words[i] = "where".to_string();
        }
    }
    words
}

/// Words that greet ("salut", "hello", "wsh").
const GREETINGS: &[&str] = &[
    "bonjour",
    "bonsoir",
    "salut",
    "slt",
    "bjr",
    "coucou",
    "hello",
    "hi",
    "hey",
    "yo",
    "hola",
    "wsh",
    "wesh",
    "re",
    "morning",
    "evening",
    "afternoon",
];
/// Whom a greeting addresses ("salut la team", "hello everyone", "bonjour tout le monde"):
/// right after a greeting, these words ask nothing.
const AUDIENCE: &[&str] = &[
    "team",
    "equipe",
    "commu",
    "communaute",
    "community",
    "everyone",
    "everybody",
    "all",
    "guys",
    "gars",
    "monde",
    "folks",
    "friends",
    "amis",
    "people",
    "tous",
    "toutes",
];
/// Small talk and fillers that ask nothing of the base: "how are you", "ça va", "là-bas".
const SMALL_TALK: &[&[&str]] = &[
    &["how", "are", "you"],
    &["how", "r", "u"],
    &["how", "is", "it", "going"],
    &["hope", "you", "are", "well"],
    &["hope", "you", "re", "well"],
    &["hope", "you", "are", "doing", "well"],
    &["comment", "allez", "vous"],
    &["comment", "vas", "tu"],
    &["comment", "ca", "va"],
    &["ca", "va"],
    &["good", "morning"],
    &["good", "afternoon"],
    &["good", "evening"],
    &["bonne", "journee"],
    &["bonne", "soiree"],
    &["new", "here"],
    &["nouveau", "ici"],
    &["nouvelle", "ici"],
    // "là-bas", "over there": where the asker means the territory, not the "bas" of "bas
    // carbone"
    &["la", "bas"],
    &["quick", "question"],
    &["quick", "one"],
    &["petite", "question"],
    // "c'est quoi en gros ?": "basically", not the "gros" of "gros employeurs"
    &["en", "gros"],
    // "what is it in short?": not the "short" of a shortlist
    &["in", "short"],
    // "elle s'appelle comment ?", "je m'appelle Kevin": a name, not a phone call
    &["s", "appelle"],
    &["s", "appellent"],
    &["s", "appelait"],
    &["m", "appelle"],
];

/// "In advance" after a thank-you ("thanks in advance", "merci d'avance", "merci beaucoup par
/// avance") or before one ("d'avance merci"): a courtesy, not the "en avance" (ahead) of a
/// project nor the "in advance" of a deadline.
const IN_ADVANCE: &[&[&str]] = &[&["in", "advance"], &["d", "avance"], &["par", "avance"]];
/// How many words may stand between a thank-you and its "in advance" ("thank you very much
/// in advance").
const THANKED_REACH: usize = 3;
/// The words that may stand between a greeting and whom it addresses ("bonjour à tout le
/// monde", "hello to all my friends").
const ADDRESSING: &[&str] = &[
    "a", "la", "le", "les", "l", "the", "to", "tout", "toute", "my", "mes", "ma", "mon", "dear",
    "cher", "chere", "chers", "cheres", "you", "vous",
];
/// How many words may stand between a greeting and whom it addresses ("bonjour à tout le
/// monde").
const GREETING_REACH: usize = 4;

/// `words` without small talk and without whom a greeting addresses: "wsh ça va la team ?"
/// asks nothing, so a base that has a "team" to contact does not answer it.
pub fn without_small_talk(words: Vec<String>) -> Vec<String> {
    let mut keep = vec![true; words.len()];
    for phrase in SMALL_TALK.iter().chain(IN_ADVANCE) {
        for (start, window) in words.windows(phrase.len()).enumerate() {
            let end = start + phrase.len();
            let thanked = || {
                words[start.saturating_sub(THANKED_REACH)..start]
                    .iter()
                    .chain(words.get(end))
                    .any(|word| is_thanks(word))
            };
            if opens_with(window, phrase) && (!IN_ADVANCE.contains(phrase) || thanked()) {
                keep[start..end].fill(false);
            }
        }
    }
    for (i, word) in words.iter().enumerate() {
        if !AUDIENCE.contains(&word.as_str()) {
            continue;
        }
        // Back to the greeting over small talk, articles and whom it addresses only: "hi all,
        // how many people…" keeps its "people", "hi, which team?" its "team".
        // Small talk greets too: "ça va les gars ?", "how are you guys".
        let greets = |at: usize| !keep[at] || GREETINGS.contains(&words[at].as_str());
        let greeted = (i.saturating_sub(GREETING_REACH)..i)
            .rev()
            .find(|&at| {
                let word = words[at].as_str();
                greets(at) || !(ADDRESSING.contains(&word) || AUDIENCE.contains(&word))
            })
            .is_some_and(greets);
        if greeted {
            keep[i] = false;
        }
    }
    words
        .into_iter()
        .zip(keep)
        .filter_map(|(word, kept)| kept.then_some(word))
        .collect()
}

/// The words of `text` that matching keeps: what a synonym or a keyword really says.
pub fn content_words(text: &str) -> Vec<String> {
    super::normalize::words(text)
        .into_iter()
        .filter(|word| !is_stop_word(word))
        .collect()
}

/// Every stop word of French and English, thanks included.
pub fn stop_words() -> impl Iterator<Item = &'static str> {
    FRENCH.iter().chain(ENGLISH).chain(THANKS).copied()
}

/// True for a word that is dropped before matching (question words are not).
pub fn is_stop_word(word: &str) -> bool {
    !is_question_word(word)
        && (FRENCH.contains(&word)
            || ENGLISH.contains(&word)
            || THANKS.contains(&word)
            || CHAT_FILLERS.contains(&word)
            || FOOD_TRADE.contains(&word)
            || OTHER_LANGUAGES.contains(&word))
}

/// The language this word is evidence for: `Some(true)` French, `Some(false)` English, `None`
/// for a word both languages use ("a", "on", "de"…) or neither lists.
pub fn language_hint(word: &str) -> Option<bool> {
    let french = FRENCH.contains(&word) || FRENCH_QUESTION_WORDS.contains(&word);
    let english = ENGLISH.contains(&word) || ENGLISH_QUESTION_WORDS.contains(&word);
    match (french, english) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` that `read` keeps and that are not stop words, joined by spaces.
    fn content_after(read: fn(Vec<String>) -> Vec<String>, text: &str) -> String {
        read(crate::matcher::normalize::words(text))
            .into_iter()
            .filter(|w| !is_stop_word(w))
            .collect::<Vec<_>>()
            .join(" ")
    }

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
    fn other_languages_question_words_ask_as_the_english_ones() {
        let read = |text: &str| content_after(with_other_question_words, text);
        assert_eq!(read("¿Dónde está Chalon?"), "where chalon");
        assert_eq!(read("Warum Chalon?"), "why chalon");
        assert_eq!(read("quantos hectares?"), "many hectares");
        assert_eq!(
            read("Wie weit ist Chalon von Lyon?"),
            "how weit chalon lyon"
        );
    }

    #[test]
    fn french_sms_spellings_are_french_stop_words() {
        for word in ["pr", "qqpart", "qqch", "bcp"] {
            assert!(is_stop_word(word), "{word}");
            assert_eq!(language_hint(word), Some(true), "{word}");
        }
    }

    #[test]
    fn chat_fillers_are_stop_words_of_no_language() {
        for word in ["lol", "tbh", "mdr", "tho", "wsh", "info", "infos"] {
            assert!(is_stop_word(word), "{word}");
            assert_eq!(language_hint(word), None, "{word}");
        }
    }

    #[test]
    fn the_food_trade_is_a_stop_word_of_no_language() {
        for word in ["agro", "agroalimentaire", "alimentaires", "agrifood"] {
            assert!(is_stop_word(word), "{word}");
            assert_eq!(language_hint(word), None, "{word}");
        }
        // Other trades stay words of their own.
        assert!(!is_stop_word("packaging"));
    }

    #[test]
    fn a_folded_ou_asks_where_at_the_edges_or_after_c_est() {
        let read = |text: &str| with_french_where(crate::matcher::normalize::words(text)).join(" ");
        assert_eq!(read("c'est où chalon"), "c est where chalon");
        assert_eq!(read("c ou chalon sur saone ?"), "c where chalon sur saone");
        assert_eq!(read("ou se trouve le port"), "where se trouve le port");
        assert_eq!(
            read("chalon ça se trouve ou ?"),
            "chalon ca se trouve where"
        );
        assert_eq!(read("Dijon ou Mâcon ?"), "dijon ou macon");
        assert_eq!(read("un ou deux sites"), "un ou deux sites");
        assert_eq!(read("c'est ou pas ?"), "c est ou pas");
        assert_eq!(
            read("Ou alors faut passer par la CCI ?"),
            "ou alors faut passer par la cci"
        );
        assert_eq!(
            read("le terrain est ou sera viabilisé ?"),
            "le terrain est ou sera viabilise"
        );
        assert_eq!(
            read("on peut faire ça ou pas à Chalon"),
            "on peut faire ca ou pas a chalon"
        );
    }

    #[test]
    fn shared_words_tell_no_language() {
        assert_eq!(language_hint("les"), Some(true));
        assert_eq!(language_hint("the"), Some(false));
        assert_eq!(language_hint("a"), None);
        assert_eq!(language_hint("on"), None);
        assert_eq!(language_hint("usine"), None);
    }

    #[test]
    fn a_follow_up_opens_with_and_same_or_what_about_after_any_acknowledgement() {
        let opens = |text: &str| opens_follow_up(&crate::matcher::normalize::words(text));
        assert!(opens("and for Lyon?"));
        assert!(opens("Et pour Dijon ?"));
        assert!(opens("ok merci, et le port ?"));
        assert!(opens("What about the port?"));
        assert!(opens("same question for the port"));
        assert!(!opens("Lyon?"));
        assert!(!opens("what is the port?"));
        assert!(!opens("ok"));
        assert!(!opens(""));
        assert_eq!(
            follow_up_content(crate::matcher::normalize::words(
                "same question for the port"
            )),
            ["for", "the", "port"]
        );
    }

    #[test]
    fn greetings_to_the_room_and_small_talk_ask_nothing() {
        let read = |text: &str| content_after(without_small_talk, text);
        assert_eq!(read("wsh ça va la team ?"), "");
        assert_eq!(read("Bonjour à tout le monde 👋"), "");
        assert_eq!(read("hello everyone, how are you?"), "");
        assert_eq!(read("Hi everyone, new here 👋"), "");
        assert_eq!(read("des terrains là-bas ?"), "terrains");
        assert_eq!(read("Good morning. Which land is free?"), "land free");
        assert_eq!(
            read("hey guys, quick question: where is the port?"),
            "where port"
        );
        // Not right after a greeting, the same words say something.
        assert_eq!(
            read("hi all, how many people live in Chalon?"),
            "how many people live chalon"
        );
        assert_eq!(read("who is the team to contact?"), "who team contact");
        assert_eq!(read("Hi, which team?"), "team");
        // Small talk greets too.
        assert_eq!(read("how are you guys? any port?"), "port");
        assert_eq!(read("ça va la team ? des terrains ?"), "terrains");
        // Fillers that only say how to answer.
        assert_eq!(read("c'est quoi le port en gros ?"), "port");
        assert_eq!(read("what is the port in short?"), "port");
        assert_eq!(
            read("la zone nord elle s'appelle comment ?"),
            "zone nord comment"
        );
        assert_eq!(read("j'appelle qui pour la zone ?"), "appelle qui zone");
        assert_eq!(read("short list of ports"), "short list ports");
    }

    #[test]
    fn from_depuis_and_coming_from_introduce_where_the_asker_comes_from() {
        let origin = |text: &str| introduces_origin(&crate::matcher::normalize::words(text));
        assert!(origin("engineers moving from"));
        assert!(origin("on arrive depuis"));
        assert!(origin("nos salariés qui viennent de"));
        assert!(origin("en provenance d"));
        assert!(origin("a 40-person company based in"));
        assert!(origin("une PME basée à"));
        assert!(origin("headquartered near"));
        assert!(!origin("le terrain est-il situé à"));
        assert!(!origin("on cherche une base à"));
        assert!(!origin("la distance de"));
        assert!(!origin("une base logistique à"));
        assert!(!origin("des parcs à"));
        assert!(!origin(""));
    }
}
