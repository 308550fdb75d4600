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

const TREE_KG = 21.77;
const monthFormatters = new Map();

/** "YYYY-MM" of an instant in an IANA zone or fixed offset, via Intl. */
function localMonth(ms, timeZone) {
  let f = monthFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" });
    monthFormatters.set(timeZone, f);
  }
  return f.format(ms);
}

const monthIndex = (ym) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

/** Highest tier whose threshold `value` reaches, and the next one. */
function tierFor(value, tiers) {
  let earned = null;
  let next = tiers[0]?.[0] ?? null;
  for (let i = 0; i < tiers.length; i++) {
    if (value >= tiers[i][1]) {
      earned = tiers[i][0];
      next = tiers[i + 1]?.[0] ?? null;
    }
  }
  return { earned, next };
}

/**
 * The six seed badges (built-in catalogue) from an order history: which tier each has reached and
 * the next tier of the others. No validity, limits, expiry, cart or backend merge.
 */
export function badgePreview({ orders, now, timezone = "UTC" }) {
  const nowMs = Date.parse(now);
  const seen = new Set();
  const history = [];
  for (const o of orders) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    const at = Date.parse(o.placedAt);
    if (at <= nowMs) history.push({ ...o, at });
  }
  history.sort((a, b) => a.at - b.at);

  let green = 0;
  let savedKg = 0;
  const chains = new Set();
  let recycled = 0;
  const months = new Map();
  for (const o of history) {
    const saved = o.co2SavedKg ?? Math.max(0, o.baselineCo2Kg - o.co2Kg);
    savedKg += saved;
    const isGreen = o.co2Kg < o.baselineCo2Kg;
    if (isGreen) green += 1;
    for (const c of o.supplyChains) if (c.verified) chains.add(c.id);
    if (o.recycledShare > 0.5) recycled += 1;
    const key = localMonth(o.at, timezone);
    const m = months.get(key) ?? { co2: 0, offset: 0, green: false };
    m.co2 += o.co2Kg;
    m.offset += o.offsetKg ?? 0;
    m.green ||= isGreen;
    months.set(key, m);
  }
  const neutral = [...months.values()].some((m) => m.offset > 0 && m.offset + 1e-9 >= m.co2);
  const greenMonths = [...months.entries()].filter(([, m]) => m.green).map(([k]) => monthIndex(k)).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < greenMonths.length; i++) {
    run = i > 0 && greenMonths[i] === greenMonths[i - 1] + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }

  const badges = [
    ["badge_first_green", green, [["BRONZE", 1]]],
    ["badge_tree_saver", Math.round((savedKg / TREE_KG) * 1e9) / 1e9, [["BRONZE", 10], ["SILVER", 50], ["GOLD", 100]]],
    ["badge_chain_champion", chains.size, [["SILVER", 5]]],
    ["badge_circular_hero", recycled, [["GOLD", 10]]],
    ["badge_carbon_neutral", neutral ? 1 : 0, [["PLATINUM", 1]]],
    ["badge_streak_keeper", longest, [["BRONZE", 3], ["SILVER", 6], ["GOLD", 12]]],
  ];
  const earned = [];
  const locked = [];
  for (const [id, value, tiers] of badges) {
    const { earned: tier, next } = tierFor(value, tiers);
    if (tier) earned.push({ id, tier });
    if (next) locked.push({ id, nextTier: next });
  }
  return { earned, locked };
}
