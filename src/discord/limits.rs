//! Discord's size limits, applied to text before it is sent: a reply that breaks one is an API
//! error, so long text is trimmed cleanly here instead.

/// Characters in a message's content.
pub const CONTENT: usize = 2000;
/// Characters in an embed's description.
pub const EMBED_DESCRIPTION: usize = 4096;
/// Characters in an embed's title.
pub const EMBED_TITLE: usize = 256;
/// Characters in an embed field's value.
pub const FIELD_VALUE: usize = 1024;
/// Characters in an embed's footer.
pub const FOOTER: usize = 2048;
/// Characters across an embed's title, description, fields and footer.
pub const EMBED_TOTAL: usize = 6000;
/// Choices of an autocomplete, fields of an embed, options of a select menu.
pub const CHOICES: usize = 25;
/// Characters in an autocomplete choice's name.
pub const CHOICE_NAME: usize = 100;
/// Characters in a component's custom id.
pub const CUSTOM_ID: usize = 100;
/// Characters in a button's label.
pub const BUTTON_LABEL: usize = 80;

/// `text` cut to at most `max` characters, at a word boundary when one is near, with "…" to
/// show the cut.
pub fn trim(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let keep: String = text.chars().take(max - 1).collect();
    // Prefer to end on a whole word, unless that loses more than a fifth of the room.
    let cut = match keep.rfind(char::is_whitespace) {
        Some(space) if keep[..space].chars().count() * 5 >= (max - 1) * 4 => &keep[..space],
        _ => keep.as_str(),
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_untouched() {
        assert_eq!(trim("hello", 5), "hello");
    }

    #[test]
    fn trimming_ends_on_a_word_with_an_ellipsis() {
        let text =
            "Le Grand Chalon accompagne les entreprises avant, pendant et après leur implantation.";
        let trimmed = trim(text, 34);
        assert!(trimmed.chars().count() <= 34, "{trimmed}");
        assert_eq!(trimmed, "Le Grand Chalon accompagne les…");
        // No space near the end: cut inside the word.
        assert_eq!(trim("abcdefghij", 5), "abcd…");
        assert_eq!(trim("éééééé", 3), "éé…");
        assert_eq!(trim("abc", 0), "");
    }
}
