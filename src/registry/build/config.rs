//! registry.toml: the registry's settings and its rule levels.

use crate::registry::files::Loader;
use crate::registry::model::*;
use crate::registry::parse::{parse, root_table};
use crate::registry::read::parse_month_day;
use crate::registry::read::{self, Record};
use crate::registry::schema;
use crate::source::Span;

impl Loader {
    pub(in crate::registry) fn load_config(&mut self) -> Config {
        let mut config = Config::default();
        let Ok(Some(file)) = self.read_if_exists("registry.toml") else {
            return config;
        };
        config.file = Some(file);
        root_table!(
            self,
            root,
            file,
            self.files[file].content_range(),
            "registry.toml",
            schema::REGISTRY_FILE
        );
        config.rules = root.rules("rules");
        super::guards::keep_guards_on(&mut config.rules, &mut self.diags);
        if let Some(reg) = root.table("registry") {
            config.name = reg.str("name");
            config.language = reg.str("language");
            if let Some(d) = reg
                .str("report-due")
                .and_then(|s| parse_month_day(&s.value))
            {
                config.report_due = d;
            }
            if let Some(n) = reg.int("vacancy-grace-days").filter(|n| n.value >= 0) {
                config.vacancy_grace_days = n.value;
            }
            if let Some(n) = reg.int("input-followup-days").filter(|n| n.value >= 0) {
                config.input_followup_days = n.value;
            }
            config.history_from = reg.date("history-from").map(|d| d.value);
        }
        config
    }
}
