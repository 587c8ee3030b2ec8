//! End-to-end tests of the Discord layer against the fake Discord of `tests/support`.

mod support {
    pub mod fake_discord;
}

use serenity::all::{Context, EventHandler, GatewayIntents, HttpBuilder, Message, Ready};
use serenity::async_trait;
use support::fake_discord::{self, FakeDiscord};

/// The fixtures must be what serenity accepts: an event it cannot parse is silently dropped,
/// and a test could then pass because nothing happened.
#[test]
fn fixtures_deserialize_into_serenity_models() {
    let address = "127.0.0.1:1".parse().unwrap();
    serde_json::from_value::<Ready>(fake_discord::ready(address)).expect("READY fixture");
    let human = fake_discord::user(4_000, "investor");
    serde_json::from_value::<Message>(fake_discord::message(1, 2, Some(3), human, "hi"))
        .expect("message fixture");
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
