// <impact-streak activity-endpoint customer locale theme timezone period weeks goal>: streak calendar
// heatmap with today's state, and an achievement countdown (weekly goal of `goal` active days).
// `activity-endpoint` is a URL template answering `{activity: [{date, count}]}` or an array.
// Needs the streaks module (streak, achievementWindow).
import { ImpactElement, nextTask } from "./base.js";
import { fetchJson } from "./data.js";
import { h, progressBar } from "./dom.js";
import { fillUrl, fmtDate, fmtDay, fmtDuration, fmtNumber, fmtPercent, fmtPercentWords, localDate, phrases } from "./format.js";
import { has } from "./modules.js";

let count = 0;

export default class ImpactStreak extends ImpactElement {
  // the reserved box: 18 weeks and the weekly goal (override with min-height from the page's CSS)
  static css = `
:host { min-height:34rem; }
@media (min-width: 40rem) { :host { min-height:38.6rem; } }
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
.state.pending, .state.repairable { color:var(--_warn); } .state.active { color:var(--ik-accent); }
.goal { margin-top:.8rem; border-top:1px solid var(--ik-border); padding-top:.6rem; }`;
  get widgetName() { return "Streak"; }
  modules() { return ["streaks"]; }
  prefetch() { return fetchJson(fillUrl(this.activityEndpoint, this.customer)); }
  get activityEndpoint() { return this.getAttribute("activity-endpoint") || "/api/demo/customers/{customer}/activity"; }

  async draw(ik) {
    this.unavailable = false;
    const heading = this.heading();
    if (!has("streak")) return [heading, this.missing("streak", "The streak calendar")];
    const L = this.locale, tz = this.timezone;
    const res = await fetchJson(fillUrl(this.activityEndpoint, this.customer));
    const activity = Array.isArray(res.data) ? res.data : res.data.activity;
    const now = new Date();
    // `repair`: a streak broken in the last period can still be restored (the message says until when);
    // `locale`: impactkit writes the state line in the page's language
    const s = await ik.streak({ activity, period: this.getAttribute("period") || "day", now: now.toISOString(), timezone: tz,
      locale: L, repair: { withinPeriods: 1 } });
    await nextTask(); // computing and building the DOM in separate tasks
    const today = localDate(now, tz);
    const weeks = Math.max(4, Math.min(53, Number(this.getAttribute("weeks")) || 18));
    const stateText = {
      active: "Today is done — the streak is safe.",
      pending: "Not done yet today — one visit keeps the streak alive.",
      broken: "Streak broken — start a new one today.",
      none: "No streak yet — start one today.",
    }[s.state] ?? s.state;
    const sid = `streak-summary-${(this._uid ??= ++count)}`;
    // the summary sentence comes first ("6 days in a row, not done today"), then the details
    const nodes = [heading,
      h("p", { class: "summary", id: sid },
        h("span", { class: "big", "data-streak": s.current, text: fmtNumber(L, s.current, 0) }),
        ` ${s.current === 1 ? "day" : "days"} in a row, ${s.todayDone ? "done today" : "not done today"}`),
      h("p", { class: "muted", text: `Longest ${fmtNumber(L, s.longest, 0)} · ${fmtNumber(L, s.total, 0)} visits` }),
      h("p", { class: `state ${s.repairable ? "repairable" : s.state}`, "data-today": s.todayDone ? "done" : "pending",
        "data-repairable": s.repairable?.lastDate ?? null, text: s.message ?? stateText }),
      s.state === "pending" && s.atRiskAt ? h("p", { class: "muted", text: `Breaks in ${fmtDuration(L, (Date.parse(s.atRiskAt) - now) / 1000)} (${fmtDate(L, s.atRiskAt, tz, true)})` }) : null,
      ...this.calendar({ activity, s, today, weeks, L, sid }),
    ];
    await nextTask(); // the calendar and the weekly goal in separate tasks
    nodes.push(await this.goal(ik, activity, now, tz, L));
    return nodes;
  }


  /**
   * The heat map as an ARIA grid on a real table: one row per weekday (row headers), one column
   * per week (column headers), each cell labelled "Monday 3 August: 2 visits". One cell is in the
   * tab order (today); arrow keys, Home and End move between days; the focused (or hovered) day is
   * also written out below the grid for sighted keyboard users.
   */
  calendar({ activity, s, today, weeks, L, sid }) {
    const counts = new Map(activity.map((a) => [a.date, a.count]));
    const P = phrases(L);
    const day = (ms, opts) => fmtDay(L, ms, opts);
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
    table.addEventListener("keydown", (e) => this._move(e, table));
    return [table, detail];
  }

  /** Grid keyboard navigation (roving tabindex); left/right follow the writing direction. */
  _move(e, table) {
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

  async goal(ik, activity, now, tz, L) {
    if (!has("achievementWindow")) return h("div", { class: "goal" }, this.missing("achievementWindow", "The achievement countdown"));
    const target = Number(this.getAttribute("goal")) || 5;
    // weekly windows from the Monday of the first active week: calendar weeks, recurring
    const first = activity.length ? activity[0].date : localDate(now, tz);
    const firstMs = Date.parse(`${first}T00:00:00Z`);
    const start = new Date(firstMs - ((new Date(firstMs).getUTCDay() + 6) % 7) * 86400000).toISOString().slice(0, 10);
    const events = activity.filter((a) => a.count > 0).map((a) => ({ at: a.date, value: 1 }));
    const w = await ik.achievementWindow({ start, period: "1W", activationPolicy: "fixed_schedule", now: now.toISOString(), timezone: tz, target, events });
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
