//! groups/<id>/members.toml: the seats and their life-cycle dates.

use super::keywords::*;
use crate::i18n::{StaticText, Text};
use crate::registry::files::Loader;
use crate::registry::model::*;
use crate::registry::parse::{parse, root_table};
use crate::registry::read::{self, Record};
use crate::registry::schema;
use crate::source::FileId;
use crate::source::Span;

/// The field each role requires of a seat, and why.
const ROLE_REQUIRES: &[(Role, &str, StaticText)] = &[
    (
        Role::Regional,
        "region",
        StaticText {
            en: "a regional member represents a region",
            nb: "et regionalt medlem representerer en region",
        },
    ),
    (
        Role::User,
        "organisation",
        StaticText {
            en: "a user member represents a user organisation",
            nb: "et brukermedlem representerer en brukerorganisasjon",
        },
    ),
    (
        Role::Constituency,
        "constituency",
        StaticText {
            en: "a constituency member represents one of the group's constituencies",
            nb: "et medlem for en gruppe representerer en av gruppens grupper",
        },
    ),
];

impl Loader {
    pub(in crate::registry) fn members(&mut self, file: FileId) -> Vec<Member> {
        root_table!(
            self,
            root,
            file,
            self.files[file].content_range(),
            "members.toml",
            schema::MEMBERS_FILE
        );
        let mut out = Vec::new();
        for m in root.tables("member") {
            let role = m.enumerated("role", keyword);
            let role_value = role.as_ref().map(|r| r.value);
            for (_, key, why) in ROLE_REQUIRES
                .iter()
                .filter(|(r, ..)| Some(*r) == role_value)
            {
                m.require(key, Text::from(*why), &mut self.diags);
            }
            out.push(Member {
                span: m.span,
                person: m.str("person"),
                role,
                region: m.str("region"),
                organisation: m.str("organisation"),
                constituency: m.str("constituency"),
                proposed: m.date("proposed"),
                consented: m.date("consented"),
                leader_cleared: m.date("leader-cleared"),
                appointed: m.date("appointed"),
                appointed_by: m.str("appointed-by"),
                letter: m.str("letter"),
                notified: m.date("notified"),
                term_end: m.date("term-end"),
                ended: m.date("ended"),
                end_reason: m.str("end-reason"),
            });
        }
        out
    }
}
