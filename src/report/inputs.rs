//! `mandat report inputs GROUP [--since D] [--milestone ID]`: every input (innspill) with who
//! raised it, at which meeting, its status, where it was taken and the response, grouped by
//! milestone (S: «Vi oppsummerer innspillene og tar dem med videre til styringsgruppen»).

use serde::Serialize;

use super::activity::InputView;
use super::model::GroupHead;
use super::{Options, iso};
use crate::registry::{Date, Group, Meeting, Registry};

#[derive(Debug, Serialize)]
pub struct InputsReport {
    /// Always `"inputs"`.
    pub report: &'static str,
    pub lang: String,
    pub registry: String,
    pub as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milestone: Option<String>,
    pub group: GroupHead,
    /// In the order of the group's milestones; inputs of meetings without one come last.
    pub milestones: Vec<MilestoneInputs>,
    pub total: usize,
}

#[derive(Debug, Serialize)]
pub struct MilestoneInputs {
    /// The milestone id; absent for the group of inputs not tied to one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub inputs: Vec<InputView>,
}

pub fn build(
    reg: &Registry,
    g: &Group,
    since: Option<Date>,
    milestone: Option<&str>,
    opts: Options,
) -> InputsReport {
    let mut meetings: Vec<&Meeting> = g
        .meetings
        .iter()
        .filter(|m| since.is_none_or(|s| m.day().is_some_and(|d| d >= s)))
        .filter(|m| milestone.is_none_or(|id| m.milestone.as_ref().is_some_and(|x| x.value == id)))
        .collect();
    meetings.sort_by(|a, b| (a.day(), &a.stem).cmp(&(b.day(), &b.stem)));
    let inputs_of = |pred: &dyn Fn(&Meeting) -> bool| -> Vec<InputView> {
        meetings
            .iter()
            .filter(|m| pred(m))
            .flat_map(|m| {
                m.inputs
                    .iter()
                    .map(move |i| InputView::new(reg, m, i, opts))
            })
            .collect()
    };
    let known: Vec<&str> = g
        .milestones
        .iter()
        .filter_map(|m| m.id.as_ref())
        .map(|i| i.as_str())
        .collect();
    let mut groups: Vec<MilestoneInputs> = g
        .milestones
        .iter()
        .filter_map(|ms| {
            let id = ms.id.as_ref()?.value.clone();
            let inputs =
                inputs_of(&|m: &Meeting| m.milestone.as_ref().is_some_and(|x| x.value == id));
            Some(MilestoneInputs {
                name: ms.name.as_ref().map(|n| n.value.clone()),
                date: ms.date.as_ref().map(|d| iso(d.value)),
                id: Some(id),
                inputs,
            })
        })
        .filter(|m| match milestone {
            Some(id) => m.id.as_deref() == Some(id),
            None => !m.inputs.is_empty(),
        })
        .collect();
    let rest = inputs_of(&|m: &Meeting| {
        m.milestone
            .as_ref()
            .is_none_or(|x| !known.contains(&x.as_str()))
    });
    if !rest.is_empty() {
        groups.push(MilestoneInputs {
            id: None,
            name: None,
            date: None,
            inputs: rest,
        });
    }
    InputsReport {
        report: "inputs",
        lang: opts.lang.to_string(),
        registry: reg
            .config
            .name
            .as_ref()
            .map_or(String::new(), |n| n.value.clone()),
        as_of: iso(opts.at),
        since: since.map(iso),
        milestone: milestone.map(str::to_string),
        group: GroupHead::new(reg, g),
        total: groups.iter().map(|m| m.inputs.len()).sum(),
        milestones: groups,
    }
}
