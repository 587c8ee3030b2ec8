//! A reply laid out as Discord shows it: an embed (title, answer, contacts, source) and buttons
//! (see-also links, "did you mean" choices, 👍/👎), every part within Discord's limits.
//!
//! Built from the core's [`Reply`] without any Discord type, so the layout and the limits are
//! tested here and the serenity layer only copies the fields over.

use super::limits;
use super::policy::ButtonAction;
use crate::answer::{self, Reply};
use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;
use crate::matcher::Band;

#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub embed: Embed,
    pub buttons: Vec<Button>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    pub title: Option<String>,
    pub description: String,
    pub fields: Vec<(String, String)>,
    pub footer: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub label: String,
    pub action: ButtonAction,
}

/// How many see-also links an answer offers.
const SEE_ALSO_BUTTONS: usize = 3;

impl Card {
    pub fn new(base: &KnowledgeBase, reply: &Reply) -> Card {
        let lang = reply.lang;
        let card = match (reply.band, reply.entry) {
            (Band::Confident, Some(index)) => {
                let entry = &base.entries[index];
                let contacts: Vec<String> = entry
                    .contacts
                    .iter()
                    .map(|&c| format!("• {}", answer::contact_line(&base.contacts[c], lang)))
                    .collect();
                let mut fields = Vec::new();
                if !contacts.is_empty() {
                    fields.push((label(lang, "Contacts", "Contacts"), contacts.join("\n")));
                }
                let mut buttons: Vec<Button> = entry
                    .see_also
                    .iter()
                    .take(SEE_ALSO_BUTTONS)
                    .map(|&other| show_button(base, other, lang))
                    .collect();
                for (helpful, text) in [(true, "👍"), (false, "👎")] {
                    buttons.push(Button {
                        label: text.to_string(),
                        action: ButtonAction::Feedback {
                            entry: entry.id.clone(),
                            helpful,
                        },
                    });
                }
                Card {
                    embed: Embed {
                        title: Some(entry.title(lang).to_string()),
                        description: entry.answer.get(lang).clone(),
                        fields,
                        footer: Some(answer::source_line(entry, lang)),
                    },
                    buttons,
                }
            }
            (Band::Unsure, _) => Card {
                embed: Embed {
                    title: None,
                    description: reply.text.clone(),
                    fields: Vec::new(),
                    footer: None,
                },
                buttons: reply
                    .suggestions
                    .iter()
                    .map(|&s| show_button(base, s, lang))
                    .collect(),
            },
            _ => {
                let mut fields = Vec::new();
                if reply.band == Band::NoMatch
                    && let Some(contact) = base.fallback_contact()
                {
                    fields.push((
                        label(lang, "À contacter", "Who to contact"),
                        answer::contact_line(contact, lang),
                    ));
                }
                // The contact has its own field: the text does not repeat it.
                let description = if reply.band == Band::NoMatch {
                    answer::fallback_text(base, lang, false)
                } else {
                    reply.text.clone()
                };
                Card {
                    embed: Embed {
                        title: None,
                        description,
                        fields,
                        footer: None,
                    },
                    buttons: Vec::new(),
                }
            }
        };
        card.within_limits()
    }

    /// Trims every part to Discord's limits, then the whole embed to its total.
    fn within_limits(mut self) -> Card {
        let embed = &mut self.embed;
        embed.title = embed
            .title
            .as_deref()
            .map(|t| limits::trim(t, limits::EMBED_TITLE));
        embed.footer = embed
            .footer
            .as_deref()
            .map(|t| limits::trim(t, limits::FOOTER));
        embed.fields.truncate(limits::CHOICES);
        for (name, value) in &mut embed.fields {
            *name = limits::trim(name, limits::EMBED_TITLE);
            *value = limits::trim(value, limits::FIELD_VALUE);
        }
        let others = embed.title.as_deref().map_or(0, count)
            + embed.footer.as_deref().map_or(0, count)
            + embed
                .fields
                .iter()
                .map(|(n, v)| count(n) + count(v))
                .sum::<usize>();
        let room = limits::EMBED_DESCRIPTION.min(limits::EMBED_TOTAL.saturating_sub(others));
        embed.description = limits::trim(&embed.description, room);
        for button in &mut self.buttons {
            button.label = limits::trim(&button.label, limits::BUTTON_LABEL);
        }
        // Discord allows five buttons a row and five rows.
        self.buttons.truncate(limits::CHOICES);
        self
    }

    /// Characters across the embed's parts, as Discord counts its 6,000 limit.
    pub fn embed_len(&self) -> usize {
        let e = &self.embed;
        e.title.as_deref().map_or(0, count)
            + count(&e.description)
            + e.footer.as_deref().map_or(0, count)
            + e.fields
                .iter()
                .map(|(n, v)| count(n) + count(v))
                .sum::<usize>()
    }
}

fn count(text: &str) -> usize {
    text.chars().count()
}

fn label(lang: Lang, fr: &str, en: &str) -> String {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
    .to_string()
}

fn show_button(base: &KnowledgeBase, entry: usize, lang: Lang) -> Button {
    Button {
        label: base.entries[entry].title(lang).to_string(),
        action: ButtonAction::Show {
            entry: base.entries[entry].id.clone(),
            lang,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::{SourceFile, parse_files};

    fn base(answer: &str) -> KnowledgeBase {
        let topic = format!(
            "[topic]\nid = \"t\"\ntitle = {{ fr = \"T\", en = \"T\" }}\n\n\
             [[entry]]\nid = \"land\"\nquestions.fr = [\"terrain disponible\"]\nquestions.en = [\"available land\"]\n\
             answer.fr = \"\"\"{answer}\"\"\"\nanswer.en = \"\"\"{answer}\"\"\"\ncontacts = [\"eco\"]\n\
             see_also = [\"port\"]\nsources = [\"src\"]\nupdated = 2026-11-26\n\n\
             [[entry]]\nid = \"port\"\nquestions.fr = [\"port fluvial\"]\nquestions.en = [\"river port\"]\n\
             answer.fr = \"Port.\"\nanswer.en = \"Port.\"\nsources = [\"src\"]\nupdated = 2026-11-26\n"
        );
        let contacts = "[[contact]]\nid = \"eco\"\nname = \"Eco <@&123> @everyone\"\nurl = \"https://eco.example\"\n";
        let files = [
            SourceFile::new("k/t.toml", topic),
            SourceFile::new("k/contacts.toml", contacts.to_string()),
            SourceFile::new(
                "k/settings.toml",
                "fallback_contact = \"eco\"\n".to_string(),
            ),
        ];
        let (base, diagnostics) = parse_files(std::path::Path::new("k"), &files);
        base.unwrap_or_else(|| panic!("{diagnostics:#?}"))
    }

    #[test]
    fn an_answer_has_title_contacts_source_see_also_and_feedback() {
        let base = base("Du terrain est disponible.");
        let reply = Reply::for_entry(&base, 0, Lang::En);
        let card = Card::new(&base, &reply);
        assert_eq!(card.embed.title.as_deref(), Some("available land"));
        assert_eq!(card.embed.description, "Du terrain est disponible.");
        assert_eq!(card.embed.fields[0].0, "Contacts");
        assert!(card.embed.fields[0].1.contains("https://eco.example"));
        assert!(
            card.embed
                .footer
                .as_deref()
                .unwrap()
                .starts_with("Source: src — updated 26 November 2026")
        );
        let actions: Vec<String> = card.buttons.iter().map(|b| b.action.custom_id()).collect();
        assert_eq!(
            actions,
            ["show:en:port", "feedback:up:land", "feedback:down:land"]
        );
    }

    #[test]
    fn a_huge_answer_is_trimmed_within_every_limit() {
        let base = base(&"Un très long paragraphe. ".repeat(1_000));
        let card = Card::new(&base, &Reply::for_entry(&base, 0, Lang::Fr));
        assert!(card.embed.description.chars().count() <= limits::EMBED_DESCRIPTION);
        assert!(
            card.embed_len() <= limits::EMBED_TOTAL,
            "{}",
            card.embed_len()
        );
        assert!(card.embed.description.ends_with('…'));
    }

    #[test]
    fn did_you_mean_offers_one_button_per_suggestion() {
        let base = base("x");
        let reply = Reply {
            lang: Lang::Fr,
            band: Band::Unsure,
            entry: None,
            best: Some(1),
            score: 0.4,
            suggestions: vec![1, 0],
            text: answer::did_you_mean_text(&base, &[1, 0], Lang::Fr),
            follows_up: false,
        };
        let card = Card::new(&base, &reply);
        assert!(card.embed.description.starts_with("Je ne suis pas sûr"));
        let labels: Vec<&str> = card.buttons.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["port fluvial", "terrain disponible"]);
        assert_eq!(card.buttons[0].action.custom_id(), "show:fr:port");
    }

    #[test]
    fn no_match_shows_the_contact_card_and_no_buttons() {
        let base = base("x");
        let found = crate::matcher::Index::build(&base).find("weather on Mars");
        let reply = Reply::new(&base, found, Lang::En);
        assert_eq!(reply.band, Band::NoMatch);
        let card = Card::new(&base, &reply);
        assert_eq!(card.embed.fields[0].0, "Who to contact");
        assert!(card.embed.fields[0].1.contains("https://eco.example"));
        assert!(
            !card.embed.description.contains("https://eco.example"),
            "shown once"
        );
        assert!(card.buttons.is_empty());
    }
}
