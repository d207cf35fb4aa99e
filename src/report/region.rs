//! `mandat report region REGION --year Y`: for one RHF, every national-service group where it
//! holds or should hold a seat (M 2: «ett medlem fra alle fire regioner»): its representative,
//! whether their section for the year is submitted, vacancies and pending appointments, and the
//! meetings with whether the representative attended. What an RHF reads before the
//! interregional assessment of the services.

use serde::Serialize;

use super::activity::{SectionView, meetings_in, section};
use super::model::{GroupHead, OrgRef, Pending, PersonRef, Seat, Vacancy, pending_on, vacancies};
use super::{Options, as_of, dec31, iso, jan1};
use crate::registry::{Group, Member, Profile, Registry, Role, SectionKind};

#[derive(Debug, Serialize)]
pub struct RegionReport {
    /// Always `"region"`.
    pub report: &'static str,
    pub lang: String,
    pub registry: String,
    pub year: i32,
    pub as_of: String,
    pub due: String,
    pub region: OrgRef,
    pub groups: Vec<RegionGroup>,
}

/// One group, seen from the region.
#[derive(Debug, Serialize)]
pub struct RegionGroup {
    pub group: GroupHead,
    /// The region's regional members during the year.
    pub representatives: Vec<Seat>,
    /// The region's section of the year's annual report.
    pub section: SectionView,
    pub vacancies: Vec<Vacancy>,
    /// The region's proposed but not yet appointed members.
    pub pending: Vec<Pending>,
    pub meetings: Vec<RegionMeeting>,
    /// The chair on the as-of day, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    /// The group's terms that end within a year after the as-of day: «name (seat), date».
    pub terms_ending: Vec<String>,
    /// The inputs of the year taken to this RHF (`to` names the region).
    pub inputs: Vec<super::activity::InputView>,
    /// Of the held meetings with a representative in the seat, how many they attended.
    pub attended: usize,
    pub attendable: usize,
}

/// A meeting of the year, and whether the region was there.
#[derive(Debug, Serialize)]
pub struct RegionMeeting {
    pub date: String,
    pub status: String,
    pub status_label: String,
    pub mode_label: String,
    /// The region's representative on the meeting day, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub representative: Option<PersonRef>,
    /// `yes`, `no`, `not-recorded` (held meeting, the representative in neither list),
    /// `vacant` (no representative that day) or `not-held`.
    pub attended: String,
    pub attended_label: String,
}

pub fn build(reg: &Registry, region: &str, year: i32, opts: Options) -> RegionReport {
    let (from, to) = (jan1(year), dec31(year));
    let day = as_of(year, opts.at);
    let mut groups: Vec<&Group> = reg
        .groups
        .iter()
        .filter(|g| g.profile() == Some(Profile::NationalService))
        .filter(|g| {
            g.established().is_some_and(|e| e <= to) && g.dissolved().is_none_or(|d| from <= d)
        })
        .collect();
    groups.sort_by(|a, b| a.id.cmp(&b.id));
    RegionReport {
        report: "region",
        lang: opts.lang.to_string(),
        registry: reg
            .config
            .name
            .as_ref()
            .map_or(String::new(), |n| n.value.clone()),
        year,
        as_of: iso(day),
        due: iso(reg.config.report_due(year)),
        region: OrgRef::region(reg, region),
        groups: groups
            .iter()
            .map(|g| group(reg, g, region, year, opts))
            .collect(),
    }
}

fn is_regional(m: &Member, region: &str) -> bool {
    m.role() == Some(Role::Regional) && m.region_id() == Some(region)
}

fn group(reg: &Registry, g: &Group, region: &str, year: i32, opts: Options) -> RegionGroup {
    let (from, to) = (jan1(year), dec31(year));
    let day = as_of(year, opts.at);
    let mut representatives = super::model::seats_during(reg, g, from, to, opts);
    representatives
        .retain(|s| s.role == "regional" && s.region.as_ref().is_some_and(|r| r.id == region));
    let mut pending = pending_on(reg, g, day, opts);
    pending.retain(|p| p.region.as_ref().is_some_and(|r| r.id == region));
    let meetings: Vec<RegionMeeting> = meetings_in(g, year)
        .into_iter()
        .map(|m| {
            let rep = m.day().and_then(|d| {
                g.members
                    .iter()
                    .find(|x| is_regional(x, region) && x.is_active(d))
            });
            let rep_id = rep.and_then(|r| r.person_id());
            let attended = match (m.is_held(), rep_id) {
                (false, _) => "not-held",
                (true, None) => "vacant",
                (true, Some(p)) if m.attendee_ids().any(|a| a.value == p) => "yes",
                (true, Some(p)) if m.absent.iter().any(|a| a.value == p) => "no",
                (true, Some(_)) => "not-recorded",
            };
            let l = super::labels::for_lang(opts.lang);
            let attended_label = match attended {
                "yes" => l["yes"],
                "no" => l["no"],
                "vacant" => l["vacant"],
                "not-recorded" => l["not_recorded"],
                _ => "",
            };
            let status = m.status();
            RegionMeeting {
                date: m.day().map(iso).unwrap_or_else(|| m.stem.clone()),
                status: status.map_or("", super::calendar::status_id).to_string(),
                status_label: status
                    .map_or("", |s| super::labels::meeting_status(s, opts.lang))
                    .to_string(),
                mode_label: m
                    .mode
                    .as_ref()
                    .map_or("", |x| super::labels::mode(x.value, opts.lang))
                    .to_string(),
                representative: rep_id.map(|p| PersonRef::new(reg, p, opts)),
                attended: attended.to_string(),
                attended_label: attended_label.to_string(),
            }
        })
        .collect();
    let region_name = reg.region_name(region).to_lowercase();
    let region_short = region_name.trim_end_matches(" rhf").to_string();
    let inputs = meetings_in(g, year)
        .into_iter()
        .flat_map(|m| m.inputs.iter().map(move |i| (m, i)))
        .filter(|(_, i)| {
            i.to.as_ref().is_some_and(|t| {
                let t = t.value.to_lowercase();
                t.contains(&region_short) || t.contains(region)
            })
        })
        .map(|(m, i)| super::activity::InputView::new(reg, m, i, opts))
        .collect();
    let horizon = crate::registry::add_days(day, 365);
    let mut ending: Vec<(crate::registry::Date, String)> = g
        .active_on(day)
        .filter_map(|m| {
            let t = m.term_end.as_ref()?.value;
            (t >= day && t <= horizon).then(|| {
                let name = reg.person_name(m.person_id().unwrap_or(""));
                let seat = m.role().map_or("", |r| super::labels::role(r, opts.lang));
                (
                    t,
                    format!("{name} ({seat}), {}", super::dates::long(t, opts.lang)),
                )
            })
        })
        .collect();
    ending.sort();
    let held_with_rep: Vec<&RegionMeeting> = meetings
        .iter()
        .filter(|m: &&RegionMeeting| matches!(m.attended.as_str(), "yes" | "no" | "not-recorded"))
        .collect();
    let attended = held_with_rep.iter().filter(|m| m.attended == "yes").count();
    let attendable = held_with_rep.len();
    RegionGroup {
        chair: g.chair_on(day).map(|c| reg.person_name(c).to_string()),
        terms_ending: ending.into_iter().map(|(_, s)| s).collect(),
        inputs,
        attended,
        attendable,
        group: GroupHead::new(reg, g),
        representatives,
        section: section(
            reg,
            g,
            year,
            &SectionKind::Regional(region.to_string()),
            opts,
        ),
        vacancies: vacancies(reg, g, region, from, to.min(day)),
        pending,
        meetings,
    }
}
