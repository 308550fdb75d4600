// impactkit drop-in widgets: <impact-milestones>, <impact-badges>, <impact-streak>, <impact-card>.
// One script tag on a storefront:
//   <script type="module" src="/impactkit/elements.js"></script>
//   <impact-milestones endpoint="/graphql" customer="cust_123" locale="en" theme="auto"></impact-milestones>
// Plain ES module next to impactkit.js (the package's browser entry); no bundler, no dependencies. User data is only ever
// rendered with textContent / attributes, never parsed as HTML. Functions that a build of impactkit
// may lack (badgePreview, streak, achievementWindow, impactCard) are feature-detected: the widget
// shows a "not available in this build" note instead of failing.
import init, * as impactkit from "./impactkit.js";

export { impactkit };
/** Resolves to the impactkit module namespace once the wasm is instantiated (once per page). */
export const ready = init().then(() => impactkit);
/** Whether this build of impactkit exports `name` as a function. */
export const has = (name) => typeof impactkit[name] === "function";

// ------------------------------------------------------------------------------------------------
// Data: fetch JSON with an offline fallback to the last copy (Cache API, shared with the demo's
// service worker). Every result says whether it came from the cache and from when.
const DATA_CACHE = "impactkit-data-v1";
const memo = new Map();

/** Forget memoised responses (e.g. on a "refresh" button). */
export function clearMemo() { memo.clear(); }

/**
 * GET `url` as JSON. Resolves to `{data, cachedAt}`: `cachedAt` is null for a live answer, or the
 * ISO time the cached copy was fetched. Dispatches `impactkit:fetch` on `document` with the same.
 */
export function fetchJson(url, { headers = {} } = {}) {
  const abs = new URL(url, document.baseURI).href;
  if (!memo.has(abs)) {
    const p = load(abs, headers);
    memo.set(abs, p);
    p.catch(() => memo.delete(abs));
    p.then((r) => document.dispatchEvent(new CustomEvent("impactkit:fetch", { detail: { url: abs, cachedAt: r.cachedAt } })), () => {});
  }
  return memo.get(abs);
}

async function load(url, headers) {
  let res = null;
  try {
    res = await fetch(url, { headers: { accept: "application/json", ...headers } });
  } catch {
    res = null; // offline or unreachable: try the cache below
  }
  if (res && res.ok) {
    const text = await res.text();
    const cachedAt = res.headers.get("x-impactkit-cached-at");
    if (cachedAt === null && !navigator.serviceWorker?.controller && "caches" in globalThis) {
      // no service worker in charge (yet): keep the last JSON ourselves
      const copy = new Response(text, { headers: { "content-type": "application/json", "x-impactkit-fetched-at": new Date().toISOString() } });
      caches.open(DATA_CACHE).then((c) => c.put(url, copy)).catch(() => {});
    }
    return { data: JSON.parse(text), cachedAt: cachedAt === null ? null : cachedAt || "unknown" };
  }
  if (!res || res.status >= 500) {
    const hit = "caches" in globalThis ? await caches.match(url, { cacheName: DATA_CACHE }).catch(() => null) : null;
    if (hit) return { data: await hit.json(), cachedAt: hit.headers.get("x-impactkit-fetched-at") || "unknown" };
    throw widgetError("offline", res ? `the server answered ${res.status} and nothing is cached` : "offline and nothing cached yet");
  }
  throw widgetError("http_error", `${new URL(url).pathname} answered ${res.status}`);
}

function widgetError(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

const PROFILE_QUERY = `query Profile($id: ID!) {
  customerImpactProfile(customerId: $id) {
    totalCo2Saved totalOrders
    badges { id name description icon earnedAt tier }
    milestones { id name target current percentage isCompleted }
    ranking { position percentile description }
  }
  customerMilestones(customerId: $id) {
    active { id name current target unit percentage }
    completed { id name completedAt }
  }
}`;

/** A GraphQL query over GET (cacheable, works offline through the cache). Resolves to `{data, cachedAt}`. */
export function graphqlGet(endpoint, query, variables, { viewer } = {}) {
  const u = new URL(endpoint, document.baseURI);
  u.searchParams.set("query", query.replace(/\s+/g, " ").trim());
  if (variables) u.searchParams.set("variables", JSON.stringify(variables));
  if (viewer) u.searchParams.set("viewer", viewer);
  return fetchJson(u.href);
}

/** Seed 000 profile + milestones for `customer`, as the raw GraphQL response `{data, errors?}`. */
export async function fetchProfile(endpoint, customer) {
  const r = await graphqlGet(endpoint, PROFILE_QUERY, { id: customer });
  if (!r.data?.data?.customerImpactProfile && !r.data?.errors) throw widgetError("not_found", `no customer ${customer}`);
  return r;
}

/** Expands `{customer}` in a URL template. */
export const fillUrl = (template, customer) => template.replaceAll("{customer}", encodeURIComponent(customer));

// ------------------------------------------------------------------------------------------------
// Formatting (Intl, in the widget's locale).
export const nowIso = () => new Date().toISOString();
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
export function fmtNumber(locale, n, max = 1) {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: max }).format(n);
}
/** impactkit percentages are already rounded (down) to their decimals: format, never round up. */
export function fmtPercent(locale, p) {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1, roundingMode: "trunc" }).format(p / 100);
}
/** A percentage in words for screen readers ("49.7 percent", "49,7 Prozent"), truncated like fmtPercent. */
export function fmtPercentWords(locale, p) {
  try {
    return new Intl.NumberFormat(locale, { style: "unit", unit: "percent", unitDisplay: "long", maximumFractionDigits: 1, roundingMode: "trunc" }).format(p);
  } catch {
    return fmtPercent(locale, p);
  }
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
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), timeZone: iso.length === 10 ? "UTC" : timeZone }).format(d);
}
export function fmtDuration(locale, seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  const unit = (v, u) => new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "narrow" }).format(v);
  if (d > 0) return `${unit(d, "day")} ${unit(h, "hour")}`;
  if (h > 0) return `${unit(h, "hour")} ${unit(m, "minute")}`;
  return unit(m, "minute");
}
/** Local calendar date "YYYY-MM-DD" of an instant in `timeZone`. */
export function localDate(date, timeZone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
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
const tierLabel = (t) => (t ? t.charAt(0) + t.slice(1).toLowerCase() : "");

// ------------------------------------------------------------------------------------------------
// DOM helpers: elements from tag/props/children; text always via textContent.
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = String(v);
    else if (k === "style") Object.assign(el.style, v);
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** A decorative emoji before a heading: hidden from assistive technology. */
const icon = (emoji) => h("span", { "aria-hidden": "true", text: `${emoji} ` });

/** An ARIA progressbar with a visible fill; `percentage` from impactkit. */
export function progressBar(label, percentage, valueText, { state } = {}) {
  return h("div", {
    class: `bar${state ? ` ${state}` : ""}`, role: "progressbar", "aria-label": label,
    "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": percentage, "aria-valuetext": valueText,
  }, h("div", { class: "fill", style: { width: `${Math.min(100, Math.max(0, percentage))}%` } }));
}

// ------------------------------------------------------------------------------------------------
// Contrast (WCAG 2.x relative luminance) of computed CSS colours, for custom-theme warnings.
/** [r, g, b, alpha] of a computed CSS colour ("rgb(…)", "rgba(…)", "color(srgb …)"), or null. */
export function parseColor(text) {
  const m = /^rgba?\(([^)]+)\)$/.exec(String(text).trim());
  if (m) {
    const [r, g, b, a = "1"] = m[1].split(/[\s,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  }
  const c = /^color\(srgb ([^)]+)\)$/.exec(String(text).trim());
  if (c) {
    const [r, g, b, , a = "1"] = c[1].split(/[\s]+/).filter(Boolean);
    return [Number(r) * 255, Number(g) * 255, Number(b) * 255, Number(a)];
  }
  return null;
}
/** The WCAG contrast ratio of two opaque [r, g, b] colours. */
export function contrastRatio(a, b) {
  const lum = ([r, g, b]) => [r, g, b].map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
/** The colour pairs every widget needs: [foreground token, background token, minimum ratio]. */
const CONTRAST_PAIRS = [["fg", "bg", 4.5], ["muted", "bg", 4.5], ["accent", "bg", 4.5], ["fg", "chip", 4.5],
  ["muted", "chip", 4.5], ["accent", "track", 3], ["accent2", "track", 3]];

// Built-in palettes: text ≥ 4.5:1 on bg and chip, bars ≥ 3:1 on track (checked by tests/a11y/audit.mjs).
const LIGHT = "--_bg:#ffffff;--_fg:#17231b;--_muted:#56645a;--_accent:#2b7130;--_accent2:#00695c;--_track:#e4ebe5;--_border:#d4ddd6;--_control:#7a877d;--_warn:#8a5300;--_chip:#eef4ef;" +
  "--_error:#c62828;--_bronze:#8d5524;--_silver:#4f6672;--_gold:#7a5c00;--_platinum:#4a55b8;";
const DARK = "--_bg:#141b16;--_fg:#e8efe9;--_muted:#a3b2a7;--_accent:#66bb6a;--_accent2:#4db6ac;--_track:#2a352d;--_border:#2f3b32;--_control:#7d8c80;--_warn:#ffb74d;--_chip:#1f2a22;" +
  "--_error:#ff8a80;--_bronze:#d7a070;--_silver:#b0bec5;--_gold:#e6c34d;--_platinum:#a5adf0;";
/** The colours in use: a storefront's --impact-* custom properties, else the built-in palette. */
const TOKENS = "--ik-fg:var(--impact-fg, var(--_fg));--ik-bg:var(--impact-bg, var(--_bg));--ik-muted:var(--impact-muted, var(--_muted));" +
  "--ik-accent:var(--impact-accent, var(--_accent));--ik-accent2:var(--impact-accent2, var(--_accent2));--ik-track:var(--impact-track, var(--_track));" +
  "--ik-border:var(--impact-border, var(--_border));--ik-chip:var(--impact-chip, var(--_chip));";
export const BASE_CSS = `
:host { ${LIGHT} ${TOKENS} display:block; box-sizing:border-box; color:var(--ik-fg); background:var(--ik-bg);
  border:1px solid var(--ik-border); border-radius:var(--impact-radius, 14px); padding:1rem 1.1rem; font:inherit; line-height:1.4; }
:host([theme=dark]) { ${DARK} }
@media (prefers-color-scheme: dark) { :host(:not([theme=light])) { ${DARK} } }
:host([hidden]) { display:none; }
* { box-sizing:border-box; }
h3 { margin:0 0 .6rem; font-size:1.05rem; display:flex; gap:.5rem; align-items:center; }
.muted { color:var(--ik-muted); font-size:.9rem; }
.note { color:var(--ik-muted); font-size:.9rem; border:1px dashed var(--ik-border); border-radius:10px; padding:.6rem .7rem; margin:.4rem 0 0; }
.error { color:var(--_error); }
.done { color:var(--ik-accent); }
.sr { position:absolute; width:1px; height:1px; margin:-1px; padding:0; overflow:hidden; clip-path:inset(50%); white-space:nowrap; border:0; }
.bar { height:.7rem; border-radius:.35rem; background:var(--ik-track); overflow:hidden; margin:.3rem 0 .2rem; }
.bar .fill { height:100%; background:linear-gradient(90deg, var(--ik-accent), var(--ik-accent2)); border-radius:inherit; transition:width .4s ease; }
:host(:dir(rtl)) .bar .fill { background:linear-gradient(270deg, var(--ik-accent), var(--ik-accent2)); }
.row { display:flex; justify-content:space-between; gap:.5rem; align-items:baseline; flex-wrap:wrap; }
.pct { font-variant-numeric:tabular-nums; font-weight:650; }
.chip { display:inline-block; font-size:.72rem; letter-spacing:.03em; text-transform:uppercase; padding:.1rem .45rem; border-radius:99px; background:var(--ik-chip); border:1px solid var(--ik-border); }
.chip.BRONZE { color:var(--_bronze); } .chip.SILVER { color:var(--_silver); } .chip.GOLD { color:var(--_gold); } .chip.PLATINUM { color:var(--_platinum); }
ul { list-style:none; margin:0; padding:0; }
select, button, input { font:inherit; color:inherit; }
button, select { background:var(--ik-chip); border:1px solid var(--_control); border-radius:8px; padding:.35rem .7rem; cursor:pointer; min-height:2.25rem; min-width:2.25rem; }
:focus-visible { outline:2px solid var(--ik-accent); outline-offset:2px; }
@media (prefers-reduced-motion: reduce) { *, *::before, *::after { transition:none !important; animation:none !important; scroll-behavior:auto !important; } }
`;

/** What identifies a focusable control across re-renders (its name, download kind or date). */
const focusKey = (el) => (el && el !== document.body ? el.dataset?.key ?? el.dataset?.date ?? el.getAttribute?.("name") ?? el.dataset?.download ?? null : null);

/** Base class: attributes endpoint / customer / locale / theme / timezone, loading and error states. */
class ImpactElement extends HTMLElement {
  static get observedAttributes() { return ["endpoint", "customer", "locale", "theme", "timezone"]; }
  #gen = 0;
  #queued = false;
  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = BASE_CSS + this.constructor.css;
    this.body = h("div", { part: "body" });
    // one polite live region per widget, outside the re-rendered body, for announce()
    this.live = h("p", { class: "sr", role: "status", part: "live" });
    this.root.append(style, this.body, this.live);
  }
  static css = "";
  get endpoint() { return this.getAttribute("endpoint") || "/graphql"; }
  get customer() { return this.getAttribute("customer") || ""; }
  get locale() { return this.getAttribute("locale") || navigator.language || "en"; }
  get timezone() { return this.getAttribute("timezone") || browserTimeZone(); }
  connectedCallback() { this.refresh(); }
  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected && name !== "theme") this.refresh();
    if (name === "theme" && this.isConnected && this.onTheme) this.onTheme();
  }
  /** Re-render (debounced to one run per task); resolves when rendered. */
  refresh() {
    if (!this.#queued) {
      this.#queued = true;
      this.rendered = new Promise((ok) => queueMicrotask(() => { this.#queued = false; this.#run().then(ok); }));
    }
    return this.rendered;
  }
  async #run() {
    const gen = ++this.#gen;
    if (!this.customer) return this.#show("empty", [h("p", { class: "muted", text: "Set the customer attribute." })]);
    this.setAttribute("data-state", "loading");
    this.setAttribute("aria-busy", "true");
    try {
      const mod = await ready;
      const nodes = await this.draw(mod);
      if (gen === this.#gen) this.#show(this.unavailable ? "unavailable" : "ready", nodes);
    } catch (error) {
      if (gen !== this.#gen) return;
      const where = error.path ? ` at ${error.path}` : "";
      this.#show("error", [h("p", { class: "error", role: "alert", text: `${this.widgetName || "Widget"}: ${error.code ?? "error"}${where}: ${error.message}` })]);
      this.dispatchEvent(new CustomEvent("impactkit:error", { bubbles: true, composed: true, detail: { error } }));
    }
  }
  #show(state, nodes) {
    // keyboard focus survives re-renders: the control with the same key gets it back
    const focused = focusKey(this.root.activeElement);
    this.body.replaceChildren(...nodes);
    const again = focused && [...this.body.querySelectorAll("[tabindex], button, select, input, a[href]")].find((el) => focusKey(el) === focused);
    if (again) {
      if (again.tabIndex < 0) { // a roving-tabindex cell: it becomes the one in the tab order
        for (const el of again.closest("[role=grid]")?.querySelectorAll("[tabindex='0']") ?? []) el.tabIndex = -1;
        again.tabIndex = 0;
      }
      again.focus();
    }
    this.setAttribute("data-state", state);
    this.removeAttribute("aria-busy");
    this.afterRender?.();
    this.checkContrast();
    this.dispatchEvent(new CustomEvent("impactkit:render", { bubbles: true, composed: true, detail: { state } }));
  }
  #announced = "";
  /** Says `text` once through the widget's polite live region (repeats of the last message are dropped). */
  announce(text) {
    if (!text || text === this.#announced) return;
    this.#announced = text;
    this.live.textContent = text;
  }
  #warned = "";
  /**
   * Checks the colours in use (built-in theme or the page's --impact-* properties) against WCAG AA:
   * text ≥ 4.5:1, bars ≥ 3:1. Failing pairs are listed in `contrastWarnings` and the
   * `data-contrast-warning` attribute, fire `impactkit:contrast-warning` and a console warning.
   */
  checkContrast() {
    const probe = h("span", { "aria-hidden": "true", hidden: true });
    this.root.append(probe);
    const color = (token) => { probe.style.color = `var(--ik-${token})`; return parseColor(getComputedStyle(probe).color); };
    const warnings = [];
    for (const [fg, bg, min] of CONTRAST_PAIRS) {
      const [a, b] = [color(fg), color(bg)];
      if (!a || !b || a[3] < 1 || b[3] < 1) continue; // translucent colours depend on the page behind
      const ratio = contrastRatio(a, b);
      if (ratio < min) warnings.push({ foreground: fg, background: bg, ratio: Math.floor(ratio * 100) / 100, required: min });
    }
    probe.remove();
    this.contrastWarnings = warnings;
    const text = warnings.map((w) => `${w.foreground} on ${w.background} ${w.ratio}:1 < ${w.required}:1`).join("; ");
    if (text) this.setAttribute("data-contrast-warning", text); else this.removeAttribute("data-contrast-warning");
    if (text && text !== this.#warned) {
      console.warn(`<${this.localName}>: theme colours below WCAG AA contrast: ${text}`);
      this.dispatchEvent(new CustomEvent("impactkit:contrast-warning", { bubbles: true, composed: true, detail: { warnings } }));
    }
    this.#warned = text;
  }
  /** The "not available in this build" note for a missing impactkit function. */
  missing(fn, what) {
    this.unavailable = true;
    return h("p", { class: "note", "data-missing": fn, text: `${what}: not available in this build of impactkit (it needs ${fn}()).` });
  }
}

// ------------------------------------------------------------------------------------------------
/** <impact-milestones endpoint customer locale theme timezone>: milestone progress bars (seed 000). */
class ImpactMilestones extends ImpactElement {
  static css = `li { margin:.7rem 0 .9rem; } .totals { font-size:.95rem; margin:0 0 .4rem; }`;
  widgetName = "Milestones";
  async draw(ik) {
    const r = await fetchProfile(this.endpoint, this.customer);
    const profile = ik.readImpactProfile({ ...r.data, timezone: this.timezone });
    const L = this.locale;
    const items = profile.milestones.map((m) => {
      const unit = m.unit ?? (/kg|co2/i.test(m.name) ? "kg" : "");
      const pct = fmtPercent(L, m.percentage);
      const amount = `${fmtNumber(L, m.current)} / ${fmtNumber(L, m.target)}${unit ? ` ${unit}` : ""}`;
      const P = phrases(L);
      const left = m.isCompleted ? P.done : P.toGo(`${fmtNumber(L, m.remaining)}${unit ? ` ${unit}` : ""}`);
      return h("li", { "data-milestone": m.id ?? m.name },
        h("div", { class: "row" }, h("span", { text: m.name }), h("span", { class: "pct", text: pct })),
        progressBar(m.name, m.percentage, `${fmtPercentWords(L, m.percentage)}, ${left}`),
        h("div", { class: "row muted" }, h("span", { text: amount }),
          h("span", { text: m.isCompleted ? "✓ completed" : `${fmtNumber(L, m.remaining)}${unit ? ` ${unit}` : ""} to go` })));
    });
    const done = profile.completedMilestones.map((c) => h("li", { class: "muted" }, h("span", { class: "done", text: "✓ " }),
      `${c.name}${c.completedAt ? ` · ${fmtDate(L, c.completedAt, this.timezone)}` : ""}`));
    return [
      h("h3", {}, icon("🎯"), this.getAttribute("heading") || "Milestones"),
      profile.totalCo2Saved === null ? null : h("p", { class: "totals" },
        h("strong", { text: `${fmtNumber(L, profile.totalCo2Saved)} kg CO₂` }), ` saved in ${fmtNumber(L, profile.totalOrders ?? 0, 0)} orders`),
      items.length ? h("ul", {}, items) : h("p", { class: "muted", text: "No milestones yet." }),
      done.length ? h("ul", { class: "completed" }, done) : null,
    ];
  }
}

// ------------------------------------------------------------------------------------------------
/**
 * <impact-badges endpoint customer orders-endpoint locale theme timezone>: trophy case, earned and
 * locked badges with hints, from the order history (`orders-endpoint`, a URL template with
 * {customer}, answering `{orders: [...]}` or an array) and the profile's earned badges.
 * `preview(cart)` runs a what-if for a hypothetical order and highlights what it would unlock.
 */
class ImpactBadges extends ImpactElement {
  static get observedAttributes() { return [...super.observedAttributes, "orders-endpoint"]; }
  static css = `
.grid { display:grid; grid-template-columns:repeat(auto-fill, minmax(9.5rem, 1fr)); gap:.6rem; }
.badge { border:1px solid var(--ik-border); border-radius:12px; padding:.6rem; display:flex; flex-direction:column; gap:.25rem; background:var(--ik-chip); position:relative; }
.badge .icon { font-size:1.7rem; line-height:1; }
.badge .name { font-weight:600; font-size:.95rem; }
.badge.locked .icon { filter:grayscale(1); opacity:.55; }
.badge.locked { background:transparent; }
.badge.unlock { outline:2px solid var(--ik-accent); box-shadow:0 0 0 4px color-mix(in srgb, var(--ik-accent) 25%, transparent); }
.badge .hint { font-size:.8rem; color:var(--ik-muted); }
.badge .flag { position:absolute; top:.4rem; right:.5rem; font-size:.7rem; color:var(--ik-accent); font-weight:700; }
h4 { margin:.8rem 0 .4rem; font-size:.85rem; text-transform:uppercase; letter-spacing:.05em; color:var(--ik-muted); }`;
  widgetName = "Badges";
  get ordersEndpoint() { return this.getAttribute("orders-endpoint") || "/api/demo/customers/{customer}/orders"; }

  async inputs() {
    const [profileRes, ordersRes] = await Promise.all([
      fetchProfile(this.endpoint, this.customer),
      has("badgePreview") ? fetchJson(fillUrl(this.ordersEndpoint, this.customer)) : null,
    ]);
    const raw = profileRes.data?.data?.customerImpactProfile;
    const orders = ordersRes ? (Array.isArray(ordersRes.data) ? ordersRes.data : ordersRes.data.orders) : [];
    return { earned: raw?.badges ?? [], orders };
  }

  /** badgePreview for the current customer, optionally with a hypothetical `cart` order. */
  async preview(cart) {
    const ik = await ready;
    if (!has("badgePreview")) return null;
    const { earned, orders } = await this.inputs();
    return ik.badgePreview({ orders, earned, now: nowIso(), timezone: this.timezone, ...(cart ? { cart } : {}) });
  }

  /** Marks the badges with these ids as "unlocks with this cart" (kept across re-renders). */
  highlight(ids) {
    this.highlighted = ids;
    const set = new Set(ids);
    for (const el of this.root.querySelectorAll(".badge")) {
      const on = set.has(el.dataset.badge) && el.classList.contains("locked");
      el.classList.toggle("unlock", on);
      el.querySelector(".flag")?.remove();
      if (on) el.append(h("span", { class: "flag", text: "+ cart" }));
    }
  }

  afterRender() { if (this.highlighted?.length) this.highlight(this.highlighted); }

  #earnedSeen = new Map(); // customer → ids earned at the last render
  /** Announces (politely, once) badges earned since the last render for the same customer. */
  #noticeNew(earned, names) {
    const seen = this.#earnedSeen.get(this.customer);
    this.#earnedSeen.set(this.customer, new Set(earned.map((b) => b.id)));
    const fresh = seen ? earned.filter((b) => !seen.has(b.id)) : [];
    if (fresh.length) this.announce(`New badge earned: ${fresh.map((b) => badgeName(b.id, names.get(b.id)?.name ?? b.name)).join(", ")}`);
  }

  async draw(ik) {
    this.unavailable = false;
    const L = this.locale;
    const heading = h("h3", {}, icon("🏆"), this.getAttribute("heading") || "Trophy case");
    const { earned: backendEarned } = await this.inputs();
    const names = new Map(backendEarned.map((b) => [b.id, b]));
    const earnedCard = (b) => {
      const meta = names.get(b.id);
      return h("li", { class: "badge earned", "data-badge": b.id, "data-tier": b.tier ?? "" },
        h("span", { class: "icon", "aria-hidden": "true", text: badgeIcon(b.id, meta?.icon) }),
        h("span", { class: "name", text: badgeName(b.id, meta?.name ?? b.name) }),
        b.tier ? h("span", {}, h("span", { class: `chip ${b.tier}`, text: tierLabel(b.tier) })) : null,
        b.earnedAt ? h("span", { class: "hint", text: `Earned ${fmtDate(L, b.earnedAt, this.timezone)}` }) : null,
        b.expiresAt ? h("span", { class: "hint", text: `Expires ${fmtDate(L, b.expiresAt, this.timezone)}` }) : null);
    };
    if (!has("badgePreview")) {
      this.#noticeNew(backendEarned, names);
      return [heading,
        backendEarned.length ? h("ul", { class: "grid" }, backendEarned.map(earnedCard)) : h("p", { class: "muted", text: "No badges earned yet." }),
        this.missing("badgePreview", "Locked-badge progress and what-if previews")];
    }
    const out = await this.preview(null);
    /** The last badgePreview result (no cart), for pages that summarise it. */
    this.lastPreview = out;
    this.lastPreviewFor = this.customer;
    this.#noticeNew(out.earned, names);
    const locked = (out.locked ?? []).map((b) => {
      const pct = fmtPercent(L, b.percentage ?? 0);
      return h("li", { class: "badge locked", "data-badge": b.id, "data-tier": b.nextTier ?? "" },
        h("span", { class: "icon", "aria-hidden": "true", text: badgeIcon(b.id) }),
        h("span", { class: "name", text: badgeName(b.id, b.name) }),
        b.nextTier ? h("span", {}, h("span", { class: `chip ${b.nextTier}`, text: `🔒 ${tierLabel(b.nextTier)}` })) : null,
        progressBar(`${badgeName(b.id, b.name)} progress`, b.percentage ?? 0, fmtPercentWords(L, b.percentage ?? 0)),
        h("span", { class: "hint", text: b.hint ?? `${pct}` }));
    });
    return [heading,
      h("h4", { text: `Earned (${out.earned.length})` }),
      out.earned.length ? h("ul", { class: "grid" }, out.earned.map(earnedCard)) : h("p", { class: "muted", text: "No badges yet — the first green order earns one." }),
      locked.length ? h("h4", { text: `Locked (${locked.length})` }) : null,
      locked.length ? h("ul", { class: "grid" }, locked) : null];
  }
}

// ------------------------------------------------------------------------------------------------
/**
 * <impact-streak activity-endpoint customer locale theme timezone period weeks goal>: streak calendar
 * heatmap with today's state, and an achievement countdown (weekly goal of `goal` active days).
 * `activity-endpoint` is a URL template answering `{activity: [{date, count}]}` or an array.
 */
class ImpactStreak extends ImpactElement {
  static get observedAttributes() { return [...super.observedAttributes, "activity-endpoint", "period", "weeks", "goal"]; }
  static css = `
.big { font-size:1.6rem; font-weight:700; font-variant-numeric:tabular-nums; }
.summary { margin:0 0 .2rem; }
table.heat { width:100%; table-layout:fixed; border-collapse:separate; border-spacing:3px; margin:.7rem 0 .1rem; }
.heat th { font-size:.7rem; font-weight:500; color:var(--ik-muted); text-align:start; padding:0; overflow:hidden; white-space:nowrap; }
.heat thead td { width:2.4rem; }
.heat td { padding:0; border-radius:3px; }
.heat .d { display:block; width:100%; min-width:8px; aspect-ratio:1; border-radius:3px; background:var(--ik-track); }
.heat .l1 .d { background:color-mix(in srgb, var(--ik-accent) 45%, var(--ik-track)); }
.heat .l2 .d { background:color-mix(in srgb, var(--ik-accent) 72%, var(--ik-track)); }
.heat .l3 .d { background:var(--ik-accent); }
.heat .run .d { box-shadow:inset 0 0 0 1.5px var(--ik-accent2); }
.heat .today .d { outline:2px solid var(--ik-fg); outline-offset:1px; }
.heat .today.pending .d { background:repeating-linear-gradient(45deg, var(--ik-track) 0 3px, color-mix(in srgb, var(--_warn) 45%, var(--ik-track)) 3px 6px); }
.heat .future .d { visibility:hidden; }
.heat td:focus-visible { outline:2px solid var(--ik-fg); outline-offset:1px; }
.cell { min-height:1.3em; margin:.1rem 0 0; }
.state { margin:.2rem 0; }
.state.pending { color:var(--_warn); } .state.active { color:var(--ik-accent); }
.goal { margin-top:.8rem; border-top:1px solid var(--ik-border); padding-top:.6rem; }`;
  widgetName = "Streak";
  get activityEndpoint() { return this.getAttribute("activity-endpoint") || "/api/demo/customers/{customer}/activity"; }

  async draw(ik) {
    this.unavailable = false;
    const heading = h("h3", {}, icon("🔥"), this.getAttribute("heading") || "Streak");
    if (!has("streak")) return [heading, this.missing("streak", "The streak calendar")];
    const L = this.locale, tz = this.timezone;
    const res = await fetchJson(fillUrl(this.activityEndpoint, this.customer));
    const activity = Array.isArray(res.data) ? res.data : res.data.activity;
    const now = new Date();
    const s = ik.streak({ activity, period: this.getAttribute("period") || "day", now: now.toISOString(), timezone: tz });
    const today = localDate(now, tz);
    const weeks = Math.max(4, Math.min(53, Number(this.getAttribute("weeks")) || 18));
    const stateText = {
      active: "Today is done — the streak is safe.",
      pending: "Not done yet today — one visit keeps the streak alive.",
      broken: "Streak broken — start a new one today.",
      none: "No streak yet — start one today.",
    }[s.state] ?? s.state;
    const sid = `streak-summary-${this.#uid}`;
    // the summary sentence comes first ("6 days in a row, not done today"), then the details
    const nodes = [heading,
      h("p", { class: "summary", id: sid },
        h("span", { class: "big", "data-streak": s.current, text: fmtNumber(L, s.current, 0) }),
        ` ${s.current === 1 ? "day" : "days"} in a row, ${s.todayDone ? "done today" : "not done today"}`),
      h("p", { class: "muted", text: `Longest ${fmtNumber(L, s.longest, 0)} · ${fmtNumber(L, s.total, 0)} visits` }),
      h("p", { class: `state ${s.state}`, "data-today": s.todayDone ? "done" : "pending", text: stateText }),
      s.state === "pending" && s.atRiskAt ? h("p", { class: "muted", text: `Breaks in ${fmtDuration(L, (Date.parse(s.atRiskAt) - now) / 1000)} (${fmtDate(L, s.atRiskAt, tz, true)})` }) : null,
      ...this.calendar({ activity, s, today, weeks, L, sid }),
    ];
    nodes.push(this.goal(ik, activity, now, tz, L));
    return nodes;
  }

  static #count = 0;
  #uid = ++ImpactStreak.#count;

  /**
   * The heat map as an ARIA grid on a real table: one row per weekday (row headers), one column
   * per week (column headers), each cell labelled "Monday 3 August: 2 visits". One cell is in the
   * tab order (today); arrow keys, Home and End move between days; the focused (or hovered) day is
   * also written out below the grid for sighted keyboard users.
   */
  calendar({ activity, s, today, weeks, L, sid }) {
    const counts = new Map(activity.map((a) => [a.date, a.count]));
    const P = phrases(L);
    const day = (ms, opts) => new Intl.DateTimeFormat(L, { timeZone: "UTC", ...opts }).format(new Date(ms));
    const todayMs = Date.parse(`${today}T00:00:00Z`);
    const dow = (new Date(todayMs).getUTCDay() + 6) % 7; // Monday = 0
    const first = todayMs - (dow + (weeks - 1) * 7) * 86400000;
    const detail = h("p", { class: "cell muted", "aria-hidden": "true" });
    const head = h("tr", {}, h("td", {}), Array.from({ length: weeks }, (_, w) =>
      h("th", { scope: "col" }, h("span", { class: "sr", text: day(first + w * 7 * 86400000, { day: "numeric", month: "long" }) }))));
    const rows = Array.from({ length: 7 }, (_, d) => h("tr", {},
      h("th", { scope: "row" }, h("span", { "aria-hidden": "true", text: day(first + d * 86400000, { weekday: "short" }) }),
        h("span", { class: "sr", text: day(first + d * 86400000, { weekday: "long" }) })),
      Array.from({ length: weeks }, (_, w) => {
        const ms = first + (w * 7 + d) * 86400000;
        const date = new Date(ms).toISOString().slice(0, 10);
        const c = counts.get(date) ?? 0;
        const label = `${day(ms, { weekday: "long", day: "numeric", month: "long" })}: ${date > today ? P.upcoming : P.visits(c, fmtNumber(L, c, 0))}`;
        const inRun = s.current > 0 && s.currentStart && s.currentEnd && date >= s.currentStart && date <= s.currentEnd;
        const cls = [c >= 3 ? "l3" : c === 2 ? "l2" : c === 1 ? "l1" : "", inRun ? "run" : "",
          date === today ? `today ${s.todayDone ? "done" : "pending"}` : "", date > today ? "future" : ""].filter(Boolean).join(" ");
        return h("td", { class: cls || null, "data-date": date, "data-label": label, tabindex: date === today ? 0 : -1, "aria-current": date === today ? "date" : null },
          h("span", { class: "d", "aria-hidden": "true" }), h("span", { class: "sr", text: label }));
      })));
    const table = h("table", { class: "heat", role: "grid", "aria-readonly": "true", "aria-label": `Activity over the last ${weeks} weeks`, "aria-describedby": sid },
      h("thead", {}, head), h("tbody", {}, rows));
    const show = (td) => { if (td) detail.textContent = td.dataset.label; };
    show(rows.flatMap((r) => [...r.querySelectorAll("td[aria-current]")])[0]); // today, until another day is focused
    table.addEventListener("focusin", (e) => show(e.target.closest("td[data-date]")));
    table.addEventListener("pointerover", (e) => show(e.target.closest("td[data-date]")));
    table.addEventListener("keydown", (e) => this.#move(e, table));
    return [table, detail];
  }

  /** Grid keyboard navigation (roving tabindex); left/right follow the writing direction. */
  #move(e, table) {
    const td = e.target.closest("td[data-date]");
    if (!td) return;
    const rows = [...table.tBodies[0].rows].map((r) => [...r.querySelectorAll("td[data-date]")]);
    let r = td.parentElement.sectionRowIndex, c = rows[r].indexOf(td);
    const rtl = getComputedStyle(table).direction === "rtl";
    const step = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, rtl ? 1 : -1], ArrowRight: [0, rtl ? -1 : 1] }[e.key];
    if (step) { r += step[0]; c += step[1]; } else if (e.key === "Home") c = 0; else if (e.key === "End") c = rows[r].length - 1; else return;
    e.preventDefault();
    const next = rows[r]?.[c];
    if (!next || next.classList.contains("future")) return;
    for (const cell of table.querySelectorAll("td[tabindex='0']")) cell.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  }

  goal(ik, activity, now, tz, L) {
    if (!has("achievementWindow")) return h("div", { class: "goal" }, this.missing("achievementWindow", "The achievement countdown"));
    const target = Number(this.getAttribute("goal")) || 5;
    // weekly windows from the Monday of the first active week: calendar weeks, recurring
    const first = activity.length ? activity[0].date : localDate(now, tz);
    const firstMs = Date.parse(`${first}T00:00:00Z`);
    const start = new Date(firstMs - ((new Date(firstMs).getUTCDay() + 6) % 7) * 86400000).toISOString().slice(0, 10);
    const events = activity.filter((a) => a.count > 0).map((a) => ({ at: a.date, value: 1 }));
    const w = ik.achievementWindow({ start, period: "1W", activationPolicy: "fixed_schedule", now: now.toISOString(), timezone: tz, target, events });
    const pct = w.percentage ?? 0;
    const label = `Weekly goal: ${fmtNumber(L, target, 0)} active days · ${fmtNumber(L, w.current ?? 0, 0)} so far`;
    return h("div", { class: "goal", "data-status": w.status },
      h("div", { class: "row" }, h("strong", { text: label }), h("span", { class: "pct", text: fmtPercent(L, pct) })),
      progressBar(label, pct, `${fmtPercentWords(L, pct)}, ${phrases(L).of(fmtNumber(L, w.current ?? 0, 0), fmtNumber(L, target, 0))}`),
      h("p", { class: "muted", "data-countdown": w.endsInSeconds, text: w.status === "completed"
        ? `Done! The next week starts in ${fmtDuration(L, w.endsInSeconds)}.`
        : w.status === "expired" ? "This window has ended." : `Ends in ${fmtDuration(L, w.endsInSeconds)} · ${fmtDate(L, w.end, tz, true)}` }));
  }
}

// ------------------------------------------------------------------------------------------------
/**
 * <impact-card endpoint customer locale theme card-theme size display-name controls activity-endpoint>: the
 * shareable impact card (impactCard → SVG) with size/theme switches and SVG/PNG downloads when
 * `controls` is set; with `activity-endpoint` (and streak() in the build) it shows the streak.
 */
class ImpactCard extends ImpactElement {
  static get observedAttributes() { return [...super.observedAttributes, "size", "card-theme", "display-name", "controls", "activity-endpoint"]; }
  static css = `
.frame { display:flex; justify-content:center; }
img { display:block; max-width:min(100%, 44rem); max-height:70vh; width:auto; height:auto; border-radius:10px; border:1px solid var(--ik-border); }
.controls { display:flex; flex-wrap:wrap; gap:.5rem; margin-top:.7rem; align-items:center; }
label { display:flex; gap:.35rem; align-items:center; font-size:.9rem; }`;
  widgetName = "Impact card";
  #url = null;
  onTheme() { this.refresh(); }
  get size() { return this.getAttribute("size") || "og"; }
  /** The card's own theme (`card-theme`), else the widget's `theme`. */
  get cardTheme() { return this.getAttribute("card-theme") || this.getAttribute("theme") || "auto"; }

  async cardInput(ik) {
    const r = await fetchProfile(this.endpoint, this.customer);
    const profile = ik.readImpactProfile({ ...r.data, timezone: this.timezone });
    const card = { ...profile };
    const displayName = this.getAttribute("display-name");
    if (displayName) card.displayName = displayName;
    // with an activity-endpoint (and streak() in this build) the card shows the live streak
    const activityUrl = this.getAttribute("activity-endpoint");
    if (activityUrl && has("streak")) {
      const res = await fetchJson(fillUrl(activityUrl, this.customer));
      const activity = Array.isArray(res.data) ? res.data : res.data.activity;
      const s = ik.streak({ activity, period: "day", now: nowIso(), timezone: this.timezone });
      card.streak = { current: s.current, state: s.state, period: "day" };
    }
    return { profile: card, size: this.size, theme: this.cardTheme, locale: this.locale };
  }

  /** The card as an SVG string. */
  async svg() {
    const ik = await ready;
    return ik.impactCard(await this.cardInput(ik));
  }

  /** The card as a PNG Blob: impactCardPng when the build has it, else rasterised here via canvas. */
  async png() {
    const ik = await ready;
    if (has("impactCardPng")) {
      const out = await ik.impactCardPng(await this.cardInput(ik));
      return out instanceof Blob ? out : new Blob([out], { type: "image/png" });
    }
    const url = URL.createObjectURL(new Blob([await this.svg()], { type: "image/svg+xml" }));
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth || 1200;
      canvas.height = img.naturalHeight || 630;
      canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
      return await new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error("canvas export failed"))), "image/png"));
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  #download(blob, ext) {
    const a = h("a", { href: URL.createObjectURL(blob), download: `impact-card-${this.customer}-${this.size}.${ext}`, hidden: true });
    this.root.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 30_000);
  }

  async draw(ik) {
    this.unavailable = false;
    const heading = h("h3", {}, icon("🪪"), this.getAttribute("heading") || "Impact card");
    if (!has("impactCard")) return [heading, this.missing("impactCard", "The shareable impact card")];
    const input = await this.cardInput(ik);
    const svg = ik.impactCard(input);
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    const p = input.profile;
    const alt = `Impact card: ${fmtNumber(this.locale, p.totalCo2Saved ?? 0)} kg CO₂ saved in ${fmtNumber(this.locale, p.totalOrders ?? 0, 0)} orders`;
    const nodes = [heading, h("div", { class: "frame" }, h("img", { src: this.#url, alt, "data-size": this.size }))];
    if (this.hasAttribute("controls")) {
      const select = (name, label, options, value) => h("label", {}, label, h("select", {
        name, onchange: (e) => this.setAttribute(name, e.target.value),
      }, options.map(([v, t]) => { const o = h("option", { value: v, text: t }); o.selected = v === value; return o; })));
      const busy = async (btn, fn) => {
        btn.disabled = true;
        try { await fn(); } catch (error) { btn.after(h("span", { class: "error", role: "alert", text: ` ${error.code ?? "error"}: ${error.message}` })); }
        finally { btn.disabled = false; }
      };
      const label = (kind) => [h("span", { "aria-hidden": "true", text: "⬇ " }), h("span", { class: "sr", text: "Download " }), kind];
      const svgBtn = h("button", { type: "button", "data-download": "svg", onclick: () => busy(svgBtn, async () => this.#download(new Blob([await this.svg()], { type: "image/svg+xml" }), "svg")) }, label("SVG"));
      const pngBtn = h("button", { type: "button", "data-download": "png", onclick: () => busy(pngBtn, async () => this.#download(await this.png(), "png")) }, label("PNG"));
      nodes.push(h("div", { class: "controls" },
        select("size", "Size", [["og", "Link preview 1200×630"], ["square", "Square 1080²"], ["story", "Story 1080×1920"], ["badge", "Badge 400²"]], this.size),
        select("card-theme", "Theme", [["auto", "Auto"], ["light", "Light"], ["dark", "Dark"]], this.cardTheme),
        svgBtn, pngBtn));
    }
    return nodes;
  }
}

const define = (name, cls) => { if (!customElements.get(name)) customElements.define(name, cls); };
define("impact-milestones", ImpactMilestones);
define("impact-badges", ImpactBadges);
define("impact-streak", ImpactStreak);
define("impact-card", ImpactCard);
