#!/usr/bin/env node
// impactCardPng of the browser entries: impactkit/cards (raw ABI; its glue draws the card, pkg-templates/
// entries/raw.js) against impactkit (wasm-bindgen; src/wasm/card_png.rs), on a stand-in canvas that
// records what it is asked to draw. Both must draw the same SVG at the same size, and reject bad input
// and a host without a canvas with the same errors (code, path, message, own keys), always as a Promise.
// Usage: node tests/card-png-glue.mjs   (needs `make pkg`)
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..", "pkg");
async function load(name) {
  const m = await import(pathToFileURL(join(pkg, `${name}.js`)).href);
  m.initSync(readFileSync(join(pkg, `${name}_bg.wasm`)));
  return m;
}
const [full, cards] = [await load("impactkit"), await load("cards")];

let drawn = null;
/** A canvas and image that record the SVG and the size, and give 4 bytes of "PNG". */
function standInCanvas() {
  globalThis.Image = class { set src(url) { this.url = url; } async decode() {} };
  globalThis.OffscreenCanvas = class {
    constructor(width, height) { Object.assign(this, { width, height }); }
    getContext() { return { drawImage: (image, x, y, w, h) => (drawn = { url: image.url, size: [this.width, this.height, w, h] }) }; }
    async convertToBlob() { return new Blob([new Uint8Array([1, 2, this.width & 255, this.height & 255])]); }
  };
  const svgs = new Map();
  URL.createObjectURL = (blob) => { const url = `blob:${svgs.size}`; svgs.set(url, blob); return url; };
  URL.revokeObjectURL = () => {};
  return svgs;
}

/** What `impactCardPng(input)` did: `{sync}` if it threw, else its resolved bytes or rejection, and what it drew. */
async function outcome(fn, input, svgs) {
  drawn = null;
  let promise;
  try {
    promise = fn(input);
  } catch (e) {
    return { sync: String(e) };
  }
  if (!(promise instanceof Promise)) return { notPromise: typeof promise };
  try {
    const bytes = await promise;
    const svg = drawn && (await svgs.get(drawn.url).text());
    return { bytes: [...bytes], size: drawn?.size, svg };
  } catch (e) {
    return { error: { code: e.code, path: e.path, message: e.message, keys: Object.keys(e) } };
  }
}

const profile = { totalCo2Saved: 248.5, totalOrders: 15, displayName: "Zoë <script>", badges: [{ name: "Tree Saver", icon: "tree" }] };
const credential = { type: ["VerifiableCredential", "OpenBadgeCredential"], name: "Tree Saver" };
const INPUTS = [
  { profile, size: "og" }, { profile, size: "og", scale: 0.5 }, { profile, size: "story", theme: "dark" },
  JSON.stringify({ profile, size: "square", scale: 4 }), new TextEncoder().encode(JSON.stringify({ profile, size: "badge" })),
  { profile, size: "og", scale: 9 }, { profile, size: "badge", credential }, { profile, size: "nope" }, "{", 5, null, 10n,
];

let [passed, failed] = [0, 0];
const check = (label, a, b) => {
  if (JSON.stringify(a) === JSON.stringify(b)) return void (passed += 1);
  failed += 1;
  console.log(`FAIL ${label}\n  impactkit ${JSON.stringify(a).slice(0, 400)}\n  cards     ${JSON.stringify(b).slice(0, 400)}`);
};
const svgs = standInCanvas();
for (const [i, input] of INPUTS.entries()) {
  const [a, b] = [await outcome(full.impactCardPng, input, svgs), await outcome(cards.impactCardPng, input, svgs)];
  check(`input ${i}`, a, b);
  if (i === 0 && !(a.size && a.svg?.startsWith("<svg"))) (failed += 1), console.log(`FAIL nothing drawn: ${JSON.stringify(a)}`);
}
delete globalThis.OffscreenCanvas; // a host without a canvas: unsupported, after the input is checked
for (const [i, input] of [{ profile }, { profile, scale: 0 }].entries()) {
  check(`no canvas, input ${i}`, await outcome(full.impactCardPng, input, svgs), await outcome(cards.impactCardPng, input, svgs));
}
console.log(`impactCardPng, raw glue vs wasm-bindgen: ${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
