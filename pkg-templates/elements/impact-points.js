// <impact-points balance-endpoint customer locale theme timezone factor reward-threshold reward-points
// cart>: a points balance (Gameball v4 balance response, seed 004) with its value, the next
// expiry's countdown and urgency, and the redeem nudge; with `cart` what the cart earns.
// `balance-endpoint` is a URL template answering the balance as Gameball sends it (through the
// storefront's proxy: Gameball's keys never reach the page). Needs the profile module (pointsProgress).
import { ImpactElement, nextTask } from "./base.js";
import { fetchJson } from "./data.js";
import { h } from "./dom.js";
import { fillUrl, fmtDate, fmtNumber } from "./format.js";
import { has } from "./modules.js";

/** A numeric attribute, or undefined when absent (impactkit validates the rest and says where). */
const num = (el, name) => (el.hasAttribute(name) ? Number(el.getAttribute(name)) : undefined);

/** `amount` in `currency` (plain number when the currency is unknown or not ISO 4217). */
function money(locale, amount, currency) {
  if (amount === null || amount === undefined) return null;
  try {
    if (currency) return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
  } catch { /* not a currency code: a plain number below */ }
  return fmtNumber(locale, amount, 2);
}

export default class ImpactPoints extends ImpactElement {
  static css = `
.big { font-size:1.6rem; font-weight:700; font-variant-numeric:tabular-nums; margin:0; }
.worth { margin:0 0 .5rem; }
.expiry { border-radius:10px; padding:.55rem .7rem; margin:.5rem 0; background:var(--ik-chip); border:1px solid var(--ik-border); }
.expiry.lastChance { border-color:var(--_warn); }
.expiry.lastChance strong { color:var(--_warn); }
.nudge { margin:.5rem 0 0; }
.cart { margin:.5rem 0 0; border-top:1px solid var(--ik-border); padding-top:.5rem; }`;
  get widgetName() { return "Points"; }
  modules() { return ["profile"]; }
  get balanceEndpoint() { return this.getAttribute("balance-endpoint") || "/storefront/gameball/customers/{customer}/balance"; }
  prefetch() { return fetchJson(fillUrl(this.balanceEndpoint, this.customer)); }

  /** pointsProgress's input from the balance and the widget's attributes. */
  input(balance) {
    const cart = num(this, "cart");
    return {
      balance, now: new Date().toISOString(), timezone: this.timezone, locale: this.locale,
      redemptionRewardFactor: num(this, "factor"), rewardThreshold: num(this, "reward-threshold"),
      rewardPoints: num(this, "reward-points"), cart: cart === undefined ? undefined : { total: cart },
    };
  }

  async draw(ik) {
    this.unavailable = false;
    const heading = this.heading();
    if (!has("pointsProgress")) return [heading, this.missing("pointsProgress", "The points balance")];
    const res = await fetchJson(fillUrl(this.balanceEndpoint, this.customer));
    const p = await ik.pointsProgress(this.input(res.data));
    await nextTask(); // computing and building the DOM in separate tasks
    this.lastProgress = p;
    const L = this.locale, cur = p.currency, name = p.pointsName ?? "points";
    const pts = (n) => `${fmtNumber(L, n, 0)} ${name}`;
    const worth = money(L, p.available.value, cur);
    return [
      heading,
      h("p", { class: "big", "data-available": p.available.points, text: pts(p.available.points) }),
      h("p", { class: "muted worth" }, worth ? `worth ${worth}` : "available",
        p.pending.points > 0 ? ` · ${fmtNumber(L, p.pending.points, 0)} pending${p.pending.availableOn ? ` until ${fmtDate(L, p.pending.availableOn)}` : " (return window)"}` : ""),
      this.expiry(p, pts),
      this.nudge(p, pts),
      this.cart(p, pts),
    ];
  }

  /** The expiry notice: countdown, urgency and the last day. */
  expiry(p, pts) {
    const e = p.expiring;
    if (!e) return h("p", { class: "muted", "data-expiring": "none", text: "No points expiring." });
    const L = this.locale, value = money(L, e.value, p.currency);
    const what = `${pts(e.points)}${value ? ` (${value})` : ""}`;
    const when = e.expired ? `expired on ${fmtDate(L, e.lastDay)}`
      : e.daysLeft === 0 ? "expire today"
        : `expire in ${fmtNumber(L, e.daysLeft, 0)} ${e.daysLeft === 1 ? "day" : "days"} (use by ${fmtDate(L, e.lastDay)})`;
    const label = e.expired ? "Expired" : e.urgency === "lastChance" ? "Last chance" : e.urgency === "soon" ? "Expiring soon" : "Next expiry";
    return h("p", { class: `expiry ${e.urgency ?? (e.expired ? "expired" : "later")}`, "data-days-left": e.daysLeft, "data-urgency": e.urgency ?? (e.expired ? "expired" : "none") },
      h("strong", { text: `${label}: ` }), `${what} ${when}.`);
  }

  /** The redeem nudge: what the points are worth now and how far the next whole unit is. */
  nudge(p, pts) {
    const r = p.redeemable, L = this.locale;
    if (!(r.points > 0) || r.value === null) return null;
    const next = r.toNextUnit ? ` · ${pts(r.toNextUnit)} more for ${money(L, Math.floor(r.value) + 1, p.currency)}` : "";
    return h("p", { class: "nudge", "data-redeemable": r.value }, h("strong", { text: `Redeem now: ${money(L, r.value, p.currency)} off` }), next);
  }

  /** What the cart earns, and the spend that earns the next reward. */
  cart(p, pts) {
    const c = p.cartEarns;
    if (!c) return null;
    const L = this.locale;
    return h("p", { class: "cart", "data-cart-earns": c.points },
      `This cart earns ${pts(c.points)}`, c.value === null ? "" : ` (${money(L, c.value, p.currency)})`,
      ` · spend ${money(L, c.spendToNext, p.currency)} more to earn more.`);
  }
}
