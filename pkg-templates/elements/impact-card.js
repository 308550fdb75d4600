// <impact-card endpoint customer locale theme card-theme size display-name controls activity-endpoint>:
// the shareable impact card (impactCard → SVG) with size/theme switches and SVG/PNG downloads when
// `controls` is set; with `activity-endpoint` (and streak() in the build) it shows the streak.
// Needs the cards module, the progress module (readImpactProfile) and, with `activity-endpoint`,
// the streaks module. The image's box is reserved from `size` before anything loads.
import { ImpactElement, define, nextTask } from "./base.js";
import { fetchJson, fetchProfile, fillUrl } from "./data.js";
import { h, icon } from "./dom.js";
import { fmtNumber, nowIso } from "./format.js";
import { has, load } from "./modules.js";

/** Pixel size of each card format (impactCard's `size`). */
const SIZES = { og: [1200, 630], square: [1080, 1080], story: [1080, 1920], badge: [400, 400] };

export class ImpactCard extends ImpactElement {
  static get observedAttributes() { return [...super.observedAttributes, "size", "card-theme", "display-name", "controls", "activity-endpoint"]; }
  static css = `
.frame { display:flex; justify-content:center; }
.shot { display:block; box-sizing:content-box; width:min(100% - 2px, 44rem, var(--w), 70vh * var(--ratio)); aspect-ratio:var(--ratio); height:auto;
  border-radius:10px; border:1px solid var(--ik-border); }
div.shot { background:var(--ik-chip); }
.controls { display:flex; flex-wrap:wrap; gap:.5rem; margin-top:.7rem; align-items:center; }
label { display:flex; gap:.35rem; align-items:center; font-size:.9rem; }`;
  widgetName = "Impact card";
  #url = null;
  onTheme() { this.refresh(); }
  get size() { return this.getAttribute("size") || "og"; }
  /** The card's own theme (`card-theme`), else the widget's `theme`. */
  get cardTheme() { return this.getAttribute("card-theme") || this.getAttribute("theme") || "auto"; }
  modules() { return ["progress", "cards", ...(this.getAttribute("activity-endpoint") ? ["streaks"] : [])]; }
  heading() { return h("h3", {}, icon("🪪"), this.getAttribute("heading") || "Impact card"); }
  prefetch() {
    const activityUrl = this.getAttribute("activity-endpoint");
    return Promise.all([fetchProfile(this.endpoint, this.customer), activityUrl ? fetchJson(fillUrl(activityUrl, this.customer)) : null]);
  }
  /** Gives `el` the image's box (same before and after it loads): the size's aspect ratio, never upscaled. */
  #shot(el) {
    const [w, hgt] = SIZES[this.size] ?? SIZES.og;
    el.style.setProperty("--ratio", `${w} / ${hgt}`);
    el.style.setProperty("--w", `${w}px`);
    return el;
  }
  skeleton() {
    const shot = this.#shot(h("div", { class: "shot" }));
    return [this.heading(), h("div", { class: "frame", "aria-hidden": "true" }, shot), this.hasAttribute("controls") ? this.#controls(true) : null];
  }
  /** The loaded modules this card needs, as one namespace. */
  async #modules() { return Object.assign({}, ...(await Promise.all(this.modules().map(load)))); }

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
    const ik = await this.#modules();
    return ik.impactCard(await this.cardInput(ik));
  }

  /**
   * The card as a PNG Blob: impactCardPng when the build has it (on the page: it decodes the SVG as
   * an image, which workers cannot), else rasterised here via canvas.
   */
  async png() {
    const ik = await this.#modules();
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

  #download(blob, ext) {
    const a = h("a", { href: URL.createObjectURL(blob), download: `impact-card-${this.customer}-${this.size}.${ext}`, hidden: true });
    this.root.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 30_000);
  }

  /** Size / theme switches and downloads (disabled in the reserved box, before the card exists). */
  #controls(disabled = false) {
    const select = (name, label, options, value) => h("label", {}, label, h("select", {
      name, disabled, onchange: (e) => this.setAttribute(name, e.target.value),
    }, options.map(([v, t]) => { const o = h("option", { value: v, text: t }); o.selected = v === value; return o; })));
    const busy = async (btn, fn) => {
      btn.disabled = true;
      try { await fn(); } catch (error) { btn.after(h("span", { class: "error", role: "alert", text: ` ${error.code ?? "error"}: ${error.message}` })); }
      finally { btn.disabled = false; }
    };
    const label = (kind) => [h("span", { "aria-hidden": "true", text: "⬇ " }), h("span", { class: "sr", text: "Download " }), kind];
    const svgBtn = h("button", { type: "button", disabled, "data-download": "svg", onclick: () => busy(svgBtn, async () => this.#download(new Blob([await this.svg()], { type: "image/svg+xml" }), "svg")) }, label("SVG"));
    const pngBtn = h("button", { type: "button", disabled, "data-download": "png", onclick: () => busy(pngBtn, async () => this.#download(await this.png(), "png")) }, label("PNG"));
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
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    const p = input.profile;
    const alt = `Impact card: ${fmtNumber(this.locale, p.totalCo2Saved ?? 0)} kg CO₂ saved in ${fmtNumber(this.locale, p.totalOrders ?? 0, 0)} orders`;
    const [w, hgt] = SIZES[this.size] ?? SIZES.og;
    const img = this.#shot(h("img", { class: "shot", src: this.#url, alt, width: w, height: hgt, decoding: "async", "data-size": this.size }));
    return [heading, h("div", { class: "frame" }, img), this.hasAttribute("controls") ? this.#controls() : null];
  }
}

define("impact-card", ImpactCard);
