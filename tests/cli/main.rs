//! The command line as terminal sessions (trycmd): one binary, a module per area. Cases live in
//! tests/cmd/<area>/; `TRYCMD=overwrite cargo test --test cli` rewrites them (scripts/bless.sh).

mod ci;
mod color;
mod coordinator;
mod edit;
mod import;
mod nb;
mod report;
mod validate;
