//! The keywords of the file format (format.md), each declared once with its words.
//!
//! A [`keyword!`] declaration gives, from the variant names (kebab-case): `as_str`, `FromStr`,
//! `Display`, `ALL`, `NAMES` (for the schema tables), clap's `ValueEnum`; and from the words
//! beside each variant, [`word`](Role::word) in English and Norwegian, the one table that
//! `status`, `list` and the reports show. Part of the ground floor: imports nothing of ours but
//! the language.

use crate::i18n::Lang;

/// Declares a keyword enum and its words: `Variant => ("english", "norsk")`.
macro_rules! keyword {
    ($(#[$meta:meta])* pub enum $name:ident { $($variant:ident => ($en:literal, $nb:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            strum::Display, strum::EnumString, strum::IntoStaticStr, strum::VariantArray,
            strum::VariantNames, clap::ValueEnum,
        )]
        #[strum(serialize_all = "kebab-case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = <$name as strum::VariantArray>::VARIANTS;
            /// Every value's name, as the files spell it.
            pub const NAMES: &'static [&'static str] = <$name as strum::VariantNames>::VARIANTS;

            /// The name, as the files spell it.
            pub fn as_str(self) -> &'static str {
                self.into()
            }

            /// The value in words, for tables and reports.
            pub fn word(self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, $crate::i18n::Lang::En) => $en,)+
                    $(($name::$variant, $crate::i18n::Lang::Nb) => $nb,)+
                }
            }

            /// A name as the files spell it, in words; any other text unchanged.
            pub fn name_in_words(name: &str, lang: $crate::i18n::Lang) -> String {
                name.parse::<$name>().map_or_else(|_| name.to_string(), |v| v.word(lang).to_string())
            }
        }
    };
}
pub(crate) use keyword;

keyword! {
    /// An organisation's `kind`.
    pub enum OrgKind {
        Hf => ("health trust (HF)", "helseforetak (HF)"),
        PrivateHospital => ("private hospital", "privat sykehus"),
        JointHf => ("joint health trust", "felleseid helseforetak"),
        UserOrganisation => ("user organisation", "brukerorganisasjon"),
        Municipality => ("municipality", "kommune"),
        University => ("university", "universitet"),
        Other => ("other", "annen"),
    }
}

keyword! {
    /// A member's `role`.
    pub enum Role {
        Regional => ("regional", "regional"),
        Service => ("service", "tjenesten"),
        User => ("user", "bruker"),
        Other => ("other", "annen"),
        Constituency => ("constituency", "målgruppe"),
    }
}

impl Role {
    /// The role as a title, for documents (reports, letters), where a table's short word
    /// ([`Role::word`]) would read too curtly: «brukerrepresentant» where a table says «bruker».
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::Regional, Lang::En) => "regional representative",
            (Role::Regional, Lang::Nb) => "regional representant",
            (Role::Service, Lang::En) => "the service",
            (Role::Service, Lang::Nb) => "tjenesten",
            (Role::User, Lang::En) => "user representative",
            (Role::User, Lang::Nb) => "brukerrepresentant",
            (Role::Other, Lang::En) => "other",
            (Role::Other, Lang::Nb) => "annen",
            (Role::Constituency, Lang::En) => "constituency representative",
            (Role::Constituency, Lang::Nb) => "representant",
        }
    }
}

keyword! {
    /// A person's `gender`.
    pub enum Gender {
        Female => ("female", "kvinne"),
        Male => ("male", "mann"),
        Other => ("other", "annet"),
    }
}

keyword! {
    /// A meeting's `status`.
    pub enum MeetingStatus {
        Planned => ("planned", "planlagt"),
        Held => ("held", "holdt"),
        Cancelled => ("cancelled", "avlyst"),
    }
}

keyword! {
    /// A meeting's `mode`.
    pub enum Mode {
        Digital => ("digital", "digitalt"),
        Physical => ("physical", "fysisk"),
        Hybrid => ("hybrid", "hybrid"),
    }
}

keyword! {
    /// An input's `status`.
    pub enum InputStatus {
        Open => ("open", "åpen"),
        Forwarded => ("forwarded", "sendt videre"),
        Answered => ("answered", "besvart"),
        Closed => ("closed", "avsluttet"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_words_differ_by_language_where_norwegian_differs() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(*r));
        }
        assert_eq!(OrgKind::UserOrganisation.as_str(), "user-organisation");
        assert_eq!(
            Role::NAMES,
            ["regional", "service", "user", "other", "constituency"]
        );
        assert_eq!(Role::User.word(Lang::Nb), "bruker");
        assert_eq!(Role::User.title(Lang::Nb), "brukerrepresentant");
        assert_eq!(Role::name_in_words("user", Lang::Nb), "bruker");
        assert_eq!(Role::name_in_words("chair", Lang::Nb), "chair");
        assert_eq!(MeetingStatus::Held.word(Lang::Nb), "holdt");
    }
}
