//! End-to-end tests of the Discord layer against the fake Discord of `tests/support`.

mod support {
    pub mod fake_discord;
}

use serenity::all::{
    Context, EventHandler, GatewayIntents, HttpBuilder, Interaction, Message, Ready,
};
use serenity::async_trait;
use support::fake_discord::{self, FakeDiscord};

/// The fixtures must be what serenity accepts: an event it cannot parse is silently dropped,
/// and a test could then pass because nothing happened.
#[test]
fn fixtures_deserialize_into_serenity_models() {
    let address = "127.0.0.1:1".parse().unwrap();
    serde_json::from_value::<Ready>(fake_discord::ready(address)).expect("READY fixture");
    let application = serde_json::json!({
        "id": "1000", "name": "territory-bot", "icon": null, "description": "", "bot_public": false,
        "bot_require_code_grant": false, "verify_key": "0", "team": null, "flags": 0,
        "owner": fake_discord::user(4_999, "owner")
    });
    serde_json::from_value::<serenity::all::CurrentApplicationInfo>(application)
        .expect("application fixture");
    let human = fake_discord::user(4_000, "investor");
    serde_json::from_value::<Message>(fake_discord::message(1, 2, Some(3), human.clone(), "hi"))
        .expect("message fixture");
    let options = serde_json::json!([{ "name": "question", "type": 3, "value": "land" }]);
    for payload in [
        fake_discord::command(1, "ask", options.clone(), human.clone(), None, "0"),
        fake_discord::command(1, "ask", options, human.clone(), Some(5), "0"),
        fake_discord::autocomplete(1, "ask", "question", "la", human.clone()),
        fake_discord::button(1, "show:en:x", human.clone()),
        fake_discord::select(1, "topics:en:menu", &["sites"], human),
    ] {
        let parsed = serde_json::from_value::<Interaction>(payload.clone());
        assert!(parsed.is_ok(), "{parsed:?}: {payload:#}");
    }
}

struct Echo;

#[async_trait]
impl EventHandler for Echo {
    async fn message(&self, ctx: Context, message: Message) {
        if !message.author.bot {
            let _ = message
                .channel_id
                .say(&ctx.http, format!("echo: {}", message.content))
                .await;
        }
    }
}

/// The harness itself: a real serenity client connects through the REST proxy, identifies,
/// receives a dispatched message and its reply lands in the recorded REST calls.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_serenity_client_talks_to_the_fake() {
    let discord = FakeDiscord::start().await;
    let token = "MTAwMA.fake.token";
    let http = HttpBuilder::new(token)
        .proxy(discord.base_url())
        .ratelimiter_disabled(true)
        .build();
    let intents = GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
        | GatewayIntents::MESSAGE_CONTENT;
    let mut client = serenity::client::ClientBuilder::new_with_http(http, intents)
        .event_handler(Echo)
        .await
        .expect("the client builds against the fake");
    let shard_manager = client.shard_manager.clone();
    let running = tokio::spawn(async move { client.start().await });

    discord.wait_ready().await;
    let human = fake_discord::user(4_000, "investor");
    discord.dispatch(
        "MESSAGE_CREATE",
        fake_discord::message(2_000, 3_000, None, human, "ping"),
    );
    let call = discord
        .wait_for_call(|c| c.method == "POST" && c.path == "/api/v10/channels/3000/messages")
        .await;
    assert_eq!(call.body["content"], "echo: ping");

    shard_manager.shutdown_all().await;
    let _ = tokio::time::timeout(fake_discord::WAIT, running).await;
}

/// The real `territory-bot serve`, run as a process against the fake Discord.
struct Bot {
    child: std::process::Child,
    dir: tempfile::TempDir,
}

impl Bot {
    fn start(discord: &FakeDiscord, bot_toml: &str) -> Bot {
        Self::start_with(discord, bot_toml, &[])
    }

    /// Starts the bot with `serve_args` after `serve --config FILE`.
    fn start_with(discord: &FakeDiscord, bot_toml: &str, serve_args: &[&str]) -> Bot {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("bot.toml");
        let log = dir.path().join("log.sqlite");
        // A copy of the valid base, so that a test may break it.
        let knowledge = dir.path().join("knowledge");
        std::fs::create_dir(&knowledge).unwrap();
        for file in std::fs::read_dir("tests/fixtures/valid").unwrap() {
            let file = file.unwrap();
            std::fs::copy(file.path(), knowledge.join(file.file_name())).unwrap();
        }
        std::fs::write(
            &config,
            format!(
                "{bot_toml}\n[question_log]\npath = {:?}\n",
                log.display().to_string()
            ),
        )
        .unwrap();
        let child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("territory-bot"))
            .arg("--knowledge")
            .arg(&knowledge)
            .args(["serve", "--config"])
            .arg(&config)
            .args(serve_args)
            .env("DISCORD_TOKEN", "MTAwMA.fake.token")
            .env("DISCORD_PROXY_URL", discord.base_url())
            .env_remove("TERRITORY_BOT_KNOWLEDGE")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the bot starts");
        Bot { child, dir }
    }

    fn knowledge_file(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join("knowledge").join(name)
    }

    /// Sends SIGTERM and waits for the process to end; its exit code.
    fn terminate(&mut self) -> Option<i32> {
        let status = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let deadline = std::time::Instant::now() + fake_discord::WAIT;
        while std::time::Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        None
    }

    fn log_path(&self) -> std::path::PathBuf {
        self.dir.path().join("log.sqlite")
    }
}

/// Starts the fake and the bot, and waits until the bot handles events.
async fn connected(bot_toml: &str) -> (FakeDiscord, Bot) {
    let discord = FakeDiscord::start().await;
    let bot = Bot::start(&discord, bot_toml);
    discord.wait_ready().await;
    // Commands are registered once the framework is set up: after that, events are handled.
    discord
        .wait_for_call(|c| c.method == "PUT" && c.path.ends_with("/commands"))
        .await;
    (discord, bot)
}

/// The response to interaction `id`.
/// Asserts that `call` is the polite notice a user gets while their cooldown runs.
fn assert_cooldown_notice(call: &support::fake_discord::RestCall) {
    let content = call.body["content"].as_str().unwrap_or_default();
    assert!(content.contains("600 seconds"), "{:#}", call.body);
}

async fn callback(discord: &FakeDiscord, id: u64) -> support::fake_discord::RestCall {
    let path = format!("/api/v10/interactions/{id}/token-{id}/callback");
    discord
        .wait_for_call(move |c| c.method == "POST" && c.path == path)
        .await
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_direct_message_is_answered_with_an_embed_that_pings_nobody() {
    let discord = FakeDiscord::start().await;
    let _bot = Bot::start(&discord, "");
    discord.wait_ready().await;
    // Commands are registered once the framework is set up: after that, events are handled.
    discord
        .wait_for_call(|c| c.method == "PUT" && c.path.ends_with("/commands"))
        .await;

    let human = fake_discord::user(4_000, "investor");
    discord.dispatch(
        "MESSAGE_CREATE",
        fake_discord::message(
            2_000,
            3_000,
            None,
            human,
            "What land is available at ParcNord? @everyone",
        ),
    );
    let call = discord
        .wait_for_call(|c| c.method == "POST" && c.path == "/api/v10/channels/3000/messages")
        .await;
    let embed = &call.body["embeds"][0];
    assert_eq!(
        embed["title"], "What land is available at ParcNord?",
        "{:#}",
        call.body
    );
    assert!(
        embed["description"]
            .as_str()
            .unwrap()
            .starts_with("ParcNord offers 40 hectares"),
        "{:#}",
        call.body
    );
    assert_eq!(
        call.body["allowed_mentions"]["parse"],
        serde_json::json!([]),
        "{:#}",
        call.body
    );
    assert_eq!(
        call.body["allowed_mentions"]["replied_user"], false,
        "{:#}",
        call.body
    );
    assert_eq!(
        call.body["message_reference"]["message_id"], "2000",
        "{:#}",
        call.body
    );
}

/// Messages from bots, and channel chatter that does not address the bot, get no reply; a
/// mention in a guild channel does, and a user who asks again too soon gets one notice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_answers_only_when_addressed_and_respects_the_cooldown() {
    let discord = FakeDiscord::start().await;
    let _bot = Bot::start(&discord, "cooldown_seconds = 600");
    discord.wait_ready().await;
    discord
        .wait_for_call(|c| c.method == "PUT" && c.path.ends_with("/commands"))
        .await;
    let question = "What land is available at ParcNord?";
    let posts_to = |channel: u64| {
        let path = format!("/api/v10/channels/{channel}/messages");
        move |c: &support::fake_discord::RestCall| c.method == "POST" && c.path == path
    };

    // Chatter in a guild channel without a mention, and a bot's DM: ignored.
    let chatter = fake_discord::message(
        2_001,
        3_001,
        Some(5_000),
        fake_discord::user(4_001, "someone"),
        question,
    );
    discord.dispatch("MESSAGE_CREATE", chatter);
    let mut other_bot = fake_discord::user(4_002, "other-bot");
    other_bot["bot"] = serde_json::json!(true);
    discord.dispatch(
        "MESSAGE_CREATE",
        fake_discord::message(2_002, 3_002, None, other_bot, question),
    );

    // A mention in a guild channel: answered, without the mention in the question.
    let mut mention = fake_discord::mention(
        2_003,
        3_003,
        fake_discord::user(4_003, "investor"),
        question,
    );
    discord.dispatch("MESSAGE_CREATE", mention.clone());
    let answer = discord.wait_for_call(posts_to(3_003)).await;
    assert_eq!(
        answer.body["embeds"][0]["title"], question,
        "{:#}",
        answer.body
    );

    // The same user again at once: one polite notice, then silence.
    mention["id"] = serde_json::json!("2004");
    discord.dispatch("MESSAGE_CREATE", mention.clone());
    let notice = discord.wait_for_call(reply_in(3_003, 2_004)).await;
    assert_cooldown_notice(&notice);
    mention["id"] = serde_json::json!("2005");
    discord.dispatch("MESSAGE_CREATE", mention);

    // serenity handles each event in its own task, so order is not guaranteed; but by the time
    // a later DM is answered the earlier, quicker events have been handled, so a bot that
    // answered chatter, another bot or the third message would show in the calls below.
    let last = fake_discord::message(
        2_006,
        3_006,
        None,
        fake_discord::user(4_006, "late"),
        question,
    );
    discord.dispatch("MESSAGE_CREATE", last);
    discord.wait_for_call(posts_to(3_006)).await;
    let calls = discord.calls();
    assert!(
        !calls.iter().any(posts_to(3_001)),
        "answered chatter: {calls:#?}"
    );
    assert!(
        !calls.iter().any(posts_to(3_002)),
        "answered a bot: {calls:#?}"
    );
    let to_mention_channel = calls.iter().filter(|c| posts_to(3_003)(c)).count();
    assert_eq!(
        to_mention_channel, 2,
        "one answer and one notice: {calls:#?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_ask_buttons_and_feedback_work_end_to_end() {
    let (discord, bot) = connected("").await;
    // Without guild_id, the commands are registered globally.
    let registration = discord
        .wait_for_call(|c| c.method == "PUT" && c.path.ends_with("/commands"))
        .await;
    assert_eq!(registration.path, "/api/v10/applications/1000/commands");
    let human = fake_discord::user(4_000, "investor");

    let options = serde_json::json!([{ "name": "question", "type": 3, "value": "What land is available at ParcNord?" }]);
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::command(6_001, "ask", options, human.clone(), None, "0"),
    );
    let answer = callback(&discord, 6_001).await;
    assert_eq!(answer.body["type"], 4, "{:#}", answer.body);
    let data = &answer.body["data"];
    assert_eq!(
        data["embeds"][0]["title"], "What land is available at ParcNord?",
        "{data:#}"
    );
    assert_eq!(
        data["allowed_mentions"]["parse"],
        serde_json::json!([]),
        "{data:#}"
    );
    let buttons: Vec<&str> = data["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["custom_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        buttons,
        [
            "show:en:parcnord-access",
            "feedback:up:parcnord",
            "feedback:down:parcnord"
        ]
    );

    // The see-also button shows the other answer.
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::button(6_002, buttons[0], human.clone()),
    );
    let shown = callback(&discord, 6_002).await;
    assert_eq!(
        shown.body["data"]["embeds"][0]["title"], "How do I reach ParcNord from the motorway?",
        "{:#}",
        shown.body
    );

    // 👎 is acknowledged privately and lands in the question log.
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::button(6_003, buttons[2], human.clone()),
    );
    let thanks = callback(&discord, 6_003).await;
    assert_eq!(
        thanks.body["data"]["flags"], 64,
        "ephemeral: {:#}",
        thanks.body
    );
    // A second click on the same message is thanked but not counted again.
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::button(6_004, buttons[2], human.clone()),
    );
    callback(&discord, 6_004).await;
    let log = territory_bot::question_log::QuestionLog::open_existing(&bot.log_path()).unwrap();
    assert_eq!(
        log.report(10).unwrap().feedback,
        [("parcnord".to_string(), 0, 1)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_at_most_25_questions() {
    let (discord, _bot) = connected("").await;
    let human = fake_discord::user(4_000, "investor");
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::autocomplete(6_010, "ask", "question", "", human.clone()),
    );
    let all = callback(&discord, 6_010).await;
    assert_eq!(all.body["type"], 8, "{:#}", all.body);
    let choices = all.body["data"]["choices"].as_array().unwrap();
    assert!(!choices.is_empty() && choices.len() <= 25, "{:#}", all.body);
    assert!(
        choices
            .iter()
            .all(|c| c["name"].as_str().unwrap().chars().count() <= 100)
    );

    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::autocomplete(6_011, "ask", "question", "motorway", human),
    );
    let typed = callback(&discord, 6_011).await;
    assert_eq!(
        typed.body["data"]["choices"][0]["name"], "How do I reach ParcNord from the motorway?",
        "{:#}",
        typed.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kb_reload_is_refused_to_a_member_without_rights() {
    let (discord, _bot) = connected("").await;
    let member = fake_discord::user(4_000, "visitor");
    let reload = serde_json::json!([{ "name": "reload", "type": 1, "options": [] }]);
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::command(
            6_020,
            "kb",
            reload.clone(),
            member.clone(),
            Some(5_000),
            "0",
        ),
    );
    let refused = callback(&discord, 6_020).await;
    assert!(
        refused.body["data"]["content"]
            .as_str()
            .unwrap()
            .contains("administrators"),
        "{:#}",
        refused.body
    );
    assert_eq!(refused.body["data"]["flags"], 64, "{:#}", refused.body);

    // Manage Server (0x20) may reload.
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::command(6_021, "kb", reload, member, Some(5_000), "32"),
    );
    let done = callback(&discord, 6_021).await;
    assert!(
        done.body["data"]["content"]
            .as_str()
            .unwrap()
            .starts_with("knowledge reloaded: 6 entries"),
        "{:#}",
        done.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_edit_keeps_the_last_good_base_and_admins_are_told() {
    let (discord, bot) = connected("admin_log_channel = 7777").await;
    let sites = bot.knowledge_file("sites.toml");
    let text = std::fs::read_to_string(&sites).unwrap();
    std::fs::write(&sites, text.replace("answer.en", "awnser.en")).unwrap();

    // The watcher reloads by itself and tells the admin channel that it kept the old base.
    let notice = discord
        .wait_for_call(|c| c.method == "POST" && c.path == "/api/v10/channels/7777/messages")
        .await;
    let content = notice.body["content"].as_str().unwrap();
    assert!(content.starts_with("knowledge NOT reloaded"), "{content}");
    assert!(content.contains("sites.toml"), "{content}");

    // /kb reload says the same, and questions are still answered from the last good base.
    let admin = fake_discord::user(4_100, "admin");
    let reload = serde_json::json!([{ "name": "reload", "type": 1, "options": [] }]);
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::command(6_030, "kb", reload, admin, Some(5_000), "32"),
    );
    let refused = callback(&discord, 6_030).await;
    assert!(
        refused.body["data"]["content"]
            .as_str()
            .unwrap()
            .starts_with("knowledge NOT reloaded"),
        "{:#}",
        refused.body
    );
    let asker = fake_discord::user(4_101, "investor");
    discord.dispatch(
        "MESSAGE_CREATE",
        fake_discord::message(
            2_100,
            3_100,
            None,
            asker,
            "What land is available at ParcNord?",
        ),
    );
    let answer = discord
        .wait_for_call(|c| c.method == "POST" && c.path == "/api/v10/channels/3100/messages")
        .await;
    assert!(
        answer.body["embeds"][0]["description"]
            .as_str()
            .unwrap()
            .starts_with("ParcNord offers 40 hectares")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_question_full_of_mentions_gets_a_reply_within_discord_limits() {
    let (discord, mut bot) = connected("").await;
    let question = "<@123> @everyone <@&456> @here terrain ParcNord ? ".repeat(110);
    assert!(question.chars().count() >= 5_000);
    let asker = fake_discord::user(4_200, "investor");
    discord.dispatch(
        "MESSAGE_CREATE",
        fake_discord::message(2_200, 3_200, None, asker, &question),
    );
    let reply = discord
        .wait_for_call(|c| c.method == "POST" && c.path == "/api/v10/channels/3200/messages")
        .await;
    assert_eq!(
        reply.body["allowed_mentions"]["parse"],
        serde_json::json!([]),
        "{:#}",
        reply.body
    );
    let embed = &reply.body["embeds"][0];
    let length = |key: &str| embed[key].as_str().map_or(0, |t| t.chars().count());
    assert!(
        length("description") <= 4_096 && length("title") <= 256,
        "{:#}",
        reply.body
    );
    assert!(reply.body["content"].as_str().unwrap_or("").chars().count() <= 2_000);

    // SIGTERM: the shards close and the process ends cleanly.
    assert_eq!(bot.terminate(), Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topics_offers_a_menu_that_opens_a_topic() {
    let (discord, _bot) = connected("").await;
    let human = fake_discord::user(4_000, "investor");
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::command(
            6_040,
            "topics",
            serde_json::json!([]),
            human.clone(),
            None,
            "0",
        ),
    );
    let listed = callback(&discord, 6_040).await;
    let menu = &listed.body["data"]["components"][0]["components"][0];
    assert_eq!(menu["type"], 3, "{:#}", listed.body);
    let values: Vec<&str> = menu["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["sites", "support"], "{:#}", listed.body);

    let custom_id = menu["custom_id"].as_str().unwrap();
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::select(6_041, custom_id, &["sites"], human),
    );
    let opened = callback(&discord, 6_041).await;
    let text = opened.body["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap();
    assert!(text.starts_with("Business sites (sites)"), "{text}");
    assert!(
        text.contains("What land is available at ParcNord?"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unanswerable_question_gets_the_contact_card_and_is_logged() {
    let (discord, bot) = connected("").await;
    let asker = fake_discord::user(4_300, "investor");
    discord.dispatch(
        "MESSAGE_CREATE",
        fake_discord::message(2_300, 3_300, None, asker, "what is the weather tomorrow"),
    );
    let reply = discord
        .wait_for_call(|c| c.method == "POST" && c.path == "/api/v10/channels/3300/messages")
        .await;
    let embed = &reply.body["embeds"][0];
    assert!(
        embed["description"]
            .as_str()
            .unwrap()
            .starts_with("I don't have a reliable answer"),
        "{:#}",
        reply.body
    );
    assert_eq!(
        embed["fields"][0]["name"], "Who to contact",
        "{:#}",
        reply.body
    );
    let log = territory_bot::question_log::QuestionLog::open_existing(&bot.log_path()).unwrap();
    let report = log.report(10).unwrap();
    assert_eq!(report.unanswered.len(), 1, "{report:?}");
    assert_eq!(report.unanswered[0].0, "what is the weather tomorrow");
    assert_eq!(
        log.stored_user_ids().unwrap(),
        0,
        "no user ids unless enabled"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_commands_answer_and_commands_register_in_the_configured_guild() {
    let (discord, _bot) = connected("guild_id = 5000").await;
    let registration = discord
        .wait_for_call(|c| c.method == "PUT" && c.path.ends_with("/commands"))
        .await;
    assert_eq!(
        registration.path,
        "/api/v10/applications/1000/guilds/5000/commands"
    );
    let names: Vec<&str> = registration
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["ask", "topics", "topic", "contact", "help", "kb"]);
    let kb = registration
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "kb")
        .unwrap();
    assert_eq!(
        kb["default_member_permissions"], "32",
        "Manage Server only: {kb:#}"
    );

    let human = fake_discord::user(4_000, "investor");
    let no_options = serde_json::json!([]);
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::command(
            6_050,
            "contact",
            no_options.clone(),
            human.clone(),
            None,
            "0",
        ),
    );
    let contact = callback(&discord, 6_050).await;
    let text = contact.body["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap();
    assert!(text.contains("https://eco.valbourg.example"), "{text}");

    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::command(6_051, "help", no_options, human.clone(), None, "0"),
    );
    let help = callback(&discord, 6_051).await;
    assert!(
        help.body["data"]["content"]
            .as_str()
            .unwrap()
            .contains("/ask"),
        "{:#}",
        help.body
    );

    let topic = serde_json::json!([{ "name": "name", "type": 3, "value": "support" }]);
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::command(6_052, "topic", topic, human, None, "0"),
    );
    let shown = callback(&discord, 6_052).await;
    assert!(
        shown.body["data"]["embeds"][0]["description"]
            .as_str()
            .unwrap()
            .contains("(support)"),
        "{:#}",
        shown.body
    );

    let admin = fake_discord::user(4_100, "admin");
    for (id, sub, expected) in [
        (6_053, "check", "OK: 6 entries"),
        (6_054, "stats", "Most frequent unanswered questions:"),
    ] {
        let options = serde_json::json!([{ "name": sub, "type": 1, "options": [] }]);
        discord.dispatch(
            "INTERACTION_CREATE",
            fake_discord::command(id, "kb", options, admin.clone(), Some(5_000), "32"),
        );
        let reply = callback(&discord, id).await;
        assert!(
            reply.body["data"]["content"]
                .as_str()
                .unwrap()
                .starts_with(expected),
            "{:#}",
            reply.body
        );
    }
}

/// Whether a REST call posts the bot's reply to message `id` in `channel`.
fn reply_in(channel: u64, id: u64) -> impl Fn(&support::fake_discord::RestCall) -> bool {
    let path = format!("/api/v10/channels/{channel}/messages");
    let id = id.to_string();
    move |c| {
        c.method == "POST"
            && c.path == path
            && c.body["message_reference"]["message_id"] == id.as_str()
    }
}

/// A follow-up ("and the access?") is read with the question its author asked just before in
/// that channel; the same words from someone else, who asked nothing before, are not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_follow_up_is_read_with_its_authors_previous_question() {
    let (discord, _bot) = connected("cooldown_seconds = 0").await;
    let ask = |id: u64, user: u64, text: &str| {
        let asker = fake_discord::user(user, "investor");
        discord.dispatch(
            "MESSAGE_CREATE",
            fake_discord::mention(id, 3_700, asker, text),
        );
    };
    let reply_to = |id: u64| reply_in(3_700, id);
    ask(2_700, 4_700, "What land is available at ParcNord?");
    let first = discord.wait_for_call(reply_to(2_700)).await;
    assert_eq!(
        first.body["embeds"][0]["title"], "What land is available at ParcNord?",
        "{:#}",
        first.body
    );
    // Each event is handled in its own task: the follow-up is sent once the first is answered.
    ask(2_701, 4_700, "and the access?");
    let follow_up = discord.wait_for_call(reply_to(2_701)).await;
    assert_eq!(
        follow_up.body["embeds"][0]["title"], "How do I reach ParcNord from the motorway?",
        "{:#}",
        follow_up.body
    );
    ask(2_702, 4_701, "and the access?");
    let stranger = discord.wait_for_call(reply_to(2_702)).await;
    let description = stranger.body["embeds"][0]["description"].as_str().unwrap();
    assert!(
        description.starts_with("I'm not sure I understood"),
        "{:#}",
        stranger.body
    );
}

/// A question the cooldown held back was never answered: it is not what the asker's next
/// follow-up is read with.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_held_back_by_the_cooldown_is_not_the_context_of_a_follow_up() {
    let (discord, _bot) = connected("cooldown_seconds = 600").await;
    let asker = fake_discord::user(4_800, "investor");
    let ask = |id: u64, text: &str| {
        let message = fake_discord::mention(id, 3_000, asker.clone(), text);
        discord.dispatch("MESSAGE_CREATE", message);
    };
    let reply_to = |id: u64| reply_in(3_000, id);
    ask(2_800, "What land is available at ParcNord?");
    discord.wait_for_call(reply_to(2_800)).await;
    ask(2_801, "Are there offices to rent in Valbourg?");
    let notice = discord.wait_for_call(reply_to(2_801)).await;
    assert_cooldown_notice(&notice);
    // /ask has no cooldown: the follow-up is read with the land question, the last answered.
    let options =
        serde_json::json!([{ "name": "question", "type": 3, "value": "and the access?" }]);
    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::command(6_800, "ask", options, asker.clone(), None, "0"),
    );
    let follow_up = callback(&discord, 6_800).await;
    assert_eq!(
        follow_up.body["data"]["embeds"][0]["title"], "How do I reach ParcNord from the motorway?",
        "{:#}",
        follow_up.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn did_you_mean_offers_buttons_that_answer() {
    let (discord, _bot) = connected("").await;
    let asker = fake_discord::user(4_400, "investor");
    // "valbourg" names the territory but no particular question: the bot asks which one, in the
    // base's default language (French) since one word does not tell the language.
    discord.dispatch(
        "MESSAGE_CREATE",
        fake_discord::message(2_400, 3_400, None, asker.clone(), "valbourg"),
    );
    let unsure = discord
        .wait_for_call(|c| c.method == "POST" && c.path == "/api/v10/channels/3400/messages")
        .await;
    let description = unsure.body["embeds"][0]["description"].as_str().unwrap();
    assert!(
        description.starts_with("Je ne suis pas sûr d'avoir bien compris"),
        "{:#}",
        unsure.body
    );
    let buttons = unsure.body["components"][0]["components"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        !buttons.is_empty() && buttons.len() <= 3,
        "{:#}",
        unsure.body
    );
    let first = buttons[0]["custom_id"].as_str().unwrap();
    assert!(first.starts_with("show:"), "{first}");
    let label = buttons[0]["label"].as_str().unwrap();

    discord.dispatch(
        "INTERACTION_CREATE",
        fake_discord::button(6_060, first, asker),
    );
    let shown = callback(&discord, 6_060).await;
    assert_eq!(
        shown.body["data"]["embeds"][0]["title"], label,
        "{:#}",
        shown.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shard_range_identifies_each_of_its_shards() {
    let discord = FakeDiscord::start().await;
    // Shards 1 and 2 of 4: this process runs the middle of a four-shard bot.
    let mut bot = Bot::start_with(&discord, "", &["--shards", "1-3/4"]);
    let shards = discord.wait_for_shards(2).await;
    assert_eq!(
        shards,
        vec![serde_json::json!([1, 4]), serde_json::json!([2, 4])]
    );
    // That no third shard starts is unit-tested (serenity waits 5 s between boots, too long to
    // watch for here).
    assert_eq!(bot.terminate(), Some(0));
}
