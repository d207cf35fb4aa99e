//! The ground floor of the rules: the stable rule ids of the contract (rules.md), the levels a
//! rule can take, the profiles a rule applies to, and the description every rule declares.
//!
//! The ids' strings come from the variant names (kebab-case, by strum), so there is no second
//! list to keep in step. What each rule checks lives in its own file under `src/rules/`, named
//! after its id; `rules::ALL` lists them and a test checks that list against [`RuleId`].

use crate::i18n::StaticText;

/// A rule id. The string form is the contract; the order is the order of `mandat rules`.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
pub enum RuleId {
    Syntax,
    Schema,
    Ids,
    References,
    Dates,
    Pii,
    AppointmentProcess,
    MinutesRecorded,
    MeetingStatus,
    MinutesAttendance,
    InputFollowedUp,
    TermExpiry,
    GenderBalance,
    OneMemberPerRhf,
    HostRegionOtherHf,
    RegionalMemberFromRegion,
    ServiceRepresented,
    UserRepresented,
    ChairDesignated,
    ChairOutsideHostRegion,
    AnnualMeeting,
    AnnualReport,
    AppointmentNotified,
    ConstituenciesRepresented,
    MilestoneMeeting,
}

impl RuleId {
    /// Every rule id, in the order of `mandat rules`.
    pub const ALL: &'static [RuleId] = <RuleId as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<RuleId> {
        s.parse().ok()
    }
}

crate::keywords::keyword! {
    /// A rule level as configured in `[rules]`.
    pub enum Level {
        Error => ("error", "feil"),
        Warning => ("warning", "advarsel"),
        Off => ("off", "av"),
    }
}

crate::keywords::keyword! {
    /// What kind of body a group is; it decides which rules apply (format.md).
    pub enum Profile {
        NationalService => ("national service", "nasjonal tjeneste"),
        MunicipalAdvisory => ("municipal advisory", "kommunal rådgivende"),
        Advisory => ("advisory", "rådgivende"),
    }
}

/// Which groups a rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// Every profile, `advisory` included.
    Every,
    Only(Profile),
}

impl Applies {
    pub fn to(self, profile: Profile) -> bool {
        match self {
            Applies::Every => true,
            Applies::Only(p) => p == profile,
        }
    }
}

/// A quoted clause of a source text.
#[derive(Clone, Copy, Debug)]
pub struct Clause {
    /// `M 2`, `S`, or a law's name.
    pub source: &'static str,
    /// The words, in Norwegian as written.
    pub text: &'static str,
}

/// What a rule is, as `mandat rules`, `mandat explain`, sarif, docs/rules.md and the `= note:`
/// of every diagnostic show it. Each rule file declares one.
#[derive(Clone, Copy, Debug)]
pub struct RuleMeta {
    pub id: RuleId,
    pub applies: Applies,
    pub default: Level,
    /// The rule concerns a file on its own: it still applies to a dissolved group, and a broken
    /// file does not hold it back.
    pub file_level: bool,
    /// The rule still speaks about a group after it was dissolved: the yearly duties of the
    /// years that lay wholly inside its life (rules.md, "Dissolved groups").
    pub after_dissolved: bool,
    /// One line: what the rule checks.
    pub summary: StaticText,
    /// Why the rule exists.
    pub purpose: StaticText,
    pub clauses: &'static [Clause],
    /// What to do about a finding.
    pub fix: StaticText,
}

/// Both languages of a static text, for the declarations.
pub const fn text(en: &'static str, nb: &'static str) -> StaticText {
    StaticText { en, nb }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kebab_case_and_round_trip() {
        for id in RuleId::ALL {
            let kebab = id.as_str().replace('-', "");
            assert_eq!(kebab, format!("{id:?}").to_lowercase());
            assert_eq!(RuleId::parse(id.as_str()), Some(*id));
        }
        assert_eq!(RuleId::parse("One-Member-Per-Rhf"), None);
        assert_eq!(Profile::MunicipalAdvisory.as_str(), "municipal-advisory");
        assert_eq!("advisory".parse::<Profile>(), Ok(Profile::Advisory));
        assert_eq!("warning".parse::<Level>(), Ok(Level::Warning));
    }
}
