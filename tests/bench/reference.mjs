// The JavaScript a competent developer would write for the same computations, used as the
// benchmark reference. Readable and idiomatic, not tuned. `check-reference.mjs` runs it
// against the golden vectors it covers so both sides compute the same answers.

/** Milestone percentage, 1 decimal rounded down, capped at 100 (no exact-decimal tricks). */
export function milestoneProgress({ current, target }) {
  if (typeof current !== "number" || typeof target !== "number" || target <= 0 || current < 0) {
    throw new Error("invalid milestone");
  }
  const isCompleted = current >= target;
  // Scale to tenths with a small epsilon so 248.5/500 gives 49.7, not 49.6.
  const tenths = Math.floor((current / target) * 1000 + 1e-9);
  const percentage = isCompleted ? 100 : Math.min(tenths / 10, 99.9);
  const remaining = Math.max(0, Math.round((target - current) * 1e9) / 1e9);
  return { percentage, remaining, isCompleted };
}

/** Tier progress from a tier list: current, next, percentage of the span, remaining. */
export function tierProgress({ tiers, progress }) {
  const sorted = [...tiers].sort((a, b) => a.minProgress - b.minProgress);
  let current = null;
  let next = null;
  for (const tier of sorted) {
    if (tier.minProgress <= progress) current = tier;
    else { next = tier; break; }
  }
  if (!next) return { current, next: null, percentage: 100, remaining: 0, progress };
  const floor = current ? current.minProgress : 0;
  const share = (progress - floor) / (next.minProgress - floor);
  const percentage = Math.floor(share * 1000 + 1e-9) / 10;
  const remaining = Math.round((next.minProgress - progress) * 1e9) / 1e9;
  return { current, next, percentage, remaining, progress };
}

const DAY = 86_400_000;
const formatters = new Map();

/** "YYYY-MM-DD" of an instant in an IANA zone, via Intl (en-CA formats dates as ISO). */
function localDate(instant, timeZone) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f.format(instant);
}

const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const isoOf = (n) => new Date(n * DAY).toISOString().slice(0, 10);

/** Daily streak: current, longest (earliest on ties), total, state, start/end days. */
export function dailyStreak({ activity, now, timezone = "UTC" }) {
  const nowMs = Date.parse(now);
  const today = dayNumber(localDate(new Date(nowMs), timezone));
  const counts = new Map();
  let total = 0;
  for (const record of activity) {
    if (record.at !== undefined && Date.parse(record.at) > nowMs) continue;
    const iso = record.date ?? localDate(new Date(record.at), timezone);
    const day = dayNumber(iso);
    if (day > today) continue;
    const count = record.count ?? 1;
    total += count;
    counts.set(day, (counts.get(day) ?? 0) + count);
  }
  const done = [...counts.entries()].filter(([, c]) => c >= 1).map(([d]) => d).sort((a, b) => a - b);
  let longest = { length: 0, start: null, end: null };
  let run = null;
  for (const day of done) {
    if (run && day === run.end + 1) run.end = day;
    else run = { start: day, end: day };
    const length = run.end - run.start + 1;
    if (length > longest.length) longest = { length, start: run.start, end: run.end };
  }
  const last = run;
  const todayDone = counts.get(today) >= 1;
  let state = "none";
  let current = 0;
  if (last) {
    if (last.end === today) state = "active";
    else if (last.end === today - 1) state = "pending";
    else state = "broken";
    if (state !== "broken") current = last.end - last.start + 1;
  }
  const live = state === "active" || state === "pending";
  return {
    current,
    longest: longest.length,
    total,
    state,
    todayDone: Boolean(todayDone),
    currentStart: live ? isoOf(last.start) : null,
    currentEnd: live ? isoOf(last.end) : null,
    longestStart: longest.start === null ? null : isoOf(longest.start),
    longestEnd: longest.end === null ? null : isoOf(longest.end),
  };
}
