//! Grid search over the matcher's weights and the band thresholds, on labelled eval files.
//!
//! `cargo run --release --example tune -- knowledge tests/eval/tuning*.tsv`
//! Prints the best settings found. Run it on the tuning files only: the held-out files are for
//! reporting, and tuning on them would make their figures meaningless.

use territory_bot::matcher::Tuning;
use territory_bot::{Engine, eval, knowledge};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, files) = args
        .split_first()
        .expect("usage: tune KNOWLEDGE_DIR EVAL_FILE...");
    let (base, diagnostics) = knowledge::load_dir(std::path::Path::new(dir));
    let base = base.unwrap_or_else(|| panic!("knowledge has errors: {diagnostics:#?}"));
    let mut cases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("eval file");
        cases.extend(eval::parse_cases(&text).expect("eval format"));
    }
    let mut results = Vec::new();
    let mut grid = Vec::new();
    for answer_only in [0.3, 0.5, 0.8] {
        for keyword in [0.2, 0.3] {
            for unknown in [0.6, 0.8] {
                for foreign in [1.0, 2.0] {
                    grid.push(Tuning {
                        answer_only_weight: answer_only,
                        keyword_bonus: keyword,
                        unknown_word_weight: unknown,
                        foreign_name_weight: foreign,
                        ..Tuning::default()
                    });
                }
            }
        }
    }
    for tuning in grid {
        for confident in [0.55, 0.6, 0.65] {
            for margin in [0.02, 0.03] {
                let mut base = base.clone();
                base.settings.matching.confident = confident;
                base.settings.matching.margin = margin;
                let engine = Engine::with_tuning(base, tuning);
                let report = eval::run(&engine, &cases, eval::Reading::Alone);
                let objective = report.accuracy().min(0.98) + report.rejection().min(0.95);
                results.push((
                    objective,
                    report.accuracy(),
                    report.rejection(),
                    tuning,
                    confident,
                    margin,
                ));
            }
        }
    }
    results.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)));
    for (objective, accuracy, rejection, tuning, confident, margin) in results.iter().take(15) {
        println!(
            "{objective:.3} acc {accuracy:.3} rej {rejection:.3} confident {confident} margin {margin} {tuning:?}"
        );
    }
}
