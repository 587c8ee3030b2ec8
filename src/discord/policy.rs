//! The bot's manners on Discord, decided without Discord: which messages it answers, how
//! often it answers one person, and how its buttons name what they do.
//!
//! Pure functions and small state, so the rules are tested directly; the serenity layer only
//! feeds them what it received.

use crate::lang::Lang;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// What the bot needs to know about a received message to decide whether to answer it.
#[derive(Debug, Clone)]
pub struct IncomingMessage<'a> {
    pub author_is_bot: bool,
    pub author_id: u64,
    pub channel_id: u64,
    /// No guild: a direct message.
    pub is_direct: bool,
    pub mentions_bot: bool,
    /// A message someone wrote (or a reply to one), not a system message (pin, join, thread).
    pub is_regular: bool,
    pub content: &'a str,
}

impl IncomingMessage<'_> {
    /// Whether the bot was spoken to, rather than overhearing an answer channel: only then does
    /// a message with nothing to match (an image, "ok merci") deserve a reply.
    pub fn addresses_bot(&self) -> bool {
        self.is_direct || self.mentions_bot
    }
}

/// The question to answer in `message`, or `None` when the bot must stay silent: messages from
/// bots (itself included), and channel chatter that neither mentions it nor is in an answer
/// channel.
pub fn question_in<'a>(
    message: &IncomingMessage<'a>,
    bot_id: u64,
    answer_channels: &[u64],
) -> Option<String> {
    if message.author_is_bot || message.author_id == bot_id || !message.is_regular {
        return None;
    }
    let addressed =
        message.is_direct || message.mentions_bot || answer_channels.contains(&message.channel_id);
    if !addressed {
        return None;
    }
    // The bot's own mention is how the question was addressed, not part of it.
    let question = message
        .content
        .replace(&format!("<@{bot_id}>"), " ")
        .replace(&format!("<@!{bot_id}>"), " ");
    Some(question.trim().to_string())
}

/// What the cooldown allows for one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CooldownVerdict {
    Answer,
    /// Too soon: say so once, politely.
    Notify,
    /// Too soon again: stay silent rather than flood the channel with notices.
    Silent,
}

/// A per-user minimum delay between answers.
#[derive(Debug)]
pub struct Cooldown {
    delay: Duration,
    /// User → (last answer, whether the notice was already given since).
    last: HashMap<u64, (Instant, bool)>,
}

impl Cooldown {
    pub fn new(delay: Duration) -> Self {
        Cooldown {
            delay,
            last: HashMap::new(),
        }
    }

    pub fn check(&mut self, user: u64, now: Instant) -> CooldownVerdict {
        // Forget users whose cooldown is long over, so the map stays small.
        if self.last.len() > 10_000 {
            let delay = self.delay;
            self.last
                .retain(|_, (at, _)| now.duration_since(*at) < delay);
        }
        match self.last.get_mut(&user) {
            Some((at, notified)) if now.duration_since(*at) < self.delay => {
                if *notified {
                    CooldownVerdict::Silent
                } else {
                    *notified = true;
                    CooldownVerdict::Notify
                }
            }
            _ => {
                self.last.insert(user, (now, false));
                CooldownVerdict::Answer
            }
        }
    }

    /// The notice for a user who asks too fast.
    pub fn notice(&self, lang: Lang) -> String {
        let seconds = self.delay.as_secs().max(1);
        match lang {
            Lang::Fr => format!(
                "Un instant, s'il vous plaît : je réponds à une question toutes les {seconds} secondes par personne."
            ),
            Lang::En => format!(
                "Just a moment, please: I answer one question every {seconds} seconds per person."
            ),
        }
    }
}

/// What a button does; encoded in its custom id (at most 100 characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ButtonAction {
    /// Show this entry's answer (a see-also link or a "did you mean" choice).
    Show { entry: String, lang: Lang },
    /// 👍 or 👎 on an entry's answer.
    Feedback { entry: String, helpful: bool },
    /// The `/topics` menu: the chosen topic's questions, in this language.
    TopicMenu { lang: Lang },
}

impl ButtonAction {
    pub fn custom_id(&self) -> String {
        match self {
            ButtonAction::Show { entry, lang } => format!("show:{lang}:{entry}"),
            ButtonAction::Feedback { entry, helpful } => {
                format!("feedback:{}:{entry}", if *helpful { "up" } else { "down" })
            }
            ButtonAction::TopicMenu { lang } => format!("topics:{lang}:menu"),
        }
    }

    /// Reads a custom id back; `None` for an id this bot did not make.
    pub fn parse(custom_id: &str) -> Option<ButtonAction> {
        let mut parts = custom_id.splitn(3, ':');
        let (kind, detail, entry) = (parts.next()?, parts.next()?, parts.next()?);
        if entry.is_empty() {
            return None;
        }
        let entry = entry.to_string();
        match kind {
            "show" => Some(ButtonAction::Show {
                entry,
                lang: Lang::parse(detail)?,
            }),
            "topics" => Some(ButtonAction::TopicMenu {
                lang: Lang::parse(detail)?,
            }),
            "feedback" => match detail {
                "up" => Some(ButtonAction::Feedback {
                    entry,
                    helpful: true,
                }),
                "down" => Some(ButtonAction::Feedback {
                    entry,
                    helpful: false,
                }),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The reply language for a command without text: the user's Discord locale.
pub fn lang_of_locale(locale: &str) -> Lang {
    if locale.to_lowercase().starts_with("fr") {
        Lang::Fr
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOT: u64 = 99;

    fn message(content: &str) -> IncomingMessage<'_> {
        IncomingMessage {
            author_is_bot: false,
            author_id: 1,
            channel_id: 10,
            is_direct: false,
            mentions_bot: false,
            is_regular: true,
            content,
        }
    }

    #[test]
    fn direct_messages_mentions_and_answer_channels_are_answered() {
        let dm = IncomingMessage {
            is_direct: true,
            ..message("saoneor ?")
        };
        assert_eq!(question_in(&dm, BOT, &[]).as_deref(), Some("saoneor ?"));
        let mention = IncomingMessage {
            mentions_bot: true,
            ..message("<@99> what is SaôneOr? <@!99>")
        };
        assert_eq!(
            question_in(&mention, BOT, &[]).as_deref(),
            Some("what is SaôneOr?")
        );
        assert_eq!(
            question_in(&message("land?"), BOT, &[10]).as_deref(),
            Some("land?")
        );
    }

    #[test]
    fn chatter_bots_and_the_bot_itself_are_ignored() {
        assert_eq!(question_in(&message("hello all"), BOT, &[11]), None);
        let bot = IncomingMessage {
            author_is_bot: true,
            is_direct: true,
            ..message("hi")
        };
        assert_eq!(question_in(&bot, BOT, &[10]), None);
        let itself = IncomingMessage {
            author_id: BOT,
            is_direct: true,
            ..message("hi")
        };
        assert_eq!(question_in(&itself, BOT, &[10]), None);
    }

    #[test]
    fn system_messages_are_ignored_and_only_direct_address_counts_as_addressing() {
        let pin = IncomingMessage {
            is_regular: false,
            ..message("")
        };
        assert_eq!(question_in(&pin, BOT, &[10]), None);
        assert!(!message("ok merci").addresses_bot());
        let dm = IncomingMessage {
            is_direct: true,
            ..message("")
        };
        assert!(dm.addresses_bot());
    }

    #[test]
    fn the_cooldown_answers_then_notifies_once_then_stays_silent() {
        let mut cooldown = Cooldown::new(Duration::from_secs(5));
        let start = Instant::now();
        assert_eq!(cooldown.check(1, start), CooldownVerdict::Answer);
        assert_eq!(
            cooldown.check(1, start + Duration::from_secs(1)),
            CooldownVerdict::Notify
        );
        assert_eq!(
            cooldown.check(1, start + Duration::from_secs(2)),
            CooldownVerdict::Silent
        );
        assert_eq!(
            cooldown.check(2, start + Duration::from_secs(2)),
            CooldownVerdict::Answer
        );
        assert_eq!(
            cooldown.check(1, start + Duration::from_secs(6)),
            CooldownVerdict::Answer
        );
        assert_eq!(
            cooldown.check(1, start + Duration::from_secs(7)),
            CooldownVerdict::Notify
        );
        assert!(cooldown.notice(Lang::Fr).contains("5 secondes"));
        let mut none = Cooldown::new(Duration::ZERO);
        assert_eq!(none.check(1, start), CooldownVerdict::Answer);
        assert_eq!(none.check(1, start), CooldownVerdict::Answer);
    }

    #[test]
    fn button_ids_round_trip_and_fit() {
        let long_id = "e".repeat(crate::knowledge::validate::MAX_ID_CHARS);
        for action in [
            ButtonAction::Show {
                entry: "saoneor".into(),
                lang: Lang::Fr,
            },
            ButtonAction::Feedback {
                entry: "contact".into(),
                helpful: false,
            },
            ButtonAction::Feedback {
                entry: long_id.clone(),
                helpful: true,
            },
            ButtonAction::TopicMenu { lang: Lang::En },
        ] {
            let id = action.custom_id();
            assert!(
                id.chars().count() <= crate::discord::limits::CUSTOM_ID,
                "{id}"
            );
            assert_eq!(ButtonAction::parse(&id), Some(action));
        }
        for foreign in [
            "",
            "show",
            "show:de:x",
            "feedback:maybe:x",
            "show:fr:",
            "other:fr:x",
        ] {
            assert_eq!(ButtonAction::parse(foreign), None, "{foreign}");
        }
    }

    #[test]
    fn locales_choose_the_language() {
        assert_eq!(lang_of_locale("fr"), Lang::Fr);
        assert_eq!(lang_of_locale("fr-CA"), Lang::Fr);
        assert_eq!(lang_of_locale("en-US"), Lang::En);
        assert_eq!(lang_of_locale("de"), Lang::En);
    }
}
