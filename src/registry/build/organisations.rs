//! organisations.toml: the regions and the organisations that send members.

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

impl Loader {
    pub(in crate::registry) fn load_organisations(
        &mut self,
    ) -> (Option<FileId>, Vec<Region>, Vec<Organisation>) {
        let file = match self.read_if_exists("organisations.toml") {
            Ok(Some(f)) => f,
            Ok(None) => return (None, Vec::new(), Vec::new()),
            Err(()) => {
                self.diags.push(
                    Diagnostic::new(
                        RuleId::Schema,
                        Place::File("organisations.toml".into()),
                        t!(
                            "the registry has no organisations.toml, so no region or organisation is known",
                            "registeret har ingen organisations.toml, så ingen region eller organisasjon er kjent"
                        ),
                    )
                    .help(t!(
                        "`mandat init` writes one with the four RHFs and their health trusts",
                        "`mandat init` skriver en med de fire RHF-ene og helseforetakene deres"
                    )),
                );
                return (None, Vec::new(), Vec::new());
            }
        };
        root_table!(
            self,
            root,
            file,
            self.files[file].content_range(),
            "organisations.toml",
            schema::ORGANISATIONS_FILE
        );
        let mut regions = Vec::new();
        for r in root.tables("region") {
            let Some(id) = r.str("id") else { continue };
            regions.push(Region {
                id,
                name: r.str("name"),
                org_number: r.str("org-number"),
            });
        }
        let mut organisations = Vec::new();
        for o in root.tables("organisation") {
            let kind = o.enumerated("kind", keyword);
            match kind.as_ref().map(|k| k.value) {
                Some(OrgKind::Hf | OrgKind::PrivateHospital | OrgKind::Municipality) => o.require(
                    "region",
                    t!(
                        "a health trust, private hospital or municipality belongs to a region",
                        "et helseforetak, privat sykehus eller en kommune hører til en region"
                    ),
                    &mut self.diags,
                ),
                Some(OrgKind::JointHf) => o.forbid(
                    "region",
                    t!(
                        "a jointly owned HF (`joint-hf`) is owned by all four RHFs and has no region",
                        "et felleseid helseforetak (`joint-hf`) eies av alle de fire RHF-ene og har ingen region"
                    ),
                    &mut self.diags,
                ),
                _ => {}
            }
            let Some(id) = o.str("id") else { continue };
            organisations.push(Organisation {
                id,
                name: o.str("name"),
                kind,
                region: o.str("region"),
                org_number: o.str("org-number"),
            });
        }
        (Some(file), regions, organisations)
    }
}
