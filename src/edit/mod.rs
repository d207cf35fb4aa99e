//! Format-preserving, checked, atomic and locked changes to registry files.
//!
//! A command computes a [`Plan`]: the new text of each file it changes. [`apply()`] then checks
//! the registry as it would be after the change against the rules, refuses a change that adds
//! an error, prints a diff for `--dry-run`, or writes every file atomically under the
//! registry's lock. Nothing here knows what a member or a chair is: that is the commands'.

pub mod apply;
pub mod check;
pub mod doc;
pub mod plan;
pub mod write;

pub use apply::{Applied, ApplyError, Base, Mode, Status, Step, apply};
pub use doc::{MdDoc, TomlDoc};
pub use plan::{Change, Plan};
