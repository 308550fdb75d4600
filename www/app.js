// The demo page: a customer picker and the page-level widgets (impact summary, tier & rewards,
// leaderboard, what-if cart) around the drop-in custom elements from /pkg/elements.js.
// Every number shown is computed by impactkit in this browser from the backend's JSON. The page
// loads impactkit's progress module first (summary, tier, milestones); the badges, streaks and cards
// modules load when their widget scrolls into view or the what-if cart is used.
import {
  load, has, fetchJson, graphqlGet, fetchProfile, clearMemo, h, progressBar,
  fmtNumber, fmtPercent, fmtPercentWords, fmtDate, browserTimeZone, nowIso, badgeName, badgeIcon, isRtl, phrases,
} from "/pkg/elements.js";
/** The bars (impactkit/progress) and the backend readers (impactkit/profile) as one object of functions. */
const loadBars = () => Promise.all([load("progress"), load("profile")]).then((mods) => Object.assign({}, ...mods));

const $ = (id) => document.getElementById(id);
const WIDGETS = "impact-milestones, impact-badges, impact-streak, impact-card, impact-points";
const OPTIONAL = ["badgePreview", "streak", "achievementWindow", "impactCard", "impactCardPng"];
const state = { customer: null, customers: [], locale: "en", theme: "auto", cachedAt: null, loadedAt: null, gen: 0 };
const tz = browserTimeZone();
const LOCALES = ["en", "de", "fr", "es", "ar", "ja"];

// ---- offline support ------------------------------------------------------------------------
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch((error) => {
    $("build").append(h("span", { class: "error", text: ` Service worker not registered: ${error.message}` }));
  });
}
document.addEventListener("impactkit:fetch", (e) => {
  if (e.detail.cachedAt && (!state.cachedAt || e.detail.cachedAt < state.cachedAt)) state.cachedAt = e.detail.cachedAt;
  updateStatus();
});
addEventListener("offline", updateStatus);
addEventListener("online", () => {
  clearMemo();
  for (const w of document.querySelectorAll(WIDGETS)) w.refresh();
  selectCustomer(state.customer);
});

/** Sets a live region's text only when it changes, so screen readers hear each message once. */
function say(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function updateStatus() {
  const el = $("status");
  const at = new Intl.DateTimeFormat(state.locale, { timeStyle: "short" }).format(state.loadedAt ?? new Date());
  if (state.cachedAt) {
    const from = state.cachedAt === "unknown" ? "an earlier visit" : fmtDate(state.locale, state.cachedAt, tz, true);
    say(el, `Offline — showing cached data from ${from}, recomputed for now (${at}, ${tz}).`);
    el.className = "status cached";
    el.dataset.cached = "true";
  } else {
    say(el, `${navigator.onLine ? "Live data from the local backend" : "Offline"} · computed at ${at} in ${tz}.`);
    el.className = "status";
    el.dataset.cached = "false";
  }
}

// ---- pickers ---------------------------------------------------------------------------------
function applySettings() {
  document.documentElement.dataset.theme = state.theme;
  document.documentElement.lang = state.locale;
  document.documentElement.dir = isRtl(state.locale) ? "rtl" : "ltr";
  showRecycled();
  for (const w of document.querySelectorAll(WIDGETS)) {
    w.setAttribute("theme", state.theme);
    w.setAttribute("locale", state.locale);
  }
}

$("theme").addEventListener("change", (e) => { state.theme = e.target.value; localStorage.setItem("impactkit-theme", state.theme); applySettings(); });
$("locale").addEventListener("change", (e) => { state.locale = e.target.value; applySettings(); selectCustomer(state.customer); });
$("customer").addEventListener("change", (e) => selectCustomer(e.target.value));

async function selectCustomer(id) {
  const gen = ++state.gen;
  state.customer = id;
  state.cachedAt = null;
  state.loadedAt = new Date();
  const url = new URL(location.href);
  url.searchParams.set("customer", id);
  history.replaceState(null, "", url);
  localStorage.setItem("impactkit-customer", id);
  $("customer").value = id;
  $("customer-summary").textContent = state.customers.find((c) => c.id === id)?.summary ?? "";
  for (const w of document.querySelectorAll(WIDGETS)) {
    if (w.localName === "impact-card") w.setAttribute("display-name", state.customers.find((c) => c.id === id)?.displayName ?? id);
    w.setAttribute("customer", id);
  }
  updateStatus();
  const ik = await loadBars();
  if (gen !== state.gen) return;
  await Promise.all([summary(ik, id), tier(ik, id), leaderboard(ik, id), whatIf(ik)].map((p) => p.catch(() => {})));
  document.body.dataset.customer = id;
}

/** Renders `nodes` (or an error) into a page card body. */
async function into(el, fn) {
  el.setAttribute("aria-busy", "true");
  try {
    el.replaceChildren(...(await fn()).filter(Boolean));
    el.dataset.state = "ready";
  } catch (error) {
    el.replaceChildren(h("p", { class: "error", role: "alert", text: `${error.code ?? "error"}${error.path ? ` at ${error.path}` : ""}: ${error.message}` }));
    el.dataset.state = "error";
  } finally {
    el.removeAttribute("aria-busy");
  }
}

// ---- impact summary (seed 000 profile) --------------------------------------------------------
function summary(ik, id) {
  return into($("summary"), async () => {
    const r = await fetchProfile("/graphql", id);
    const p = await ik.readImpactProfile({ ...r.data, timezone: tz });
    const L = state.locale;
    const kpi = (v, k) => h("div", { class: "kpi" }, h("span", { class: "v", text: v }), h("span", { class: "k", text: k }));
    const rank = p.ranking;
    return [
      h("h2", { id: "summary-h" }, h("span", { "aria-hidden": "true", text: "🌍 " }), "Impact"),
      h("div", { class: "kpis" },
        kpi(`${fmtNumber(L, p.totalCo2Saved ?? 0)} kg`, "CO₂ saved"),
        kpi(fmtNumber(L, p.totalOrders ?? 0, 0), "orders"),
        h("div", { class: "kpi" }, h("span", { class: "v", id: "kpi-badges", text: fmtNumber(L, earnedCount(id) ?? p.badges.length, 0) }), h("span", { class: "k", text: "badges" })),
        kpi(fmtNumber(L, p.completedMilestones.length + p.milestones.filter((m) => m.isCompleted).length, 0), "milestones reached")),
      rank?.percentile != null
        ? h("p", { class: "ranking", "data-percentile": rank.percentile },
          h("span", { class: "topbadge", text: `Top ${fmtNumber(L, rank.percentile, 1)}%` }),
          rank.description ?? "", rank.position ? h("span", { class: "muted small", text: ` · #${fmtNumber(L, rank.position, 0)}` }) : null)
        : h("p", { class: "ranking muted", text: "Not ranked yet — a first green order joins the ranking." }),
    ];
  });
}

/** The footer's list of optional functions: known once their module has loaded (with its widget). */
function showBuild() {
  $("build").textContent = `impactkit functions loaded so far: ${OPTIONAL.map((f) => `${has(f) ? "✓" : "–"} ${f}`).join(", ")}` +
    (has("impactCard") && !has("impactCardPng") ? " (PNG export falls back to canvas)." : ".");
}
document.addEventListener("impactkit:render", showBuild);

// the trophy case knows badges computed from the order history that the backend has not reported yet
document.addEventListener("impactkit:render", (e) => {
  const el = e.target;
  if (el.id === "w-badges" && earnedCount(state.customer) !== null && $("kpi-badges")) {
    $("kpi-badges").textContent = fmtNumber(state.locale, earnedCount(state.customer), 0);
  }
});
function earnedCount(id) {
  const el = $("w-badges");
  return el?.lastPreview && el.lastPreviewFor === id ? el.lastPreview.earned.length : null;
}

// ---- tier, balance and campaigns (Gameball v4, through the storefront proxy) -------------------
/** The tier's deadline and retention over the calendar year (tierProgress with `period`). */
async function tierDeadline(ik, tierProgress, L) {
  const t = await ik.tierProgress({ ...tierProgress, period: "calendarYear", now: nowIso(), timezone: tz });
  const days = (n) => `${fmtNumber(L, n, 0)} ${n === 1 ? "day" : "days"} left`;
  const keep = t.retain && t.retain.required > 0
    ? (t.retain.secured ? ` · ${t.retain.tier} kept for next year ✓` : ` · ${fmtNumber(L, t.retain.remaining)} more keeps ${t.retain.tier}`) : "";
  const by = t.next?.by ?? t.retain?.by;
  return h("p", { class: "muted small deadline", "data-tier-by": by ?? "", "data-tier-days-left": t.next?.daysLeft ?? t.retain?.daysLeft ?? "" },
    t.next ? `${fmtNumber(L, t.remaining)} more by ${fmtDate(L, t.next.by)} to reach ${t.next.name} (${days(t.next.daysLeft)})` : `Qualifying year ends ${fmtDate(L, by)}`,
    keep);
}

function tier(ik, id) {
  return into($("tier-body"), async () => {
    const base = `/storefront/gameball/customers/${encodeURIComponent(id)}`;
    const [balance, tierProgress, campaigns, referrals, referralsCount] = await Promise.all(
      ["balance", "tier-progress", "reward-campaigns-progress", "referrals?limit=5", "referrals/count"].map((p) => fetchJson(`${base}/${p}`).then((r) => r.data)));
    const g = await ik.readGameball({ balance, tierProgress, campaigns, referrals, referralsCount, timezone: tz });
    const L = state.locale, t = g.tier, b = g.balance;
    const pct = fmtPercent(L, t.percentage);
    const nodes = [
      h("div", { class: "tiers" }, h("span", { text: t.current?.name ?? "—" }), h("span", { text: t.next?.name ?? "Top tier" })),
      progressBar(t.next ? `Progress to ${t.next.name}` : "Tier progress", t.percentage,
        `${fmtPercentWords(L, t.percentage)}${t.next ? `, ${phrases(L).toGo(fmtNumber(L, t.remaining))}` : ""}`),
      h("div", { class: "row" },
        h("span", { class: "muted", text: t.next
          ? `${fmtNumber(L, t.progress)} of ${fmtNumber(L, t.next.minProgress)} · ${fmtNumber(L, t.remaining)} to ${t.next.name}`
          : `${fmtNumber(L, t.progress)} — top tier reached` }),
        h("span", { class: "pct", "data-tier-pct": t.percentage, text: pct })),
      await tierDeadline(ik, tierProgress, L),
    ];
    if (b) {
      const pts = b.pointsName ?? "points";
      nodes.push(h("p", { class: "balance" },
        h("strong", { text: `${fmtNumber(L, b.availablePointsBalance, 0)} ${pts}` }),
        ` available${b.pendingPoints ? ` · ${fmtNumber(L, b.pendingPoints, 0)} pending` : ""}`,
        b.nextExpiringPointsAmount && b.nextExpiringPointsDate
          ? h("span", { class: "muted small", text: ` · ${fmtNumber(L, b.nextExpiringPointsAmount, 0)} expire ${fmtDate(L, b.nextExpiringPointsDate, tz)}` }) : null));
    }
    const f = g.referrals;
    if (f) {
      nodes.push(h("p", { class: "referrals", "data-referrals-active": f.active, "data-referrals-pending": f.pending },
        h("span", { "aria-hidden": "true", text: "🤝 " }),
        f.total ? `${fmtNumber(L, f.active, 0)} friends referred · ${fmtNumber(L, f.pending, 0)} pending` : "No friends referred yet",
        f.recent.length ? h("span", { class: "muted small", text: ` · latest: ${f.recent[0].displayName ?? f.recent[0].customerId}` }) : null));
    }
    const cs = g.campaigns?.campaigns ?? [];
    if (cs.length) {
      nodes.push(h("ul", { class: "plain campaigns" }, cs.map((c) => h("li", { "data-campaign": c.id },
        h("div", { class: "row" }, h("span", { text: c.name }),
          h("span", {}, h("span", { class: `chip ${c.status}`, text: { achieved: "achieved", inProgress: "in progress", locked: "locked" }[c.status] ?? c.status }),
            " ", h("span", { class: "pct", text: fmtPercent(L, c.percentage) }))),
        progressBar(c.name, c.percentage, fmtPercentWords(L, c.percentage))))));
      if (g.campaigns.nextUp) nodes.push(h("p", { class: "muted small", text: `Next up: ${g.campaigns.nextUp.name} (${fmtPercent(L, g.campaigns.nextUp.percentage)})` }));
    }
    return nodes;
  });
}

// ---- leaderboard (seed 000 impactLeaderboard, read by impactkit's readLeaderboard) ---------------
const LEADERBOARD = `query Board($period: LeaderboardPeriod!, $limit: Int) {
  impactLeaderboard(period: $period, limit: $limit) {
    entries { rank customerId displayName co2Saved badgeCount }
    currentUserPosition { rank percentile }
  }
}`;
/** The board's own words; the ranking line and the ranks ("Top 15% …", "Platz 3") come from impactkit. */
const LB_WORDS = {
  en: { title: "Leaderboard", month: "this month", caption: "Top shoppers this month by CO₂ saved", rank: "Rank", shopper: "Shopper", co2: "CO₂ saved", badges: "Badges", you: "you", notRanked: "You're not on this month's board yet.", gap: (kg, name) => `${kg} kg behind ${name}`, more: "more shoppers" },
  de: { title: "Bestenliste", month: "diesen Monat", caption: "Die besten Käufer diesen Monat nach eingespartem CO₂", rank: "Platz", shopper: "Käufer", co2: "CO₂ eingespart", badges: "Abzeichen", you: "du", notRanked: "Du bist diesen Monat noch nicht in der Bestenliste.", gap: (kg, name) => `${kg} kg hinter ${name}`, more: "weitere Käufer" },
  fr: { title: "Classement", month: "ce mois-ci", caption: "Meilleurs acheteurs du mois par CO₂ économisé", rank: "Rang", shopper: "Acheteur", co2: "CO₂ économisé", badges: "Badges", you: "vous", notRanked: "Vous n’êtes pas encore classé ce mois-ci.", gap: (kg, name) => `${kg} kg derrière ${name}`, more: "autres acheteurs" },
  es: { title: "Clasificación", month: "este mes", caption: "Mejores compradores del mes por CO₂ ahorrado", rank: "Puesto", shopper: "Comprador", co2: "CO₂ ahorrado", badges: "Insignias", you: "tú", notRanked: "Aún no estás en la clasificación de este mes.", gap: (kg, name) => `${kg} kg detrás de ${name}`, more: "más compradores" },
  ar: { title: "لوحة الصدارة", month: "هذا الشهر", caption: "أفضل المتسوقين هذا الشهر حسب CO₂ الموفَّر", rank: "المركز", shopper: "المتسوق", co2: "CO₂ الموفَّر", badges: "الشارات", you: "أنت", notRanked: "لست في لوحة هذا الشهر بعد.", gap: (kg, name) => `${kg} كغ خلف ${name}`, more: "متسوقون آخرون" },
  ja: { title: "ランキング", month: "今月", caption: "今月のCO₂削減量ランキング", rank: "順位", shopper: "買い物客", co2: "CO₂削減量", badges: "バッジ", you: "あなた", notRanked: "今月のランキングにはまだ入っていません。", gap: (kg, name) => `${name}まであと${kg} kg`, more: "ほかの買い物客" },
};
const lbWords = (locale) => LB_WORDS[String(locale).slice(0, 2).toLowerCase()] ?? LB_WORDS.en;

function leaderboard(ik, id) {
  const W = lbWords(state.locale);
  $("lb-h").replaceChildren(h("span", { "aria-hidden": "true", text: "🏅 " }), `${W.title} `, h("span", { class: "muted small", text: W.month }));
  return into($("lb-body"), async () => {
    const r = await graphqlGet("/graphql", LEADERBOARD, { period: "MONTHLY", limit: 5 }, { viewer: id });
    const L = state.locale;
    const board = await ik.readLeaderboard({ ...r.data, customerId: id, locale: L });
    const you = board.you;
    const kg = (x) => (x == null ? "—" : `${fmtNumber(L, x)} kg`);
    const row = (e) => h("tr", { class: e.isYou ? "me" : null, "aria-current": e.isYou ? "true" : null, "data-rank": e.rank },
      h("th", { scope: "row", class: "rank", text: e.rankText }),
      h("td", {}, e.displayName ?? e.customerId, e.isYou ? ` (${W.you})` : ""),
      h("td", { class: "num", text: kg(e.co2Saved) }),
      h("td", { class: "num", text: e.badgeCount == null ? "—" : fmtNumber(L, e.badgeCount, 0) }));
    const rows = board.entries.map(row);
    if (you && !you.inList && you.rank) {
      rows.push(h("tr", { class: "gap" }, h("td", { colspan: 4 }, h("span", { "aria-hidden": "true", text: "⋯" }), h("span", { class: "sr", text: W.more }))));
      const displayName = state.customers.find((c) => c.id === id)?.displayName ?? id;
      rows.push(row({ rank: you.rank, rankText: you.rankText, customerId: id, displayName, co2Saved: null, badgeCount: null, isYou: true }));
    }
    const above = you?.inList && you.gapAbove != null ? board.entries.filter((e) => e.rank < you.rank).at(-1) : null;
    return [
      h("table", { class: "lb" },
        h("caption", { class: "sr", text: W.caption }),
        h("thead", {}, h("tr", {}, h("th", { scope: "col", class: "num", text: W.rank }), h("th", { scope: "col", text: W.shopper }),
          h("th", { scope: "col", class: "num", text: W.co2 }), h("th", { scope: "col", class: "num", text: W.badges }))),
        h("tbody", {}, rows)),
      you?.rankingText
        ? h("p", { class: "ranking", "data-lb-percentile": you.percentile ?? "", "data-lb-rank": you.rank ?? "" },
          h("span", { class: "topbadge", text: you.rankingText }),
          above ? h("span", { class: "muted small", "data-lb-gap": you.gapAbove, text: ` · ${W.gap(fmtNumber(L, you.gapAbove), above.displayName ?? above.rankText)}` }) : null,
          !you.inList && you.rankText ? h("span", { class: "muted small", text: ` · ${you.rankText}` }) : null)
        : h("p", { class: "muted", text: W.notRanked }),
    ];
  });
}
// ---- what-if cart ---------------------------------------------------------------------------
const CART_SAVING = 14;
let whatIfTimer = null;
/** The slider's visible and spoken value, in the page's locale. */
function showRecycled() {
  const v = Number($("recycled").value);
  $("recycled-out").value = fmtPercent(state.locale, v);
  $("recycled").setAttribute("aria-valuetext", fmtPercentWords(state.locale, v));
}
$("recycled").addEventListener("input", () => { showRecycled(); scheduleWhatIf(); });
$("newchain").addEventListener("change", scheduleWhatIf);
/** The badge part of the what-if (the badges module) starts when the section is on screen or used. */
let whatIfBadges = false;
new IntersectionObserver((entries, io) => {
  if (!entries.some((e) => e.isIntersecting)) return;
  io.disconnect();
  if (!whatIfBadges) { whatIfBadges = true; if (state.customer) loadBars().then((ik) => whatIf(ik)); }
}, { rootMargin: "64px" }).observe($("whatif"));
function scheduleWhatIf() {
  whatIfBadges = true;
  clearTimeout(whatIfTimer);
  // results of the shopper's own changes are announced (politely, once each) in #whatif-live
  whatIfTimer = setTimeout(() => loadBars().then((ik) => whatIf(ik, { announce: true })), 120);
}

function cart() {
  return {
    id: "cart_preview", placedAt: nowIso(), co2Kg: 6, baselineCo2Kg: 6 + CART_SAVING, co2SavedKg: CART_SAVING,
    recycledShare: Number($("recycled").value) / 100,
    supplyChains: [$("newchain").checked ? { id: "sc_new_verified_mill", verified: true } : { id: "sc_fair_cotton", verified: true }],
  };
}

async function whatIf(ik, { announce = false } = {}) {
  const gen = state.gen, customer = state.customer;
  const out = $("whatif-result");
  const badges = $("w-badges");
  await into(out, async () => {
    const L = state.locale;
    const r = await fetchProfile("/graphql", customer);
    const p = await ik.readImpactProfile({ ...r.data, timezone: tz });
    const nodes = [];
    const m = p.milestones.find((x) => !x.isCompleted && /kg|co2/i.test(x.name));
    if (m) {
      const after = await ik.milestoneProgress({ current: m.current + CART_SAVING, target: m.target });
      nodes.push(h("p", {}, `${m.name}: ${fmtPercent(L, m.percentage)} → `, h("strong", { text: fmtPercent(L, after.percentage) }),
        after.isCompleted ? " completed! " : "", after.isCompleted ? h("span", { "aria-hidden": "true", text: "🎉" }) : ""));
    }
    if (!whatIfBadges) {
      nodes.push(h("p", { class: "muted", id: "whatif-pending", text: "Move the slider to preview the badges this order unlocks." }));
      return nodes;
    }
    const preview = await customElements.whenDefined("impact-badges").then(() => badges.preview(cart()));
    if (gen !== state.gen) return nodes;
    if (!preview) {
      nodes.push(h("p", { class: "note", "data-missing": "badgePreview", text: "Badge what-if previews are not available in this build of impactkit (it needs badgePreview())." }));
      return nodes;
    }
    const unlocked = preview.unlockedByCart ?? [];
    badges.highlight(unlocked.map((u) => u.id));
    if (unlocked.length) {
      nodes.push(h("ul", { class: "plain", id: "whatif-unlocks" }, unlocked.map((u) => h("li", { class: "unlock", "data-badge": u.id },
        h("span", { "aria-hidden": "true", text: `${badgeIcon(u.id)} ` }), "This order unlocks ", h("strong", { text: badgeName(u.id, u.name) }), u.tier ? ` (${u.tier.charAt(0)}${u.tier.slice(1).toLowerCase()})` : ""))));
    } else {
      const next = [...(preview.locked ?? [])].sort((a, b) => (b.percentage ?? 0) - (a.percentage ?? 0))[0];
      nodes.push(h("p", { class: "muted", id: "whatif-unlocks", text: next ? `No new badge with this cart. Closest: ${badgeName(next.id, next.name)} — ${next.hint ?? fmtPercent(L, next.percentage)}` : "No new badge with this cart." }));
    }
    return nodes;
  });
  if (announce && gen === state.gen) say($("whatif-live"), spoken(out));
}

/** The text of `el` as a screen reader says it: without aria-hidden parts (decorative emoji). */
function spoken(el) {
  const copy = el.cloneNode(true);
  for (const hidden of copy.querySelectorAll("[aria-hidden=true]")) hidden.remove();
  return copy.textContent.replace(/\s+/g, " ").trim();
}

// ---- start ----------------------------------------------------------------------------------
async function main() {
  state.theme = localStorage.getItem("impactkit-theme") ?? "auto";
  $("theme").value = state.theme;
  state.locale = LOCALES.includes(navigator.language?.slice(0, 2)) ? navigator.language.slice(0, 2) : "en";
  $("locale").value = state.locale;
  applySettings();
  try {
    state.customers = (await fetchJson("/api/demo/customers")).data;
  } catch (error) {
    $("status").textContent = `Could not load the customer list: ${error.message}`;
    $("status").className = "status error";
    return;
  }
  $("customer").replaceChildren(...state.customers.map((c) => h("option", { value: c.id, text: `${c.displayName} (${c.id})` })));
  const wanted = new URL(location.href).searchParams.get("customer") ?? localStorage.getItem("impactkit-customer");
  selectCustomer(state.customers.some((c) => c.id === wanted) ? wanted : "cust_123");
  setInterval(() => $("w-streak").refresh(), 60_000); // countdowns and "today" follow the clock
}
main();
