// Styles of the widgets: the built-in light and dark palettes, the --impact-* theme tokens, the CSS
// every widget starts from, and the WCAG contrast check of the colours in use.
/** [r, g, b, alpha] of a computed CSS colour ("rgb(…)", "rgba(…)", "color(srgb …)"), or null. */
export function parseColor(text) {
  const m = /^rgba?\(([^)]+)\)$/.exec(String(text).trim());
  if (m) {
    const [r, g, b, a = "1"] = m[1].split(/[\s,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  }
  const c = /^color\(srgb ([^)]+)\)$/.exec(String(text).trim());
  if (c) {
    const [r, g, b, , a = "1"] = c[1].split(/[\s]+/).filter(Boolean);
    return [Number(r) * 255, Number(g) * 255, Number(b) * 255, Number(a)];
  }
  return null;
}
/** The WCAG contrast ratio of two opaque [r, g, b] colours. */
export function contrastRatio(a, b) {
  const lum = ([r, g, b]) => [r, g, b].map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
/** The colour pairs every widget needs: [foreground token, background token, minimum ratio]. */
export const CONTRAST_PAIRS = [["fg", "bg", 4.5], ["muted", "bg", 4.5], ["accent", "bg", 4.5], ["fg", "chip", 4.5],
  ["muted", "chip", 4.5], ["accent", "track", 3], ["accent2", "track", 3]];

// Built-in palettes: text ≥ 4.5:1 on bg and chip, bars ≥ 3:1 on track (checked by tests/a11y/audit.mjs).
const LIGHT = "--_bg:#ffffff;--_fg:#17231b;--_muted:#56645a;--_accent:#2b7130;--_accent2:#00695c;--_track:#e4ebe5;--_border:#d4ddd6;--_control:#7a877d;--_warn:#8a5300;--_chip:#eef4ef;" +
  "--_error:#c62828;--_bronze:#8d5524;--_silver:#4f6672;--_gold:#7a5c00;--_platinum:#4a55b8;";
const DARK = "--_bg:#141b16;--_fg:#e8efe9;--_muted:#a3b2a7;--_accent:#66bb6a;--_accent2:#4db6ac;--_track:#2a352d;--_border:#2f3b32;--_control:#7d8c80;--_warn:#ffb74d;--_chip:#1f2a22;" +
  "--_error:#ff8a80;--_bronze:#d7a070;--_silver:#b0bec5;--_gold:#e6c34d;--_platinum:#a5adf0;";
/** The colours in use: a storefront's --impact-* custom properties, else the built-in palette. */
const TOKENS = "--ik-fg:var(--impact-fg, var(--_fg));--ik-bg:var(--impact-bg, var(--_bg));--ik-muted:var(--impact-muted, var(--_muted));" +
  "--ik-accent:var(--impact-accent, var(--_accent));--ik-accent2:var(--impact-accent2, var(--_accent2));--ik-track:var(--impact-track, var(--_track));" +
  "--ik-border:var(--impact-border, var(--_border));--ik-chip:var(--impact-chip, var(--_chip));";
export const BASE_CSS = `
:host { ${LIGHT} ${TOKENS} display:block; box-sizing:border-box; color:var(--ik-fg); background:var(--ik-bg);
  border:1px solid var(--ik-border); border-radius:var(--impact-radius, 14px); padding:1rem 1.1rem; font:inherit; line-height:1.4; }
:host([theme=dark]) { ${DARK} }
@media (prefers-color-scheme: dark) { :host(:not([theme=light])) { ${DARK} } }
:host([hidden]) { display:none; }
* { box-sizing:border-box; }
h3 { margin:0 0 .6rem; font-size:1.05rem; display:flex; gap:.5rem; align-items:center; }
.muted { color:var(--ik-muted); font-size:.9rem; }
.note { color:var(--ik-muted); font-size:.9rem; border:1px dashed var(--ik-border); border-radius:10px; padding:.6rem .7rem; margin:.4rem 0 0; }
.error { color:var(--_error); }
.done { color:var(--ik-accent); }
.sr { position:absolute; width:1px; height:1px; margin:-1px; padding:0; overflow:hidden; clip-path:inset(50%); white-space:nowrap; border:0; }
.bar { height:.7rem; border-radius:.35rem; background:var(--ik-track); overflow:hidden; margin:.3rem 0 .2rem; }
.bar .fill { height:100%; background:linear-gradient(90deg, var(--ik-accent), var(--ik-accent2)); border-radius:inherit; transition:width .4s ease; }
:host(:dir(rtl)) .bar .fill { background:linear-gradient(270deg, var(--ik-accent), var(--ik-accent2)); }
.row { display:flex; justify-content:space-between; gap:.5rem; align-items:baseline; flex-wrap:wrap; }
.pct { font-variant-numeric:tabular-nums; font-weight:650; }
.chip { display:inline-block; font-size:.72rem; letter-spacing:.03em; text-transform:uppercase; padding:.1rem .45rem; border-radius:99px; background:var(--ik-chip); border:1px solid var(--ik-border); }
.chip.BRONZE { color:var(--_bronze); } .chip.SILVER { color:var(--_silver); } .chip.GOLD { color:var(--_gold); } .chip.PLATINUM { color:var(--_platinum); }
ul { list-style:none; margin:0; padding:0; }
select, button, input { font:inherit; color:inherit; }
button, select { background:var(--ik-chip); border:1px solid var(--_control); border-radius:8px; padding:.35rem .7rem; cursor:pointer; min-height:2.25rem; min-width:2.25rem; }
:focus-visible { outline:2px solid var(--ik-accent); outline-offset:2px; }
@media (prefers-reduced-motion: reduce) { *, *::before, *::after { transition:none !important; animation:none !important; scroll-behavior:auto !important; } }
`;
