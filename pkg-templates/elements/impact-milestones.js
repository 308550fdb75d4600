// <impact-milestones endpoint customer locale theme timezone>: milestone progress bars (seed 000).
// Needs the profile module (readImpactProfile).
import { ImpactElement, nextTask } from "./base.js";
import { fetchProfile } from "./data.js";
import { h, progressBar } from "./dom.js";
import { fmtDate, fmtNumber, fmtPercent, fmtPercentWords, phrases } from "./format.js";

export default class ImpactMilestones extends ImpactElement {
  // (the reserved box, its min-height, is in shell.js)
  static css = `li { margin:.7rem 0 .9rem; } .totals { font-size:.95rem; margin:0 0 .4rem; }`;
  get widgetName() { return "Milestones"; }
  modules() { return ["profile"]; }
  prefetch() { return fetchProfile(this.endpoint, this.customer); }
  async draw(ik) {
    const r = await fetchProfile(this.endpoint, this.customer);
    const profile = await ik.readImpactProfile({ ...r.data, timezone: this.timezone });
    await nextTask(); // computing and building the DOM in separate tasks
    const L = this.locale;
    const P = phrases(L);
    const items = profile.milestones.map((m) => {
      const unit = m.unit ?? (/kg|co2/i.test(m.name) ? "kg" : "");
      const pct = fmtPercent(L, m.percentage);
      const amount = `${fmtNumber(L, m.current)} / ${fmtNumber(L, m.target)}${unit ? ` ${unit}` : ""}`;
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
      this.heading(),
      profile.totalCo2Saved === null ? null : h("p", { class: "totals" },
        h("strong", { text: `${fmtNumber(L, profile.totalCo2Saved)} kg CO₂` }), ` saved in ${fmtNumber(L, profile.totalOrders ?? 0, 0)} orders`),
      items.length ? h("ul", {}, items) : h("p", { class: "muted", text: "No milestones yet." }),
      done.length ? h("ul", { class: "completed" }, done) : null,
    ];
  }
}
