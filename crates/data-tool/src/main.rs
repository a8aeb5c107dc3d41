//! `kekiz-data`: the command-line tool for data editors (validate, build, stats, export-hsds).
//!
//! `main` only hands the arguments to [`cli::run`] and exits with its code.

mod build;
mod cli;
mod diagnostic;
mod hsds;
mod source;
mod stats;
mod validate;

fn main() -> std::process::ExitCode {
    cli::run(std::env::args_os().skip(1).collect())
}
