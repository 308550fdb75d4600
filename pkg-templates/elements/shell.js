// The light half of the four widgets, in elements.js (what a storefront loads up front): it defines
// the tags at once, reserves each widget's box (heading and placeholder of the final size), waits
// until the widget is on screen and only then imports its rendering code, elements/<tag>.js (with
// base.js, data.js, modules.js), which it puts into the element class's prototype chain:
//   <tag>'s class → widget class (chunk) → ImpactElement (base.js, chunk) → ImpactShell → HTMLElement
// (the chunks' classes extend nothing: the link to ImpactShell is made here, see load()).
// The widget's own methods (preview(), svg(), …) answer before that too: they load the chunk first.
import { h, icon } from "./dom.js";
import { browserTimeZone } from "./format.js";
import { BASE_CSS } from "./styles.js";
import { runtime } from "./api.js";

/** Elements wait until they are on screen (or about to be) before loading their code, module or data. */
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

/** A widget class's CSS: the base, its reserved box and, once its chunk is loaded, the rest. */
const cssOf = (cls) => BASE_CSS + cls.box + (cls.impl?.css ?? "");
/** One parsed style sheet per widget class, shared by all its instances (a <style> each where unsupported). */
const sheets = new Map();
function adoptStyles(root, cls) {
  if (typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in root) {
    if (!sheets.has(cls)) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(cssOf(cls));
      sheets.set(cls, sheet);
    }
    root.adoptedStyleSheets = [sheets.get(cls)];
  } else {
    const style = root.querySelector("style") ?? root.appendChild(h("style"));
    style.textContent = cssOf(cls);
  }
}

/** The light base class: attributes endpoint / customer / locale / theme / timezone, box, visibility. */
export class ImpactShell extends HTMLElement {
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
  /** Loads the rendering code of this widget class once and puts it into the class's prototype chain. */
  static load() {
    return (this.loading ??= this.chunk().then(({ default: impl }) => {
      let top = impl.prototype; // the chunks' base class (ImpactElement) extends nothing until linked here
      while (Object.getPrototypeOf(top) !== Object.prototype && Object.getPrototypeOf(top) !== ImpactShell.prototype) top = Object.getPrototypeOf(top);
      if (Object.getPrototypeOf(top) === Object.prototype) Object.setPrototypeOf(top, ImpactShell.prototype);
      Object.setPrototypeOf(this.prototype, impl.prototype);
      this.impl = impl;
      sheets.get(this)?.replaceSync(cssOf(this));
    }, (error) => { this.loading = null; throw error; }));
  }
  get endpoint() { return this.getAttribute("endpoint") || "/graphql"; }
  get customer() { return this.getAttribute("customer") || ""; }
  get locale() { return this.getAttribute("locale") || navigator.language || "en"; }
  get timezone() { return this.getAttribute("timezone") || browserTimeZone(); }
  heading() { return h("h3", {}, icon(this.constructor.icon), this.getAttribute("heading") || this.constructor.title); }
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
   * renders (and loads its code and module) when it scrolls into view; its promise resolves then.
   */
  refresh() {
    if (!this.#visible) return (this.rendered ??= new Promise((ok) => { this.#waiting = ok; }));
    if (!this.#queued) {
      this.#queued = true;
      const waiting = this.#waiting;
      this.#waiting = null;
      this.rendered = new Promise((ok) => queueMicrotask(() => { this.#queued = false; this.#render().then(ok); }));
      waiting?.(this.rendered);
    }
    return this.rendered;
  }
  async #render() {
    try {
      await Promise.all([this.constructor.load(), runtime()]);
    } catch (error) { // the widget's code did not load (offline, not deployed): say so in its box
      error.code ??= "load_failed";
      this.body.replaceChildren(this.heading(), h("p", { class: "error", role: "alert", text: `${this.constructor.title}: ${error.code}: ${error.message}` }));
      this.setAttribute("data-state", "error");
      this.dispatchEvent(new CustomEvent("impactkit:error", { bubbles: true, composed: true, detail: { error } }));
      return;
    }
    if (!sheets.has(this.constructor)) adoptStyles(this.root, this.constructor); // the <style> fallback
    return this._run();
  }
}

/** Pixel size of each card format (impactCard's `size`). */
const SIZES = { og: [1200, 630], square: [1080, 1080], story: [1080, 1920], badge: [400, 400] };
/** <impact-card>'s box: the image's aspect ratio for its `size` (and a row for its controls). */
const cardShell = (Base) => class extends Base {
  get size() { return this.getAttribute("size") || "og"; }
  /** The card's own theme (`card-theme`), else the widget's `theme`. */
  get cardTheme() { return this.getAttribute("card-theme") || this.getAttribute("theme") || "auto"; }
  /** [width, height] in pixels of the card's `size`. */
  pixels() { return SIZES[this.size] ?? SIZES.og; }
  /** Gives `el` the image's box (same before and after it loads): the size's aspect ratio, never upscaled. */
  shot(el) {
    const [w, hgt] = this.pixels();
    el.style.setProperty("--ratio", `${w} / ${hgt}`);
    el.style.setProperty("--w", `${w}px`);
    return el;
  }
  skeleton() {
    return [this.heading(), h("div", { class: "frame", "aria-hidden": "true" }, this.shot(h("div", { class: "shot" }))),
      this.hasAttribute("controls") ? h("div", { class: "controls ph-controls", "aria-hidden": "true" }) : null];
  }
};

// Each widget: icon and default heading, extra observed attributes, the CSS of its reserved box (the
// seed data's size; a page overrides min-height with its own CSS), its methods callable before its
// code is loaded, its chunk (a literal path each: generate.mjs keeps them as they are).
const WIDGETS = {
  "impact-milestones": {
    icon: "🎯", title: "Milestones", attrs: [], box: ":host { min-height:17.9rem; }",
    chunk: () => import("./elements/impact-milestones.js"),
  },
  "impact-badges": {
    icon: "🏆", title: "Trophy case", attrs: ["orders-endpoint"], methods: ["preview", "highlight"],
    box: ":host { min-height:40.6rem; } @media (max-width: 30rem) { :host { min-height:59.6rem; } }",
    chunk: () => import("./elements/impact-badges.js"),
  },
  "impact-streak": {
    icon: "🔥", title: "Streak", attrs: ["activity-endpoint", "period", "weeks", "goal"],
    box: ":host { min-height:34rem; } @media (min-width: 40rem) { :host { min-height:38.6rem; } }",
    chunk: () => import("./elements/impact-streak.js"),
  },
  "impact-card": {
    icon: "🪪", title: "Impact card", attrs: ["size", "card-theme", "display-name", "controls", "activity-endpoint"],
    methods: ["svg", "png"], shell: cardShell,
    box: `.frame { display:flex; justify-content:center; }
.shot { display:block; box-sizing:content-box; width:min(100% - 2px, 44rem, var(--w), 70vh * var(--ratio)); aspect-ratio:var(--ratio); height:auto;
  border-radius:10px; border:1px solid var(--ik-border); }
div.shot { background:var(--ik-chip); }
.controls { display:flex; flex-wrap:wrap; gap:.5rem; margin-top:.7rem; align-items:center; }
.ph-controls { min-height:2.25rem; }`,
    chunk: () => import("./elements/impact-card.js"),
  },
  "impact-points": {
    icon: "💎", title: "Points", attrs: ["balance-endpoint", "factor", "reward-threshold", "reward-points", "cart"],
    box: ":host { min-height:17.9rem; }",
    chunk: () => import("./elements/impact-points.js"),
  },
};

/** Defines `name` once (a second copy of the script on a page is harmless). */
export const define = (name, cls) => { if (!customElements.get(name)) customElements.define(name, cls); };

for (const [tag, spec] of Object.entries(WIDGETS)) {
  // methods that load the code first; the chunk's classes take their place in the chain once loaded
  class Early extends ImpactShell {}
  for (const name of ["announce", "checkContrast", ...(spec.methods ?? [])]) {
    Early.prototype[name] = async function (...args) {
      await this.constructor.load();
      return this[name](...args);
    };
  }
  const Widget = spec.shell ? spec.shell(Early) : class extends Early {};
  Object.assign(Widget, { icon: spec.icon, title: spec.title, box: spec.box, chunk: spec.chunk, impl: null, loading: null });
  Widget.observedAttributes = ["endpoint", "customer", "locale", "theme", "timezone", ...spec.attrs];
  define(tag, Widget);
}
