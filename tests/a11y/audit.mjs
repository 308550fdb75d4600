#!/usr/bin/env node
// Accessibility audit: axe-core (from npm) over the demo page (www/index.html) and the storefront
// embed (www/embed.html), served by www/serve.mjs, in Debian's headless Chromium via playwright-core.
// Rule tags: wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa, plus the "region" rule (content in landmarks). The matrix below covers every theme
// (light, dark, auto under a light and a dark OS), both widths (390, 1280 px) and every supported
// locale (en, de, fr, es, ar right-to-left, ja) with both pages; the demo page is also audited after
// a keyboard-driven what-if (the live result and the highlighted badge). Prints every violation
// (rule, impact, page, node) and `a11y: N violations` (N = violating nodes); exits 1 if N > 0.
// Usage: node tests/a11y/audit.mjs   (CHROMIUM=/path overrides /usr/bin/chromium)
import { chromium } from "playwright-core";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { start } from "../../www/serve.mjs";

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WAIT = 30_000;
const WIDGETS = "impact-milestones, impact-badges, impact-streak, impact-card, impact-points";

/**
 * theme: the page/widget theme; os: the emulated prefers-color-scheme (what "auto" follows);
 * reduce: prefers-reduced-motion (then nothing may animate); whatIf: audit again after a what-if.
 */
const MATRIX = [
  { locale: "en", theme: "light", os: "light", width: 1280, whatIf: true },
  { locale: "de", theme: "dark", os: "light", width: 390 },
  { locale: "fr", theme: "auto", os: "dark", width: 1280 },
  { locale: "es", theme: "auto", os: "light", width: 390, reduce: true },
  { locale: "ar", theme: "dark", os: "dark", width: 390 },
  { locale: "ar", theme: "light", os: "light", width: 1280, whatIf: true },
  { locale: "ja", theme: "auto", os: "dark", width: 390, reduce: true },
];

let total = 0;
const failures = [];

/** Runs axe in `page` and records its violations under `label`. */
async function audit(page, label) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    // plus axe's "region" rule (best practice, not a WCAG tag): all content inside landmarks
    const r = await globalThis.axe.run(document, { runOnly: { type: "tag", values: tags }, rules: { region: { enabled: true } }, resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.flat().join(" >> "), summary: n.failureSummary })) }));
  }, TAGS);
  const n = violations.reduce((s, v) => s + v.nodes.length, 0);
  total += n;
  console.log(`${n ? "FAILED" : "ok"}: ${label}: ${n} violating nodes`);
  for (const v of violations) {
    failures.push(`${label}: ${v.id}`);
    console.log(`  ${v.impact} ${v.id} ×${v.nodes.length}: ${v.help}`);
    for (const node of v.nodes.slice(0, 4)) console.log(`    ${node.target}\n      ${String(node.summary).replace(/\n/g, "\n      ")}`);
  }
}

/** Widgets in error or warning about their built-in theme's contrast count as violations too. */
async function widgetProblems(page, label) {
  const problems = await page.evaluate((sel) => [...document.querySelectorAll(sel)].flatMap((w) => [
    w.dataset.state === "error" ? `${w.localName} in error: ${w.shadowRoot.textContent.trim().slice(0, 200)}` : null,
    w.dataset.contrastWarning ? `${w.localName} contrast warning: ${w.dataset.contrastWarning}` : null].filter(Boolean)), WIDGETS);
  total += problems.length;
  for (const p of problems) console.log(`FAILED: ${label}: ${p}`);
}

/**
 * Waits until every widget and page card has rendered, then for transitions to end. Widgets load
 * when they come on screen: each one still waiting ("idle") is scrolled into view first.
 */
async function settled(page, demo) {
  await page.evaluate(async (sel) => {
    for (const w of document.querySelectorAll(sel)) {
      if (w.dataset.state !== "idle") continue;
      w.scrollIntoView({ block: "center" });
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    }
    window.scrollTo(0, 0);
  }, WIDGETS);
  await page.waitForFunction(({ sel, demo }) => [...document.querySelectorAll(sel)]
    .every((w) => ["ready", "unavailable", "error"].includes(w.dataset.state)) &&
    (!demo || (["summary", "tier-body", "lb-body", "whatif-result"].every((id) => document.getElementById(id).dataset.state === "ready") &&
      document.body.dataset.customer)), { sel: WIDGETS, demo }, { timeout: WAIT });
  await page.waitForTimeout(300);
}

async function demoPage(context, base, c) {
  const page = await context.newPage();
  await page.addInitScript((theme) => localStorage.setItem("impactkit-theme", theme), c.theme);
  await page.goto(`${base}/?customer=cust_123`, { waitUntil: "load", timeout: WAIT });
  await settled(page, true);
  if (c.locale !== "en") {
    await page.selectOption("#locale", c.locale);
    await page.waitForFunction((l) => document.querySelector("impact-milestones").getAttribute("locale") === l, c.locale);
    await settled(page, true);
  }
  const label = `demo ${c.locale} ${c.theme}${c.theme === "auto" ? `(${c.os})` : ""} ${c.width}px`;
  await audit(page, label);
  await widgetProblems(page, label);
  if (c.reduce) {
    const moving = await page.evaluate(() => [document, ...[...document.querySelectorAll("impact-milestones, impact-badges, impact-streak")].map((w) => w.shadowRoot)]
      .flatMap((root) => [...root.querySelectorAll(".bar .fill")]).filter((el) => parseFloat(getComputedStyle(el).transitionDuration) > 0).length);
    total += moving;
    console.log(`${moving ? "FAILED" : "ok"}: ${label}: prefers-reduced-motion: ${moving} progress bars still animate`);
  }
  if (c.whatIf) {
    // after a what-if: the slider moved by keyboard, a badge unlocked and highlighted
    await page.focus("#recycled");
    await page.keyboard.press("End");
    await page.waitForFunction(() => (document.getElementById("whatif-unlocks")?.textContent ?? "").includes("Circular Hero"), null, { timeout: WAIT });
    await settled(page, true);
    await audit(page, `${label} after a what-if`);
  }
  await page.close();
}

async function embedPage(context, base, c) {
  const page = await context.newPage();
  await page.goto(`${base}/embed.html`, { waitUntil: "load", timeout: WAIT });
  await page.evaluate(({ sel, theme, locale }) => {
    document.documentElement.lang = locale;
    document.documentElement.dir = locale === "ar" ? "rtl" : "ltr";
    for (const w of document.querySelectorAll(sel)) { w.setAttribute("theme", theme); w.setAttribute("locale", locale); }
  }, { sel: WIDGETS, theme: c.theme, locale: c.locale });
  await settled(page, false);
  const label = `embed ${c.locale} ${c.theme}${c.theme === "auto" ? `(${c.os})` : ""} ${c.width}px`;
  await audit(page, label);
  await widgetProblems(page, label);
  if (c === MATRIX[0]) {
    // a storefront theme whose colours fail: the widget says so (attribute, event, console), not silence
    const warned = await page.evaluate(async () => {
      const w = document.querySelector("impact-milestones");
      const event = new Promise((ok) => w.addEventListener("impactkit:contrast-warning", (e) => ok(e.detail.warnings), { once: true }));
      w.style.setProperty("--impact-muted", "#b8c2ba");
      w.style.setProperty("--impact-track", "#2e7d32");
      await w.refresh();
      const warnings = await Promise.race([event, new Promise((ok) => setTimeout(() => ok(null), 2000))]);
      return { attr: w.dataset.contrastWarning ?? "", warnings };
    });
    const ok = /muted on bg/.test(warned.attr) && /accent on track/.test(warned.attr) && warned.warnings?.length >= 2;
    if (!ok) total++;
    console.log(`${ok ? "ok" : "FAILED"}: ${label}: a failing custom theme is reported: ${warned.attr || "no warning"}`);
  }
  await page.close();
}

const watchdog = setTimeout(() => { console.log("FAILED: a11y watchdog: over 240 s"); console.log(`a11y: ${total + 1} violations`); process.exit(1); }, 240_000);
const t0 = Date.now();
let server, browser;
try {
  server = await start(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
  for (const c of MATRIX) {
    // bypassCSP: axe is injected as a script the page's CSP (script-src 'self') would refuse
    const context = await browser.newContext({ viewport: { width: c.width, height: c.width < 600 ? 844 : 900 },
      colorScheme: c.os, reducedMotion: c.reduce ? "reduce" : "no-preference", locale: c.locale, timezoneId: "UTC", bypassCSP: true, serviceWorkers: "block" });
    context.setDefaultTimeout(WAIT);
    try {
      for (const run of [demoPage, embedPage]) {
        await run(context, base, c).catch((error) => {
          total++;
          console.log(`FAILED: ${run.name} ${c.locale} ${c.theme} ${c.width}px: ${String(error?.message ?? error).split("\n")[0]}`);
        });
      }
    } finally {
      await context.close();
    }
  }
} catch (error) {
  total++;
  console.log(`FAILED: a11y run: ${error?.stack ?? error}`);
} finally {
  await browser?.close().catch(() => {});
  server?.closeAllConnections?.();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
  clearTimeout(watchdog);
}
console.log(`a11y: ${total} violations (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(total ? 1 : 0);
