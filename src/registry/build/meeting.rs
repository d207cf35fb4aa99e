//! groups/<id>/meetings/<date>[-slug].md: a meeting, its front matter and minutes.

use super::keywords::*;
use crate::registry::files::Loader;
use crate::registry::model::*;
use crate::registry::parse::{parse, root_table};
use crate::registry::parse_meeting_stem;
use crate::registry::read::{self, Record};
use crate::registry::schema;
use crate::source::FileId;
use crate::source::Span;

impl Loader {
    pub(in crate::registry) fn meeting(&mut self, file: FileId, stem: &str) -> Meeting {
        let name_date = parse_meeting_stem(stem).map(|(d, _)| d);
        let end = self.files[file].text().len();
        let mut m = Meeting {
            file,
            stem: stem.to_string(),
            name_date,
            has_front_matter: false,
            date: None,
            status: None,
            mode: None,
            location: None,
            start: None,
            end: None,
            link: None,
            milestone: None,
            attendees: None,
            absent: Vec::new(),
            in_person: None,
            inputs: Vec::new(),
            body: Span::new(file, end..end),
            minutes_blank: true,
        };
        let Some((front, body)) = self.split_md(file) else {
            return m;
        };
        m.has_front_matter = true;
        m.minutes_blank =
            crate::registry::frontmatter::body_is_empty(&self.files[file].text()[body.clone()]);
        m.body = Span::new(file, body);
        root_table!(
            self,
            root,
            file,
            front.clone(),
            "front matter",
            schema::MEETING_FRONT
        );
        m.date = root.date("date");
        m.status = root.enumerated("status", keyword);
        m.mode = root.enumerated("mode", keyword);
        m.location = root.str("location");
        m.start = root.time("start");
        m.end = root.time("end");
        m.link = root.str("link");
        m.in_person = root.str_list("in-person").map(|l| l.value);
        m.milestone = root.str("milestone");
        m.attendees = root.str_list("attendees");
        m.absent = root.str_list("absent").map(|l| l.value).unwrap_or_default();
        m.inputs = root
            .tables("input")
            .iter()
            .map(|i| Input {
                span: i.span,
                id: i.str("id"),
                by: i.str("by"),
                summary: i.str("summary"),
                status: i.enumerated("status", keyword),
                to: i.str("to"),
                response: i.str("response"),
            })
            .collect();
        m
    }
}
