//! The terminal shell: every subcommand loads the same knowledge base and calls the same core
//! as the Discord bot, so admins, tests and outside checks see exactly what investors get.
//!
//! The `ask --json` output is a contract relied on by outside checks: keep its fields stable.

use crate::answer::Reply;
use crate::conversation::Conversation;
use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;
use crate::matcher::Band;
use crate::{Engine, eval, load_engine};
use clap::{Parser, Subcommand};
use serde::Serialize;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, Parser)]
#[command(
    name = "territory-bot",
    version,
    about = "Answers investors' questions about a territory, from a curated knowledge base"
)]
pub struct Cli {
    /// Folder of the knowledge base
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "TERRITORY_BOT_KNOWLEDGE",
        default_value = "knowledge"
    )]
    pub knowledge: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer one question (or one per line of standard input when none is given)
    Ask {
        /// Print one JSON object per question instead of the text
        #[arg(long)]
        json: bool,
        /// Reply in this language (fr or en) instead of the question's
        #[arg(long, value_name = "LANG")]
        lang: Option<Lang>,
        /// Also show how the question was read and the best candidates (for tuning)
        #[arg(long, conflicts_with = "json")]
        explain: bool,
        /// The question; quotes are optional
        question: Vec<String>,
    },
    /// Talk with the bot in the terminal
    Chat {
        /// Reply in this language (fr or en) instead of each question's
        #[arg(long, value_name = "LANG")]
        lang: Option<Lang>,
    },
    /// List the topics, or the questions of one topic
    Topics {
        /// Show this topic's questions (its id or title)
        topic: Option<String>,
        #[arg(long, value_name = "LANG", default_value = "en")]
        lang: Lang,
    },
    /// Check the knowledge files and report every problem with its file, line and column
    Check {
        /// Folder to check (default: the --knowledge folder)
        dir: Option<PathBuf>,
        /// Fail on warnings too
        #[arg(long)]
        strict: bool,
    },
    /// Run the bot on Discord (token in DISCORD_TOKEN; optional REST proxy in DISCORD_PROXY_URL)
    Serve {
        /// The bot configuration (see bot.example.toml); optional unless given
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Run only shards START to END-1 of TOTAL, as `START-END/TOTAL` (default: as many as
        /// Discord recommends, all in this process)
        #[arg(long, value_name = "START-END/TOTAL", value_parser = parse_shards)]
        shards: Option<(u32, u32, u32)>,
    },
    /// Show the most frequent unanswered questions and the feedback per entry from the question log
    Report {
        /// The question log (default: question_log.path of the bot configuration)
        #[arg(long, value_name = "FILE")]
        log: Option<PathBuf>,
        /// The bot configuration that names the log
        #[arg(long, value_name = "FILE", default_value = "bot.toml")]
        config: PathBuf,
        /// How many questions to list
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Measure the matcher on labelled questions (`ENTRY-ID<TAB>question` or `none<TAB>question`)
    Eval {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
        /// Exit with 1 when in-scope top-1 accuracy is below this share (0 to 1)
        #[arg(long, value_name = "SHARE", value_parser = parse_share)]
        min_accuracy: Option<f64>,
        /// Exit with 1 when the out-of-scope rejection rate is below this share (0 to 1)
        #[arg(long, value_name = "SHARE", value_parser = parse_share)]
        min_rejection: Option<f64>,
        /// Put the questions one after the other in one conversation, so that one may be read
        /// as a follow-up of the question before it (by default each is asked alone)
        #[arg(long)]
        conversation: bool,
    },
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check { dir, strict } => check(dir.as_deref().unwrap_or(&cli.knowledge), strict),
        Command::Report { log, config, limit } => report(log, &config, limit),
        Command::Serve { config, shards } => serve(&cli.knowledge, config, shards),
        command => {
            let Some(engine) = load(&cli.knowledge) else {
                return ExitCode::from(1);
            };
            match command {
                Command::Ask {
                    json,
                    lang,
                    explain,
                    question,
                } => ask(&engine, json, explain, lang, &question),
                Command::Chat { lang } => chat(&engine, lang),
                Command::Topics { topic, lang } => topics(engine.base(), topic.as_deref(), lang),
                Command::Eval {
                    files,
                    json,
                    min_accuracy,
                    min_rejection,
                    conversation,
                } => {
                    let reading = if conversation {
                        eval::Reading::Conversation
                    } else {
                        eval::Reading::Alone
                    };
                    evaluate(&engine, &files, json, min_accuracy, min_rejection, reading)
                }
                Command::Check { .. } | Command::Report { .. } | Command::Serve { .. } => {
                    unreachable!("handled above")
                }
            }
        }
    }
}

/// Loads the base for a command that needs it; on errors, says what they are and how to see them.
fn load(dir: &Path) -> Option<Engine> {
    let (engine, diagnostics) = load_engine(dir);
    if engine.is_none() {
        for diagnostic in diagnostics.iter().filter(|d| d.is_error()) {
            eprintln!("{diagnostic}");
        }
        eprintln!(
            "territory-bot: the knowledge base in {} has errors; fix them (territory-bot check {} lists them)",
            dir.display(),
            dir.display()
        );
    }
    engine
}

fn check(dir: &Path, strict: bool) -> ExitCode {
    let (engine, diagnostics) = load_engine(dir);
    for diagnostic in &diagnostics {
        println!("{diagnostic}");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let summary = match &engine {
        Some(engine) => {
            let base = engine.base();
            format!(
                "{}: {} entries in {} topics, {} contacts, {} synonym groups",
                dir.display(),
                base.entries.len(),
                base.topics.len(),
                base.contacts.len(),
                base.synonyms.len()
            )
        }
        None => format!("{}: not loaded", dir.display()),
    };
    println!(
        "{summary}: {errors} error{}, {warnings} warning{}",
        plural(errors),
        plural(warnings)
    );
    if errors > 0 || (strict && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A share from 0 to 1 (NaN and percentages are mistakes).
fn parse_share(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(share) if (0.0..=1.0).contains(&share) => Ok(share),
        _ => Err(format!("{text:?} is not a share from 0 to 1, e.g. 0.95")),
    }
}

/// `START-END/TOTAL`: shards START..END of TOTAL.
pub fn parse_shards(text: &str) -> Result<(u32, u32, u32), String> {
    let usage = || format!("{text:?} is not START-END/TOTAL, e.g. 0-2/4 for shards 0 and 1 of 4");
    let (range, total) = text.split_once('/').ok_or_else(usage)?;
    let (start, end) = range.split_once('-').ok_or_else(usage)?;
    let number = |t: &str| t.trim().parse::<u32>().map_err(|_| usage());
    let (start, end, total) = (number(start)?, number(end)?, number(total)?);
    if start >= end || end > total {
        return Err(format!("{text:?}: need START < END <= TOTAL"));
    }
    Ok((start, end, total))
}

/// Checks everything `serve` needs before connecting; a bad setting exits with 2.
fn serve(knowledge: &Path, config: Option<PathBuf>, shards: Option<(u32, u32, u32)>) -> ExitCode {
    use crate::discord::config;
    let config = match config {
        Some(path) => config::load(&path, true),
        None => config::load(Path::new("bot.toml"), false),
    };
    let config = match config {
        Ok(config) => config,
        Err(diagnostics) => {
            for diagnostic in diagnostics {
                eprintln!("{diagnostic}");
            }
            return ExitCode::from(2);
        }
    };
    let token = match config::token(std::env::var(config::TOKEN_VAR).ok().as_deref()) {
        Ok(token) => token,
        Err(message) => {
            eprintln!("territory-bot: {message}");
            return ExitCode::from(2);
        }
    };
    let proxy = match std::env::var(config::PROXY_VAR) {
        Ok(url) => match config::proxy_url(&url) {
            Ok(url) => Some(url),
            Err(message) => {
                eprintln!("territory-bot: {message}");
                return ExitCode::from(2);
            }
        },
        Err(_) => None,
    };
    let Some(engine) = load(knowledge) else {
        return ExitCode::from(1);
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("territory_bot=info,warn")),
        )
        .with_writer(std::io::stderr)
        .try_init();
    let options = crate::discord::bot::ServeOptions {
        token,
        proxy,
        config,
        knowledge_dir: knowledge.to_path_buf(),
        engine,
        shards,
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("territory-bot: cannot start the async runtime: {err}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(crate::discord::bot::serve(options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("territory-bot: {err}");
            ExitCode::from(1)
        }
    }
}

fn report(log: Option<PathBuf>, config: &Path, limit: usize) -> ExitCode {
    let path = match log {
        Some(path) => path,
        None => match crate::discord::config::load(config, false) {
            Ok(config) => config.question_log.path,
            Err(diagnostics) => {
                for diagnostic in diagnostics {
                    eprintln!("{diagnostic}");
                }
                return ExitCode::from(2);
            }
        },
    };
    let report =
        crate::question_log::QuestionLog::open_existing(&path).and_then(|log| log.report(limit));
    match report {
        Ok(report) => finish_output(writeln!(std::io::stdout(), "{}", report.text())),
        Err(err) => {
            eprintln!(
                "territory-bot: cannot read the question log {}: {err}",
                path.display()
            );
            ExitCode::from(1)
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The `ask --json` contract.
#[derive(Debug, Serialize)]
pub struct JsonReply<'a> {
    pub matched: bool,
    pub id: Option<&'a str>,
    pub topic: Option<&'a str>,
    pub score: f64,
    pub lang: &'static str,
    pub answer: &'a str,
    pub suggestions: Vec<JsonSuggestion<'a>>,
}

#[derive(Debug, Serialize)]
pub struct JsonSuggestion<'a> {
    pub id: &'a str,
    pub title: &'a str,
}

impl<'a> JsonReply<'a> {
    pub fn new(base: &'a KnowledgeBase, reply: &'a Reply) -> Self {
        let entry = reply.entry.map(|i| &base.entries[i]);
        JsonReply {
            matched: reply.matched(),
            id: entry.map(|e| e.id.as_str()),
            topic: entry.map(|e| base.topics[e.topic].id.as_str()),
            score: (reply.score.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0,
            lang: reply.lang.code(),
            answer: &reply.text,
            suggestions: reply
                .suggestions
                .iter()
                .map(|&i| JsonSuggestion {
                    id: &base.entries[i].id,
                    title: base.entries[i].title(reply.lang),
                })
                .collect(),
        }
    }
}

fn ask(
    engine: &Engine,
    json: bool,
    explain: bool,
    lang: Option<Lang>,
    words: &[String],
) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let answer_one = |question: &str, out: &mut dyn Write| -> std::io::Result<()> {
        let reply = engine.ask(question, lang);
        if json {
            let line = serde_json::to_string(&JsonReply::new(engine.base(), &reply))
                .map_err(std::io::Error::other)?;
            writeln!(out, "{line}")
        } else if explain {
            let found = engine.index().find(question);
            let candidates: Vec<String> = found
                .candidates
                .iter()
                .map(|c| format!("{} {:.3}", engine.base().entries[c.entry].id, c.score))
                .collect();
            writeln!(
                out,
                "{}\nread as:\n{}band: {}, language: {:?}\ncandidates: {}",
                reply.text,
                engine.index().explain(question),
                found.band.name(),
                found.lang,
                candidates.join(", ")
            )
        } else {
            writeln!(out, "{}", reply.text)
        }
    };
    let result = if words.is_empty() {
        // One question per line; bytes that are not UTF-8 are replaced rather than fatal.
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut line = Vec::new();
        let mut first = true;
        loop {
            line.clear();
            match input.read_until(b'\n', &mut line) {
                Ok(0) => break Ok(()),
                Ok(_) => {
                    let text = String::from_utf8_lossy(&line);
                    let question = text.trim_end_matches(['\n', '\r']);
                    if !json
                        && !first
                        && let Err(err) = writeln!(out)
                    {
                        break Err(err);
                    }
                    first = false;
                    if let Err(err) = answer_one(question, &mut out).and_then(|_| out.flush()) {
                        break Err(err);
                    }
                }
                Err(err) => break Err(err),
            }
        }
    } else {
        answer_one(&words.join(" "), &mut out)
    };
    finish_output(result)
}

/// Ends a command that writes to stdout: a closed pipe (`| head`) is not an error.
fn finish_output(result: std::io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("territory-bot: cannot write the output: {err}");
            ExitCode::from(1)
        }
    }
}

fn topics(base: &KnowledgeBase, topic: Option<&str>, lang: Lang) -> ExitCode {
    match topic {
        None => {
            println!("{}", topics_text(base, lang));
            ExitCode::SUCCESS
        }
        Some(name) => match topic_text(base, name, lang) {
            Some(text) => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("territory-bot: no topic {name:?}; `territory-bot topics` lists them");
                ExitCode::from(1)
            }
        },
    }
}

/// Every topic with its id, title and number of questions.
pub fn topics_text(base: &KnowledgeBase, lang: Lang) -> String {
    let mut text = String::from(match lang {
        Lang::Fr => "Sujets :",
        Lang::En => "Topics:",
    });
    for topic in &base.topics {
        text.push_str(&format!(
            "\n• {} ({}, {})",
            topic.title.get(lang),
            topic.id,
            topic.entries.len()
        ));
        let description = topic.description.get(lang);
        if !description.is_empty() {
            text.push_str(&format!("\n  {description}"));
        }
    }
    text
}

/// One topic's questions, or `None` when no topic has that id or title.
pub fn topic_text(base: &KnowledgeBase, name: &str, lang: Lang) -> Option<String> {
    let topic = base.find_topic(name)?;
    let mut text = format!("{} ({})", topic.title.get(lang), topic.id);
    for &entry in &topic.entries {
        text.push_str(&format!("\n• {}", base.entries[entry].title(lang)));
    }
    Some(text)
}

fn evaluate(
    engine: &Engine,
    files: &[PathBuf],
    json: bool,
    min_accuracy: Option<f64>,
    min_rejection: Option<f64>,
    reading: eval::Reading,
) -> ExitCode {
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        match std::fs::read_to_string(file) {
            Ok(text) => match eval::parse_cases(&text) {
                Ok(parsed) => {
                    problems.extend(
                        eval::unknown_ids(engine, &parsed)
                            .into_iter()
                            .map(|p| format!("{}: {p}", file.display())),
                    );
                    cases.extend(parsed);
                }
                Err(errors) => problems.extend(
                    errors
                        .into_iter()
                        .map(|e| format!("{}: {e}", file.display())),
                ),
            },
            Err(err) => problems.push(format!("{}: cannot read: {err}", file.display())),
        }
    }
    if !problems.is_empty() {
        for problem in problems {
            eprintln!("territory-bot: {problem}");
        }
        return ExitCode::from(2);
    }
    let report = eval::run(engine, &cases, reading);
    let written = if json {
        serde_json::to_string_pretty(&report)
            .map_err(std::io::Error::other)
            .and_then(|text| writeln!(std::io::stdout(), "{text}"))
    } else {
        write!(std::io::stdout(), "{report}")
    };
    let mut code = finish_output(written);
    if min_accuracy.is_some_and(|min| report.accuracy() < min) {
        eprintln!(
            "territory-bot: in-scope accuracy {:.3} is below {:.3}",
            report.accuracy(),
            min_accuracy.unwrap_or(0.0)
        );
        code = ExitCode::from(1);
    }
    if min_rejection.is_some_and(|min| report.rejection() < min) {
        eprintln!(
            "territory-bot: out-of-scope rejection {:.3} is below {:.3}",
            report.rejection(),
            min_rejection.unwrap_or(0.0)
        );
        code = ExitCode::from(1);
    }
    code
}

const CHAT_HELP_FR: &str = "Posez votre question en français ou en anglais. Commandes : /topics (les sujets), /topic NOM (les questions d'un sujet), /lang fr|en|auto, /help, /quit. Après « Vouliez-vous dire », tapez le numéro d'une proposition.";
const CHAT_HELP_EN: &str = "Ask your question in English or French. Commands: /topics (the topics), /topic NAME (a topic's questions), /lang fr|en|auto, /help, /quit. After \"Did you mean\", type a choice's number.";

/// The interactive terminal conversation.
fn chat(engine: &Engine, mut forced: Option<Lang>) -> ExitCode {
    let mut editor = match rustyline::DefaultEditor::new() {
        Ok(editor) => editor,
        Err(err) => {
            eprintln!("territory-bot: cannot open the terminal: {err}");
            return ExitCode::from(1);
        }
    };
    let base = engine.base();
    let mut lang = forced.unwrap_or(base.settings.default_language);
    let mut suggestions: Vec<usize> = Vec::new();
    // The terminal session is one conversation: "and for Lyon?" follows the last answer.
    let mut conversation = Conversation::default();
    let mut invalid_lines = 0;
    println!(
        "territory-bot — {}",
        if lang == Lang::Fr {
            CHAT_HELP_FR
        } else {
            CHAT_HELP_EN
        }
    );
    loop {
        let line = match editor.readline("> ") {
            Ok(line) => line,
            Err(
                rustyline::error::ReadlineError::Interrupted | rustyline::error::ReadlineError::Eof,
            ) => break,
            // A line that is not UTF-8 (a bad paste, a wrong terminal encoding) is skipped,
            // not the end of the conversation.
            Err(rustyline::error::ReadlineError::Io(err))
                if err.kind() == std::io::ErrorKind::InvalidData && invalid_lines < 100 =>
            {
                invalid_lines += 1;
                eprintln!("territory-bot: skipped a line that is not valid UTF-8 text");
                continue;
            }
            Err(err) => {
                eprintln!("territory-bot: cannot read the terminal: {err}");
                return ExitCode::from(1);
            }
        };
        let input = line.trim();
        if input.is_empty() {
            continue;
        }
        let _ = editor.add_history_entry(input);
        let reply_text = if let Some(command) = input.strip_prefix('/') {
            let (name, argument) = command.split_once(' ').unwrap_or((command, ""));
            match name {
                "quit" | "exit" | "q" => break,
                "help" | "aide" => (if lang == Lang::Fr {
                    CHAT_HELP_FR
                } else {
                    CHAT_HELP_EN
                })
                .to_string(),
                "topics" | "sujets" => topics_text(base, lang),
                "topic" | "sujet" => {
                    topic_text(base, argument, lang).unwrap_or_else(|| match lang {
                        Lang::Fr => {
                            format!("Aucun sujet « {argument} ». Tapez /topics pour les voir.")
                        }
                        Lang::En => format!("No topic \"{argument}\". Type /topics to see them."),
                    })
                }
                "lang" => match argument.trim() {
                    "auto" => {
                        forced = None;
                        "OK: auto".to_string()
                    }
                    other => match Lang::parse(other) {
                        Some(new) => {
                            forced = Some(new);
                            lang = new;
                            format!("OK: {new}")
                        }
                        None => "/lang fr | en | auto".to_string(),
                    },
                },
                _ => match lang {
                    Lang::Fr => format!("Commande inconnue /{name}. {CHAT_HELP_FR}"),
                    Lang::En => format!("Unknown command /{name}. {CHAT_HELP_EN}"),
                },
            }
        } else if let Some(&entry) = input
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| suggestions.get(n))
        {
            suggestions.clear();
            engine.answered_in(&mut conversation, entry, lang, Instant::now());
            Reply::for_entry(base, entry, lang).text
        } else {
            let reply = engine.ask_in(&mut conversation, input, forced, Instant::now());
            lang = reply.lang;
            suggestions = if reply.band == Band::Unsure {
                reply.suggestions.clone()
            } else {
                Vec::new()
            };
            reply.text
        };
        println!("{reply_text}\n");
    }
    ExitCode::SUCCESS
}
