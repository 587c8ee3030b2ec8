//! What the bot remembers between two messages of one person, so that a follow-up ("and for
//! Lyon?", "same question for the port") is read with the question it follows.
//!
//! Pure bookkeeping: the shells pass the time in, so expiry is tested without waiting, and
//! each shell decides what one conversation is (the terminal session; on Discord, one user in
//! one channel).

use std::collections::HashMap;
use std::hash::Hash;
use std::time::{Duration, Instant};

/// How long a question stays the context of the next message. A follow-up comes within
/// minutes; after that, a short message starts a new subject.
pub const FOLLOW_UP_WINDOW: Duration = Duration::from_secs(10 * 60);

/// How many earlier messages a follow-up is read with: "and for Lyon?" then "and Dijon?" still
/// ask about distances, but a long chain no longer says what the first question asked.
const REMEMBERED_MESSAGES: usize = 2;

/// The last questions of one conversation that were answered, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Conversation {
    remembered: Vec<String>,
    at: Option<Instant>,
}

impl Conversation {
    /// The text a follow-up sent at `now` is read with, if the last answer is recent enough.
    pub fn context(&self, now: Instant) -> Option<String> {
        (!self.is_stale(now)).then(|| self.remembered.join("\n"))
    }

    /// Records a question that was answered at `now`. A follow-up keeps the message it
    /// followed; a question answered on its own starts the context afresh.
    pub fn remember(&mut self, question: &str, followed_up: bool, now: Instant) {
        if !followed_up || self.context(now).is_none() {
            self.remembered.clear();
        }
        self.remembered.push(question.to_string());
        let excess = self.remembered.len().saturating_sub(REMEMBERED_MESSAGES);
        self.remembered.drain(..excess);
        self.at = Some(now);
    }

    /// Whether nothing said in this conversation can still be followed up at `now`.
    pub fn is_stale(&self, now: Instant) -> bool {
        self.remembered.is_empty()
            || self
                .at
                .is_none_or(|at| now.saturating_duration_since(at) > FOLLOW_UP_WINDOW)
    }
}

/// Conversations by key. Idle ones are dropped as new ones come: once the map has grown to twice
/// what survived the last pruning (at least 64), the conversations that can no longer be
/// followed up go, so it stays within twice the people who asked something in the last
/// [`FOLLOW_UP_WINDOW`], plus 64.
#[derive(Debug)]
pub struct Conversations<K> {
    by_key: HashMap<K, Conversation>,
    /// When the map grows past this size, stale conversations are dropped.
    prune_above: usize,
}

impl<K: Hash + Eq> Default for Conversations<K> {
    fn default() -> Self {
        Conversations {
            by_key: HashMap::new(),
            prune_above: 64,
        }
    }
}

impl<K: Hash + Eq> Conversations<K> {
    /// The conversation of `key`, created empty if there is none.
    pub fn get(&mut self, key: K, now: Instant) -> &mut Conversation {
        if self.by_key.len() >= self.prune_above && !self.by_key.contains_key(&key) {
            self.by_key
                .retain(|_, conversation| !conversation.is_stale(now));
            // Pruning cost stays linear per insertion on average: it runs again only once the
            // map has doubled past what survived.
            self.prune_above = (self.by_key.len() * 2).max(64);
        }
        self.by_key.entry(key).or_default()
    }

    /// The context of `key`'s next message at `now` ([`Conversation::context`]), without
    /// creating a conversation for someone who has none.
    pub fn context(&self, key: &K, now: Instant) -> Option<String> {
        self.by_key.get(key)?.context(now)
    }

    /// How many conversations are held.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_up_is_read_with_the_question_it_follows_until_the_window_closes() {
        let start = Instant::now();
        let mut conversation = Conversation::default();
        assert_eq!(conversation.context(start), None);
        conversation.remember("how far is Chalon from Paris?", false, start);
        let later = start + Duration::from_secs(60);
        assert_eq!(
            conversation.context(later).as_deref(),
            Some("how far is Chalon from Paris?")
        );
        conversation.remember("and for Lyon?", true, later);
        assert_eq!(
            conversation.context(later).as_deref(),
            Some("how far is Chalon from Paris?\nand for Lyon?")
        );
        // A third follow-up drops the oldest message.
        conversation.remember("and Dijon?", true, later);
        assert_eq!(
            conversation.context(later).as_deref(),
            Some("and for Lyon?\nand Dijon?")
        );
        let too_late = later + FOLLOW_UP_WINDOW + Duration::from_secs(1);
        assert_eq!(conversation.context(too_late), None);
        assert!(conversation.is_stale(too_late));
    }

    #[test]
    fn a_question_answered_on_its_own_starts_a_new_context() {
        let start = Instant::now();
        let mut conversation = Conversation::default();
        conversation.remember("is there a TGV?", false, start);
        conversation.remember("where is SaôneOr?", false, start);
        assert_eq!(
            conversation.context(start).as_deref(),
            Some("where is SaôneOr?")
        );
        // A follow-up of an expired context does not revive it.
        let too_late = start + FOLLOW_UP_WINDOW * 2;
        conversation.remember("and the port?", true, too_late);
        assert_eq!(
            conversation.context(too_late).as_deref(),
            Some("and the port?")
        );
    }

    #[test]
    fn idle_conversations_are_dropped_as_new_ones_come() {
        let start = Instant::now();
        let mut conversations: Conversations<u64> = Conversations::default();
        for user in 0..64 {
            conversations
                .get(user, start)
                .remember("is there a TGV?", false, start);
        }
        assert_eq!(conversations.len(), 64);
        let later = start + FOLLOW_UP_WINDOW * 2;
        conversations
            .get(1_000, later)
            .remember("where is SaôneOr?", false, later);
        assert_eq!(conversations.len(), 1);
        // Reading someone's context does not open a conversation for them.
        assert_eq!(conversations.context(&5_000, later), None);
        assert_eq!(
            conversations.context(&1_000, later).as_deref(),
            Some("where is SaôneOr?")
        );
        assert_eq!(conversations.len(), 1);
        // An active conversation survives pruning.
        for user in 2_000..2_100 {
            conversations.get(user, later);
        }
        assert!(conversations.get(1_000, later).context(later).is_some());
    }
}
