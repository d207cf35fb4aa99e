//! What a form on the group page is and how a write through it ended: the vocabulary that the
//! pages (which show forms and their errors) and the writes (which run them) share.

use std::collections::BTreeMap;

use axum::http::StatusCode;

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// The writes on a group, in the order the group page shows their forms.
pub const GROUP_ACTIONS: &[&str] = &[
    "end", "propose", "consent", "appoint", "notify", "chair", "meeting", "kickoff",
];

/// What the user typed, by field name.
pub type Fields = BTreeMap<String, String>;

/// Why a write did not happen.
pub enum Failure {
    /// Bad input: 400.
    Bad(String),
    /// The lock was held too long: 409.
    Busy(String),
    /// The change would break the mandate: 422, with the new errors.
    Refused {
        message: String,
        errors: Vec<Diagnostic>,
        files: Vec<SourceFile>,
    },
}

impl Failure {
    pub fn status(&self) -> StatusCode {
        match self {
            Failure::Bad(_) => StatusCode::BAD_REQUEST,
            Failure::Busy(_) => StatusCode::CONFLICT,
            Failure::Refused { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Failure::Bad(m) | Failure::Busy(m) | Failure::Refused { message: m, .. } => m,
        }
    }
}

/// A form that was refused, to show again with its errors and what was typed.
pub struct Rejected {
    pub action: String,
    pub fields: Fields,
    pub failure: Failure,
}

/// A successful write.
pub struct Done {
    pub changed: Vec<String>,
    pub message: String,
}
