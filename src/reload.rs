//! Keeping the running bot's knowledge base current without a restart, and never worse.
//!
//! A new version of the files is loaded and checked off to the side; only a base without errors
//! replaces the current one, atomically (arc-swap), so questions already being answered keep
//! the base they started with and a broken edit leaves the bot answering from the last good one.

use crate::knowledge::Diagnostic;
use crate::{Engine, load_engine};
use arc_swap::ArcSwap;
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The engine every conversation reads; swapped whole on reload.
pub type SharedEngine = Arc<ArcSwap<Engine>>;

/// How long the folder must stay quiet before a reload: an editor's save is several events.
pub const DEBOUNCE: Duration = Duration::from_millis(500);

/// What a reload did.
#[derive(Debug)]
pub enum ReloadOutcome {
    /// The new base is live.
    Reloaded {
        entries: usize,
        warnings: Vec<Diagnostic>,
    },
    /// The new base has errors: the previous one stays live.
    Kept { errors: Vec<Diagnostic> },
}

impl ReloadOutcome {
    /// One line for the logs and the admins, with every error after it.
    pub fn summary(&self) -> String {
        match self {
            ReloadOutcome::Reloaded { entries, warnings } => {
                format!(
                    "knowledge reloaded: {entries} entries, {} warnings",
                    warnings.len()
                )
            }
            ReloadOutcome::Kept { errors } => {
                let mut text = format!(
                    "knowledge NOT reloaded: {} errors; the bot keeps answering from the last good version",
                    errors.iter().filter(|d| d.is_error()).count()
                );
                for error in errors.iter().filter(|d| d.is_error()) {
                    text.push('\n');
                    text.push_str(&error.to_string());
                }
                text
            }
        }
    }
}

/// Loads `dir` and, when it has no error, makes it the live base.
pub fn reload(shared: &ArcSwap<Engine>, dir: &Path) -> ReloadOutcome {
    // One reload at a time: two overlapping ones (the watcher and /kb reload) could otherwise
    // store an older reading of the files after a newer one.
    static RELOADING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = RELOADING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let (engine, diagnostics) = load_engine(dir);
    match engine {
        Some(engine) => {
            let entries = engine.base().entries.len();
            shared.store(Arc::new(engine));
            ReloadOutcome::Reloaded {
                entries,
                warnings: diagnostics,
            }
        }
        None => ReloadOutcome::Kept {
            errors: diagnostics,
        },
    }
}

/// Watches the knowledge folder and reloads after each burst of changes, as long as it lives.
pub struct KnowledgeWatcher {
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl KnowledgeWatcher {
    /// Starts watching `dir`; `on_reload` hears every outcome (to log it, to tell the admins).
    pub fn start(
        dir: PathBuf,
        shared: SharedEngine,
        mut on_reload: impl FnMut(ReloadOutcome) + Send + 'static,
    ) -> notify_debouncer_mini::notify::Result<KnowledgeWatcher> {
        let watched = dir.clone();
        let mut debouncer = new_debouncer(DEBOUNCE, move |events: DebounceEventResult| {
            let relevant = match &events {
                Ok(events) => events.iter().any(|event| is_knowledge_file(&event.path)),
                // The watcher lost track of something: reload to be safe.
                Err(_) => true,
            };
            if relevant {
                on_reload(reload(&shared, &watched));
            }
        })?;
        debouncer
            .watcher()
            .watch(&dir, RecursiveMode::NonRecursive)?;
        Ok(KnowledgeWatcher {
            _debouncer: debouncer,
        })
    }
}

/// Whether a change to `path` can change the base (editors' swap and backup files cannot).
fn is_knowledge_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".toml") && !name.starts_with('.') && !name.starts_with('_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid");
    /// Generous: the machines running the tests are shared and may be slow.
    const WAIT: Duration = Duration::from_secs(60);

    fn copy_fixture() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for file in std::fs::read_dir(FIXTURE).unwrap() {
            let file = file.unwrap();
            std::fs::copy(file.path(), dir.path().join(file.file_name())).unwrap();
        }
        dir
    }

    fn answer(shared: &ArcSwap<Engine>, question: &str) -> String {
        shared.load().ask(question, None).text
    }

    #[test]
    fn a_broken_edit_keeps_the_last_good_base_and_a_fix_is_picked_up() {
        let dir = copy_fixture();
        let (engine, _) = load_engine(dir.path());
        let shared: SharedEngine = Arc::new(ArcSwap::from_pointee(engine.unwrap()));
        let (sender, outcomes) = mpsc::channel();
        let _watcher =
            KnowledgeWatcher::start(dir.path().to_path_buf(), shared.clone(), move |outcome| {
                let _ = sender.send(outcome);
            })
            .unwrap();

        let question = "What land is available at ParcNord?";
        let before = answer(&shared, question);
        let sites = dir.path().join("sites.toml");
        let original = std::fs::read_to_string(&sites).unwrap();
        let held = shared.load_full();

        // A broken file: the outcome says so and the bot still answers as before.
        std::fs::write(&sites, original.replace("answer.en", "awnser.en")).unwrap();
        let outcome = wait_for(&outcomes, |o| matches!(o, ReloadOutcome::Kept { .. }));
        assert!(
            outcome.summary().contains("NOT reloaded"),
            "{}",
            outcome.summary()
        );
        assert!(
            outcome.summary().contains("sites.toml"),
            "{}",
            outcome.summary()
        );
        assert_eq!(answer(&shared, question), before);

        // A good edit goes live; a question already holding the old base keeps it.
        let first_answer_line = before.lines().next().unwrap().to_string();
        let edited = original.replacen(
            &first_answer_line,
            "ParcNord has been renamed for this test.",
            1,
        );
        assert_ne!(edited, original, "the fixture's answer was not found");
        std::fs::write(&sites, edited).unwrap();
        wait_for(&outcomes, |o| matches!(o, ReloadOutcome::Reloaded { .. }));
        assert!(answer(&shared, question).starts_with("ParcNord has been renamed for this test."));
        assert_eq!(held.ask(question, None).text, before);
    }

    #[test]
    fn reload_on_demand_reports_errors_without_swapping() {
        let dir = copy_fixture();
        let (engine, _) = load_engine(dir.path());
        let shared = ArcSwap::from_pointee(engine.unwrap());
        let before = shared.load_full();
        std::fs::write(dir.path().join("broken.toml"), "[topic\n").unwrap();
        let outcome = reload(&shared, dir.path());
        assert!(
            matches!(&outcome, ReloadOutcome::Kept { errors } if errors.iter().any(|e| e.file.ends_with("broken.toml")))
        );
        assert!(Arc::ptr_eq(&before, &shared.load_full()));
        std::fs::remove_file(dir.path().join("broken.toml")).unwrap();
        assert!(matches!(
            reload(&shared, dir.path()),
            ReloadOutcome::Reloaded { entries: 6, .. }
        ));
        assert!(!Arc::ptr_eq(&before, &shared.load_full()));
    }

    /// Waits for the first outcome that `wanted` accepts, skipping the others (a save can
    /// produce several bursts of events).
    fn wait_for(
        outcomes: &mpsc::Receiver<ReloadOutcome>,
        wanted: impl Fn(&ReloadOutcome) -> bool,
    ) -> ReloadOutcome {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match outcomes.recv_timeout(left) {
                Ok(outcome) if wanted(&outcome) => return outcome,
                Ok(_) => continue,
                Err(err) => panic!("no expected reload outcome within {WAIT:?}: {err}"),
            }
        }
    }
}
