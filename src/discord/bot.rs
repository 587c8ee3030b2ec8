//! The serenity/poise client: receives Discord events, asks the core, sends the cards.
//!
//! Thin on purpose: which messages to answer, the cooldown, the card layout and the limits are
//! decided in [`super::policy`], [`super::card`] and [`super::limits`]; answers come from the
//! core [`Engine`]. Every message the bot sends carries empty allowed mentions, so no answer or
//! quoted question can ping @everyone, a role or a user.

use super::card::{Button, Card};
use super::config::{BotConfig, Token};
use super::limits;
use super::policy::{self, ButtonAction, Cooldown, CooldownVerdict, IncomingMessage};
use crate::answer::Reply;
use crate::conversation::{Conversation, Conversations};
use crate::lang::Lang;
use crate::matcher::Band;
use crate::question_log::{LoggedQuestion, QuestionLog};
use crate::reload::{self, KnowledgeWatcher, SharedEngine};
use crate::{Engine, cli};
use poise::serenity_prelude as serenity;
use serenity::{
    ButtonStyle, ComponentInteraction, CreateActionRow, CreateAllowedMentions, CreateButton,
    CreateEmbed, CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseMessage,
    CreateMessage, FullEvent, GatewayIntents,
};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// What every event and command shares.
pub struct Data {
    pub engine: SharedEngine,
    pub knowledge_dir: PathBuf,
    pub config: BotConfig,
    pub log: Arc<QuestionLog>,
    cooldown: Mutex<Cooldown>,
    /// (user, message, entry) already rated: a second click is thanked but not counted.
    rated: Mutex<std::collections::HashSet<(u64, u64, String)>>,
    /// What each person last asked in each channel, by (channel, user): a follow-up ("and
    /// for Lyon?") is read with it.
    conversations: Mutex<Conversations<(u64, u64)>>,
}

impl Data {
    /// Answers `question`, asked by `user` in `channel`, as the next message of their
    /// conversation there. The conversation is only read, and not locked while matching:
    /// [`Data::delivered`] records the reply once it is sent.
    fn ask(&self, engine: &Engine, channel: u64, user: u64, question: &str) -> Reply {
        let context = self
            .conversations
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .context(&(channel, user), Instant::now());
        engine.ask_after(context.as_deref(), question, None)
    }

    /// Runs `record` on the conversation of `user` in `channel`, at the current time.
    fn record(&self, channel: u64, user: u64, record: impl FnOnce(&mut Conversation, Instant)) {
        let now = Instant::now();
        let mut conversations = self.conversations.lock().unwrap_or_else(|p| p.into_inner());
        record(conversations.get((channel, user), now), now);
    }

    /// Records that `reply` to `question` was sent to `user` in `channel`: the context of
    /// their next follow-up there. A reply the cooldown held back is not recorded.
    fn delivered(&self, channel: u64, user: u64, question: &str, reply: &Reply) {
        self.record(channel, user, |conversation, now| {
            Engine::remember(conversation, question, reply, now)
        });
    }

    /// Records that `user` was shown `entry` in `channel` (a "did you mean" choice, a
    /// see-also link), so that their next follow-up reads it as context.
    fn answered(&self, engine: &Engine, channel: u64, user: u64, entry: usize, lang: Lang) {
        self.record(channel, user, |conversation, now| {
            engine.answered_in(conversation, entry, lang, now)
        });
    }
}

/// Everything `serve` needs, checked before connecting.
pub struct ServeOptions {
    pub token: Token,
    /// Base URL of a REST proxy in front of Discord (`DISCORD_PROXY_URL`).
    pub proxy: Option<String>,
    pub config: BotConfig,
    pub knowledge_dir: PathBuf,
    pub engine: Engine,
    /// Shards `start..end` of `total`, for several processes; autosharding otherwise.
    pub shards: Option<(u32, u32, u32)>,
}

/// The range serenity 0.12 wants for shards `start..end`: it reads the range's end as the last
/// shard to run (it starts end - start + 1 shards), whatever `Range` says. `start < end`.
fn serenity_shard_range(start: u32, end: u32) -> std::ops::Range<u32> {
    start..end - 1
}

/// How often the question log drops the rows older than its retention, besides at start.
const PURGE_PERIOD: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Purges the question log every `period` for as long as the bot runs; the first purge comes
/// one period after the start, since `serve` purges at start.
async fn purge_periodically(
    log: Arc<QuestionLog>,
    retention: std::time::Duration,
    period: std::time::Duration,
) {
    let mut every = tokio::time::interval(period);
    every.tick().await;
    loop {
        every.tick().await;
        match log.purge(retention, unix_now()) {
            Ok(removed) => tracing::info!(removed, "old question-log rows purged"),
            Err(err) => tracing::warn!("cannot purge the question log: {err}"),
        }
    }
}

/// Runs the bot until SIGINT/SIGTERM or a fatal gateway error.
pub async fn serve(options: ServeOptions) -> Result<(), Error> {
    let engine: SharedEngine = Arc::new(arc_swap::ArcSwap::from_pointee(options.engine));
    let log = QuestionLog::open(
        &options.config.question_log.path,
        options.config.question_log.store_user_ids,
    )
    .map_err(|err| {
        format!(
            "cannot open the question log {}: {err}",
            options.config.question_log.path.display()
        )
    })?;
    let retention = options.config.question_log.retention;
    let admin_channel = options.config.admin_log_channel;
    let removed = log.purge(retention, unix_now())?;
    tracing::info!(removed, "old question-log rows purged");
    let log = Arc::new(log);
    tokio::spawn(purge_periodically(log.clone(), retention, PURGE_PERIOD));
    let data = Data {
        engine: engine.clone(),
        knowledge_dir: options.knowledge_dir.clone(),
        cooldown: Mutex::new(Cooldown::new(options.config.cooldown)),
        rated: Mutex::new(std::collections::HashSet::new()),
        conversations: Mutex::new(Conversations::default()),
        config: options.config,
        log,
    };

    let http = match &options.proxy {
        // The proxy owns the rate limits; serenity's own limiter would not follow it.
        Some(proxy) => serenity::HttpBuilder::new(options.token.expose())
            .proxy(proxy.clone())
            .ratelimiter_disabled(true)
            .build(),
        None => serenity::HttpBuilder::new(options.token.expose()).build(),
    };

    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: commands(),
            event_handler: |framework, event| Box::pin(on_event(framework, event)),
            on_error: |error| Box::pin(on_error(error)),
            allowed_mentions: Some(no_mentions()),
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                tracing::info!(user = %ready.user.name, "connected");
                match data.config.guild_id {
                    Some(guild) => {
                        poise::builtins::register_in_guild(
                            ctx,
                            &framework.options().commands,
                            guild.into(),
                        )
                        .await?
                    }
                    None => {
                        poise::builtins::register_globally(ctx, &framework.options().commands)
                            .await?
                    }
                }
                Ok(data)
            })
        })
        .build();

    let intents = GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
        | GatewayIntents::MESSAGE_CONTENT;
    let mut client = serenity::ClientBuilder::new_with_http(http, intents)
        .framework(framework)
        .await?;

    // Hot reload: outcomes are logged; admins are told through the log channel.
    let admin_http = client.http.clone();
    let runtime = tokio::runtime::Handle::current();
    let _watcher = KnowledgeWatcher::start(
        options.knowledge_dir.clone(),
        engine.clone(),
        move |outcome| {
            let summary = outcome.summary();
            tracing::info!("{}", summary.lines().next().unwrap_or_default());
            if let Some(channel) = admin_channel {
                let http = admin_http.clone();
                runtime.spawn(async move {
                    let _ = serenity::ChannelId::new(channel)
                        .send_message(&http, plain_message(&summary))
                        .await;
                });
            }
        },
    )?;

    let shard_manager = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        shard_manager.shutdown_all().await;
    });
    match options.shards {
        Some((start, end, total)) => {
            client
                .start_shard_range(serenity_shard_range(start, end), total)
                .await?
        }
        None => client.start_autosharded().await?,
    }
    Ok(())
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                .expect("SIGTERM handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Allowed mentions that allow none: nothing the bot sends pings anyone.
fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
        .everyone(false)
        .all_users(false)
        .all_roles(false)
        .replied_user(false)
}

fn plain_message(text: &str) -> CreateMessage {
    CreateMessage::new()
        .content(limits::trim(text, limits::CONTENT))
        .allowed_mentions(no_mentions())
}

fn embed(card: &Card) -> CreateEmbed {
    let mut embed = CreateEmbed::new().description(&card.embed.description);
    if let Some(title) = &card.embed.title {
        embed = embed.title(title);
    }
    for (name, value) in &card.embed.fields {
        embed = embed.field(name, value, false);
    }
    if let Some(footer) = &card.embed.footer {
        embed = embed.footer(CreateEmbedFooter::new(footer));
    }
    embed
}

/// Buttons in rows of five, as Discord lays them out.
fn rows(buttons: &[Button]) -> Vec<CreateActionRow> {
    buttons
        .chunks(5)
        .take(5)
        .map(|chunk| {
            CreateActionRow::Buttons(
                chunk
                    .iter()
                    .map(|button| {
                        let style = match button.action {
                            ButtonAction::Show { .. } | ButtonAction::TopicMenu { .. } => {
                                ButtonStyle::Primary
                            }
                            ButtonAction::Feedback { .. } => ButtonStyle::Secondary,
                        };
                        CreateButton::new(button.action.custom_id())
                            .label(&button.label)
                            .style(style)
                    })
                    .collect(),
            )
        })
        .collect()
}

fn card_message(card: &Card) -> CreateMessage {
    CreateMessage::new()
        .embed(embed(card))
        .components(rows(&card.buttons))
        .allowed_mentions(no_mentions())
}

/// Records what the editors should look at: questions not answered confidently.
fn log_question(data: &Data, engine: &Engine, question: &str, reply: &Reply, user_id: u64) {
    if reply.band == Band::Confident || reply.band == Band::Empty {
        return;
    }
    let logged = LoggedQuestion {
        question,
        lang: reply.lang.code(),
        band: reply.band.name(),
        best_entry: reply.best.map(|i| engine.base().entries[i].id.as_str()),
        score: reply.score,
        user_id: Some(user_id),
    };
    if let Err(err) = data.log.record_question(&logged) {
        tracing::warn!("cannot log a question: {err}");
    }
}

async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &FullEvent,
) -> Result<(), Error> {
    let ctx = framework.serenity_context;
    let data = framework.user_data;
    match event {
        FullEvent::Message { new_message } => {
            let bot_id = ctx.cache.current_user().id.get();
            let incoming = IncomingMessage {
                author_is_bot: new_message.author.bot,
                author_id: new_message.author.id.get(),
                channel_id: new_message.channel_id.get(),
                is_direct: new_message.guild_id.is_none(),
                mentions_bot: new_message.mentions.iter().any(|u| u.id.get() == bot_id),
                is_regular: matches!(
                    new_message.kind,
                    serenity::MessageType::Regular | serenity::MessageType::InlineReply
                ),
                content: &new_message.content,
            };
            let Some(question) =
                policy::question_in(&incoming, bot_id, &data.config.answer_channels)
            else {
                return Ok(());
            };
            let engine = data.engine.load_full();
            let reply = data.ask(&engine, incoming.channel_id, incoming.author_id, &question);
            if reply.band == Band::Empty && !incoming.addresses_bot() {
                return Ok(());
            }
            let verdict = data
                .cooldown
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .check(incoming.author_id, Instant::now());
            let message = match verdict {
                CooldownVerdict::Answer => {
                    data.delivered(incoming.channel_id, incoming.author_id, &question, &reply);
                    log_question(data, &engine, &question, &reply, incoming.author_id);
                    card_message(&Card::new(engine.base(), &reply))
                }
                CooldownVerdict::Notify => {
                    let notice = data
                        .cooldown
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .notice(reply.lang);
                    plain_message(&notice)
                }
                CooldownVerdict::Silent => return Ok(()),
            };
            new_message
                .channel_id
                .send_message(&ctx.http, message.reference_message(new_message))
                .await?;
        }
        FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(component),
        } => on_button(ctx, data, component).await?,
        _ => {}
    }
    Ok(())
}

async fn on_button(
    ctx: &serenity::Context,
    data: &Data,
    component: &ComponentInteraction,
) -> Result<(), Error> {
    let Some(action) = ButtonAction::parse(&component.data.custom_id) else {
        return Ok(());
    };
    let engine = data.engine.load_full();
    let response = match action {
        ButtonAction::Show { entry, lang } => match engine.base().entry_index(&entry) {
            Some(index) => {
                data.answered(
                    &engine,
                    component.channel_id.get(),
                    component.user.id.get(),
                    index,
                    lang,
                );
                let card = Card::new(engine.base(), &Reply::for_entry(engine.base(), index, lang));
                CreateInteractionResponseMessage::new()
                    .embed(embed(&card))
                    .components(rows(&card.buttons))
                    .allowed_mentions(no_mentions())
            }
            None => CreateInteractionResponseMessage::new()
                .content(match lang {
                    Lang::Fr => "Cette réponse n'existe plus : la base a été mise à jour. Reposez votre question.",
                    Lang::En => "That answer no longer exists: the knowledge base was updated. Please ask again.",
                })
                .ephemeral(true)
                .allowed_mentions(no_mentions()),
        },
        ButtonAction::TopicMenu { lang } => {
            let chosen = match &component.data.kind {
                serenity::ComponentInteractionDataKind::StringSelect { values } => values.first().cloned(),
                _ => None,
            };
            let text = chosen
                .and_then(|topic| cli::topic_text(engine.base(), &topic, lang))
                .unwrap_or_else(|| cli::topics_text(engine.base(), lang));
            CreateInteractionResponseMessage::new()
                .embed(CreateEmbed::new().description(limits::trim(&text, limits::EMBED_DESCRIPTION)))
                .ephemeral(true)
                .allowed_mentions(no_mentions())
        }
        ButtonAction::Feedback { entry, helpful } => {
            let key = (component.user.id.get(), component.message.id.get(), entry.clone());
            let first_rating = data.rated.lock().unwrap_or_else(|p| p.into_inner()).insert(key);
            if first_rating
                && let Err(err) = data.log.record_feedback(&entry, helpful, Some(component.user.id.get()))
            {
                tracing::warn!("cannot log feedback: {err}");
            }
            let lang = policy::lang_of_locale(&component.locale);
            CreateInteractionResponseMessage::new()
                .content(match lang {
                    Lang::Fr => "Merci pour votre retour !",
                    Lang::En => "Thanks for your feedback!",
                })
                .ephemeral(true)
                .allowed_mentions(no_mentions())
        }
    };
    component
        .create_response(&ctx.http, CreateInteractionResponse::Message(response))
        .await?;
    Ok(())
}

async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::warn!(command = %ctx.command().qualified_name, "command failed: {error}");
            let lang = policy::lang_of_locale(ctx.locale().unwrap_or("en"));
            let text = match lang {
                Lang::Fr => {
                    "Désolé, une erreur m'a empêché de répondre. Réessayez dans un instant."
                }
                Lang::En => "Sorry, an error kept me from answering. Please try again in a moment.",
            };
            let _ = ctx.send(private_reply(text)).await;
        }
        other => {
            if let Err(err) = poise::builtins::on_error(other).await {
                tracing::warn!("error while handling an error: {err}");
            }
        }
    }
}

fn commands() -> Vec<poise::Command<Data, Error>> {
    vec![ask(), topics(), topic(), contact(), help(), kb()]
}

fn locale_lang(ctx: &Context<'_>) -> Lang {
    policy::lang_of_locale(ctx.locale().unwrap_or("en"))
}

/// A reply only its asker sees.
fn private_reply(text: impl Into<String>) -> poise::CreateReply {
    poise::CreateReply::default()
        .content(limits::trim(&text.into(), limits::CONTENT))
        .ephemeral(true)
        .allowed_mentions(no_mentions())
}

fn embed_reply(embed: CreateEmbed) -> poise::CreateReply {
    poise::CreateReply::default()
        .embed(embed)
        .allowed_mentions(no_mentions())
}

fn card_reply(card: &Card) -> poise::CreateReply {
    poise::CreateReply::default()
        .embed(embed(card))
        .components(rows(&card.buttons))
        .allowed_mentions(no_mentions())
}

async fn autocomplete_question(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let lang = locale_lang(&ctx);
    let engine = ctx.data().engine.load();
    let choices = engine
        .suggest(partial, lang, limits::CHOICES)
        .into_iter()
        .map(|text| {
            let name = limits::trim(&text, limits::CHOICE_NAME);
            serenity::AutocompleteChoice::new(name.clone(), name)
        })
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Ask a question about setting up in the territory
#[poise::command(slash_command)]
async fn ask(
    ctx: Context<'_>,
    #[description = "Your question, in French or English"]
    #[autocomplete = "autocomplete_question"]
    question: String,
) -> Result<(), Error> {
    let engine = ctx.data().engine.load_full();
    let (channel, user) = (ctx.channel_id().get(), ctx.author().id.get());
    let reply = ctx.data().ask(&engine, channel, user, &question);
    ctx.data().delivered(channel, user, &question, &reply);
    log_question(
        ctx.data(),
        &engine,
        &question,
        &reply,
        ctx.author().id.get(),
    );
    ctx.send(card_reply(&Card::new(engine.base(), &reply)))
        .await?;
    Ok(())
}

/// List the topics the bot knows about
#[poise::command(slash_command)]
async fn topics(ctx: Context<'_>) -> Result<(), Error> {
    let lang = locale_lang(&ctx);
    let engine = ctx.data().engine.load_full();
    let text = cli::topics_text(engine.base(), lang);
    let embed = CreateEmbed::new().description(limits::trim(&text, limits::EMBED_DESCRIPTION));
    let options = engine
        .base()
        .topics
        .iter()
        .take(limits::CHOICES)
        .map(|t| {
            serenity::CreateSelectMenuOption::new(
                limits::trim(t.title.get(lang), limits::CHOICE_NAME),
                &t.id,
            )
        })
        .collect();
    let menu = serenity::CreateSelectMenu::new(
        ButtonAction::TopicMenu { lang }.custom_id(),
        serenity::CreateSelectMenuKind::String { options },
    )
    .placeholder(match lang {
        Lang::Fr => "Voir les questions d'un sujet",
        Lang::En => "See a topic's questions",
    });
    ctx.send(
        poise::CreateReply::default()
            .embed(embed)
            .components(vec![CreateActionRow::SelectMenu(menu)])
            .allowed_mentions(no_mentions()),
    )
    .await?;
    Ok(())
}

async fn autocomplete_topic(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let lang = locale_lang(&ctx);
    let engine = ctx.data().engine.load();
    let typed = crate::matcher::normalize::comparable(partial);
    let choices = engine
        .base()
        .topics
        .iter()
        .filter(|t| crate::matcher::normalize::comparable(t.title.get(lang)).contains(&typed))
        .take(limits::CHOICES)
        .map(|t| {
            serenity::AutocompleteChoice::new(
                limits::trim(t.title.get(lang), limits::CHOICE_NAME),
                t.id.clone(),
            )
        })
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Show the questions of one topic
#[poise::command(slash_command)]
async fn topic(
    ctx: Context<'_>,
    #[description = "The topic"]
    #[autocomplete = "autocomplete_topic"]
    name: String,
) -> Result<(), Error> {
    let lang = locale_lang(&ctx);
    let engine = ctx.data().engine.load_full();
    let text = cli::topic_text(engine.base(), &name, lang).unwrap_or_else(|| match lang {
        Lang::Fr => format!("Aucun sujet « {name} ». /topics les liste."),
        Lang::En => format!("No topic \"{name}\". /topics lists them."),
    });
    let embed = CreateEmbed::new().description(limits::trim(&text, limits::EMBED_DESCRIPTION));
    ctx.send(embed_reply(embed)).await?;
    Ok(())
}

/// Whom to contact about an investment project
#[poise::command(slash_command)]
async fn contact(ctx: Context<'_>) -> Result<(), Error> {
    let lang = locale_lang(&ctx);
    let engine = ctx.data().engine.load_full();
    let lines: Vec<String> = engine
        .base()
        .contacts
        .iter()
        .map(|c| format!("• {}", crate::answer::contact_line(c, lang)))
        .collect();
    let embed = CreateEmbed::new()
        .title(match lang {
            Lang::Fr => "Contacts",
            Lang::En => "Contacts",
        })
        .description(limits::trim(&lines.join("\n"), limits::EMBED_DESCRIPTION));
    ctx.send(embed_reply(embed)).await?;
    Ok(())
}

/// How to use this bot
#[poise::command(slash_command)]
async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let text = match locale_lang(&ctx) {
        Lang::Fr => {
            "Posez votre question avec /ask, en message privé ou en me mentionnant. /topics liste les sujets, /topic en montre les questions, /contact donne les interlocuteurs."
        }
        Lang::En => {
            "Ask with /ask, in a direct message or by mentioning me. /topics lists the topics, /topic shows a topic's questions, /contact gives whom to talk to."
        }
    };
    ctx.send(private_reply(text)).await?;
    Ok(())
}

/// Checks, again when a command runs, that its author may administer the knowledge base.
async fn is_admin(ctx: Context<'_>) -> Result<bool, Error> {
    let Some(member) = ctx.author_member().await else {
        return Ok(false);
    };
    let manages = member
        .permissions
        .is_some_and(|p| p.manage_guild() || p.administrator());
    let has_role = member
        .roles
        .iter()
        .any(|r| ctx.data().config.admin_roles.contains(&r.get()));
    if !(manages || has_role) {
        let text = match locale_lang(&ctx) {
            Lang::Fr => "Cette commande est réservée aux administrateurs de la base.",
            Lang::En => "This command is for the knowledge base's administrators.",
        };
        ctx.send(private_reply(text)).await?;
    }
    Ok(manages || has_role)
}

/// Administer the knowledge base
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    subcommands("kb_reload", "kb_check", "kb_stats")
)]
async fn kb(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Reload the knowledge files now
#[poise::command(slash_command, rename = "reload", guild_only, check = "is_admin")]
async fn kb_reload(ctx: Context<'_>) -> Result<(), Error> {
    // Loading and checking the files takes a while: off the async workers.
    let (engine, dir) = (ctx.data().engine.clone(), ctx.data().knowledge_dir.clone());
    let outcome = tokio::task::spawn_blocking(move || reload::reload(&engine, &dir)).await?;
    let text = outcome.summary();
    ctx.send(private_reply(text)).await?;
    Ok(())
}

/// Check the knowledge files without reloading them
#[poise::command(slash_command, rename = "check", guild_only, check = "is_admin")]
async fn kb_check(ctx: Context<'_>) -> Result<(), Error> {
    let dir = ctx.data().knowledge_dir.clone();
    let (engine, diagnostics) =
        tokio::task::spawn_blocking(move || crate::load_engine(&dir)).await?;
    let mut text = match &engine {
        Some(engine) => format!(
            "OK: {} entries, {} warnings",
            engine.base().entries.len(),
            diagnostics.len()
        ),
        None => format!(
            "{} errors",
            diagnostics.iter().filter(|d| d.is_error()).count()
        ),
    };
    for diagnostic in &diagnostics {
        text.push('\n');
        text.push_str(&diagnostic.to_string());
    }
    ctx.send(private_reply(text)).await?;
    Ok(())
}

/// Most frequent unanswered questions and feedback per entry
#[poise::command(slash_command, rename = "stats", guild_only, check = "is_admin")]
async fn kb_stats(ctx: Context<'_>) -> Result<(), Error> {
    let text = ctx.data().log.report(15)?.text();
    ctx.send(private_reply(text)).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question_log::LoggedQuestion;
    use std::time::Duration;

    #[test]
    fn a_shard_range_becomes_serenity_s_inclusive_one() {
        // Shards 1 and 2 of 4: serenity starts end - start + 1 shards from start.
        let range = serenity_shard_range(1, 3);
        assert_eq!(range.end - range.start + 1, 2);
        assert_eq!((range.start, range.end), (1, 2));
        assert_eq!(serenity_shard_range(0, 1), 0..0);
    }

    /// The tokio clock is paused: a day passes in no time, and nothing depends on the machine's
    /// speed.
    #[tokio::test(start_paused = true)]
    async fn the_question_log_is_purged_once_a_period() {
        let dir = tempfile::tempdir().unwrap();
        let log = Arc::new(QuestionLog::open(&dir.path().join("log.sqlite"), false).unwrap());
        let question = LoggedQuestion {
            question: "prix du m2 ?",
            lang: "fr",
            band: "no match",
            best_entry: None,
            score: 0.1,
            user_id: None,
        };
        let day = Duration::from_secs(24 * 60 * 60);
        log.record_question_at(&question, unix_now() - 2 * day.as_secs() as i64)
            .unwrap();
        log.record_question_at(&question, unix_now()).unwrap();
        tokio::spawn(purge_periodically(log.clone(), day, day));
        // Before the first period ends, nothing is purged.
        tokio::time::advance(day / 2).await;
        for _ in 0..100 {
            tokio::task::yield_now().await;
        }
        assert_eq!(log.report(10).unwrap().unanswered[0].1, 2);
        // One period later the old row goes, the recent one stays.
        tokio::time::advance(day).await;
        for _ in 0..10_000 {
            if log.report(10).unwrap().unanswered[0].1 == 1 {
                break;
            }
            tokio::task::yield_now().await;
        }
        assert_eq!(log.report(10).unwrap().unanswered[0].1, 1);
    }
}
