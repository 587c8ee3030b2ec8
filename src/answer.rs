//! From a match to the reply a person reads: the answer with its contacts and source, a
//! "did you mean" list, or an honest fallback that names someone to ask.
//!
//! Pure text building, shared by the terminal and Discord, so both say exactly the same thing.

use crate::knowledge::{Contact, Entry, KnowledgeBase};
use crate::lang::Lang;
use crate::matcher::{Band, Found};

/// The bot's reply to one question.
#[derive(Debug, Clone)]
pub struct Reply {
    pub lang: Lang,
    pub band: Band,
    /// The answered entry (confident band only).
    pub entry: Option<usize>,
    /// The best candidate, whatever the band (what an unanswered question came closest to).
    pub best: Option<usize>,
    /// The best entry's score, 0 when nothing matched.
    pub score: f64,
    /// Entries offered as "did you mean" (unsure band only), best first.
    pub suggestions: Vec<usize>,
    /// The full text of the reply.
    pub text: String,
    /// Whether the question was read as a follow-up of the one before it.
    pub follows_up: bool,
}

impl Reply {
    pub fn new(base: &KnowledgeBase, found: Found, lang: Lang) -> Reply {
        let score = found.top().map_or(0.0, |c| c.score);
        let settings = &base.settings.matching;
        let (entry, suggestions) = match found.band {
            Band::Confident => (found.top().map(|c| c.entry), Vec::new()),
            Band::Unsure => {
                // Keep the suggestions that are plausible next to the best one.
                let floor = (settings.unsure * 0.75).max(score * 0.6);
                let suggestions = found
                    .candidates
                    .iter()
                    .filter(|c| c.score >= floor)
                    .take(settings.max_suggestions)
                    .map(|c| c.entry)
                    .collect();
                (None, suggestions)
            }
            Band::NoMatch | Band::Empty => (None, Vec::new()),
        };
        let text = match (found.band, entry) {
            (Band::Confident, Some(entry)) => answer_text(base, &base.entries[entry], lang),
            (Band::Unsure, _) => did_you_mean_text(base, &suggestions, lang),
            (Band::Empty, _) => empty_text(base, lang),
            _ => fallback_text(base, lang, true),
        };
        Reply {
            lang,
            band: found.band,
            entry,
            best: found.top().map(|c| c.entry),
            score,
            suggestions,
            text,
            follows_up: false,
        }
    }

    /// True when the reply answers with an entry.
    pub fn matched(&self) -> bool {
        self.entry.is_some()
    }

    /// The reply that answers `entry` directly (a "did you mean" choice, a see-also link).
    pub fn for_entry(base: &KnowledgeBase, entry: usize, lang: Lang) -> Reply {
        Reply {
            lang,
            band: Band::Confident,
            entry: Some(entry),
            best: Some(entry),
            score: 1.0,
            suggestions: Vec::new(),
            text: answer_text(base, &base.entries[entry], lang),
            follows_up: false,
        }
    }
}

/// An entry's answer, its contacts and its source line.
pub fn answer_text(base: &KnowledgeBase, entry: &Entry, lang: Lang) -> String {
    let mut text = entry.answer.get(lang).clone();
    let contacts: Vec<&Contact> = entry.contacts.iter().map(|&i| &base.contacts[i]).collect();
    if !contacts.is_empty() {
        text.push_str("\n\n");
        text.push_str(match lang {
            Lang::Fr => "Contacts :",
            Lang::En => "Contacts:",
        });
        for contact in contacts {
            text.push_str("\n• ");
            text.push_str(&contact_line(contact, lang));
        }
    }
    text.push_str("\n\n");
    text.push_str(&source_line(entry, lang));
    text
}

/// "Name — role: https://…", with e-mail and phone when the base has them.
pub fn contact_line(contact: &Contact, lang: Lang) -> String {
    let mut line = contact.name.clone();
    if let Some(role) = &contact.role {
        line.push_str(" — ");
        line.push_str(role.get(lang));
    }
    let reach: Vec<&str> = [&contact.url, &contact.email, &contact.phone]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !reach.is_empty() {
        line.push_str(match lang {
            Lang::Fr => " : ",
            Lang::En => ": ",
        });
        line.push_str(&reach.join(" · "));
    }
    line
}

/// "Source : …, mis à jour le 26 novembre 2026" / "Sources: …; …, updated 26 November 2026".
pub fn source_line(entry: &Entry, lang: Lang) -> String {
    let sources: Vec<&str> = entry
        .sources
        .iter()
        .map(|source| source.get(lang).as_str())
        .collect();
    let date = long_date(&entry.updated, lang);
    let label = if sources.len() > 1 {
        "Sources"
    } else {
        "Source"
    };
    match lang {
        Lang::Fr => format!("{label} : {} — mis à jour le {date}", sources.join(" ; ")),
        Lang::En => format!("{label}: {} — updated {date}", sources.join("; ")),
    }
}

/// "Did you mean" with numbered choices.
pub fn did_you_mean_text(base: &KnowledgeBase, suggestions: &[usize], lang: Lang) -> String {
    let mut text = String::from(match lang {
        Lang::Fr => "Je ne suis pas sûr d'avoir bien compris. Vouliez-vous dire :",
        Lang::En => "I'm not sure I understood. Did you mean:",
    });
    for (n, &entry) in suggestions.iter().enumerate() {
        text.push_str(&format!("\n{}. {}", n + 1, base.entries[entry].title(lang)));
    }
    text.push('\n');
    text.push_str(match lang {
        Lang::Fr => "Choisissez une question, ou reformulez la vôtre.",
        Lang::En => "Pick one of these, or rephrase your question.",
    });
    text
}

/// What the bot says when it has no reliable answer: honest, with a person to ask (unless the
/// caller shows the contact on its own, as Discord's contact card does).
pub fn fallback_text(base: &KnowledgeBase, lang: Lang, with_contact: bool) -> String {
    let mut text = String::from(match lang {
        Lang::Fr => "Je n'ai pas de réponse fiable à cette question dans ma base de connaissances.",
        Lang::En => "I don't have a reliable answer to that question in my knowledge base.",
    });
    if let Some(contact) = base.fallback_contact().filter(|_| with_contact) {
        text.push_str(match lang {
            Lang::Fr => "\nPour en parler avec quelqu'un : ",
            Lang::En => "\nTo talk it through with a person: ",
        });
        text.push_str(&contact_line(contact, lang));
    }
    text.push_str(match lang {
        Lang::Fr => "\nTapez /topics pour voir les sujets que je connais.",
        Lang::En => "\nType /topics to see the topics I know about.",
    });
    text
}

/// The reply to a message with nothing to match: an invitation with an example question.
pub fn empty_text(base: &KnowledgeBase, lang: Lang) -> String {
    let example = base.entries.first().map(|e| e.title(lang));
    let mut text = String::from(match lang {
        Lang::Fr => "Bonjour ! Posez-moi votre question sur l'implantation de votre entreprise",
        Lang::En => "Hello! Ask me your question about setting up your business here",
    });
    match (example, lang) {
        (Some(example), Lang::Fr) => text.push_str(&format!(", par exemple : « {example} »")),
        (Some(example), Lang::En) => text.push_str(&format!(", for example: \"{example}\"")),
        (None, _) => {}
    }
    text.push_str(match lang {
        Lang::Fr => ".\nTapez /topics pour voir les sujets que je connais.",
        Lang::En => ".\nType /topics to see the topics I know about.",
    });
    text
}

/// `2026-11-26` as "26 novembre 2026" or "26 November 2026"; anything else is returned as is.
pub fn long_date(iso: &str, lang: Lang) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = iso.split('-').collect();
    let parsed = match parts.as_slice() {
        [year, month, day] => month
            .parse::<usize>()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .zip(day.parse::<u32>().ok())
            .map(|(month, day)| (*year, month, day)),
        _ => None,
    };
    match parsed {
        Some((year, month, day)) => {
            let month = match lang {
                Lang::Fr => FR[month - 1],
                Lang::En => EN[month - 1],
            };
            let day = if lang == Lang::Fr && day == 1 {
                "1er".to_string()
            } else {
                day.to_string()
            };
            format!("{day} {month} {year}")
        }
        None => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally_in_each_language() {
        assert_eq!(long_date("2026-11-26", Lang::Fr), "26 novembre 2026");
        assert_eq!(long_date("2026-11-26", Lang::En), "26 November 2026");
        assert_eq!(long_date("2025-03-01", Lang::Fr), "1er mars 2025");
        assert_eq!(long_date("2025-13-01", Lang::En), "2025-13-01");
        assert_eq!(long_date("", Lang::En), "");
    }
}
