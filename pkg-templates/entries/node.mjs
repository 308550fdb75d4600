// The "node" entry of the impactkit package (ESM; `make pkg` also bundles it as CommonJS, node.cjs):
// the web build, instantiated synchronously on import from the .wasm file next to it. `init()` and
// `initSync()` exist as on the web and do nothing more here. `make pkg` writes one per entry from this
// template: node.mjs for `impactkit`, <module>.node.mjs for `impactkit/<module>` (with the module's
// glue and .wasm in place of ./impactkit.js and ./impactkit_bg.wasm; the `#if png` block only where
// the module renders cards).
import { readFileSync } from "node:fs";
import { initSync } from "./impactkit.js";

initSync(readFileSync(new URL("./impactkit_bg.wasm", import.meta.url)));

export * from "./impactkit.js";
export { default } from "./impactkit.js";
//#if png
import { __cardForPng } from "./impactkit.js";
import { impactCardPngWithResvg } from "./node-png.mjs";

/**
 * The card as PNG bytes, rasterised by the optional dependency `@resvg/resvg-js`
 * (`npm i @resvg/resvg-js`); without it the promise rejects with code `unsupported`.
 */
export function impactCardPng(input) {
  return impactCardPngWithResvg(__cardForPng, input);
}
//#endif
