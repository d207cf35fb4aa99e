//! groups/<id>/reports/<year>/<region|feedback>.md: a section of the annual report.

use crate::registry::files::Loader;
use crate::registry::model::*;
use crate::registry::parse::{parse, root_table};
use crate::registry::read::{self, Record};
use crate::registry::schema;
use crate::source::FileId;
use crate::source::Span;

impl Loader {
    pub(in crate::registry) fn section(
        &mut self,
        file: FileId,
        folder: &str,
        kind: SectionKind,
    ) -> ReportSection {
        let end = self.files[file].text().len();
        let folder_year = (folder.len() == 4 && folder.bytes().all(|b| b.is_ascii_digit()))
            .then(|| folder.parse().ok())
            .flatten();
        let mut s = ReportSection {
            file,
            folder: folder.to_string(),
            folder_year,
            kind,
            year: None,
            region: None,
            author: None,
            submitted: None,
            body: Span::new(file, end..end),
            blank: true,
        };
        let Some((front, body)) = self.split_md(file) else {
            return s;
        };
        s.blank =
            crate::registry::frontmatter::body_is_empty(&self.files[file].text()[body.clone()]);
        s.body = Span::new(file, body);
        let fields = match s.kind {
            SectionKind::Feedback => schema::FEEDBACK_FRONT,
            SectionKind::Regional(_) => schema::SECTION_FRONT,
        };
        root_table!(self, root, file, front.clone(), "front matter", fields);
        s.year = root.int("year");
        s.region = root.str("region");
        s.author = root.str("author");
        s.submitted = root.date("submitted");
        s
    }
}
