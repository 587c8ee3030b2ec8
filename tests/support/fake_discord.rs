//! A fake Discord on 127.0.0.1 for end-to-end tests of the real serenity client: the REST API
//! under `/api/v10` (every call recorded for the test to read back) and a gateway that says
//! HELLO, answers IDENTIFY with READY, acknowledges heartbeats and dispatches the events a test
//! asks for. Only loopback, a random free port, and waits with deadlines, never fixed sleeps.

#![allow(dead_code)] // each test binary uses a different part of the fake

use axum::Router;
use axum::body::Bytes;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Notify, mpsc};

pub const BOT_ID: u64 = 1_000;
pub const APPLICATION_ID: u64 = 1_000;
/// Long enough for the slowest shared machine; a passing test never waits this long.
pub const WAIT: Duration = Duration::from_secs(60);

/// One REST call the bot made.
#[derive(Debug, Clone)]
pub struct RestCall {
    pub method: Method,
    pub path: String,
    pub body: Value,
}

#[derive(Default)]
struct Shared {
    calls: Mutex<Vec<RestCall>>,
    gateway: Mutex<Option<mpsc::UnboundedSender<Value>>>,
    sequence: Mutex<u64>,
    /// The `shard` field ([id, total]) of every IDENTIFY answered with READY, in order.
    identified_shards: Mutex<Vec<Value>>,
    changed: Notify,
    address: Mutex<Option<SocketAddr>>,
}

pub struct FakeDiscord {
    pub address: SocketAddr,
    shared: Arc<Shared>,
}

impl FakeDiscord {
    pub async fn start() -> FakeDiscord {
        let shared = Arc::new(Shared::default());
        let app = Router::new()
            .route("/gateway", get(gateway))
            .fallback(rest)
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let address = listener.local_addr().unwrap();
        *shared.address.lock().unwrap() = Some(address);
        tokio::spawn(async move {
            axum::serve(listener, app)
                .await
                .expect("the fake Discord serves");
        });
        FakeDiscord { address, shared }
    }

    /// The base URL to give the bot as its REST proxy.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Waits until a client has identified and received READY.
    pub async fn wait_ready(&self) {
        self.wait_until(|shared| !shared.identified_shards.lock().unwrap().is_empty())
            .await
            .expect("the bot identified on the gateway");
    }

    /// Waits until `count` gateway connections have identified; their `[shard, total]`, sorted.
    pub async fn wait_for_shards(&self, count: usize) -> Vec<Value> {
        let found = self
            .wait_until(|shared| shared.identified_shards.lock().unwrap().len() >= count)
            .await;
        let mut shards = self.shared.identified_shards.lock().unwrap().clone();
        assert!(
            found.is_some(),
            "{count} shards did not identify within {WAIT:?}: {shards:?}"
        );
        shards.sort_by_key(|shard| shard[0].as_u64());
        shards
    }

    /// Sends a dispatch event (`t`, `d`) to the connected client.
    pub fn dispatch(&self, event: &str, data: Value) {
        let sequence = {
            let mut sequence = self.shared.sequence.lock().unwrap();
            *sequence += 1;
            *sequence
        };
        let gateway = self.shared.gateway.lock().unwrap();
        let sender = gateway.as_ref().expect("a client is connected");
        sender
            .send(json!({ "op": 0, "t": event, "s": sequence, "d": data }))
            .expect("the gateway connection is open");
    }

    /// Every REST call so far.
    pub fn calls(&self) -> Vec<RestCall> {
        self.shared.calls.lock().unwrap().clone()
    }

    /// Waits for the first REST call that `wanted` accepts.
    pub async fn wait_for_call(&self, wanted: impl Fn(&RestCall) -> bool) -> RestCall {
        let found = self
            .wait_until(|shared| shared.calls.lock().unwrap().iter().any(&wanted))
            .await;
        assert!(
            found.is_some(),
            "no matching REST call within {WAIT:?}; calls: {:#?}",
            self.calls()
        );
        self.calls().into_iter().find(|c| wanted(c)).unwrap()
    }

    async fn wait_until(&self, done: impl Fn(&Shared) -> bool) -> Option<()> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let notified = self.shared.changed.notified();
            if done(&self.shared) {
                return Some(());
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return None;
            }
        }
    }
}

/// The bot user, as READY and message authors describe it.
pub fn bot_user() -> Value {
    json!({
        "id": BOT_ID.to_string(), "username": "territory-bot", "discriminator": "0000",
        "global_name": null, "avatar": null, "bot": true, "verified": true,
        "mfa_enabled": false, "flags": 0
    })
}

/// A human user.
pub fn user(id: u64, name: &str) -> Value {
    json!({
        "id": id.to_string(), "username": name, "discriminator": "0000",
        "global_name": null, "avatar": null, "bot": false
    })
}

/// The READY payload serenity 0.12 needs (it ignores an event that lacks a required field).
pub fn ready(address: SocketAddr) -> Value {
    ready_for_shard(address, json!([0, 1]))
}

/// READY for one shard of several: `shard` is `[id, total]`, as the client identified.
pub fn ready_for_shard(address: SocketAddr, shard: Value) -> Value {
    json!({
        "v": 10,
        "user": bot_user(),
        "guilds": [],
        "session_id": "fake-session",
        "resume_gateway_url": format!("ws://{address}/gateway"),
        "shard": shard,
        "application": { "id": APPLICATION_ID.to_string(), "flags": 0 }
    })
}

/// A message in guild channel `channel_id` that mentions the bot before `text`, as Discord
/// writes a mention in the content and lists it in `mentions`.
pub fn mention(id: u64, channel_id: u64, author: Value, text: &str) -> Value {
    let mut message = message(
        id,
        channel_id,
        Some(5_000),
        author,
        &format!("<@{BOT_ID}> {text}"),
    );
    message["mentions"] = json!([bot_user()]);
    message
}

/// A message as MESSAGE_CREATE carries it and as POST /channels/{id}/messages returns it.
pub fn message(
    id: u64,
    channel_id: u64,
    guild_id: Option<u64>,
    author: Value,
    content: &str,
) -> Value {
    let mut message = json!({
        "id": id.to_string(), "channel_id": channel_id.to_string(), "author": author,
        "content": content, "timestamp": "2026-11-26T00:00:00.000000+00:00",
        "edited_timestamp": null, "tts": false, "mention_everyone": false, "mentions": [],
        "mention_roles": [], "attachments": [], "embeds": [], "pinned": false, "type": 0
    });
    if let Some(guild_id) = guild_id {
        message["guild_id"] = json!(guild_id.to_string());
    }
    message
}

async fn gateway(State(shared): State<Arc<Shared>>, upgrade: WebSocketUpgrade) -> Response {
    upgrade.on_upgrade(move |socket| session(shared, socket))
}

/// One gateway connection: HELLO, IDENTIFY → READY, heartbeats, and the test's dispatches.
async fn session(shared: Arc<Shared>, socket: WebSocket) {
    let (mut sink, mut stream) = socket.split();
    let (sender, mut outgoing) = mpsc::unbounded_channel::<Value>();
    *shared.gateway.lock().unwrap() = Some(sender.clone());
    let hello = json!({ "op": 10, "d": { "heartbeat_interval": 41_250 } });
    if sink
        .send(Message::Text(hello.to_string().into()))
        .await
        .is_err()
    {
        return;
    }
    let writer = tokio::spawn(async move {
        while let Some(payload) = outgoing.recv().await {
            if sink
                .send(Message::Text(payload.to_string().into()))
                .await
                .is_err()
            {
                break;
            }
        }
    });
    while let Some(Ok(message)) = stream.next().await {
        let Message::Text(text) = message else {
            continue;
        };
        let Ok(payload) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        match payload["op"].as_u64() {
            Some(1) => {
                let _ = sender.send(json!({ "op": 11 }));
            }
            Some(2) => {
                let address = shared
                    .address
                    .lock()
                    .unwrap()
                    .expect("address set at start");
                let sequence = {
                    let mut sequence = shared.sequence.lock().unwrap();
                    *sequence += 1;
                    *sequence
                };
                let shard = payload["d"]["shard"].clone();
                let shard = if shard.is_array() {
                    shard
                } else {
                    json!([0, 1])
                };
                let ready = ready_for_shard(address, shard.clone());
                let _ = sender.send(json!({ "op": 0, "t": "READY", "s": sequence, "d": ready }));
                shared.identified_shards.lock().unwrap().push(shard);
                shared.changed.notify_waiters();
            }
            _ => {}
        }
    }
    writer.abort();
}

/// Every REST call: recorded, then answered the way Discord would.
async fn rest(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let bytes: Bytes = axum::body::to_bytes(request.into_body(), 10 * 1024 * 1024)
        .await
        .unwrap_or_default();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    shared.calls.lock().unwrap().push(RestCall {
        method: method.clone(),
        path: path.clone(),
        body: body.clone(),
    });
    shared.changed.notify_waiters();
    let address = shared
        .address
        .lock()
        .unwrap()
        .expect("address set at start");
    let segments: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) => axum::Json(json!({ "url": format!("ws://{address}/gateway") })).into_response(),
        ("GET", ["gateway", "bot"]) => axum::Json(json!({
            "url": format!("ws://{address}/gateway"), "shards": 1,
            "session_start_limit": { "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1 }
        }))
        .into_response(),
        ("POST", ["channels", channel, "messages"]) => {
            let channel: u64 = channel.parse().unwrap_or(0);
            let content = body["content"].as_str().unwrap_or("");
            let mut reply = message(9_000, channel, None, bot_user(), content);
            reply["embeds"] = body.get("embeds").cloned().unwrap_or(json!([]));
            axum::Json(reply).into_response()
        }
        ("POST", ["interactions", _, _, "callback"]) => StatusCode::NO_CONTENT.into_response(),
        ("GET", ["oauth2", "applications", "@me"]) => axum::Json(json!({
            "id": APPLICATION_ID.to_string(), "name": "territory-bot", "icon": null,
            "description": "", "bot_public": false, "bot_require_code_grant": false,
            "verify_key": "0", "team": null, "flags": 0, "owner": user(4_999, "owner")
        }))
        .into_response(),
        // Follow-ups and edits of an interaction's response.
        ("POST", ["webhooks", _, _]) | ("PATCH", ["webhooks", _, _, "messages", _]) => {
            let content = body["content"].as_str().unwrap_or("");
            axum::Json(message(9_001, 3_000, None, bot_user(), content)).into_response()
        }
        // Command registration: Discord answers with the registered commands; none is enough.
        ("PUT", ["applications", _, "commands"]) | ("PUT", ["applications", _, "guilds", _, "commands"]) => {
            axum::Json(json!([])).into_response()
        }
        _ => (StatusCode::NOT_FOUND, axum::Json(json!({ "message": "Unknown route", "code": 0 }))).into_response(),
    }
}

/// The fields every interaction carries (serenity 0.12.5 drops one that lacks `locale`,
/// `entitlements` or `attachment_size_limit`).
fn interaction(
    kind: u8,
    id: u64,
    data: Value,
    user: Value,
    guild_id: Option<u64>,
    permissions: &str,
) -> Value {
    let mut interaction = json!({
        "id": id.to_string(), "application_id": APPLICATION_ID.to_string(), "type": kind,
        "data": data, "channel_id": "3000", "token": format!("token-{id}"), "version": 1,
        "app_permissions": "0", "locale": "en-US", "guild_locale": null, "entitlements": [],
        "authorizing_integration_owners": {}, "context": null, "attachment_size_limit": 8_388_608
    });
    match guild_id {
        Some(guild_id) => {
            interaction["guild_id"] = json!(guild_id.to_string());
            interaction["member"] = json!({
                "user": user, "nick": null, "avatar": null, "roles": [],
                "joined_at": "2026-01-01T00:00:00.000000+00:00", "premium_since": null,
                "deaf": false, "mute": false, "flags": 0, "pending": false, "permissions": permissions
            });
        }
        None => interaction["user"] = user,
    }
    interaction
}

/// A slash command: `name` with `options` (`[{name, type, value}]` or subcommands).
pub fn command(
    id: u64,
    name: &str,
    options: Value,
    user: Value,
    guild_id: Option<u64>,
    permissions: &str,
) -> Value {
    let data = json!({ "id": "7000", "name": name, "type": 1, "options": options });
    interaction(2, id, data, user, guild_id, permissions)
}

/// The user typing in a command option that has autocomplete.
pub fn autocomplete(id: u64, name: &str, option: &str, typed: &str, user: Value) -> Value {
    let data = json!({
        "id": "7000", "name": name, "type": 1,
        "options": [{ "name": option, "type": 3, "value": typed, "focused": true }]
    });
    interaction(4, id, data, user, None, "0")
}

/// A press on the button `custom_id` of a message the bot sent.
pub fn button(id: u64, custom_id: &str, user: Value) -> Value {
    let data = json!({ "custom_id": custom_id, "component_type": 2 });
    let mut interaction = interaction(3, id, data, user, None, "0");
    interaction["message"] = message(9_000, 3_000, None, bot_user(), "");
    interaction
}

/// A choice in the string select menu `custom_id`.
pub fn select(id: u64, custom_id: &str, values: &[&str], user: Value) -> Value {
    let data = json!({ "custom_id": custom_id, "component_type": 3, "values": values });
    let mut interaction = interaction(3, id, data, user, None, "0");
    interaction["message"] = message(9_000, 3_000, None, bot_user(), "");
    interaction
}
