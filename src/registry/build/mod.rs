//! One builder per file kind: each reads its file's root table (checked against the field table
//! in [`super::schema`]) into the model's type, reporting what is missing or does not belong.

mod config;
mod group;
pub mod guards;
pub mod keywords;
mod meeting;
mod members;
mod organisations;
mod person;
mod section;
