//! Moving what a worker loaded into the registry's numbering of files.
//!
//! A worker thread ([`super::parallel`]) loads groups with file ids of its own, counted from 0.
//! When its part is taken into the registry, after the files read before it, every file id in
//! it (each span, each `file` field) is moved up by the number of files already there, so that
//! the registry is the same, id for id, as one loaded on one thread.
//!
//! Each struct is taken apart field by field without `..`, so that a field added to the model
//! does not compile until it says whether it holds a file id.

use std::collections::BTreeMap;

use super::model::*;
use crate::diagnostic::{Diagnostic, Place};
use crate::source::{FileId, Sp, Span};

/// Holds file ids (in spans or as a file field) that move when files are numbered anew.
pub(super) trait Shift {
    /// Adds `by` to every file id.
    fn shift(&mut self, by: usize);
}

fn file(id: &mut FileId, by: usize) {
    *id += by;
}

impl Shift for Span {
    fn shift(&mut self, by: usize) {
        *self = self.in_file(self.file() + by);
    }
}

impl<T: Shift> Shift for Sp<T> {
    fn shift(&mut self, by: usize) {
        self.span.shift(by);
        self.value.shift(by);
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: usize) {
        if let Some(value) = self {
            value.shift(by);
        }
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: usize) {
        for value in self {
            value.shift(by);
        }
    }
}

impl<K, V: Shift> Shift for BTreeMap<K, V> {
    fn shift(&mut self, by: usize) {
        for value in self.values_mut() {
            value.shift(by);
        }
    }
}

/// Values that hold no file id.
macro_rules! no_file_ids {
    ($($t:ty),* $(,)?) => {
        $(impl Shift for $t {
            fn shift(&mut self, _by: usize) {}
        })*
    };
}

no_file_ids!(
    String,
    i64,
    Date,
    chrono::NaiveTime,
    Role,
    Level,
    Profile,
    Gender,
    MeetingStatus,
    Mode,
    InputStatus,
);

impl Shift for Group {
    fn shift(&mut self, by: usize) {
        let Group {
            id: _,
            file: group_file,
            name,
            short_name,
            profile,
            service,
            host,
            responsible,
            owner,
            process,
            reports_to,
            constituencies,
            established,
            dissolved,
            chairs,
            milestones,
            rules,
            waivers,
            first_key,
            members_file,
            members,
            meetings,
            reports,
        } = self;
        if let Some(id) = group_file {
            file(id, by);
        }
        if let Some(id) = members_file {
            file(id, by);
        }
        name.shift(by);
        short_name.shift(by);
        profile.shift(by);
        service.shift(by);
        host.shift(by);
        responsible.shift(by);
        owner.shift(by);
        process.shift(by);
        reports_to.shift(by);
        constituencies.shift(by);
        established.shift(by);
        dissolved.shift(by);
        chairs.shift(by);
        milestones.shift(by);
        rules.shift(by);
        waivers.shift(by);
        first_key.shift(by);
        members.shift(by);
        meetings.shift(by);
        reports.shift(by);
    }
}

impl Shift for Chair {
    fn shift(&mut self, by: usize) {
        let Chair {
            span,
            person,
            designated_by,
            from,
            to,
        } = self;
        span.shift(by);
        person.shift(by);
        designated_by.shift(by);
        from.shift(by);
        to.shift(by);
    }
}

impl Shift for Milestone {
    fn shift(&mut self, by: usize) {
        let Milestone {
            span,
            id,
            name,
            date,
        } = self;
        span.shift(by);
        id.shift(by);
        name.shift(by);
        date.shift(by);
    }
}

impl Shift for Waiver {
    fn shift(&mut self, by: usize) {
        let Waiver {
            span,
            rule,
            reason,
            until,
        } = self;
        span.shift(by);
        rule.shift(by);
        reason.shift(by);
        until.shift(by);
    }
}

impl Shift for Member {
    fn shift(&mut self, by: usize) {
        let Member {
            span,
            person,
            role,
            region,
            organisation,
            constituency,
            proposed,
            consented,
            leader_cleared,
            appointed,
            appointed_by,
            letter,
            notified,
            term_end,
            ended,
            end_reason,
        } = self;
        span.shift(by);
        person.shift(by);
        role.shift(by);
        region.shift(by);
        organisation.shift(by);
        constituency.shift(by);
        proposed.shift(by);
        consented.shift(by);
        leader_cleared.shift(by);
        appointed.shift(by);
        appointed_by.shift(by);
        letter.shift(by);
        notified.shift(by);
        term_end.shift(by);
        ended.shift(by);
        end_reason.shift(by);
    }
}

impl Shift for Meeting {
    fn shift(&mut self, by: usize) {
        let Meeting {
            file: meeting_file,
            stem: _,
            name_date: _,
            has_front_matter: _,
            date,
            status,
            mode,
            location,
            start,
            end,
            link,
            milestone,
            attendees,
            absent,
            in_person,
            inputs,
            body,
            minutes_blank: _,
        } = self;
        file(meeting_file, by);
        date.shift(by);
        status.shift(by);
        mode.shift(by);
        location.shift(by);
        start.shift(by);
        end.shift(by);
        link.shift(by);
        milestone.shift(by);
        attendees.shift(by);
        absent.shift(by);
        in_person.shift(by);
        inputs.shift(by);
        body.shift(by);
    }
}

impl Shift for Input {
    fn shift(&mut self, by: usize) {
        let Input {
            span,
            id,
            by: person,
            summary,
            status,
            to,
            response,
        } = self;
        span.shift(by);
        id.shift(by);
        person.shift(by);
        summary.shift(by);
        status.shift(by);
        to.shift(by);
        response.shift(by);
    }
}

impl Shift for ReportSection {
    fn shift(&mut self, by: usize) {
        let ReportSection {
            file: section_file,
            folder: _,
            folder_year: _,
            kind: _,
            year,
            region,
            author,
            submitted,
            body,
            blank: _,
        } = self;
        file(section_file, by);
        year.shift(by);
        region.shift(by);
        author.shift(by);
        submitted.shift(by);
        body.shift(by);
    }
}

impl Shift for Person {
    fn shift(&mut self, by: usize) {
        let Person {
            id: _,
            file: person_file,
            name,
            employer,
            email,
            phone,
            gender,
        } = self;
        file(person_file, by);
        name.shift(by);
        employer.shift(by);
        email.shift(by);
        phone.shift(by);
        gender.shift(by);
    }
}

impl Shift for Diagnostic {
    fn shift(&mut self, by: usize) {
        if let Place::Span(span) = &mut self.place {
            span.shift(by);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{Scope, load};

    /// Every file id of registry-example's groups and people moves by 1,000, and nothing else:
    /// each `file: N` and `file: Some(N)` of their debug text (spans and file fields) is then
    /// `N + 1000`.
    #[test]
    fn every_file_id_moves() {
        let loaded = load(std::path::Path::new("registry-example"), &Scope::All).unwrap();
        let mut groups = loaded.registry.groups;
        let mut people = loaded.registry.people;
        let mut diags = loaded.diagnostics;
        let before = format!("{groups:?}{people:?}{diags:?}");
        groups.shift(1000);
        people.shift(1000);
        diags.shift(1000);
        let after = format!("{groups:?}{people:?}{diags:?}");
        assert_ne!(before, after);
        assert_eq!(after, moved_by_1000(&before));
    }

    /// `file: N` and `file: Some(N)` → `N + 1000` in a debug text.
    fn moved_by_1000(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find("file: ") {
            let (head, tail) = rest.split_at(at + "file: ".len());
            out.push_str(head);
            let tail = match tail.strip_prefix("Some(") {
                Some(inner) => {
                    out.push_str("Some(");
                    inner
                }
                None => tail,
            };
            let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 {
                let n: usize = tail[..digits].parse().unwrap();
                out.push_str(&(n + 1000).to_string());
            }
            rest = &tail[digits..];
        }
        out.push_str(rest);
        out
    }
}
