//! Every rule of rules.md on small registries built in the test (see `builder`), each with a case
//! that passes and a case that fails; broken copies of registry-example; both languages.

mod builder;

use builder::*;

#[test]
fn the_base_registry_is_clean() {
    Reg::new().assert_clean(D);
}

mod advisory;
mod common;
mod example;
mod held_back;
mod language;
mod levels;
mod municipal;
mod national;
mod no_panic;
