// <impact-badges endpoint customer orders-endpoint locale theme timezone>: trophy case, earned and
// locked badges with hints, from the order history (`orders-endpoint`, a URL template with
// {customer}, answering `{orders: [...]}` or an array) and the profile's earned badges.
// `preview(cart)` runs a what-if for a hypothetical order and highlights what it would unlock.
// Needs the badges module (badgePreview); loads it on screen or on the first preview(); the sessions
// module (openCustomer) on the first what-if, or at once for a long history.
import { ImpactElement, nextTask } from "./base.js";
import { fetchJson, fetchProfile } from "./data.js";
import { h, progressBar } from "./dom.js";
import { badgeIcon, badgeName, fillUrl, fmtDate, fmtPercent, fmtPercentWords, nowIso, tierLabel } from "./format.js";
import { customer, fromText, has, identity, isReady, load } from "./modules.js";

/**
 * An order history longer than this (characters of JSON, ~400 orders) is read in a session at once:
 * impactkit/badges, built for size, takes ~5 ms for 400 orders and ~13 ms for 1,000 (docs/modules.md).
 */
const LONG_HISTORY = 1 << 16;

export default class ImpactBadges extends ImpactElement {
  // (the reserved box, its min-height, is in shell.js)
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
  get widgetName() { return "Badges"; }
  modules() { return ["badges"]; }
  prefetch() { return Promise.all([fetchProfile(this.endpoint, this.customer), fetchJson(fillUrl(this.ordersEndpoint, this.customer))]); }
  get ordersEndpoint() { return this.getAttribute("orders-endpoint") || "/api/demo/customers/{customer}/orders"; }

  async inputs() {
    const [profileRes, ordersRes] = await Promise.all([
      fetchProfile(this.endpoint, this.customer),
      has("badgePreview") ? fetchJson(fillUrl(this.ordersEndpoint, this.customer)) : null,
    ]);
    const raw = profileRes.data?.data?.customerImpactProfile;
    // the order history can be large: its text goes to impactkit's worker as is, parsed there
    const orders = ordersRes ? fromText(ordersRes, "orders") : [];
    // one customer session per answers read (refetched answers open a new one)
    return { earned: raw?.badges ?? [], orders, long: (ordersRes?.text?.length ?? 0) > LONG_HISTORY,
      key: `${this.customer}|${this.timezone}|${identity(profileRes, ordersRes)}` };
  }

  /**
   * badgePreview for the current customer, optionally with a hypothetical `cart` order. The trophy
   * case needs only impactkit/badges. A what-if (a `cart`) also starts loading impactkit/sessions;
   * once it is ready, the history is opened there once (openCustomer), shared by every
   * <impact-badges> of the same customer and data, and each what-if and render then costs the same
   * however long the history is. A long history goes to a session at once (see LONG_HISTORY).
   * Until a session answers (or when impactkit/sessions cannot load), impactkit/badges answers,
   * cart included.
   */
  async preview(cart) {
    const ik = await load("badges");
    if (!has("badgePreview")) return null;
    const { earned, orders, key, long } = await this.inputs();
    // the hints in the page's language (en, de, fr, es, ar, ja; others English)
    const request = { now: nowIso(), locale: this.locale, ...(cart ? { cart } : {}) };
    const history = { orders, earned, timezone: this.timezone };
    if (cart) load("sessions").catch(() => {}); // in the background: the next what-if uses it
    if (long || isReady("sessions")) {
      const session = await customer("sessions", key, history).catch(() => null);
      if (session) return session.badgePreview(request);
    }
    return ik.badgePreview({ ...history, ...request });
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

  /** Announces (politely, once) badges earned since the last render for the same customer. */
  _noticeNew(earned, names) {
    const seenByCustomer = (this._earnedSeen ??= new Map()); // customer → ids earned at the last render
    const seen = seenByCustomer.get(this.customer);
    seenByCustomer.set(this.customer, new Set(earned.map((b) => b.id)));
    const fresh = seen ? earned.filter((b) => !seen.has(b.id)) : [];
    if (fresh.length) this.announce(`New badge earned: ${fresh.map((b) => badgeName(b.id, names.get(b.id)?.name ?? b.name)).join(", ")}`);
  }

  async draw(ik) {
    this.unavailable = false;
    const L = this.locale;
    const heading = this.heading();
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
      this._noticeNew(backendEarned, names);
      return [heading,
        backendEarned.length ? h("ul", { class: "grid" }, backendEarned.map(earnedCard)) : h("p", { class: "muted", text: "No badges earned yet." }),
        this.missing("badgePreview", "Locked-badge progress and what-if previews")];
    }
    const out = await this.preview(null);
    await nextTask(); // computing and building the DOM in separate tasks
    /** The last badgePreview result (no cart), for pages that summarise it. */
    this.lastPreview = out;
    this.lastPreviewFor = this.customer;
    this._noticeNew(out.earned, names);
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
