//! Where windows end: a period from a base instant, rounded or overridden, capped by `end`.

use super::period::{last_day_of_unit, Rounding, TimePoint, Unit};
use super::PeriodSpec;
use crate::time::civil::{DateTime, Datelike, Days, Duration, Months, NaiveDateTime, Utc};
use crate::time::Zone;

/// How window ends are computed.
pub(super) struct Schedule {
    pub(super) spec: Option<PeriodSpec>,
    pub(super) point: Option<TimePoint>,
    /// A fixed last moment: no window extends past it or starts at or after it.
    pub(super) cap: Option<DateTime<Utc>>,
}

impl Schedule {
    /// `(shown end, exclusive end)` of the window that starts counting at `base`, `times` periods on.
    pub(super) fn end(
        &self,
        zone: &Zone,
        base: DateTime<Utc>,
        times: i64,
    ) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let Some(spec) = self.spec else {
            let cap = self.cap?;
            return Some((cap, cap));
        };
        let (shown, exclusive) = if let Some(seconds) = spec.seconds() {
            let t = base.checked_add_signed(Duration::try_seconds(seconds.checked_mul(times)?)?)?;
            (t, t)
        } else {
            let n = u64::try_from(times)
                .ok()?
                .checked_mul(u64::from(spec.amount))?;
            // Through the shared calendar arithmetic: no end past the year 9999.
            let mut raw: Option<NaiveDateTime> = None;
            zone.shift_local(base, |local| {
                raw = match spec.unit {
                    Unit::Day => local.checked_add_days(Days::new(n)),
                    Unit::Week => local.checked_add_days(Days::new(n.checked_mul(7)?)),
                    Unit::Month => local.checked_add_months(Months::new(u32::try_from(n).ok()?)),
                    _ => local
                        .checked_add_months(Months::new(u32::try_from(n.checked_mul(12)?).ok()?)),
                };
                raw
            })?;
            let raw = raw?;
            match (self.point, spec.rounding) {
                (Some(p), _) => {
                    let date = p.date_in(raw.date(), spec.unit)?;
                    let t = zone.resolve_local(date.and_hms_opt(p.hour, p.minute, p.second)?);
                    (t, t)
                }
                (None, Rounding::Exact) => {
                    let t = zone.resolve_local(raw);
                    (t, t)
                }
                (None, Rounding::StartOfDay) => {
                    let t = zone.start_of_day(raw.date());
                    (t, t)
                }
                (None, Rounding::EndOfUnit) => {
                    let next = last_day_of_unit(raw.date(), spec.unit)?.succ_opt()?;
                    let t = zone.start_of_day(next);
                    (t - Duration::seconds(1), t)
                }
            }
        };
        let (shown, exclusive) = match self.cap {
            Some(cap) if cap < exclusive => (cap.min(shown), cap),
            _ => (shown, exclusive),
        };
        zone.writable(shown).then_some((shown, exclusive))
    }

    /// Roughly how many whole periods lie between `anchor` and `now` (never more).
    pub(super) fn periods_between(
        &self,
        zone: &Zone,
        anchor: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> i64 {
        let Some(spec) = self.spec else { return 0 };
        let amount = i64::from(spec.amount);
        if let Some(seconds) = spec.seconds() {
            return (now - anchor).num_seconds() / seconds;
        }
        let (a, b) = (zone.date_of(anchor), zone.date_of(now));
        let days = (b - a).num_days();
        let months =
            i64::from(b.year() - a.year()) * 12 + i64::from(b.month()) - i64::from(a.month());
        match spec.unit {
            Unit::Day => days / amount,
            Unit::Week => days / (7 * amount),
            Unit::Month => months / amount,
            _ => months / (12 * amount),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::achievements::{achievement_window, PeriodSpec};
    use crate::json::Json;
    use crate::time::TzDatabase;

    #[test]
    fn fixed_schedule_search_matches_stepping_window_by_window() {
        let periods = [
            "1D", "3D", "2W", "1M", "3M_U", "1Y", "7h", "90m", "1W_U", "30D_D", "1M_U", "2Y_U",
        ];
        let zones = [
            "UTC",
            "Europe/Berlin",
            "America/New_York",
            "Australia/Lord_Howe",
        ];
        let mut seed: u64 = 42;
        let mut rand = |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        for case in 0..1500 {
            let period = periods[rand(periods.len() as u64) as usize];
            let zone_name = zones[rand(zones.len() as u64) as usize];
            let anchor = 1_577_836_800 + rand(400 * 86_400) as i64; // 2020
            let horizon = if period.ends_with('h') || period.ends_with('m') {
                20 * 86_400
            } else {
                6 * 365 * 86_400
            };
            let now = anchor + rand(horizon) as i64;
            let input = serde_json::json!({
                "start": anchor * 1000, "now": now * 1000, "period": period,
                "timezone": zone_name, "activationPolicy": "fixed_schedule"
            });
            let got =
                achievement_window(&Json::root(&crate::json::Node::from(&input)), &TzDatabase)
                    .unwrap();

            let zone = Zone::parse(zone_name, &TzDatabase).unwrap();
            let schedule = Schedule {
                spec: PeriodSpec::parse(period),
                point: None,
                cap: None,
            };
            let start = DateTime::from_timestamp(anchor, 0).unwrap();
            let now_t = DateTime::from_timestamp(now, 0).unwrap();
            let (mut s, mut k) = (start, 1);
            let (mut shown, mut exclusive) = schedule.end(&zone, start, k).unwrap();
            while exclusive <= now_t {
                s = exclusive;
                k += 1;
                (shown, exclusive) = schedule.end(&zone, start, k).unwrap();
            }
            assert_eq!(
                (got.start.as_str(), got.end.as_str()),
                (zone.format(s).as_str(), zone.format(shown).as_str()),
                "case {case}: {input}"
            );
            assert!(s <= now_t && now_t < exclusive, "case {case}: {input}");
        }
    }

    #[test]
    fn period_syntax() {
        for ok in [
            "1D", "7D", "30s", "40m", "1h", "5D", "7W", "10M", "15Y", "23W_U", "30D_D",
        ] {
            assert!(PeriodSpec::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "", "D", "1", "-1D", "1.5D", "0D", "1d", "1D_X", "1h_D", "1M_D", " 1D", "1é",
        ] {
            assert!(PeriodSpec::parse(bad).is_none(), "{bad}");
        }
    }
}
