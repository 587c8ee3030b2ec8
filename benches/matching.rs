//! How long it takes to build the index of the shipped knowledge base and to match questions
//! against it. Times are measured here, never asserted in tests: the machines are shared.
//!
//! `cargo bench --bench matching`

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;
use territory_bot::conversation::Conversation;
use territory_bot::{Engine, knowledge};

fn shipped_base() -> knowledge::KnowledgeBase {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let (base, diagnostics) = knowledge::load_dir(&dir);
    base.unwrap_or_else(|| panic!("the shipped knowledge base has errors: {diagnostics:#?}"))
}

fn matching(c: &mut Criterion) {
    let base = shipped_base();
    c.bench_function("build index (shipped base)", |b| {
        b.iter(|| Engine::new(black_box(base.clone())))
    });

    let engine = Engine::new(base);
    let questions = [
        ("short", "saoneor"),
        ("typo", "terain dispo sur saonor pr un entrepot ?"),
        (
            "english",
            "What grants can a small manufacturer get to build a new plant?",
        ),
        ("off topic", "what's the weather in Chalon tomorrow"),
        (
            "long message",
            "Hello everyone, we are a German mid-size maker of automotive parts looking at eastern \
             France for a 20,000 m2 plant with good motorway access and a skilled workforce; is \
             there industrial land available near the A6 and who should we talk to first?",
        ),
    ];
    let mut group = c.benchmark_group("ask");
    for (name, question) in questions {
        group.bench_function(name, |b| b.iter(|| engine.ask(black_box(question), None)));
    }
    let huge = "terrain ".repeat(2_500);
    group.bench_function("20,000 characters", |b| {
        b.iter(|| engine.ask(black_box(&huge), None))
    });
    // A follow-up reads the message alone and with the question before it.
    let context = "how far is Chalon from Paris?";
    group.bench_function("follow-up", |b| {
        b.iter(|| {
            let mut conversation = Conversation::default();
            let now = Instant::now();
            conversation.remember(context, false, now);
            engine.ask_in(&mut conversation, black_box("and for Lyon?"), None, now)
        })
    });
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
