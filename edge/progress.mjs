// The email progress image: a customer's milestones as bars, 600 units wide (SVG built here from impactkit's
// recomputed numbers, rasterised by ./png.mjs), and its alt text for the <img> (also served as JSON).

const WIDTH = 600;
const PAD = 24;
const ROW = 76;
const MAX_ROWS = 3;
const BAR = WIDTH - 2 * PAD;
const NAME_UNITS = 46; // ≈ what fits left of the percentage at 16 px bold

const THEMES = {
  light: { bg: "#ffffff", text: "#10281b", muted: "#455b4e", track: "#dcebe1", fill: "#15803d" },
  dark: { bg: "#10281b", text: "#f3f9f5", muted: "#b7cbbf", track: "#29473a", fill: "#4ade80" },
};

/** 1234567.5 → "1,234,567.5" (the same text everywhere: no locale data involved). */
export function groupDigits(n) {
  const [int, frac] = String(Math.abs(n)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/** Text that is safe in XML: markup escaped, characters XML forbids (controls, lone surrogates) replaced. */
export function xmlText(s) {
  return String(s)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]);
}

/** Shortens `s` to at most `units` narrow characters (wide scripts count twice), the last one "…" if cut. */
export function fit(s, units) {
  const chars = [...String(s).replace(/\s+/g, " ").trim()];
  const width = (ch) => (ch.codePointAt(0) >= 0x1100 ? 2 : 1);
  if (chars.reduce((n, ch) => n + width(ch), 0) <= units) return chars.join("");
  let used = 1; // the ellipsis
  let out = "";
  for (const ch of chars) {
    used += width(ch);
    if (used > units) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

const amount = (n, unit) => `${groupDigits(n)}${unit ? ` ${fit(unit, 12)}` : ""}`;

/** The image's numbers and alt text: at most 3 milestones, the unfinished ones first. */
export function progressModel(profile, customerId) {
  const all = Array.isArray(profile.milestones) ? profile.milestones : [];
  const shown = [...all.filter((m) => !m.isCompleted), ...all.filter((m) => m.isCompleted)].slice(0, MAX_ROWS);
  const milestones = shown.map((m) => ({
    name: m.name, current: m.current, target: m.target, unit: m.unit ?? null,
    percentage: m.percentage, remaining: m.remaining, isCompleted: m.isCompleted,
  }));
  const total = profile.totalCo2Saved == null ? null : `${groupDigits(profile.totalCo2Saved)} ${profile.co2Unit ?? "kg"} CO2 saved`;
  // bounded: the alt text also travels as a header (X-Alt-Text)
  const parts = milestones.map((m) => `${fit(m.name, NAME_UNITS)}: ${m.percentage}% (${amount(m.current, m.unit)} of ${amount(m.target, m.unit)})`);
  const alt = `Milestone progress${total ? `, ${total}` : ""}: ${parts.length ? parts.join("; ") : "no milestones yet"}`;
  return { customerId, alt, width: WIDTH, height: heightOf(milestones.length), totalCo2Saved: profile.totalCo2Saved, co2Unit: profile.co2Unit ?? "kg", milestones };
}

const heightOf = (rows) => 64 + Math.max(rows, 1) * ROW;

function row(m, y, c) {
  const pct = Math.min(Math.max(Number(m.percentage) || 0, 0), 100);
  const fill = m.isCompleted ? BAR : Math.round(BAR * pct * 10 / 100) / 10;
  const detail = m.isCompleted ? `${amount(m.target, m.unit)} · complete`
    : `${amount(m.current, m.unit)} of ${amount(m.target, m.unit)} · ${amount(m.remaining, m.unit)} to go`;
  return `<text x="${PAD}" y="${y + 18}" font-size="16" font-weight="700" fill="${c.text}">${xmlText(fit(m.name, NAME_UNITS))}</text>` +
    `<text x="${WIDTH - PAD}" y="${y + 18}" font-size="16" font-weight="700" fill="${c.fill}" text-anchor="end">${m.percentage}%</text>` +
    `<rect x="${PAD}" y="${y + 28}" width="${BAR}" height="12" rx="6" fill="${c.track}"/>` +
    (fill > 0 ? `<rect x="${PAD}" y="${y + 28}" width="${Math.max(fill, 12)}" height="12" rx="6" fill="${c.fill}"/>` : "") +
    `<text x="${PAD}" y="${y + 58}" font-size="13" fill="${c.muted}">${xmlText(fit(detail, 80))}</text>`;
}

/** The SVG (600 wide) for a model from `progressModel`, theme `light` or `dark`. */
export function progressSvg(model, theme) {
  const c = THEMES[theme] ?? THEMES.light;
  const h = model.height;
  const title = model.totalCo2Saved == null ? "Your impact progress" : `Your impact: ${groupDigits(model.totalCo2Saved)} ${model.co2Unit} CO2 saved`;
  const rows = model.milestones.length
    ? model.milestones.map((m, i) => row(m, 64 + i * ROW, c)).join("")
    : `<text x="${PAD}" y="${64 + 24}" font-size="16" fill="${c.muted}">No milestones yet: your first green order starts one.</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${h}" viewBox="0 0 ${WIDTH} ${h}" role="img" ` +
    `font-family="'Liberation Sans',Arial,Helvetica,sans-serif"><title>${xmlText(model.alt)}</title>` +
    `<rect width="${WIDTH}" height="${h}" fill="${c.bg}"/>` +
    `<text x="${PAD}" y="40" font-size="20" font-weight="700" fill="${c.text}">${xmlText(fit(title, 60))}</text>${rows}</svg>`;
}
