//! The keyword values of the files, read from their spelling in TOML.

use crate::registry::model::*;

pub(super) fn parse_org_kind(s: &str) -> Option<OrgKind> {
    Some(match s {
        "hf" => OrgKind::Hf,
        "private-hospital" => OrgKind::PrivateHospital,
        "joint-hf" => OrgKind::JointHf,
        "user-organisation" => OrgKind::UserOrganisation,
        "municipality" => OrgKind::Municipality,
        "university" => OrgKind::University,
        "other" => OrgKind::Other,
        _ => return None,
    })
}

pub(super) fn parse_gender(s: &str) -> Option<Gender> {
    Some(match s {
        "female" => Gender::Female,
        "male" => Gender::Male,
        "other" => Gender::Other,
        _ => return None,
    })
}

pub(super) fn parse_profile(s: &str) -> Option<Profile> {
    Some(match s {
        "national-service" => Profile::NationalService,
        "municipal-advisory" => Profile::MunicipalAdvisory,
        _ => return None,
    })
}

pub fn parse_role(s: &str) -> Option<Role> {
    Some(match s {
        "regional" => Role::Regional,
        "service" => Role::Service,
        "user" => Role::User,
        "other" => Role::Other,
        "constituency" => Role::Constituency,
        _ => return None,
    })
}

pub(super) fn parse_meeting_status(s: &str) -> Option<MeetingStatus> {
    Some(match s {
        "planned" => MeetingStatus::Planned,
        "held" => MeetingStatus::Held,
        "cancelled" => MeetingStatus::Cancelled,
        _ => return None,
    })
}

pub(super) fn parse_mode(s: &str) -> Option<Mode> {
    Some(match s {
        "digital" => Mode::Digital,
        "physical" => Mode::Physical,
        "hybrid" => Mode::Hybrid,
        _ => return None,
    })
}

pub(super) fn parse_input_status(s: &str) -> Option<InputStatus> {
    Some(match s {
        "open" => InputStatus::Open,
        "forwarded" => InputStatus::Forwarded,
        "answered" => InputStatus::Answered,
        "closed" => InputStatus::Closed,
        _ => return None,
    })
}
