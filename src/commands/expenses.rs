//! `mandat expenses GROUP --year Y`: who pays travel, stay and the meetings.

use super::report::{check_year, load_group};
use super::{Env, Outcome, print};
use crate::cli::{ExpensesArgs, ExpensesFormat};
use crate::report::{Options, expenses};

pub fn run(args: &ExpensesArgs, env: &Env) -> anyhow::Result<Outcome> {
    check_year(args.year, env)?;
    let (root, loaded) = load_group(env, &args.group)?;
    let reg = &loaded.registry;
    let Some(g) = reg.group(&args.group) else {
        return Err(crate::registry::LoadError::UnknownGroup(args.group.clone()).into());
    };
    let opts = Options {
        lang: env.lang_of(Some(reg)),
        at: env.at,
        include_contact: false,
    };
    if let Some(path) = &args.sheet.output {
        crate::output::refuse_registry_file(&root, path, opts.lang)?;
    }
    let view = expenses::build(reg, g, args.year, opts);
    let text = match args.format {
        ExpensesFormat::Table => expenses::table(&view, opts.lang),
        ExpensesFormat::Json => serde_json::to_string_pretty(&view)? + "\n",
        ExpensesFormat::Csv => expenses::csv(
            &view,
            crate::output::csv::Dialect {
                excel: args.sheet.excel,
            },
        ),
        ExpensesFormat::Xlsx => {
            let path = crate::output::xlsx::need_output(args.sheet.output.as_deref(), opts.lang)?;
            let sheets = crate::output::sheets::expenses(&view, opts.lang);
            crate::output::xlsx::save(path, &sheets, opts.lang)?;
            return Ok(Outcome::Ok);
        }
    };
    if let Some(path) = &args.sheet.output {
        super::output::write_output(&root, path, text.as_bytes(), opts.lang)?;
        return Ok(Outcome::Ok);
    }
    print(&text)?;
    Ok(Outcome::Ok)
}
