//! Dates as a reader writes them: «3. desember 2026», «3 December 2026». ISO dates stay in json
//! and in files; everything a person reads in a report or letter goes through [`long`].

use chrono::Datelike;

use crate::i18n::Lang;
use crate::registry::Date;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// The day, the month's name and the year, in the reader's language.
pub fn long(day: Date, lang: Lang) -> String {
    let m = day.month0() as usize;
    match lang {
        Lang::En => format!("{} {} {}", day.day(), MONTHS_EN[m], day.year()),
        Lang::Nb => format!("{}. {} {}", day.day(), MONTHS_NB[m], day.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_written_in_each_language() {
        let d: Date = "2026-12-03".parse().unwrap();
        assert_eq!(long(d, Lang::Nb), "3. desember 2026");
        assert_eq!(long(d, Lang::En), "3 December 2026");
        let d: Date = "2024-09-02".parse().unwrap();
        assert_eq!(long(d, Lang::Nb), "2. september 2024");
    }
}
