// DOM helpers for the widgets: elements from tag/props/children; text always via textContent.
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = String(v);
    else if (k === "style") Object.assign(el.style, v);
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** A decorative emoji before a heading: hidden from assistive technology. */
export const icon = (emoji) => h("span", { "aria-hidden": "true", text: `${emoji} ` });

/** An ARIA progressbar with a visible fill; `percentage` from impactkit. */
export function progressBar(label, percentage, valueText, { state } = {}) {
  return h("div", {
    class: `bar${state ? ` ${state}` : ""}`, role: "progressbar", "aria-label": label,
    "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": percentage, "aria-valuetext": valueText,
  }, h("div", { class: "fill", style: { width: `${Math.min(100, Math.max(0, percentage))}%` } }));
}
