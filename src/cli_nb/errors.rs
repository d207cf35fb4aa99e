//! clap's parse errors written in Norwegian, from their kind and context.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::text::VALUE_NAMES;

/// clap's parse error, in Norwegian: the message from its kind and context, the usage line and
/// where to find more help. Ends with a newline.
pub fn error_nb(e: &clap::Error) -> String {
    let mut out = format!("error: {}", message_nb(e));
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str(&format!("\n\nBruk: {usage}"));
    }
    out.push_str("\n\nMer hjelp får du med '--help'.\n");
    out
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn message_nb(e: &clap::Error) -> String {
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut msg = match e.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!("ukjent argument '{arg}'"),
        ErrorKind::UnknownArgument => format!("uventet argument '{arg}'"),
        ErrorKind::InvalidSubcommand => {
            let sub = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("ukjent kommando '{sub}'")
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("'{arg}' trenger en verdi, men fikk ingen")
        }
        ErrorKind::InvalidValue => {
            let mut m = format!("ugyldig verdi '{value}' for '{arg}'");
            let valid = strings(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                m.push_str(&format!("\n  [mulige verdier: {}]", valid.join(", ")));
            }
            let valid: Vec<&str> = valid.iter().map(String::as_str).collect();
            if let Some(en) = crate::registry::value_hint::english_for(&value, &valid) {
                // A Norwegian word: say which value it is, rather than clap's nearest spelling.
                m.push_str(&format!(
                    "\n\n  tips: skriv '{en}'; verdiene skrives på engelsk"
                ));
                return m;
            }
            m
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| value_problem_nb(&arg, &value, &s.to_string()))
                .unwrap_or_default();
            if why.is_empty() {
                format!("ugyldig verdi '{value}' for '{arg}'")
            } else {
                format!("ugyldig verdi '{value}' for '{arg}': {why}")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(e, ContextKind::InvalidArg)
                .iter()
                .map(|a| format!("\n  {}", translate_placeholders(a)))
                .collect::<String>();
            format!("disse argumentene mangler:{missing}")
        }
        ErrorKind::MissingSubcommand => {
            let sub = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let valid = strings(e, ContextKind::ValidSubcommand);
            let mut m = format!("'{sub}' trenger en underkommando, men fikk ingen");
            if !valid.is_empty() {
                m.push_str(&format!("\n  [underkommandoer: {}]", valid.join(", ")));
            }
            m
        }
        ErrorKind::ArgumentConflict => {
            let prior = strings(e, ContextKind::PriorArg);
            if prior.len() == 1 && prior[0] == arg {
                format!("'{arg}' kan bare gis én gang")
            } else if prior.is_empty() {
                format!("'{arg}' kan ikke brukes sammen med de andre argumentene")
            } else {
                format!("'{arg}' kan ikke brukes sammen med {}", quoted(&prior))
            }
        }
        ErrorKind::TooManyValues => {
            format!("uventet verdi '{value}' for '{arg}': den tar ikke flere verdier")
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let want = string(e, ContextKind::ExpectedNumValues)
                .or_else(|| string(e, ContextKind::MinValues))
                .unwrap_or_default();
            let got = string(e, ContextKind::ActualNumValues).unwrap_or_default();
            format!("'{arg}' trenger {want} verdier, men fikk {got}")
        }
        ErrorKind::NoEquals => format!("skriv verdien til '{arg}' med likhetstegn: {arg}=VERDI"),
        ErrorKind::InvalidUtf8 => "et argument er ikke gyldig UTF-8-tekst".to_string(),
        _ => std::error::Error::source(e)
            .map(|s| s.to_string())
            .unwrap_or_else(|| "argumentene kunne ikke leses".to_string()),
    };
    let suggestions: Vec<(ContextKind, &str)> = vec![
        (ContextKind::SuggestedSubcommand, "kommandoen"),
        (ContextKind::SuggestedArg, "argumentet"),
        (ContextKind::SuggestedValue, "verdien"),
    ];
    let mut first = true;
    for (kind, what) in suggestions {
        for s in strings(e, kind) {
            msg.push_str(if first { "\n\n" } else { "\n" });
            first = false;
            msg.push_str(&format!("  tips: mente du {what} '{s}'?"));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        msg.push_str(if first { "\n" } else { "" });
        for tip in tips {
            msg.push_str(&format!("\n  tips: {}", tip_nb(&tip.to_string())));
        }
    }
    msg
}

/// clap's tips, of which two exist: how to pass a value that starts with `-`, and that the
/// argument belongs to a subcommand.
fn tip_nb(tip: &str) -> String {
    if let Some(rest) = tip.strip_prefix("to pass '")
        && let Some((value, _)) = rest.split_once("' as a value, use '")
    {
        return format!("for å gi '{value}' som verdi, skriv '-- {value}'");
    }
    tip.to_string()
}

fn translate_placeholders(s: &str) -> String {
    let mut out = s.to_string();
    for (en, nb) in VALUE_NAMES {
        out = out.replace(&format!("<{en}>"), &format!("<{nb}>"));
    }
    out
}

/// Why a value was refused, in Norwegian: a date (`parse_date`), a whole number (`--year`), or
/// clap's English reason as a last resort.
fn value_problem_nb(arg: &str, value: &str, english: &str) -> String {
    if english.contains("is not a date") || english.contains("is not a day that exists") {
        return date_problem_nb(value);
    }
    if english.contains("invalid digit") || english.contains("cannot parse integer") {
        return format!("`{value}` er ikke et helt tall{}", year_hint(arg));
    }
    if english.contains("number too large")
        || english.contains("number too small")
        || english.contains(" is not in ")
    {
        return format!(
            "`{value}` er et for stort eller lite tall{}",
            year_hint(arg)
        );
    }
    english.to_string()
}

fn year_hint(arg: &str) -> &'static str {
    if arg.starts_with("--year") {
        "; skriv året med fire sifre, f.eks. 2025"
    } else {
        ""
    }
}

/// What is wrong with a date argument, in Norwegian, with the exact fix when the date is
/// written the Norwegian way (`20.12.2019` → `2019-12-20`).
pub fn date_problem_nb(value: &str) -> String {
    if let Some(iso) = crate::registry::value_hint::norwegian_date_to_iso(value) {
        return format!("`{value}` er ikke en dato i riktig form; skriv `{iso}` (ÅÅÅÅ-MM-DD)");
    }
    let shape = value.len() == 10
        && value.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if shape {
        format!("`{value}` er ikke en dag som finnes; sjekk måneden og dagen")
    } else {
        format!("`{value}` er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, f.eks. 2025-03-14")
    }
}

// ---------------------------------------------------------------------------------------------
// The language before parsing
