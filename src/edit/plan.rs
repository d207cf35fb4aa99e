//! What an edit will do: the new text of each file, and the unified diff of it.

use crate::i18n::Text;
use crate::registry::{Date, Overlay};

/// One file's change: its text before (`None` for a new file) and after.
#[derive(Clone, Debug)]
pub struct Change {
    /// Relative to the registry root, with `/` separators.
    pub rel: String,
    pub old: Option<String>,
    pub new: String,
}

/// What one file's change is about, for the heading of a `--dry-run` diff: the group (of a file
/// under `groups/<id>/`), the people (a file `people/<id>.toml`, or the `person` of each changed
/// `[[member]]`-like table) and the fields (the keys of the changed lines; a table added or
/// removed whole is named by its heading, e.g. `[[member]]`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subject {
    pub rel: String,
    pub group: Option<String>,
    pub people: Vec<String>,
    pub fields: Vec<String>,
    /// A file the change creates (its fields are all of it, so none are listed).
    pub new_file: bool,
}

/// The key of a TOML line `key = value`, if it is one.
fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then_some(key)
}

/// A table heading (`[x]`, `[[x]]`), trimmed.
fn heading(line: &str) -> Option<&str> {
    let line = line.trim();
    (line.starts_with('[') && line.ends_with(']')).then_some(line)
}

/// The `person` of the table around line `i` of `lines` (between its heading and the next).
fn person_around(lines: &[&str], i: usize) -> Option<String> {
    let start = (0..=i).rev().find(|&j| heading(lines[j]).is_some())?;
    let end = (i + 1..lines.len())
        .find(|&j| heading(lines[j]).is_some())
        .unwrap_or(lines.len());
    lines[start..end].iter().find_map(|l| {
        (key_of(l) == Some("person")).then(|| {
            let v = l.split_once('=').map_or("", |(_, v)| v);
            v.split('#')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"')
                .to_string()
        })
    })
}

impl Change {
    /// What this change is about (see [`Subject`]).
    pub fn subject(&self) -> Subject {
        let mut parts = self.rel.split('/');
        let (group, own) = match (parts.next(), parts.next()) {
            (Some("groups"), Some(g)) => (Some(g.to_string()), None),
            (Some("people"), Some(f)) => (None, f.strip_suffix(".toml").map(str::to_string)),
            _ => (None, None),
        };
        let old_text = self.old.as_deref().unwrap_or("");
        let old: Vec<&str> = old_text.lines().collect();
        let new: Vec<&str> = self.new.lines().collect();
        let mut people: Vec<String> = own.into_iter().collect();
        let mut fields: Vec<String> = Vec::new();
        let diff = similar::TextDiff::from_lines(old_text, self.new.as_str());
        for op in diff.ops() {
            if op.tag() == similar::DiffTag::Equal {
                continue;
            }
            for (lines, range) in [(&old, op.old_range()), (&new, op.new_range())] {
                for i in range.clone() {
                    let Some(line) = lines.get(i) else { continue };
                    if let Some(h) = heading(line) {
                        fields.push(h.to_string());
                    } else if let Some(k) = key_of(line) {
                        // A table added or removed whole: its heading stands for its keys.
                        let table = (0..i).rev().find(|&j| heading(lines[j]).is_some());
                        if !table.is_some_and(|t| range.contains(&t)) {
                            fields.push(k.to_string());
                        }
                    }
                    // A blank line or a comment changes no one's seat.
                    if heading(line).is_some() || key_of(line).is_some() {
                        people.extend(person_around(lines, i));
                    }
                }
            }
        }
        people.sort();
        people.dedup();
        people.retain(|p| !p.is_empty());
        let mut seen = std::collections::BTreeSet::new();
        fields.retain(|f| seen.insert(f.clone()));
        if self.old.is_none() {
            fields.clear();
        }
        Subject {
            rel: self.rel.clone(),
            group,
            people,
            fields,
            new_file: self.old.is_none(),
        }
    }
}

/// Every file an edit changes, and the one line that says what it did.
#[derive(Clone, Debug)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub summary: Text,
    /// The day whose consequences the pre-write check must see, when later than `--at`: the
    /// day after a seat ends, the first day of an appointment or chair term.
    pub effective: Option<Date>,
    /// What to show once the change is written (the text of an announcement).
    pub note: Option<String>,
    /// What to add when the change is refused (how to give what the refusal asks for).
    pub help: Option<Text>,
}

impl Plan {
    pub fn new(summary: Text) -> Plan {
        Plan {
            changes: Vec::new(),
            summary,
            effective: None,
            note: None,
            help: None,
        }
    }

    pub fn change(mut self, rel: impl Into<String>, old: Option<String>, new: String) -> Plan {
        self.changes.push(Change {
            rel: rel.into(),
            old,
            new,
        });
        self
    }

    pub fn effective_from(mut self, day: Date) -> Plan {
        self.effective = Some(day);
        self
    }

    pub fn note(mut self, note: String) -> Plan {
        self.note = Some(note);
        self
    }

    pub fn help(mut self, help: Option<Text>) -> Plan {
        self.help = help;
        self
    }

    /// The files as they would be, for the loader.
    pub fn overlay(&self) -> Overlay {
        self.changes
            .iter()
            .map(|c| (c.rel.clone(), c.new.clone()))
            .collect()
    }

    /// What each changed file's change is about, in the plan's order (unchanged files left out).
    pub fn subjects(&self) -> Vec<Subject> {
        self.changes
            .iter()
            .filter(|c| c.old.as_deref() != Some(c.new.as_str()))
            .map(Change::subject)
            .collect()
    }

    /// The change as a unified diff (`a/` and `b/` paths as git writes them).
    pub fn diff(&self) -> String {
        let mut out = String::new();
        for c in &self.changes {
            let old = c.old.as_deref().unwrap_or("");
            let diff = similar::TextDiff::from_lines(old, c.new.as_str());
            let from = if c.old.is_some() {
                format!("a/{}", c.rel)
            } else {
                "/dev/null".to_string()
            };
            let text = diff
                .unified_diff()
                .context_radius(3)
                .header(&from, &format!("b/{}", c.rel))
                .to_string();
            out.push_str(&text);
            if !text.is_empty() && !text.ends_with('\n') {
                out.push('\n');
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEMBERS: &str = "[[member]]\nperson = \"ola\"\nrole = \"regional\"\n\n[[member]]\nperson = \"kari\"   # the chair\nrole = \"user\"\n";

    #[test]
    fn a_changed_key_names_its_group_person_and_field() {
        let new = MEMBERS.replace("role = \"user\"", "role = \"user\"\nended = 2026-02-28");
        let c = Change {
            rel: "groups/nkt-demo/members.toml".into(),
            old: Some(MEMBERS.into()),
            new,
        };
        assert_eq!(
            c.subject(),
            Subject {
                rel: "groups/nkt-demo/members.toml".into(),
                group: Some("nkt-demo".into()),
                people: vec!["kari".into()],
                fields: vec!["ended".into()],
                new_file: false,
            }
        );
    }

    #[test]
    fn a_table_added_whole_is_named_by_its_heading_and_a_replaced_value_by_its_key() {
        let new = format!(
            "{}\n[[member]]\nperson = \"eva\"\nrole = \"service\"\n",
            MEMBERS
        )
        .replace("role = \"regional\"", "role = \"other\"");
        let c = Change {
            rel: "groups/g/members.toml".into(),
            old: Some(MEMBERS.into()),
            new,
        };
        let s = c.subject();
        assert_eq!(s.people, vec!["eva".to_string(), "ola".to_string()]);
        assert_eq!(s.fields, vec!["role".to_string(), "[[member]]".to_string()]);
    }

    #[test]
    fn a_new_person_file_names_the_person() {
        let c = Change {
            rel: "people/eva-strand.toml".into(),
            old: None,
            new: "name = \"Eva Strand\"\n".into(),
        };
        let s = c.subject();
        assert_eq!(s.group, None);
        assert_eq!(s.people, vec!["eva-strand".to_string()]);
        assert!(s.new_file);
        assert!(s.fields.is_empty(), "a new file's fields are all of it");
        let plan =
            Plan::new(crate::t!("x", "x")).change("people/a.toml", Some("x".into()), "x".into());
        assert!(
            plan.subjects().is_empty(),
            "an unchanged file is about nothing"
        );
    }
}
