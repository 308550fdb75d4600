#!/usr/bin/env node
// Injection corpus against impactCard, proven in a real browser: every payload from the SVG-card
// XSS history (github-readme-stats and friends) and OWASP's SVG vectors goes into every text field
// of the card; the SVG is then (1) inlined into an HTML page, (2) shown as an <img> data URL and
// (3) opened as a top-level SVG document in headless Chromium. A payload that ran would set
// window.__pwned, open a dialog, or make a network request: none may happen. Colour payloads must
// be refused with invalid_color. Prints "injection: N passed, N failed". Run by `make e2e`.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { impactCard } = createRequire(import.meta.url)(join(root, "pkg", "node.cjs"));
const PWN = "window.__pwned=1;if(window.parent)window.parent.__pwned=1";

/** Text payloads: markup breaks, event handlers, script, CDATA, comments, entities, javascript: URLs, CSS. */
const PAYLOADS = [
  `<script>${PWN}</script>`,
  `"><svg onload="${PWN}">`,
  `'><svg/onload=${PWN}>`,
  `</text><script>${PWN}</script><text>`,
  `</title><script>${PWN}</script>`,
  `<img src=x onerror="${PWN}">`,
  `]]><script>${PWN}</script><![CDATA[`,
  `<!--<script>${PWN}</script>-->`,
  `<foreignObject><iframe src="javascript:${PWN}"></iframe></foreignObject>`,
  `<a xlink:href="javascript:${PWN}"><text>x</text></a>`,
  `<animate onbegin="${PWN}" attributeName="x" dur="1s"/>`,
  `<set attributeName="onmouseover" to="${PWN}"/>`,
  `<use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCcgeG1sbnM9J2h0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnJz48c2NyaXB0PndpbmRvdy5fX3B3bmVkPTE8L3NjcmlwdD48L3N2Zz4=#x"/>`,
  `<style>@import url(http://127.0.0.1:9/evil.css);</style>`,
  `<?xml-stylesheet href="http://127.0.0.1:9/evil.xsl"?>`,
  `&lt;script&gt;${PWN}&lt;/script&gt;`,
  `&#60;script&#62;${PWN}&#60;/script&#62;`,
  `javascript:${PWN}`,
  `\u202e<script>${PWN}</script>\u0000\u0007`,
  `<svg><script href="data:text/javascript,${PWN}"/></svg>`,
];

const COLOR_PAYLOADS = [
  "red;background:url(http://127.0.0.1:9/x)",
  `#fff" onload="${PWN}`,
  "url(javascript:alert(1))",
  "expression(alert(1))",
  `red</style><script>${PWN}</script>`,
  "rgb(0,0,0) url(http://127.0.0.1:9/x)",
];

function profileWith(text) {
  return {
    displayName: text, totalCo2Saved: 248.5, totalOrders: 15, co2Unit: text.slice(0, 12),
    badges: [{ id: "b", name: text, description: text, icon: text, tier: text, earnedAt: "2025-06-22T14:15:00Z" },
      { id: "b2", name: text, icon: "tree", tier: "GOLD" }],
    milestones: [{ name: text, current: 248.5, target: 500 }],
    ranking: { percentile: null, description: text, position: 142 },
    streak: { current: 3, state: text, period: "month" },
  };
}

let passed = 0;
let failed = 0;
const fail = (what) => { failed += 1; console.log(`FAILED: ${what}`); };

// ---- colours are refused -------------------------------------------------------------------
for (const color of COLOR_PAYLOADS) {
  for (const key of ["base", "accent", "background", "text"]) {
    try {
      impactCard({ profile: profileWith("x"), theme: { [key]: color } });
      fail(`colour ${JSON.stringify(color)} in theme.${key} was accepted`);
    } catch (e) {
      if (e.code === "invalid_color" && e.path === `$.theme.${key}`) passed += 1;
      else fail(`colour ${JSON.stringify(color)}: ${e.code} at ${e.path}`);
    }
  }
  try {
    impactCard({ profile: profileWith("x"), options: { brandColor: color } });
    fail(`brandColor ${JSON.stringify(color)} was accepted`);
  } catch (e) {
    if (e.code === "invalid_color") passed += 1; else fail(`brandColor: ${e.code}`);
  }
}

// ---- text payloads in the browser ---------------------------------------------------------
const cards = [];
for (const payload of PAYLOADS) {
  for (const size of ["og", "badge"]) {
    for (const locale of ["en", "ar"]) {
      cards.push(impactCard({ profile: profileWith(payload), size, theme: "auto", locale, options: { brandName: payload } }));
    }
  }
}

// INJECTION_SELF_TEST=1 adds a card that does run script, to show this test notices (it must fail).
if (process.env.INJECTION_SELF_TEST) cards.push(`<svg xmlns="http://www.w3.org/2000/svg" onload="${PWN}"><script>${PWN}</script></svg>`);

let current = "";
const server = createServer((req, res) => {
  if (req.url.startsWith("/card.svg")) res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "no-store" }).end(current);
  else if (req.url === "/") res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>t</title><body></body>");
  else res.writeHead(404).end();
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;
const userDataDir = await mkdtemp(join(tmpdir(), "impactkit-injection-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, timeout: 60_000,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const incidents = [];
  page.on("dialog", async (d) => { incidents.push(`dialog: ${d.message()}`); await d.dismiss(); });
  context.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) incidents.push(`request: ${r.url()}`); });
  const pwned = () => page.evaluate(() => window.__pwned === 1);
  for (const [i, svg] of cards.entries()) {
    current = svg;
    // (1) inline in an HTML document
    await page.goto(`${base}/`);
    // A contextual fragment runs scripts and handlers on insertion (innerHTML would not).
    await page.evaluate((markup) => {
      window.__pwned = 0;
      document.body.append(document.createRange().createContextualFragment(markup));
    }, svg);
    await page.mouse.move(100, 100);
    await page.waitForTimeout(30);
    if (await pwned()) incidents.push(`card ${i}: inline SVG ran a payload`);
    // (2) as an image
    await page.evaluate((markup) => new Promise((ok) => {
      const img = new Image();
      img.onload = img.onerror = () => ok();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
      document.body.append(img);
    }), svg);
    if (await pwned()) incidents.push(`card ${i}: <img> SVG ran a payload`);
    // (3) as a top-level SVG document
    await page.goto(`${base}/card.svg?card=${i}`);
    await page.waitForTimeout(30);
    const ranHere = await page.evaluate(() => window.__pwned === 1);
    const elements = await page.evaluate(() => [...document.querySelectorAll("*")].map((e) => e.localName));
    if (ranHere) incidents.push(`card ${i}: SVG document ran a payload`);
    const bad = elements.filter((n) => ["script", "foreignObject", "iframe", "a", "use", "image", "animate", "set"].includes(n));
    if (bad.length) incidents.push(`card ${i}: active elements ${bad.join(", ")}`);
    if (incidents.length) break;
    passed += 1;
  }
  for (const incident of incidents) fail(incident);
} finally {
  await context.close();
  server.close();
  await rm(userDataDir, { recursive: true, force: true });
}
console.log(`injection: ${passed} passed, ${failed} failed (${PAYLOADS.length} text payloads × every text field × 2 sizes × 2 locales; ${COLOR_PAYLOADS.length} colour payloads × 5 colour fields)`);
process.exit(failed ? 1 : 0);
