// Formatting for the widgets (Intl, in the widget's locale) and the seed catalogue's display data.
// Intl formatters are costly to build (a streak calendar needs hundreds of labels): each distinct
// (kind, locale, options) is built once per page and reused.
const formatters = new Map();
/** A cached `new Intl[kind](locale, options)`. */
function intl(kind, locale, options) {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl[kind](locale, options);
    formatters.set(key, f);
  }
  return f;
}

/**
 * Builds the formatters a widget in `locale` needs first, one per task (a new locale or timezone
 * loads its data), rather than all in the widget's render task.
 */
const warmed = new Set();
export function warmIntl(locale) {
  if (warmed.has(locale)) return;
  warmed.add(locale);
  const steps = [() => browserTimeZone(), () => fmtNumber(locale, 1.5), () => fmtPercent(locale, 49.7),
    () => fmtDate(locale, "2024-01-01T00:00:00Z", browserTimeZone())];
  const next = () => { try { steps.shift()?.(); } catch { /* an unsupported locale fails later, visibly */ } if (steps.length) setTimeout(next, 0); };
  setTimeout(next, 0);
}

/** Expands `{customer}` in a URL template. */
export const fillUrl = (template, customer) => template.replaceAll("{customer}", encodeURIComponent(customer));

export const nowIso = () => new Date().toISOString();
let zone = null;
/** The browser's IANA timezone (or "UTC"); read once per page. */
export const browserTimeZone = () => (zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
export function fmtNumber(locale, n, max = 1) {
  return intl("NumberFormat", locale, { maximumFractionDigits: max }).format(n);
}
/** impactkit percentages are already rounded (down) to their decimals: format, never round up. */
export function fmtPercent(locale, p) {
  return intl("NumberFormat", locale, { style: "percent", maximumFractionDigits: 1, roundingMode: "trunc" }).format(p / 100);
}
/** A percentage in words for screen readers ("49.7 percent", "49,7 Prozent"), truncated like fmtPercent. */
export function fmtPercentWords(locale, p) {
  try {
    return intl("NumberFormat", locale, { style: "unit", unit: "percent", unitDisplay: "long", maximumFractionDigits: 1, roundingMode: "trunc" }).format(p);
  } catch {
    return fmtPercent(locale, p);
  }
}
/** A date part of `ms` in UTC (the streak calendar's days), e.g. `{ weekday: "long" }`. */
export function fmtDay(locale, ms, options) {
  return intl("DateTimeFormat", locale, { timeZone: "UTC", ...options }).format(new Date(ms));
}
/**
 * The few phrases the widgets give assistive technology (progress value texts, calendar cells),
 * in the supported locales (en, de, fr, es, ar, ja); other locales get English.
 */
const PHRASES = {
  en: { toGo: (x) => `${x} to go`, done: "completed", visits: (n, x) => `${x} ${n === 1 ? "visit" : "visits"}`, upcoming: "upcoming", of: (a, b) => `${a} of ${b}` },
  de: { toGo: (x) => `noch ${x}`, done: "erreicht", visits: (n, x) => `${x} ${n === 1 ? "Besuch" : "Besuche"}`, upcoming: "noch nicht", of: (a, b) => `${a} von ${b}` },
  fr: { toGo: (x) => `encore ${x}`, done: "terminé", visits: (n, x) => `${x} ${n < 2 ? "visite" : "visites"}`, upcoming: "à venir", of: (a, b) => `${a} sur ${b}` },
  es: { toGo: (x) => `faltan ${x}`, done: "completado", visits: (n, x) => `${x} ${n === 1 ? "visita" : "visitas"}`, upcoming: "próximamente", of: (a, b) => `${a} de ${b}` },
  ar: { toGo: (x) => `متبقٍ ${x}`, done: "مكتمل", visits: (n, x) => `${x} زيارات`, upcoming: "قادم", of: (a, b) => `${a} من ${b}` },
  ja: { toGo: (x) => `残り${x}`, done: "達成", visits: (n, x) => `${x}回の訪問`, upcoming: "今後", of: (a, b) => `${b}中${a}` },
};
/** The phrase table for `locale` (by language, English when not supported). */
export const phrases = (locale) => PHRASES[String(locale).slice(0, 2).toLowerCase()] ?? PHRASES.en;
/** Whether `locale` is written right to left. */
export const isRtl = (locale) => /^(ar|he|fa|ur)\b/i.test(String(locale));
export function fmtDate(locale, iso, timeZone, withTime = false) {
  if (!iso) return "";
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return intl("DateTimeFormat", locale, { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), timeZone: iso.length === 10 ? "UTC" : timeZone }).format(d);
}
export function fmtDuration(locale, seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  const unit = (v, u) => intl("NumberFormat", locale, { style: "unit", unit: u, unitDisplay: "narrow" }).format(v);
  if (d > 0) return `${unit(d, "day")} ${unit(h, "hour")}`;
  if (h > 0) return `${unit(h, "hour")} ${unit(m, "minute")}`;
  return unit(m, "minute");
}
/** Local calendar date "YYYY-MM-DD" of an instant in `timeZone`. */
export function localDate(date, timeZone) {
  return intl("DateTimeFormat", "en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** The seed catalogue's display data (seed 000 badge types), for ids a badge result names. */
export const BADGES = {
  badge_first_green: { name: "First Green Purchase", icon: "🌱" },
  badge_tree_saver: { name: "Tree Saver", icon: "🌳" },
  badge_chain_champion: { name: "Chain Champion", icon: "🔗" },
  badge_circular_hero: { name: "Circular Hero", icon: "♻️" },
  badge_carbon_neutral: { name: "Carbon Neutral", icon: "🌍" },
  badge_streak_keeper: { name: "Streak Keeper", icon: "🔥" },
};
const ICONS = { seedling: "🌱", tree: "🌳", chain: "🔗", recycle: "♻️", globe: "🌍", flame: "🔥", fire: "🔥" };
export const badgeName = (id, fallback) => fallback ?? BADGES[id]?.name ?? id;
export const badgeIcon = (id, icon) => ICONS[icon] ?? BADGES[id]?.icon ?? "🏅";
/** "GOLD" → "Gold". */
export const tierLabel = (t) => (t ? t.charAt(0) + t.slice(1).toLowerCase() : "");
