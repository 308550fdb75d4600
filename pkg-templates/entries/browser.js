// The "default" / "browser" / "workerd" entry of the impactkit package: wasm-bindgen's web glue (bundled
// into this one file by `make pkg`, so a page makes one module request) plus an `init()` that accepts
// what wasm-bindgen's does, in either of its spellings, without its deprecation warning. The same
// template makes each capability module's entry (<module>.js, with that module's glue for ./impactkit.js).
import wbgInit, { initSync as wbgInitSync } from "./impactkit.js";

export * from "./impactkit.js";

const isOptions = (value, key) =>
  value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && key in value;

/**
 * Loads and instantiates the WebAssembly module once; later calls resolve at once. `input` is
 * optional: a URL (string or `URL`), a `Request`, a `Response` (or a promise of one), a
 * `BufferSource` or a `WebAssembly.Module`; by default the `.wasm` file next to this script.
 */
export default async function init(input) {
  await wbgInit(input === undefined || isOptions(input, "module_or_path") ? input : { module_or_path: input });
}

/** Instantiates the module synchronously from its bytes (`BufferSource`) or a `WebAssembly.Module`. */
export function initSync(module) {
  wbgInitSync(isOptions(module, "module") ? module : { module });
}
