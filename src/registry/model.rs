//! The typed registry: what the loader builds from the files and the rules read.
//!
//! Values keep their spans ([`Sp`]). A required value that was missing or malformed is `None`
//! here: the loader has already reported it, and rules skip what they cannot judge.

use chrono::NaiveDate;
use std::collections::BTreeMap;

use crate::source::{FileId, SourceFile, Sp, Span};

pub type Date = NaiveDate;

pub use crate::rule_id::{Level, Profile};

pub use crate::keywords::{Gender, InputStatus, MeetingStatus, Mode, OrgKind, Role};

/// `registry.toml`.
#[derive(Debug)]
pub struct Config {
    pub file: Option<FileId>,
    pub name: Option<Sp<String>>,
    pub language: Option<Sp<String>>,
    /// Month and day in the following year when a year's report is due.
    pub report_due: (u32, u32),
    pub vacancy_grace_days: i64,
    pub input_followup_days: i64,
    pub history_from: Option<Date>,
    pub rules: BTreeMap<String, Sp<Level>>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            file: None,
            name: None,
            language: None,
            report_due: (2, 10),
            vacancy_grace_days: 90,
            input_followup_days: 30,
            history_from: None,
            rules: BTreeMap::new(),
        }
    }
}

#[derive(Debug)]
pub struct Region {
    pub id: Sp<String>,
    pub name: Option<Sp<String>>,
    pub org_number: Option<Sp<String>>,
}

#[derive(Debug)]
pub struct Organisation {
    pub id: Sp<String>,
    pub name: Option<Sp<String>>,
    pub kind: Option<Sp<OrgKind>>,
    pub region: Option<Sp<String>>,
    pub org_number: Option<Sp<String>>,
}

#[derive(Debug)]
pub struct Person {
    /// The file stem, which is the person's id.
    pub id: String,
    pub file: FileId,
    pub name: Option<Sp<String>>,
    pub employer: Option<Sp<String>>,
    pub email: Option<Sp<String>>,
    pub phone: Option<Sp<String>>,
    pub gender: Option<Sp<Gender>>,
}

#[derive(Debug)]
pub struct Chair {
    pub span: Span,
    pub person: Option<Sp<String>>,
    pub designated_by: Option<Sp<String>>,
    pub from: Option<Sp<Date>>,
    pub to: Option<Sp<Date>>,
}

impl Chair {
    /// Whether the term covers `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.from.as_ref().is_some_and(|f| f.value <= day)
            && self.to.as_ref().is_none_or(|t| day <= t.value)
    }
}

#[derive(Debug)]
pub struct Milestone {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub name: Option<Sp<String>>,
    pub date: Option<Sp<Date>>,
}

#[derive(Debug)]
pub struct Waiver {
    pub span: Span,
    pub rule: Option<Sp<String>>,
    pub reason: Option<Sp<String>>,
    pub until: Option<Sp<Date>>,
}

/// One `[[member]]` entry: one person's holding of one seat.
#[derive(Debug)]
pub struct Member {
    /// The `[[member]]` header.
    pub span: Span,
    pub person: Option<Sp<String>>,
    pub role: Option<Sp<Role>>,
    pub region: Option<Sp<String>>,
    pub organisation: Option<Sp<String>>,
    pub constituency: Option<Sp<String>>,
    pub proposed: Option<Sp<Date>>,
    pub consented: Option<Sp<Date>>,
    pub leader_cleared: Option<Sp<Date>>,
    pub appointed: Option<Sp<Date>>,
    pub appointed_by: Option<Sp<String>>,
    pub letter: Option<Sp<String>>,
    pub notified: Option<Sp<Date>>,
    pub term_end: Option<Sp<Date>>,
    pub ended: Option<Sp<Date>>,
    pub end_reason: Option<Sp<String>>,
}

impl Member {
    /// Active on `day`: appointed on or before it and not yet ended.
    pub fn is_active(&self, day: Date) -> bool {
        self.appointed.as_ref().is_some_and(|a| a.value <= day)
            && self.ended.as_ref().is_none_or(|e| day <= e.value)
    }

    /// Active on at least one day of `from..=to`.
    pub fn is_active_during(&self, from: Date, to: Date) -> bool {
        self.appointed.as_ref().is_some_and(|a| a.value <= to)
            && self.ended.as_ref().is_none_or(|e| from <= e.value)
    }

    pub fn role(&self) -> Option<Role> {
        self.role.as_ref().map(|r| r.value)
    }

    pub fn person_id(&self) -> Option<&str> {
        self.person.as_ref().map(|p| p.as_str())
    }

    pub fn region_id(&self) -> Option<&str> {
        self.region.as_ref().map(|p| p.as_str())
    }
}

#[derive(Debug)]
pub struct Input {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub by: Option<Sp<String>>,
    pub summary: Option<Sp<String>>,
    pub status: Option<Sp<InputStatus>>,
    pub to: Option<Sp<String>>,
    pub response: Option<Sp<String>>,
}

/// Minutes: `meetings/<YYYY-MM-DD>[-<slug>].md`.
#[derive(Debug)]
pub struct Meeting {
    pub file: FileId,
    /// The file name without `.md`.
    pub stem: String,
    /// The date in the file name, when it has one.
    pub name_date: Option<Date>,
    /// Whether the front matter could be read at all.
    pub has_front_matter: bool,
    pub date: Option<Sp<Date>>,
    pub status: Option<Sp<MeetingStatus>>,
    pub mode: Option<Sp<Mode>>,
    pub location: Option<Sp<String>>,
    /// `start` and `end`: local times in Europe/Oslo.
    pub start: Option<Sp<chrono::NaiveTime>>,
    pub end: Option<Sp<chrono::NaiveTime>>,
    /// The video link of a digital or hybrid meeting.
    pub link: Option<Sp<String>>,
    pub milestone: Option<Sp<String>>,
    pub attendees: Option<Sp<Vec<Sp<String>>>>,
    pub absent: Vec<Sp<String>>,
    /// `in-person`: of the attendees, who came in person; `None` when not recorded.
    pub in_person: Option<Vec<Sp<String>>>,
    pub inputs: Vec<Input>,
    /// The Markdown body, byte range in the file.
    pub body: Span,
    /// Whether the body is empty in the sense of `minutes-recorded`: nothing but headings, HTML
    /// comments and white space ([`super::frontmatter::body_is_empty`]; found at load time, so
    /// that the rules need not keep the text).
    pub minutes_blank: bool,
}

impl Meeting {
    /// The meeting's date: the front matter's, else the file name's.
    pub fn day(&self) -> Option<Date> {
        self.date.as_ref().map(|d| d.value).or(self.name_date)
    }

    pub fn status(&self) -> Option<MeetingStatus> {
        self.status.as_ref().map(|s| s.value)
    }

    pub fn is_held(&self) -> bool {
        self.status() == Some(MeetingStatus::Held)
    }

    pub fn attendee_ids(&self) -> impl Iterator<Item = &Sp<String>> {
        self.attendees.iter().flat_map(|a| a.value.iter())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SectionKind {
    /// `<region-id>.md`: the file stem.
    Regional(String),
    /// `feedback.md`.
    Feedback,
}

/// `reports/<YYYY>/<region-id>.md` or `reports/<YYYY>/feedback.md`.
#[derive(Debug)]
pub struct ReportSection {
    pub file: FileId,
    /// The year folder's name as written.
    pub folder: String,
    /// The year of the folder, when it is one.
    pub folder_year: Option<i32>,
    pub kind: SectionKind,
    pub year: Option<Sp<i64>>,
    pub region: Option<Sp<String>>,
    pub author: Option<Sp<String>>,
    pub submitted: Option<Sp<Date>>,
    pub body: Span,
    /// Whether the body is empty in the sense of `minutes-recorded` (only headings, HTML
    /// comments and white space): such a section counts as missing (cli.md, second round).
    pub blank: bool,
}

#[derive(Debug)]
pub struct Group {
    /// The folder name, which is the group's id.
    pub id: String,
    /// `group.toml`; `None` when the folder has none.
    pub file: Option<FileId>,
    pub name: Option<Sp<String>>,
    /// `short-name`: for calendars, tables and page titles.
    pub short_name: Option<Sp<String>>,
    pub profile: Option<Sp<Profile>>,
    pub service: Option<Sp<String>>,
    pub host: Vec<Sp<String>>,
    pub responsible: Option<Sp<String>>,
    pub owner: Option<Sp<String>>,
    pub process: Option<Sp<String>>,
    pub reports_to: Option<Sp<String>>,
    pub constituencies: Vec<Sp<String>>,
    pub established: Option<Sp<Date>>,
    pub dissolved: Option<Sp<Date>>,
    pub chairs: Vec<Chair>,
    pub milestones: Vec<Milestone>,
    pub rules: BTreeMap<String, Sp<Level>>,
    pub waivers: Vec<Waiver>,
    /// Where group.toml's first key starts (after comments and blank lines): the place of a
    /// finding about the group as a whole (rules.md, second round).
    pub first_key: Option<Span>,
    pub members_file: Option<FileId>,
    pub members: Vec<Member>,
    pub meetings: Vec<Meeting>,
    pub reports: Vec<ReportSection>,
}

impl Group {
    pub fn new(id: String) -> Group {
        Group {
            id,
            file: None,
            name: None,
            short_name: None,
            profile: None,
            service: None,
            host: Vec::new(),
            responsible: None,
            owner: None,
            process: None,
            reports_to: None,
            constituencies: Vec::new(),
            established: None,
            dissolved: None,
            chairs: Vec::new(),
            milestones: Vec::new(),
            rules: BTreeMap::new(),
            waivers: Vec::new(),
            first_key: None,
            members_file: None,
            members: Vec::new(),
            meetings: Vec::new(),
            reports: Vec::new(),
        }
    }

    pub fn profile(&self) -> Option<Profile> {
        self.profile.as_ref().map(|p| p.value)
    }

    pub fn established(&self) -> Option<Date> {
        self.established.as_ref().map(|d| d.value)
    }

    pub fn dissolved(&self) -> Option<Date> {
        self.dissolved.as_ref().map(|d| d.value)
    }

    /// Members active on `day`.
    pub fn active_on(&self, day: Date) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.is_active(day))
    }

    /// The chair terms that cover `day`.
    pub fn chairs_on(&self, day: Date) -> impl Iterator<Item = &Chair> {
        self.chairs.iter().filter(move |c| c.covers(day))
    }
}

/// The whole registry, or the part of it a command asked for.
#[derive(Debug)]
pub struct Registry {
    pub root: std::path::PathBuf,
    pub files: Vec<SourceFile>,
    pub config: Config,
    pub organisations_file: Option<FileId>,
    pub regions: Vec<Region>,
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    pub groups: Vec<Group>,
    /// Where each person id sits in `people`, built by the loader: [`Registry::person`] is
    /// asked for tens of times per group, and a binary search over 70,000 people (at 10,000
    /// groups) missed the cache at most of its 17 probes. Hashed with rustc's fast hash, not
    /// the default SipHash, which cost more than the lookup: ids come from the registry's own
    /// files, so there is no attacker to resist.
    pub(crate) people_index: rustc_hash::FxHashMap<Box<str>, usize>,
}

impl Registry {
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id.value == id)
    }

    /// `None` when `id` is a region of organisations.toml; else what to tell the user, naming
    /// the regions there are (`report region`, `letter reminder`).
    pub fn unknown_region(&self, id: &str) -> Option<crate::i18n::Text> {
        if self.region(id).is_some() {
            return None;
        }
        let known = self
            .regions
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        Some(crate::t!(
            "no region `{id}` in organisations.toml; the regions are: {known}",
            "ingen region `{id}` i organisations.toml; regionene er: {known}"
        ))
    }

    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id.value == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        match self.people_index.get(id).and_then(|&i| self.people.get(i)) {
            Some(p) if p.id == id => Some(p),
            // Not indexed, or `people` was changed after loading: search the sorted list.
            _ => self
                .people
                .binary_search_by(|p| p.id.as_str().cmp(id))
                .ok()
                .map(|i| &self.people[i]),
        }
    }

    /// Indexes `people` (sorted by id) for [`Registry::person`].
    pub(crate) fn index_people(people: &[Person]) -> rustc_hash::FxHashMap<Box<str>, usize> {
        people
            .iter()
            .enumerate()
            .map(|(i, p)| (Box::from(p.id.as_str()), i))
            .collect()
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The region of an organisation (`None` for joint HFs and unknown ids).
    pub fn org_region(&self, org: &str) -> Option<&str> {
        self.organisation(org)
            .and_then(|o| o.region.as_ref())
            .map(|r| r.as_str())
    }

    /// The region of a person: the region of their employer.
    pub fn person_region(&self, person: &str) -> Option<&str> {
        let employer = self.person(person)?.employer.as_ref()?;
        self.org_region(&employer.value)
    }

    pub fn person_employer(&self, person: &str) -> Option<&str> {
        self.person(person)?.employer.as_ref().map(|e| e.as_str())
    }

    /// A region's display name, falling back to its id.
    pub fn region_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.region(id)
            .and_then(|r| r.name.as_ref())
            .map_or(id, |n| n.as_str())
    }

    /// An organisation's display name, falling back to its id.
    pub fn org_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.organisation(id)
            .and_then(|o| o.name.as_ref())
            .map_or(id, |n| n.as_str())
    }

    /// A person's display name, falling back to their id.
    pub fn person_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.person(id)
            .and_then(|p| p.name.as_ref())
            .map_or(id, |n| n.as_str())
    }

    /// The regions of the group's host HFs, without duplicates, in host order.
    pub fn host_regions(&self, group: &Group) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for h in &group.host {
            if let Some(r) = self.org_region(&h.value)
                && !out.contains(&r)
            {
                out.push(r);
            }
        }
        out
    }

    /// The relative path of a file.
    pub fn rel(&self, file: FileId) -> &str {
        &self.files[file].rel
    }

    /// The group whose folder holds a file, from its path.
    pub fn group_of_file(&self, file: FileId) -> Option<&str> {
        group_of_path(&self.files[file].rel)
    }
}

/// `groups/<id>/...` → `<id>`.
pub fn group_of_path(rel: &str) -> Option<&str> {
    let rest = rel.strip_prefix("groups/")?;
    let (id, _) = rest.split_once('/')?;
    Some(id)
}
