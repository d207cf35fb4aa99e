//! The stable rule ids of the contract (rules.md). Every diagnostic carries one.

use std::fmt;

/// A rule id. The string form is the contract; the order is the order of `mandat rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    pub const ALL: [RuleId; 24] = [
        RuleId::Syntax,
        RuleId::Schema,
        RuleId::Ids,
        RuleId::References,
        RuleId::Dates,
        RuleId::Pii,
        RuleId::AppointmentProcess,
        RuleId::MinutesRecorded,
        RuleId::MeetingStatus,
        RuleId::MinutesAttendance,
        RuleId::InputFollowedUp,
        RuleId::TermExpiry,
        RuleId::GenderBalance,
        RuleId::OneMemberPerRhf,
        RuleId::HostRegionOtherHf,
        RuleId::ServiceRepresented,
        RuleId::UserRepresented,
        RuleId::ChairDesignated,
        RuleId::ChairOutsideHostRegion,
        RuleId::AnnualMeeting,
        RuleId::AnnualReport,
        RuleId::AppointmentNotified,
        RuleId::ConstituenciesRepresented,
        RuleId::MilestoneMeeting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::Syntax => "syntax",
            RuleId::Schema => "schema",
            RuleId::Ids => "ids",
            RuleId::References => "references",
            RuleId::Dates => "dates",
            RuleId::Pii => "pii",
            RuleId::AppointmentProcess => "appointment-process",
            RuleId::MinutesRecorded => "minutes-recorded",
            RuleId::MeetingStatus => "meeting-status",
            RuleId::MinutesAttendance => "minutes-attendance",
            RuleId::InputFollowedUp => "input-followed-up",
            RuleId::TermExpiry => "term-expiry",
            RuleId::GenderBalance => "gender-balance",
            RuleId::OneMemberPerRhf => "one-member-per-rhf",
            RuleId::HostRegionOtherHf => "host-region-other-hf",
            RuleId::ServiceRepresented => "service-represented",
            RuleId::UserRepresented => "user-represented",
            RuleId::ChairDesignated => "chair-designated",
            RuleId::ChairOutsideHostRegion => "chair-outside-host-region",
            RuleId::AnnualMeeting => "annual-meeting",
            RuleId::AnnualReport => "annual-report",
            RuleId::AppointmentNotified => "appointment-notified",
            RuleId::ConstituenciesRepresented => "constituencies-represented",
            RuleId::MilestoneMeeting => "milestone-meeting",
        }
    }

    pub fn parse(s: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The rules that concern a file on its own; they still apply to a dissolved group.
    pub fn is_file_level(self) -> bool {
        matches!(
            self,
            RuleId::Syntax
                | RuleId::Schema
                | RuleId::Ids
                | RuleId::References
                | RuleId::Dates
                | RuleId::Pii
        )
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
