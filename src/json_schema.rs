//! JSON Schemas of every file kind, generated from the field tables of
//! [`crate::registry::schema`] (the tables the loader checks files against), so that an editor
//! and `mandat validate` can never disagree about which fields exist, their types and their
//! allowed values. Not a loader: nothing here reads a registry.
//!
//! The schemas are JSON Schema draft-07, the newest draft Taplo (the TOML language server behind
//! «Even Better TOML») understands. Taplo validates a TOML date as a string, so a date field is
//! `"type": "string", "format": "date"`. What a field table does not say (a field required only
//! in one profile, ids that must exist) stays with `mandat validate`.

use serde_json::{Map, Value, json};

use crate::registry::schema::{self, Field, LEVELS, Ty};

/// One kind of file, and the files of a registry that are of that kind.
#[derive(Clone, Copy, Debug)]
pub struct Kind {
    /// The schema's name: `<name>.schema.json`.
    pub name: &'static str,
    /// Where such files live, as a glob relative to the registry root.
    pub files: &'static str,
    /// Whether the file is TOML itself (an editor can check it) or the front matter of a `.md`.
    pub front_matter: bool,
    pub description: &'static str,
    pub fields: &'static [Field],
}

/// Every file kind of the format, in the order of docs/format.md.
pub const KINDS: [Kind; 8] = [
    Kind {
        name: "registry",
        files: "registry.toml",
        front_matter: false,
        description: "registry.toml: the registry's settings and rule levels; marks the registry root.",
        fields: schema::REGISTRY_FILE,
    },
    Kind {
        name: "organisations",
        files: "organisations.toml",
        front_matter: false,
        description: "organisations.toml: the regional health authorities (RHF) and the organisations.",
        fields: schema::ORGANISATIONS_FILE,
    },
    Kind {
        name: "person",
        files: "people/*.toml",
        front_matter: false,
        description: "people/<person-id>.toml: one person.",
        fields: schema::PERSON_FILE,
    },
    Kind {
        name: "group",
        files: "groups/*/group.toml",
        front_matter: false,
        description: "groups/<group-id>/group.toml: one reference group (referansegruppe).",
        fields: schema::GROUP_FILE,
    },
    Kind {
        name: "members",
        files: "groups/*/members.toml",
        front_matter: false,
        description: "groups/<group-id>/members.toml: the group's seats: proposals, appointments, ends.",
        fields: schema::MEMBERS_FILE,
    },
    Kind {
        name: "meeting",
        files: "groups/*/meetings/*.md",
        front_matter: true,
        description: "The TOML front matter of groups/<group-id>/meetings/<YYYY-MM-DD>[-<slug>].md (minutes).",
        fields: schema::MEETING_FRONT,
    },
    Kind {
        name: "section",
        files: "groups/*/reports/*/<region-id>.md",
        front_matter: true,
        description: "The TOML front matter of groups/<group-id>/reports/<YYYY>/<region-id>.md: a regional representative's section of the annual report.",
        fields: schema::SECTION_FRONT,
    },
    Kind {
        name: "feedback",
        files: "groups/*/reports/*/feedback.md",
        front_matter: true,
        description: "The TOML front matter of groups/<group-id>/reports/<YYYY>/feedback.md: the group's feedback on the service.",
        fields: schema::FEEDBACK_FRONT,
    },
];

/// The kind named `name`.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// The file name of a kind's schema.
pub fn file_name(kind: &Kind) -> String {
    format!("{}.schema.json", kind.name)
}

/// The schema of one kind of file.
pub fn generate(kind: &Kind) -> Value {
    let mut root = object(kind.fields);
    let map = root.as_object_mut().expect("an object schema");
    map.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    map.insert("title".into(), json!(format!("mandat: {}", kind.files)));
    map.insert("description".into(), json!(kind.description));
    root
}

/// A schema as text: pretty-printed, ending with a newline.
pub fn to_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// An object that holds exactly `fields`.
fn object(fields: &[Field]) -> Value {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|f| (f.name.to_string(), field(f)))
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    let mut schema = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
        // Taplo inserts these keys when it completes a new table.
        schema["x-taplo"] = json!({ "initKeys": required });
    }
    schema
}

fn field(f: &Field) -> Value {
    let mut schema = ty(f.ty);
    let doc = match f.ty {
        Ty::Date => format!("{} A date without quotes, e.g. 2025-03-14.", f.doc),
        Ty::Time => format!("{} A time without quotes, e.g. 10:00:00.", f.doc),
        _ => f.doc.to_string(),
    };
    schema["description"] = json!(doc);
    schema
}

fn ty(ty: Ty) -> Value {
    match ty {
        Ty::Str => json!({ "type": "string" }),
        Ty::OrgNumber => json!({ "type": "string", "pattern": "^[0-9]{9}$" }),
        Ty::Date => json!({ "type": "string", "format": "date" }),
        Ty::Time => json!({ "type": "string", "format": "partial-time" }),
        Ty::Count => json!({ "type": "integer", "minimum": 0 }),
        Ty::Year => json!({ "type": "integer", "minimum": 1900, "maximum": 9999 }),
        Ty::MonthDay => json!({
            "type": "string",
            "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        }),
        Ty::StrList => json!({ "type": "array", "items": { "type": "string" } }),
        Ty::Enum(values) => json!({ "type": "string", "enum": values }),
        Ty::Table(fields) => object(fields),
        Ty::Tables(fields) => json!({ "type": "array", "items": object(fields) }),
        Ty::Rules => rules(),
    }
}

/// `[rules]`: every rule id, each with the levels it may be set to.
fn rules() -> Value {
    let properties: Map<String, Value> = crate::rules::catalog()
        .into_iter()
        .map(|r| {
            let schema = json!({
                "type": "string",
                "enum": LEVELS,
                "description": r.summary.en,
            });
            (r.id.as_str().to_string(), schema)
        })
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_a_table_is_a_property_and_required_ones_are_required() {
        let s = generate(kind("person").unwrap());
        assert_eq!(s["required"], json!(["name"]));
        assert_eq!(s["additionalProperties"], json!(false));
        assert_eq!(
            s["properties"]["gender"]["enum"],
            json!(["female", "male", "other"])
        );
        let g = generate(kind("group").unwrap());
        let chair = &g["properties"]["chair"]["items"];
        assert_eq!(
            chair["required"],
            json!(["person", "designated-by", "from"])
        );
        assert_eq!(chair["properties"]["from"]["format"], json!("date"));
        assert_eq!(
            g["properties"]["rules"]["properties"]["gender-balance"]["enum"],
            json!(LEVELS)
        );
    }
}
