//! territory-bot answers investors' questions about a territory from a curated knowledge base.
//!
//! The architecture in ten lines:
//! - [`knowledge`] reads the TOML files of `knowledge/`, checks them (every problem at once, with
//!   file, line and column) and produces a validated [`knowledge::KnowledgeBase`].
//! - [`matcher`] turns that base into an [`matcher::Index`] once, then matches questions against it:
//!   normalisation, synonyms, typo tolerance, rare words weigh more. Pure: no I/O, deterministic.
//! - [`answer`] turns a match into the reply a person reads (answer, "did you mean", fallback).
//! - [`Engine`] bundles a base with its index: the one thing the shells hold and swap.
//! - The shells stay thin: [`cli`] (terminal `ask`, `chat`, `check`, `eval`, `topics`) and
//!   [`discord`] (the bot, `serve`) both call the same [`Engine::ask`]; [`reload`] swaps in a new
//!   engine when the files change, [`question_log`] keeps what the bot could not answer.

pub mod answer;
pub mod cli;
pub mod conversation;
pub mod discord;
pub mod eval;
pub mod knowledge;
pub mod lang;
pub mod matcher;
pub mod question_log;
pub mod reload;

use answer::Reply;
use conversation::Conversation;
use knowledge::{Diagnostic, KnowledgeBase};
use lang::Lang;
use matcher::Band;
use matcher::Index;
use std::time::Instant;

/// A validated knowledge base and the matching index built from it.
///
/// Built once per version of the knowledge files; answering a question only reads it, so one
/// engine can be shared by every conversation at once.
pub struct Engine {
    base: KnowledgeBase,
    index: Index,
}

impl Engine {
    /// Builds the index for `base`.
    pub fn new(base: KnowledgeBase) -> Self {
        Self::with_tuning(base, matcher::Tuning::default())
    }

    /// Builds the index with other matcher weights (tuning runs only).
    pub fn with_tuning(base: KnowledgeBase, tuning: matcher::Tuning) -> Self {
        let index = Index::with_tuning(&base, tuning);
        Engine { base, index }
    }

    pub fn base(&self) -> &KnowledgeBase {
        &self.base
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Answers `question`, in `forced_lang` when given, else in the question's own language.
    pub fn ask(&self, question: &str, forced_lang: Option<Lang>) -> Reply {
        self.reply(self.index.find(question), forced_lang)
    }

    /// Answers `question` as the next message of `conversation`, sent at `now`: a short
    /// follow-up that does not say what it asks ("and for Lyon?") is read with the question
    /// answered just before it. Remembers what was answered for the next message.
    pub fn ask_in(
        &self,
        conversation: &mut Conversation,
        question: &str,
        forced_lang: Option<Lang>,
        now: Instant,
    ) -> Reply {
        let reply = self.ask_after(conversation.context(now).as_deref(), question, forced_lang);
        Self::remember(conversation, question, &reply, now);
        reply
    }

    /// Answers `question`, sent right after `context` (see [`Conversation::context`]), without
    /// touching the conversation: a shell that may not deliver the reply (Discord's cooldown)
    /// records it with [`Engine::remember`] once delivered.
    pub fn ask_after(
        &self,
        context: Option<&str>,
        question: &str,
        forced_lang: Option<Lang>,
    ) -> Reply {
        let (found, follows_up) = self.index.find_in_conversation(question, context);
        let mut reply = self.reply(found, forced_lang);
        reply.follows_up = follows_up;
        reply
    }

    /// Records in `conversation` that `question` got `reply` at `now`: an answer becomes the
    /// context of the next message; a "did you mean" or a fallback leaves the context as it was.
    pub fn remember(conversation: &mut Conversation, question: &str, reply: &Reply, now: Instant) {
        if reply.band == Band::Confident {
            conversation.remember(question, reply.follows_up, now);
        }
    }

    /// Records in `conversation` that `entry` was answered at `now` without a question being
    /// matched (a "did you mean" choice, a see-also link), so a follow-up reads it as context.
    pub fn answered_in(
        &self,
        conversation: &mut Conversation,
        entry: usize,
        lang: Lang,
        now: Instant,
    ) {
        if let Some(entry) = self.base.entries.get(entry) {
            conversation.remember(entry.title(lang), false, now);
        }
    }

    fn reply(&self, found: matcher::Found, forced_lang: Option<Lang>) -> Reply {
        let lang = forced_lang.unwrap_or(found.lang.unwrap_or(self.base.settings.default_language));
        Reply::new(&self.base, found, lang)
    }

    /// Questions to propose while someone types `partial` (Discord's autocomplete): the best
    /// matching entries' titles first, then phrasings that contain what was typed; at most
    /// `limit`, without repeats.
    pub fn suggest(&self, partial: &str, lang: Lang, limit: usize) -> Vec<String> {
        let mut suggestions: Vec<String> = Vec::new();
        let push = |text: &str, suggestions: &mut Vec<String>| {
            if suggestions.len() < limit && !suggestions.iter().any(|s| s == text) {
                suggestions.push(text.to_string());
            }
        };
        let typed = matcher::normalize::comparable(partial);
        if typed.is_empty() {
            for entry in &self.base.entries {
                push(entry.title(lang), &mut suggestions);
            }
            return suggestions;
        }
        for candidate in self.index.find(partial).candidates {
            push(
                self.base.entries[candidate.entry].title(lang),
                &mut suggestions,
            );
        }
        for entry in &self.base.entries {
            for phrasing in entry.questions.get(lang) {
                if matcher::normalize::comparable(&phrasing.text).contains(&typed) {
                    push(&phrasing.text, &mut suggestions);
                }
            }
        }
        suggestions
    }

    /// Checks that every phrasing of the base is answered confidently with its own entry.
    ///
    /// A phrasing that the matcher sends elsewhere (or only half recognises) means two entries
    /// overlap: the editor should reword one of them.
    pub fn collisions(&self) -> Vec<Diagnostic> {
        knowledge::validate::collisions(&self.base, &self.index)
    }
}

/// Loads, validates and indexes the knowledge base in `dir`.
///
/// Returns the engine only when there is no error; warnings come back either way.
pub fn load_engine(dir: &std::path::Path) -> (Option<Engine>, Vec<Diagnostic>) {
    let (base, mut diagnostics) = knowledge::load_dir(dir);
    let Some(base) = base else {
        return (None, diagnostics);
    };
    let engine = Engine::new(base);
    diagnostics.extend(engine.collisions());
    (Some(engine), diagnostics)
}
