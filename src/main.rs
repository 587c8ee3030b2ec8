//! The `territory-bot` command: parses the command line and hands over to [`territory_bot::cli`].

use clap::Parser;

fn main() -> std::process::ExitCode {
    territory_bot::cli::run(territory_bot::cli::Cli::parse())
}
