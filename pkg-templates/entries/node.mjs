// The "node" entry of the impactkit package (ESM; `make pkg` also bundles it as CommonJS, node.cjs):
// the web build, instantiated synchronously on import from the .wasm file next to it. `init()` and
// `initSync()` exist as on the web and do nothing more here.
import { readFileSync } from "node:fs";
import { initSync, __cardForPng } from "./impactkit.js";
import { impactCardPngWithResvg } from "./node-png.mjs";

initSync(readFileSync(new URL("./impactkit_bg.wasm", import.meta.url)));

export * from "./impactkit.js";
export { default } from "./impactkit.js";

/**
 * The card as PNG bytes, rasterised by the optional dependency `@resvg/resvg-js`
 * (`npm i @resvg/resvg-js`); without it the promise rejects with code `unsupported`.
 */
export function impactCardPng(input) {
  return impactCardPngWithResvg(__cardForPng, input);
}
