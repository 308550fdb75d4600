// The widgets' rendering (in the widget chunks, loaded when a widget first comes on screen): one
// render per task, loading / error states, focus across re-renders, the live region and the contrast
// check. The element itself (attributes, the reserved box, waiting for visibility, refresh()) is the
// light ImpactShell in shell.js, part of elements.js: when a widget's chunk loads, shell.js puts its
// class (the widget's, then this one) into the prototype chain of the element already defined, and
// this class's prototype onto ImpactShell's (so it extends nothing here: the chunks never import
// elements.js). Instances are built by the shell's constructor only, so state here lives in plain
// properties set on first use (no #private fields or class field initialisers).
import { h } from "./dom.js";
import { warmIntl } from "./format.js";
import { load, nextTask } from "./modules.js";
import { CONTRAST_PAIRS, contrastRatio, parseColor } from "./styles.js";

/** What identifies a focusable control across re-renders (its name, download kind or date). */
const focusKey = (el) => (el && el !== document.body ? el.dataset?.key ?? el.dataset?.date ?? el.getAttribute?.("name") ?? el.dataset?.download ?? null : null);

/** The rendering half of every widget (see shell.js for the other half). */
export class ImpactElement {
  /** The capability modules this widget needs for the current attributes (see modules.js). */
  modules() { return ["progress"]; }
  /** One render (called by ImpactShell.refresh once the widget's chunk is loaded). */
  async _run() {
    const gen = (this._gen = (this._gen ?? 0) + 1);
    if (!this.customer) return this._show("empty", [this.heading(), h("p", { class: "muted", text: "Set the customer attribute." })]);
    this.setAttribute("data-state", "loading");
    this.setAttribute("aria-busy", "true");
    try {
      // the data is requested while the module loads (fetchJson memoises: draw() gets the same answer)
      const [mods] = await Promise.all([Promise.all(this.modules().map(load)), this.prefetch?.().catch(() => {})]);
      warmIntl(this.locale); // the worker has initialised Intl by now: the page's formatters are cheap
      await nextTask(); // each widget renders in a task of its own
      if (gen !== this._gen) return;
      const nodes = await this.draw(Object.assign({}, ...mods));
      if (gen === this._gen) this._show(this.unavailable ? "unavailable" : "ready", nodes);
    } catch (error) {
      if (gen !== this._gen) return;
      const where = error.path ? ` at ${error.path}` : "";
      this._show("error", [this.heading(), h("p", { class: "error", role: "alert", text: `${this.widgetName || "Widget"}: ${error.code ?? "error"}${where}: ${error.message}` })]);
      this.dispatchEvent(new CustomEvent("impactkit:error", { bubbles: true, composed: true, detail: { error } }));
    }
  }
  _show(state, nodes) {
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
  /** Says `text` once through the widget's polite live region (repeats of the last message are dropped). */
  announce(text) {
    if (!text || text === this._announced) return;
    this._announced = text;
    this.live.textContent = text;
  }
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
    if (text && text !== this._warned) {
      console.warn(`<${this.localName}>: theme colours below WCAG AA contrast: ${text}`);
      this.dispatchEvent(new CustomEvent("impactkit:contrast-warning", { bubbles: true, composed: true, detail: { warnings } }));
    }
    this._warned = text;
  }
  /** The "not available in this build" note for a missing impactkit function. */
  missing(fn, what) {
    this.unavailable = true;
    return h("p", { class: "note", "data-missing": fn, text: `${what}: not available in this build of impactkit (it needs ${fn}()).` });
  }
}

export { nextTask };
