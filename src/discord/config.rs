//! `bot.toml` and the environment: everything the Discord bot is configured with.
//!
//! The file is optional (every setting has a default) and checked like the knowledge files:
//! unknown keys are errors, and every problem is reported with its line and column. The token
//! comes from the environment only, and its type never prints it.

use crate::knowledge::{Diagnostic, SourceFile};
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use toml::Spanned;

/// The environment variable that holds the bot token.
pub const TOKEN_VAR: &str = "DISCORD_TOKEN";
/// The environment variable that names a REST proxy in front of Discord.
pub const PROXY_VAR: &str = "DISCORD_PROXY_URL";

/// The validated settings of `bot.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct BotConfig {
    /// Register the slash commands in this guild (instant) rather than globally (slow to appear).
    pub guild_id: Option<u64>,
    /// Channels where the bot answers every message, not only mentions.
    pub answer_channels: Vec<u64>,
    /// Roles allowed to run the `/kb` admin commands, besides members with Manage Server.
    pub admin_roles: Vec<u64>,
    /// Where reload errors and other admin notices are posted.
    pub admin_log_channel: Option<u64>,
    /// Minimum time between two answers to the same user.
    pub cooldown: Duration,
    pub question_log: QuestionLogConfig,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionLogConfig {
    /// The SQLite file of unanswered and unsure questions and of the feedback.
    pub path: PathBuf,
    /// Rows older than this are deleted.
    pub retention: Duration,
    /// Whether to store the Discord user id with each row (off unless the operator opts in).
    pub store_user_ids: bool,
}

impl Default for BotConfig {
    fn default() -> Self {
        BotConfig {
            guild_id: None,
            answer_channels: Vec::new(),
            admin_roles: Vec::new(),
            admin_log_channel: None,
            cooldown: Duration::from_secs(DEFAULT_COOLDOWN_SECONDS),
            question_log: QuestionLogConfig {
                path: PathBuf::from(DEFAULT_LOG_PATH),
                retention: Duration::from_secs(DEFAULT_RETENTION_DAYS * DAY),
                store_user_ids: false,
            },
        }
    }
}

const DEFAULT_COOLDOWN_SECONDS: u64 = 5;
const DEFAULT_RETENTION_DAYS: u64 = 90;
const DEFAULT_LOG_PATH: &str = "territory-bot.sqlite";
const DAY: u64 = 24 * 60 * 60;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BotFile {
    guild_id: Option<Spanned<Snowflake>>,
    #[serde(default)]
    answer_channels: Vec<Spanned<Snowflake>>,
    #[serde(default)]
    admin_roles: Vec<Spanned<Snowflake>>,
    admin_log_channel: Option<Spanned<Snowflake>>,
    cooldown_seconds: Option<Spanned<i64>>,
    #[serde(default)]
    question_log: QuestionLogFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionLogFile {
    path: Option<Spanned<String>>,
    retention_days: Option<Spanned<i64>>,
    store_user_ids: Option<bool>,
}

/// A Discord id as written: a number, or the same digits in quotes (as Discord copies them).
#[derive(Debug, Clone, Copy)]
struct Snowflake(Option<u64>);

impl<'de> Deserialize<'de> for Snowflake {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(i64),
            Text(String),
        }
        Ok(Snowflake(match Raw::deserialize(deserializer)? {
            Raw::Number(n) => u64::try_from(n).ok().filter(|&n| n > 0),
            Raw::Text(text) => text.trim().parse::<u64>().ok().filter(|&n| n > 0),
        }))
    }
}

/// Reads and checks `path`. A missing file means the defaults, unless `required` (the operator
/// named it explicitly, so its absence is a mistake).
pub fn load(path: &Path, required: bool) -> Result<BotConfig, Vec<Diagnostic>> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&SourceFile::new(path, text)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound && !required => {
            Ok(BotConfig::default())
        }
        Err(err) => Err(vec![
            Diagnostic::file_error(path, format!("cannot read the bot configuration: {err}"))
                .hint("copy bot.example.toml to bot.toml, or give another file with --config"),
        ]),
    }
}

/// Checks the text of a `bot.toml`; every problem is reported, with its line and column.
pub fn parse(file: &SourceFile) -> Result<BotConfig, Vec<Diagnostic>> {
    let raw: BotFile = toml::from_str(&file.text).map_err(|err| {
        let at = file.location(err.span().map_or(0, |s| s.start));
        let message = err.message().trim().replace('\n', "; ");
        let hint = if message.contains("unknown field") {
            "remove this key or correct its spelling; bot.example.toml lists the keys"
        } else {
            "fix the value here; bot.example.toml shows every setting with an example"
        };
        vec![Diagnostic::error(&at, message).hint(hint)]
    })?;
    let mut problems = Vec::new();
    let mut id = |value: &Spanned<Snowflake>, key: &str| -> Option<u64> {
        if value.get_ref().0.is_none() {
            problems.push(
                Diagnostic::error(
                    &file.location(value.span().start),
                    format!("{key} is not a Discord id"),
                )
                .hint(
                    "copy the id from Discord (Developer Mode, right click, Copy ID): digits only",
                ),
            );
        }
        value.get_ref().0
    };
    let guild_id = raw.guild_id.as_ref().and_then(|v| id(v, "guild_id"));
    let admin_log_channel = raw
        .admin_log_channel
        .as_ref()
        .and_then(|v| id(v, "admin_log_channel"));
    let answer_channels = raw
        .answer_channels
        .iter()
        .filter_map(|v| id(v, "answer_channels"))
        .collect();
    let admin_roles = raw
        .admin_roles
        .iter()
        .filter_map(|v| id(v, "admin_roles"))
        .collect();
    let mut whole = |value: &Option<Spanned<i64>>,
                     key: &str,
                     range: std::ops::RangeInclusive<i64>,
                     default: u64| {
        match value {
            Some(v) if !range.contains(v.get_ref()) => {
                problems.push(
                    Diagnostic::error(
                        &file.location(v.span().start),
                        format!("{key} is {}", v.get_ref()),
                    )
                    .hint(format!(
                        "use a whole number from {} to {}; the default is {default}",
                        range.start(),
                        range.end()
                    )),
                );
                default
            }
            Some(v) => *v.get_ref() as u64,
            None => default,
        }
    };
    let cooldown = whole(
        &raw.cooldown_seconds,
        "cooldown_seconds",
        0..=3600,
        DEFAULT_COOLDOWN_SECONDS,
    );
    let retention = whole(
        &raw.question_log.retention_days,
        "question_log.retention_days",
        1..=3650,
        DEFAULT_RETENTION_DAYS,
    );
    let path = match &raw.question_log.path {
        Some(path) if path.get_ref().trim().is_empty() => {
            problems.push(
                Diagnostic::error(
                    &file.location(path.span().start),
                    "question_log.path is empty",
                )
                .hint(format!("name the SQLite file, e.g. \"{DEFAULT_LOG_PATH}\"")),
            );
            PathBuf::from(DEFAULT_LOG_PATH)
        }
        Some(path) => PathBuf::from(path.get_ref()),
        None => PathBuf::from(DEFAULT_LOG_PATH),
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(BotConfig {
        guild_id,
        answer_channels,
        admin_roles,
        admin_log_channel,
        cooldown: Duration::from_secs(cooldown),
        question_log: QuestionLogConfig {
            path,
            retention: Duration::from_secs(retention * DAY),
            store_user_ids: raw.question_log.store_user_ids.unwrap_or(false),
        },
    })
}

/// The bot token. It prints as `[redacted]` everywhere, so no log line can leak it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// The token itself, for the one place that hands it to Discord.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token([redacted])")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Checks the value of `DISCORD_TOKEN` (`None` when unset). The messages never quote the value.
pub fn token(value: Option<&str>) -> Result<Token, String> {
    let value = value.ok_or_else(|| {
        format!("{TOKEN_VAR} is not set: put the bot token from the Discord developer portal in it (never in a file)")
    })?;
    let token = value.trim();
    let token = token.strip_prefix("Bot ").unwrap_or(token);
    if token.is_empty() {
        return Err(format!(
            "{TOKEN_VAR} is empty: put the bot token from the Discord developer portal in it"
        ));
    }
    if token.chars().any(|c| c.is_whitespace() || c.is_control()) || token.split('.').count() != 3 {
        return Err(format!(
            "{TOKEN_VAR} does not look like a bot token (three parts separated by dots): copy it again from the developer portal"
        ));
    }
    Ok(Token(token.to_string()))
}

/// Checks `DISCORD_PROXY_URL`: an http(s) base URL, returned without its trailing slash.
pub fn proxy_url(value: &str) -> Result<String, String> {
    let url = value.trim().trim_end_matches('/');
    let valid = (url.starts_with("http://") || url.starts_with("https://"))
        && url.len() > "https://".len()
        && !url.contains(char::is_whitespace);
    if valid {
        Ok(url.to_string())
    } else {
        Err(format!(
            "{PROXY_VAR} must be an http:// or https:// base URL, e.g. http://127.0.0.1:3000, not {value:?}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<BotConfig, Vec<String>> {
        parse(&SourceFile::new("bot.toml", text.to_string()))
            .map_err(|ds| ds.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn an_empty_file_gives_the_defaults() {
        assert_eq!(parse_text("").unwrap(), BotConfig::default());
        let missing = load(Path::new("/nonexistent/bot.toml"), false).unwrap();
        assert_eq!(missing, BotConfig::default());
        assert!(load(Path::new("/nonexistent/bot.toml"), true).is_err());
    }

    #[test]
    fn every_setting_is_read() {
        let config = parse_text(
            "guild_id = 123\nanswer_channels = [1, \"2\"]\nadmin_roles = [\"33\"]\nadmin_log_channel = 44\n\
             cooldown_seconds = 0\n[question_log]\npath = \"q.sqlite\"\nretention_days = 7\nstore_user_ids = true\n",
        )
        .unwrap();
        assert_eq!(config.guild_id, Some(123));
        assert_eq!(config.answer_channels, [1, 2]);
        assert_eq!(config.admin_roles, [33]);
        assert_eq!(config.admin_log_channel, Some(44));
        assert_eq!(config.cooldown, Duration::ZERO);
        assert_eq!(config.question_log.path, PathBuf::from("q.sqlite"));
        assert_eq!(config.question_log.retention, Duration::from_secs(7 * DAY));
        assert!(config.question_log.store_user_ids);
    }

    #[test]
    fn every_bad_setting_is_reported_with_its_place() {
        let errors =
            parse_text("guild_id = \"abc\"\nanswer_channels = [0]\ncooldown_seconds = -1\n")
                .unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert!(
            errors[0].starts_with("error: bot.toml:1:12: guild_id is not a Discord id ("),
            "{errors:#?}"
        );
        assert!(
            errors[1].starts_with("error: bot.toml:2:20: answer_channels is not a Discord id"),
            "{errors:#?}"
        );
        assert!(
            errors[2].starts_with(
                "error: bot.toml:3:20: cooldown_seconds is -1 (use a whole number from 0 to 3600"
            ),
            "{errors:#?}"
        );
    }

    #[test]
    fn the_example_file_is_valid_and_gives_the_defaults() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/bot.example.toml"))
                .unwrap();
        assert_eq!(parse_text(&text).unwrap(), BotConfig::default());
    }

    #[test]
    fn a_misspelt_key_is_an_error() {
        let errors = parse_text("cooldown = 3\n").unwrap_err();
        assert!(
            errors[0].starts_with("error: bot.toml:1:1: unknown field `cooldown`"),
            "{errors:#?}"
        );
    }

    #[test]
    fn the_proxy_url_is_a_web_base() {
        assert_eq!(
            proxy_url("http://127.0.0.1:3000/").unwrap(),
            "http://127.0.0.1:3000"
        );
        assert!(proxy_url("127.0.0.1:3000").is_err());
        assert!(proxy_url("http://").is_err());
        assert!(proxy_url("http://a b").is_err());
    }

    #[test]
    fn the_token_is_checked_and_never_printed() {
        let secret = "MTIz.NDU2.Nzg5";
        let token = token(Some(secret)).unwrap();
        assert_eq!(token.expose(), secret);
        assert!(!format!("{token} {token:?}").contains(secret));
        assert_eq!(
            super::token(Some("Bot MTIz.NDU2.Nzg5")).unwrap().expose(),
            secret
        );
        for bad in [
            None,
            Some(""),
            Some("   "),
            Some("no dots"),
            Some("a.b c.d"),
        ] {
            let error = super::token(bad).unwrap_err();
            assert!(error.starts_with(TOKEN_VAR), "{error}");
            if let Some(bad) = bad.filter(|b| !b.trim().is_empty()) {
                assert!(!error.contains(bad), "{error}");
            }
        }
    }
}
