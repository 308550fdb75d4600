//! Milestone progress: "248.5 of 500 kg → 49.7 %", single or multi-level, with the pace and
//! ETA from a history ([`pace`]).

pub mod pace;

use crate::decimal::{Decimal, Display};
use crate::error::Result;
use crate::json::{Json, JsonWriter, ToJson};
use crate::time::ZoneDb;

/// A milestone to measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    /// Progress so far (≥ 0).
    pub current: f64,
    /// The goal (> 0). With levels, the final level unless given.
    pub target: f64,
    /// Ascending intermediate goals (e.g. 100/250/500/1000 kg); may be empty.
    pub levels: Vec<f64>,
    /// How percentages are shown.
    pub display: Display,
}

/// Where the customer stands among a milestone's levels.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelProgress {
    /// Levels reached so far (0 = none yet).
    pub level: usize,
    /// The threshold of the level reached (`null` before the first).
    pub level_target: Option<f64>,
    /// The next level's threshold (`null` when all are reached).
    pub next_target: Option<f64>,
    /// Progress from the level reached to the next one.
    pub level_percentage: f64,
    /// Amount still needed for the next level.
    pub level_remaining: f64,
}

/// Milestone output.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneProgress {
    /// `current / target`, rounded per [`Display`], capped at 100.
    pub percentage: f64,
    /// `target − current`, exact, never negative.
    pub remaining: f64,
    /// Whether `current ≥ target`.
    pub is_completed: bool,
    /// Level information, present when levels were given.
    pub levels: Option<LevelProgress>,
    /// Pace and ETA, present when `history` was given.
    pub trend: Option<pace::Trend>,
}

impl MilestoneProgress {
    /// Writes the fields a bar shows (the percentages, `isCompleted` and the level fields) into
    /// the open object: all of [`MilestoneProgress`]'s but the pace and ETA, and all that
    /// `impactkit/bars` writes.
    pub(crate) fn write_bar_fields(&self, out: &mut JsonWriter) {
        out.field("percentage", &self.percentage);
        out.field("remaining", &self.remaining);
        out.field("isCompleted", &self.is_completed);
        if let Some(levels) = &self.levels {
            out.field("level", &levels.level);
            out.field("levelTarget", &levels.level_target);
            out.field("nextTarget", &levels.next_target);
            out.field("levelPercentage", &levels.level_percentage);
            out.field("levelRemaining", &levels.level_remaining);
        }
    }
}

impl ToJson for MilestoneProgress {
    /// The level fields, when present, sit in the same object (flattened).
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        self.write_bar_fields(out);
        if let Some(trend) = &self.trend {
            out.field("pace", &trend.pace);
            out.field("eta", &trend.eta);
        }
        out.end_object();
    }
}

impl Milestone {
    /// Reads `{current, target?, levels?, decimals?, rounding?}`.
    ///
    /// ```
    /// let v = serde_json::json!({"current": 248.5, "target": 500});
    /// let v = impactkit::json::Node::from(&v);
    /// let m = impactkit::milestones::Milestone::from_json(&impactkit::json::Json::root(&v)).unwrap();
    /// assert_eq!(m.progress().percentage, 49.7);
    /// ```
    pub fn from_json(input: &Json) -> Result<Milestone> {
        let current = input.field("current")?.non_negative()?;
        let mut levels = Vec::new();
        if let Some(list) = input.opt("levels")? {
            levels = crate::unique::read_numbers_once(
                &list,
                |item| item.positive(),
                |level| {
                    crate::error::Message::new("level ")
                        .num(level)
                        .text(" is listed twice")
                },
                "levels must not be empty",
            )?;
            levels.sort_unstable_by(f64::total_cmp);
        }
        let target = match (input.opt("target")?, levels.last()) {
            (Some(t), _) => t.positive()?,
            (None, Some(last)) => *last,
            (None, None) => input.field("target")?.positive()?,
        };
        Ok(Milestone {
            current,
            target,
            levels,
            display: Display::from_json(input)?,
        })
    }

    /// Computes the progress.
    ///
    /// ```
    /// use impactkit::{milestones::Milestone, decimal::Display};
    /// let m = Milestone { current: 300.0, target: 1000.0, levels: vec![100.0, 250.0, 500.0, 1000.0], display: Display::default() };
    /// let p = m.progress();
    /// let l = p.levels.unwrap();
    /// assert_eq!((l.level, l.next_target, l.level_percentage), (2, Some(500.0), 20.0));
    /// ```
    pub fn progress(&self) -> MilestoneProgress {
        let current = Decimal::from_f64(self.current);
        let overall = self
            .display
            .progress_of(current, Decimal::from_f64(self.target));
        MilestoneProgress {
            percentage: overall.percentage,
            remaining: overall.remaining,
            is_completed: overall.is_completed,
            levels: (!self.levels.is_empty()).then(|| self.level_progress(current)),
            trend: None,
        }
    }

    /// Levels reached and progress to the next one, compared in decimal like
    /// the overall progress.
    fn level_progress(&self, current: Decimal) -> LevelProgress {
        let reached = self
            .levels
            .iter()
            .take_while(|l| Decimal::from_f64(**l) <= current)
            .count();
        let level_target = reached
            .checked_sub(1)
            .and_then(|i| self.levels.get(i))
            .copied();
        let next_target = self.levels.get(reached).copied();
        let floor = Decimal::from_f64(level_target.unwrap_or(0.0));
        let (level_percentage, level_remaining) = match next_target {
            Some(next) => {
                let step = self
                    .display
                    .progress_of(current - floor, Decimal::from_f64(next) - floor);
                (step.percentage, step.remaining)
            }
            None => (100.0, 0.0),
        };
        LevelProgress {
            level: reached,
            level_target,
            next_target,
            level_percentage,
            level_remaining,
        }
    }
}

/// The `milestoneProgress` function of the JS contract: [`Milestone::progress`], plus
/// [`pace::trend`] when `history` is given.
///
/// ```
/// let v = serde_json::json!({"current": 99.96, "target": 100});
/// let v = impactkit::json::Node::from(&v);
/// let zones = &impactkit::time::TzDatabase;
/// let p = impactkit::milestones::milestone_progress(&impactkit::json::Json::root(&v), zones).unwrap();
/// assert_eq!((p.percentage, p.is_completed, p.trend), (99.9, false, None));
/// ```
pub fn milestone_progress(input: &Json, zones: &dyn ZoneDb) -> Result<MilestoneProgress> {
    let milestone = Milestone::from_json(input)?;
    let mut progress = milestone.progress();
    let (current, target) = (milestone.current, milestone.target);
    progress.trend = pace::trend(
        input,
        Decimal::from_f64(current),
        Decimal::from_f64(target),
        zones,
    )?;
    Ok(progress)
}
