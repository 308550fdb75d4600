// The base class of the four widgets: attributes, the reserved box shown before data arrives,
// loading on visibility, one render per task, loading / error states, focus across re-renders,
// the live region and the contrast check.
import { h } from "./dom.js";
import { browserTimeZone, warmIntl } from "./format.js";
import { load, nextTask } from "./modules.js";
import { BASE_CSS, CONTRAST_PAIRS, contrastRatio, parseColor } from "./styles.js";

/** What identifies a focusable control across re-renders (its name, download kind or date). */
const focusKey = (el) => (el && el !== document.body ? el.dataset?.key ?? el.dataset?.date ?? el.getAttribute?.("name") ?? el.dataset?.download ?? null : null);


/** Elements wait until they are on screen (or about to be) before loading a module or data. */
const onScreen = new WeakMap();
const observer = typeof IntersectionObserver === "function"
  ? new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      observer.unobserve(e.target);
      onScreen.get(e.target)?.();
    }
  }, { rootMargin: "64px" })
  : null;

/** One parsed style sheet per widget class, shared by all its instances (a <style> each where unsupported). */
const sheets = new Map();
function adoptStyles(root, cls) {
  const css = BASE_CSS + cls.css;
  if (typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in root) {
    if (!sheets.has(cls)) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(cls, sheet);
    }
    root.adoptedStyleSheets = [sheets.get(cls)];
  } else {
    root.append(h("style", { text: css }));
  }
}

/** Base class: attributes endpoint / customer / locale / theme / timezone, loading and error states. */
export class ImpactElement extends HTMLElement {
  static get observedAttributes() { return ["endpoint", "customer", "locale", "theme", "timezone"]; }
  /** The capability modules this widget needs (see modules.js). */
  static modules = ["progress"];
  static css = "";
  #gen = 0;
  #queued = false;
  #visible = false;
  #waiting = null; // resolves the refresh() that waits for visibility
  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    adoptStyles(this.root, this.constructor);
    this.body = h("div", { part: "body" });
    // one polite live region per widget, outside the re-rendered body, for announce()
    this.live = h("p", { class: "sr", role: "status", part: "live" });
    this.root.append(this.body, this.live);
  }
  get endpoint() { return this.getAttribute("endpoint") || "/graphql"; }
  get customer() { return this.getAttribute("customer") || ""; }
  get locale() { return this.getAttribute("locale") || navigator.language || "en"; }
  get timezone() { return this.getAttribute("timezone") || browserTimeZone(); }
  /** The modules to load for the current attributes (default: the class's `modules`). */
  modules() { return this.constructor.modules; }
  /** The widget's box before data arrives: its heading and a placeholder of the final size. */
  skeleton() { return [this.heading(), h("div", { class: "ph", "aria-hidden": "true" })]; }
  connectedCallback() {
    if (!this.#visible && !this.hasAttribute("data-state")) {
      this.body.replaceChildren(...this.skeleton());
      this.setAttribute("data-state", "idle");
    }
    if (this.#visible || !observer) return void this.#reveal();
    onScreen.set(this, () => this.#reveal());
    observer.observe(this);
  }
  disconnectedCallback() { observer?.unobserve(this); }
  #reveal() {
    if (this.#visible) return;
    this.#visible = true;
    this.refresh();
  }
  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected && name !== "theme") this.refresh();
    if (name === "theme" && this.isConnected && this.onTheme) this.onTheme();
  }
  /**
   * Re-render (debounced to one run per task); resolves when rendered. A widget not yet on screen
   * renders (and loads its module) when it scrolls into view; its promise resolves then.
   */
  refresh() {
    if (!this.#visible) return (this.rendered ??= new Promise((ok) => { this.#waiting = ok; }));
    if (!this.#queued) {
      this.#queued = true;
      const waiting = this.#waiting;
      this.#waiting = null;
      this.rendered = new Promise((ok) => queueMicrotask(() => { this.#queued = false; this.#run().then(ok); }));
      waiting?.(this.rendered);
    }
    return this.rendered;
  }
  async #run() {
    const gen = ++this.#gen;
    if (!this.customer) return this.#show("empty", [this.heading(), h("p", { class: "muted", text: "Set the customer attribute." })]);
    this.setAttribute("data-state", "loading");
    this.setAttribute("aria-busy", "true");
    try {
      // the data is requested while the module loads (fetchJson memoises: draw() gets the same answer)
      const [mods] = await Promise.all([Promise.all(this.modules().map(load)), this.prefetch?.().catch(() => {})]);
      warmIntl(this.locale); // the worker has initialised Intl by now: the page's formatters are cheap
      await nextTask(); // each widget renders in a task of its own
      if (gen !== this.#gen) return;
      const nodes = await this.draw(Object.assign({}, ...mods));
      if (gen === this.#gen) this.#show(this.unavailable ? "unavailable" : "ready", nodes);
    } catch (error) {
      if (gen !== this.#gen) return;
      const where = error.path ? ` at ${error.path}` : "";
      this.#show("error", [this.heading(), h("p", { class: "error", role: "alert", text: `${this.widgetName || "Widget"}: ${error.code ?? "error"}${where}: ${error.message}` })]);
      this.dispatchEvent(new CustomEvent("impactkit:error", { bubbles: true, composed: true, detail: { error } }));
    }
  }
  #show(state, nodes) {
    // keyboard focus survives re-renders: the control with the same key gets it back
    const focused = focusKey(this.root.activeElement);
    this.body.replaceChildren(...nodes.filter((n) => n !== null && n !== undefined && n !== false));
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
    this.dispatchEvent(new CustomEvent("impactkit:render", { bubbles: true, composed: true, detail: { state } }));
    nextTask().then(() => this.checkContrast()); // after the new content's style is computed anyway, not forced here
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
   * One style computation for all colours.
   */
  checkContrast() {
    const tokens = [...new Set(CONTRAST_PAIRS.flatMap(([fg, bg]) => [fg, bg]))];
    const probes = h("span", { "aria-hidden": "true", hidden: true },
      tokens.map((token) => h("span", { style: { color: `var(--ik-${token})` } })));
    this.root.append(probes);
    const colors = new Map([...probes.children].map((el, i) => [tokens[i], parseColor(getComputedStyle(el).color)]));
    probes.remove();
    const warnings = [];
    for (const [fg, bg, min] of CONTRAST_PAIRS) {
      const [a, b] = [colors.get(fg), colors.get(bg)];
      if (!a || !b || a[3] < 1 || b[3] < 1) continue; // translucent colours depend on the page behind
      const ratio = contrastRatio(a, b);
      if (ratio < min) warnings.push({ foreground: fg, background: bg, ratio: Math.floor(ratio * 100) / 100, required: min });
    }
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

export { nextTask };
/** Defines `name` once (a second copy of the script on a page is harmless). */
export const define = (name, cls) => { if (!customElements.get(name)) customElements.define(name, cls); };
