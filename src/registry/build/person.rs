//! people/<id>.toml: one person.

use super::keywords::*;
use crate::registry::files::Loader;
use crate::registry::model::*;
use crate::registry::parse::{parse, root_table};
use crate::registry::read::{self, Record};
use crate::registry::schema;
use crate::source::SourceFile;
use crate::source::Span;
use std::fs;

impl Loader {
    pub(in crate::registry) fn load_person(&mut self, id: &str) -> Option<Person> {
        let rel = ["people/", id, ".toml"].concat();
        let Some(file) = self.read(&rel) else {
            return self.unreadable_person(id, &rel);
        };
        root_table!(
            self,
            root,
            file,
            self.files[file].content_range(),
            "person",
            schema::PERSON_FILE
        );
        Some(Person {
            id: id.to_string(),
            file,
            name: root.str("name"),
            employer: root.str("employer"),
            email: root.str("email"),
            phone: root.str("phone"),
            gender: root.enumerated("gender", keyword),
        })
    }

    /// A person whose file exists but could not be read (not UTF-8, too large) still exists:
    /// the file was reported, and references to the person are not reported again as unknown.
    /// A link that leaves the registry or dangles does not make a person.
    pub(in crate::registry) fn unreadable_person(&mut self, id: &str, rel: &str) -> Option<Person> {
        if self.is_blocked(rel) {
            return None;
        }
        let meta = fs::symlink_metadata(self.root.join(rel)).ok()?;
        if meta.file_type().is_symlink() {
            return None;
        }
        let file = match self.files.iter().position(|f| f.rel == rel) {
            Some(f) => f,
            None => {
                self.files
                    .push(SourceFile::new(rel.to_string(), String::new()));
                self.files.len() - 1
            }
        };
        Some(Person {
            id: id.to_string(),
            file,
            name: None,
            employer: None,
            email: None,
            phone: None,
            gender: None,
        })
    }
}
