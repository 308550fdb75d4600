//! The functions of `impactkit/bars` (crates/impactkit-raw, feature `bars`): `milestoneProgress`
//! and `tierProgress` for a page that draws bars. They answer what [`crate::api`]'s functions of
//! the same names answer, with the same rules and errors, but carry none of the code for what a
//! bar does not show: the pace and ETA (`history`), localised messages (`locale`) and tier
//! retention (`period`, `periodEnd`, `tierExpiresAt`, `periodStart`, a current tier's
//! `retainProgress`). An input that asks for one of those is `unsupported` at that field, naming
//! `impactkit/progress`, which has them; that keeps the first widget's module a fraction of the
//! size (docs/modules.md).

use crate::error::{ErrorCode, Result};
use crate::json::{Json, JsonWriter, ToJson};
use crate::milestones::{Milestone, MilestoneProgress};
use crate::tiers::{Placed, Tier};
use crate::time::ZoneDb;

/// `milestoneProgress`'s answer in `impactkit/bars`: its JSON text, [`MilestoneProgress`] as the
/// full package writes it without the pace and ETA (never present here).
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneBar(pub String);

/// `tierProgress`'s answer in `impactkit/bars`: its JSON text, [`crate::tiers::TierProgress`] as
/// the full package writes it without retention, the message and the locale (never present
/// here); written as the input is read, with no `TierProgress` built.
#[derive(Debug, Clone, PartialEq)]
pub struct TierBar(pub String);

/// A tier as [`Tier`]'s own writer writes it without the retention fields (`by`, `daysLeft`).
struct BarTier<'a>(&'a Tier);

impl ToJson for MilestoneBar {
    fn write_json(&self, out: &mut JsonWriter) {
        out.raw(&self.0);
    }
}

impl ToJson for TierBar {
    fn write_json(&self, out: &mut JsonWriter) {
        out.raw(&self.0);
    }
}

impl ToJson for BarTier<'_> {
    #[inline(never)]
    fn write_json(&self, out: &mut JsonWriter) {
        let t = self.0;
        out.begin_object();
        out.field("name", &t.name);
        out.field("minProgress", &t.min_progress);
        out.field_if_present("order", &t.order);
        out.field_if_present("icon", &t.icon);
        out.field_if_present("retainProgress", &t.retain_progress);
        out.end_object();
    }
}

/// The `milestoneProgress` input fields `impactkit/bars` refuses (pkg-templates/bars.json lists
/// them for the module's types and tests; a unit test keeps the two equal).
pub const MILESTONE_REFUSES: [&str; 1] = ["history"];

/// The `tierProgress` input fields `impactkit/bars` refuses besides retention's
/// ([`crate::tiers::retention::FIELDS`]) and a current tier's `retainProgress`.
pub const TIER_REFUSES: [&str; 1] = ["locale"];

/// `milestoneProgress` without `history`.
///
/// # Errors
/// Those of [`crate::api::milestone_progress`]; `unsupported` at `$.history` when it is given.
///
/// # Example
/// ```
/// use impactkit::json::{Json, Node};
/// let v = serde_json::json!({"current": 248.5, "target": 500});
/// let p = impactkit::bars::milestone_progress(&Json::root(&Node::from(&v)), &impactkit::time::TzDatabase).unwrap();
/// assert_eq!(p.0, r#"{"percentage":49.7,"remaining":251.5,"isCompleted":false}"#);
/// let v = serde_json::json!({"current": 248.5, "target": 500, "history": []});
/// let e = impactkit::bars::milestone_progress(&Json::root(&Node::from(&v)), &impactkit::time::TzDatabase).unwrap_err();
/// assert_eq!((e.code.as_str(), e.path.as_str()), ("unsupported", "$.history"));
/// ```
pub fn milestone_progress(input: &Json, _zones: &dyn ZoneDb) -> Result<MilestoneBar> {
    let progress: MilestoneProgress = Milestone::from_json(input)?.progress();
    refuse(input, &MILESTONE_REFUSES, "pace or ETA")?;
    let mut out = JsonWriter::new();
    out.begin_object();
    progress.write_bar_fields(&mut out);
    out.end_object();
    Ok(MilestoneBar(out.finish()))
}

/// `tierProgress` without retention and `locale`.
///
/// # Errors
/// Those of [`crate::api::tier_numbers`]; `unsupported` at the first field that asks for
/// retention or a message.
///
/// # Example
/// ```
/// use impactkit::json::{Json, Node};
/// let v = serde_json::json!({"tiers": [{"name": "Basic", "minProgress": 0}, {"name": "Gold", "minProgress": 190}], "progress": 50});
/// let p = impactkit::bars::tier_progress(&Json::root(&Node::from(&v)), &impactkit::time::TzDatabase).unwrap();
/// assert!(p.0.contains(r#""percentage":26.3,"remaining":140.0"#));
/// ```
pub fn tier_progress(input: &Json, _zones: &dyn ZoneDb) -> Result<TierBar> {
    // The reader of each shape checks the input as `tier_numbers` does, then the bar is written.
    let answer = |placed: Placed<'_>| tier_bar(input, placed);
    if crate::adapters::gameball::is_tier_progress(input)? {
        crate::adapters::gameball::read_tier_progress(input, answer)
    } else {
        crate::tiers::read_list(input, answer)
    }
}

/// The bar of a checked input: `unsupported` when it asks for retention or a message.
fn tier_bar(input: &Json, placed: Placed<'_>) -> Result<TierBar> {
    refuse(input, &crate::tiers::retention::FIELDS, "tier retention")?;
    refuse(input, &TIER_REFUSES, "localised messages")?;
    let (percentage, remaining) = placed.step();
    let mut out = JsonWriter::new();
    out.begin_object();
    for (key, tier) in [("current", &placed.current), ("next", &placed.next)] {
        out.key(key);
        match tier {
            None => out.raw("null"),
            Some((item, _)) => {
                // A current tier's `retainProgress` asks for retention (a next one's is shown).
                if let Some(retain) = item.opt("retainProgress")?.filter(|_| key == "current") {
                    return Err(unsupported(&retain, "tier retention"));
                }
                BarTier(&Tier::from_json(item)?).write_json(&mut out);
            }
        }
    }
    out.field("percentage", &percentage);
    out.field("remaining", &remaining);
    out.field("progress", &placed.progress);
    out.end_object();
    Ok(TierBar(out.finish()))
}

/// `unsupported` at the first of `keys` that `input` has (not `null`).
fn refuse(input: &Json, keys: &[&str], what: &str) -> Result<()> {
    for key in keys {
        if let Some(field) = input.opt(key)? {
            return Err(unsupported(&field, what));
        }
    }
    Ok(())
}

/// `unsupported` at `at`, which asks for `what`.
fn unsupported(at: &Json, what: &str) -> crate::Error {
    let message = crate::error::Message::new("impactkit/bars has no ")
        .text(what)
        .text(": use impactkit/progress");
    at.error(ErrorCode::Unsupported, message)
}

#[cfg(test)]
mod tests {
    use crate::json::{to_json_text, Json, Node};
    use crate::time::{ZoneDb, ZoneRules};

    /// No zones (the bars read none), on every target.
    struct NoZones;

    impl ZoneDb for NoZones {
        fn zone(&self, _name: &str) -> Option<Box<dyn ZoneRules>> {
            None
        }
    }

    /// The bars' writers write what the full package's write for the same numbers.
    #[test]
    fn bars_answers_are_written_as_the_full_packages() {
        let zones = &NoZones;
        let tiers = [
            r#"{"tiers": [{"name": "Basic", "minProgress": 0, "order": 1, "icon": "b.svg"}, {"name": "Gold \"1\"", "minProgress": 190.5, "retainProgress": 150}], "progress": 50, "decimals": 2}"#,
            r#"{"current": {"name": "Gold", "minProgress": 190}, "next": null, "progress": 500}"#,
            r#"{"tiers": [{"name": "Silver", "minProgress": 100}], "progress": 1e-7}"#,
        ];
        for text in tiers {
            let value = crate::json::value_from_text(text).unwrap();
            let input = Json::root(&value);
            let bar = super::tier_progress(&input, zones).unwrap();
            let full = crate::api::tier_numbers(&input).unwrap();
            assert_eq!(to_json_text(&bar), to_json_text(&full), "{text}");
        }
        let milestones = [
            r#"{"current": 248.5, "target": 500}"#,
            r#"{"current": 300, "levels": [100, 250, 500, 1000], "rounding": "nearest"}"#,
            r#"{"current": 2000, "levels": [100, 250]}"#,
        ];
        for text in milestones {
            let value: Node = crate::json::value_from_text(text).unwrap();
            let input = Json::root(&value);
            let bar = super::milestone_progress(&input, zones).unwrap();
            let full = crate::milestones::Milestone::from_json(&input)
                .unwrap()
                .progress();
            assert_eq!(to_json_text(&bar), to_json_text(&full), "{text}");
        }
    }

    /// pkg-templates/bars.json (the module's types, docs and the vector check) refuses what
    /// this module refuses.
    #[test]
    fn bars_json_lists_the_refused_fields() {
        let listed: serde_json::Value =
            serde_json::from_str(include_str!("../pkg-templates/bars.json")).unwrap();
        let names = |f: &str| -> Vec<String> {
            let list = listed["functions"][f]["refuses"].as_array().unwrap();
            list.iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(names("milestoneProgress"), super::MILESTONE_REFUSES);
        let tier = [
            &crate::tiers::retention::FIELDS[..],
            &super::TIER_REFUSES[..],
        ]
        .concat();
        assert_eq!(names("tierProgress"), tier);
    }
}
