//! The property tests of the loader and of the edit commands, in one binary of their own: they
//! run longest (PROPTEST_CASES sets how many cases).

#[path = "../integration/support/mod.rs"]
mod support;

mod edit;
mod loader;
