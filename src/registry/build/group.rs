//! groups/<id>/: the group's folder, and group.toml with its chairs, milestones and waivers.

use super::keywords::*;
use crate::diagnostic::{Diagnostic, Place};
use crate::registry::files::Loader;
use crate::registry::model::*;
use crate::registry::parse::{parse, root_table};
use crate::registry::read::{self, Record};
use crate::registry::schema;
use crate::rule_id::RuleId;
use crate::source::FileId;
use crate::source::Span;
use crate::t;

/// The fields of group.toml that a profile requires besides those every group has.
const PROFILE_REQUIRES: &[(Profile, &[&str])] = &[
    (
        Profile::NationalService,
        &["service", "host", "responsible"],
    ),
    (
        Profile::MunicipalAdvisory,
        &["owner", "process", "reports-to", "constituencies"],
    ),
];

impl Loader {
    pub(in crate::registry) fn load_group(&mut self, dir: &str) -> Group {
        let mut group = Group::new(dir.to_string());
        // One path for the group's files, each put after the folder's path `groups/{dir}`
        // (about 20 files a group: no allocation for each).
        let mut path = ["groups/", dir, "/group.toml"].concat();
        let dir_end = "groups/".len() + dir.len();
        match self.read_if_exists(&path) {
            Ok(Some(file)) => self.fill_group(&mut group, file),
            Ok(None) => {}
            Err(()) => self.diags.push(
                Diagnostic::new(
                    RuleId::Schema,
                    Place::File(path.clone()),
                    t!(
                        "the group folder `groups/{dir}` has no group.toml",
                        "gruppemappen `groups/{dir}` har ingen group.toml"
                    ),
                )
                .help(t!(
                    "create it with `mandat group new`, or remove the folder",
                    "opprett den med `mandat group new`, eller fjern mappen"
                )),
            ),
        }
        path.truncate(dir_end);
        path.push_str("/members.toml");
        if let Ok(Some(file)) = self.read_if_exists(&path) {
            group.members_file = Some(file);
            group.members = self.members(file);
        }
        path.truncate(dir_end);
        path.push_str("/meetings/");
        self.each_markdown_file(&mut path, |l, stem, file| {
            group.meetings.push(l.meeting(file, stem));
        });
        path.truncate(dir_end);
        path.push_str("/reports/");
        let reports_end = path.len();
        for folder in self
            .list_dir(&path[..reports_end - 1], true)
            .unwrap_or_default()
        {
            path.truncate(reports_end);
            path.push_str(&folder);
            path.push('/');
            self.each_markdown_file(&mut path, |l, stem, file| {
                let kind = if stem == "feedback" {
                    SectionKind::Feedback
                } else {
                    SectionKind::Regional(stem.to_string())
                };
                group.reports.push(l.section(file, &folder, kind));
            });
        }
        // Each group's vectors stay as they are for the whole run; their growth slack
        // (up to a third of a Meeting's 512 bytes per slot) is memory no rule uses.
        group.members.shrink_to_fit();
        group.meetings.shrink_to_fit();
        group.reports.shrink_to_fit();
        group
    }

    /// Reads each Markdown file in the folder `path` (which ends in `/`), a README aside, and
    /// hands `each` its name without `.md` and the file, in the order of the names. `path` is
    /// the buffer the names are put after; it is left as it came.
    fn each_markdown_file(
        &mut self,
        path: &mut String,
        mut each: impl FnMut(&mut Self, &str, FileId),
    ) {
        let folder_end = path.len();
        for name in self
            .list_dir(&path[..folder_end - 1], false)
            .unwrap_or_default()
        {
            let Some(stem) = name.strip_suffix(".md") else {
                continue;
            };
            if stem.eq_ignore_ascii_case("readme") {
                continue;
            }
            path.truncate(folder_end);
            path.push_str(&name);
            if let Some(file) = self.read(path) {
                each(self, stem, file);
            }
        }
        path.truncate(folder_end);
    }

    pub(in crate::registry) fn fill_group(&mut self, g: &mut Group, file: FileId) {
        g.file = Some(file);
        g.first_key =
            crate::registry::frontmatter::first_key(self.files[file].text(), self.files[file].bom)
                .map(|at| Span::new(file, at..at));
        root_table!(
            self,
            root,
            file,
            self.files[file].content_range(),
            "group.toml",
            schema::GROUP_FILE
        );
        g.name = root.str("name");
        g.short_name = root.str("short-name");
        g.profile = root.enumerated("profile", keyword);
        g.service = root.str("service");
        g.host = root.str_list("host").map(|l| l.value).unwrap_or_default();
        g.responsible = root.str("responsible");
        g.owner = root.str("owner");
        g.process = root.str("process");
        g.reports_to = root.str("reports-to");
        g.constituencies = root
            .str_list("constituencies")
            .map(|l| l.value)
            .unwrap_or_default();
        g.established = root.date("established");
        g.dissolved = root.date("dissolved");
        g.rules = root.rules("rules");
        super::guards::keep_guards_on(&mut g.rules, &mut self.diags);
        if let Some(p) = g.profile() {
            let profile = p.as_str();
            let required = PROFILE_REQUIRES
                .iter()
                .filter(|(of, _)| *of == p)
                .flat_map(|(_, keys)| keys.iter());
            for key in required {
                root.require(
                    key,
                    t!(
                        "the profile `{profile}` requires it",
                        "profilen `{profile}` krever det"
                    ),
                    &mut self.diags,
                );
            }
        }
        g.chairs = root
            .tables("chair")
            .iter()
            .map(|c| Chair {
                span: c.span,
                person: c.str("person"),
                designated_by: c.str("designated-by"),
                from: c.date("from"),
                to: c.date("to"),
            })
            .collect();
        g.milestones = root
            .tables("milestone")
            .iter()
            .map(|m| Milestone {
                span: m.span,
                id: m.str("id"),
                name: m.str("name"),
                date: m.date("date"),
            })
            .collect();
        g.waivers = root
            .tables("waiver")
            .iter()
            .map(|w| Waiver {
                span: w.span,
                rule: w.str("rule"),
                reason: w.str("reason"),
                until: w.date("until"),
            })
            .collect();
        super::guards::keep_guards_unwaived(&mut g.waivers, &mut self.diags);
        for w in &g.waivers {
            if let Some(rule) = &w.rule
                && RuleId::parse(&rule.value).is_none()
            {
                let id = &rule.value;
                let d = Diagnostic::at(
                    RuleId::Schema,
                    rule.span,
                    t!(
                        "unknown rule `{id}` in a waiver",
                        "ukjent regel `{id}` i et unntak",
                        id = crate::source::shown(id)
                    ),
                );
                self.diags.push(
                    match read::nearest(id, RuleId::ALL.iter().map(|r| r.as_str())) {
                        Some(near) => d.help(t!("did you mean `{near}`?", "mente du `{near}`?")),
                        None => d.help(t!(
                            "`mandat rules` lists every rule",
                            "`mandat rules` viser alle reglene"
                        )),
                    },
                );
            }
        }
    }
}
