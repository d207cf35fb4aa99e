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
