// <impact-card endpoint customer locale theme card-theme size display-name controls activity-endpoint>:
// the shareable impact card (impactCard → SVG) with size/theme switches and SVG/PNG downloads when
// `controls` is set; with `activity-endpoint` (and streak() in the build) it shows the streak.
// Needs the cards module, the profile module (readImpactProfile) and, with `activity-endpoint`,
// the streaks module. The image's box is reserved from `size` before anything loads.
import { ImpactElement, nextTask } from "./base.js";
import { fetchJson, fetchProfile } from "./data.js";
import { h } from "./dom.js";
import { fillUrl, fmtNumber, nowIso } from "./format.js";
import { has, load } from "./modules.js";

// (the reserved box, the size getters and shot() are in shell.js)
export default class ImpactCard extends ImpactElement {
  static css = `
label { display:flex; gap:.35rem; align-items:center; font-size:.9rem; }`;
  get widgetName() { return "Impact card"; }
  onTheme() { this.refresh(); }
  modules() { return ["profile", "cards", ...(this.getAttribute("activity-endpoint") ? ["streaks"] : [])]; }
  prefetch() {
    const activityUrl = this.getAttribute("activity-endpoint");
    return Promise.all([fetchProfile(this.endpoint, this.customer), activityUrl ? fetchJson(fillUrl(activityUrl, this.customer)) : null]);
  }
  /** The loaded modules this card needs, as one namespace. */
  async _modules() { return Object.assign({}, ...(await Promise.all(this.modules().map(load)))); }

  async cardInput(ik) {
    const r = await fetchProfile(this.endpoint, this.customer);
    const profile = await ik.readImpactProfile({ ...r.data, timezone: this.timezone });
    const card = { ...profile };
    const displayName = this.getAttribute("display-name");
    if (displayName) card.displayName = displayName;
    // with an activity-endpoint (and streak() in this build) the card shows the live streak
    const activityUrl = this.getAttribute("activity-endpoint");
    if (activityUrl && has("streak")) {
      const res = await fetchJson(fillUrl(activityUrl, this.customer));
      const activity = Array.isArray(res.data) ? res.data : res.data.activity;
      const s = await ik.streak({ activity, period: "day", now: nowIso(), timezone: this.timezone });
      card.streak = { current: s.current, state: s.state, period: "day" };
    }
    return { profile: card, size: this.size, theme: this.cardTheme, locale: this.locale };
  }

  /** The card as an SVG string. */
  async svg() {
    const ik = await this._modules();
    return ik.impactCard(await this.cardInput(ik));
  }

  /**
   * The card as a PNG Blob: impactCardPng when the build has it (on the page: it decodes the SVG as
   * an image, which workers cannot), else rasterised here via canvas.
   */
  async png() {
    const ik = await this._modules();
    const page = has("impactCardPng") ? await load("cards", { onPage: true }) : null;
    if (typeof page?.impactCardPng === "function") {
      const out = await page.impactCardPng(await this.cardInput(ik));
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

  _download(blob, ext) {
    const a = h("a", { href: URL.createObjectURL(blob), download: `impact-card-${this.customer}-${this.size}.${ext}`, hidden: true });
    this.root.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 30_000);
  }

  /** Size / theme switches and downloads (disabled in the reserved box, before the card exists). */
  _controls(disabled = false) {
    const select = (name, label, options, value) => h("label", {}, label, h("select", {
      name, disabled, onchange: (e) => this.setAttribute(name, e.target.value),
    }, options.map(([v, t]) => { const o = h("option", { value: v, text: t }); o.selected = v === value; return o; })));
    const busy = async (btn, fn) => {
      btn.disabled = true;
      try { await fn(); } catch (error) { btn.after(h("span", { class: "error", role: "alert", text: ` ${error.code ?? "error"}: ${error.message}` })); }
      finally { btn.disabled = false; }
    };
    const label = (kind) => [h("span", { "aria-hidden": "true", text: "⬇ " }), h("span", { class: "sr", text: "Download " }), kind];
    const svgBtn = h("button", { type: "button", disabled, "data-download": "svg", onclick: () => busy(svgBtn, async () => this._download(new Blob([await this.svg()], { type: "image/svg+xml" }), "svg")) }, label("SVG"));
    const pngBtn = h("button", { type: "button", disabled, "data-download": "png", onclick: () => busy(pngBtn, async () => this._download(await this.png(), "png")) }, label("PNG"));
    return h("div", { class: "controls" },
      select("size", "Size", [["og", "Link preview 1200×630"], ["square", "Square 1080²"], ["story", "Story 1080×1920"], ["badge", "Badge 400²"]], this.size),
      select("card-theme", "Theme", [["auto", "Auto"], ["light", "Light"], ["dark", "Dark"]], this.cardTheme),
      svgBtn, pngBtn);
  }

  async draw(ik) {
    this.unavailable = false;
    const heading = this.heading();
    if (!has("impactCard")) return [heading, this.missing("impactCard", "The shareable impact card")];
    const input = await this.cardInput(ik);
    const svg = await ik.impactCard(input);
    await nextTask(); // computing and decoding the image in separate tasks
    if (this._url) URL.revokeObjectURL(this._url);
    this._url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    const p = input.profile;
    const alt = `Impact card: ${fmtNumber(this.locale, p.totalCo2Saved ?? 0)} kg CO₂ saved in ${fmtNumber(this.locale, p.totalOrders ?? 0, 0)} orders`;
    const [w, hgt] = this.pixels();
    const img = this.shot(h("img", { class: "shot", src: this._url, alt, width: w, height: hgt, decoding: "async", "data-size": this.size }));
    return [heading, h("div", { class: "frame" }, img), this.hasAttribute("controls") ? this._controls() : null];
  }
}
