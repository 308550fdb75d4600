// The browser / bundler / worker entry of a module built without wasm-bindgen (the raw ABI of
// crates/impactkit-raw): the same shape as the wasm-bindgen entries (default `init(input?)`,
// `initSync(module)`, the module's functions, `version()`, `wasmMemoryBytes()`), the same answers and
// errors, in a fraction of the glue. `make pkg` (pkg-templates/generate.mjs) writes <module>.js from
// this template: @FUNCTIONS@ becomes one export per function of the module (src/api.rs), @VERSION@
// the crate's version, ./impactkit_bg.wasm the module's .wasm. `#if zones` blocks (the zone code and
// imports) only in a module that imports time zones (not `impactkit/bars`), `#if !zones` in the others;
// the `#if png` block (impactCardPng) only in the module that exports `__cardForPng` (`impactkit/cards`).
//
// The ABI: imports `impactkit.zone_open(name, length)` → a zone id or −1 and
// `impactkit.zone_offset(id, seconds)` → seconds east of UTC (the host's Intl time zones);
// exports `input(bytes)` → where to write the input's UTF-8 JSON text (or bytes); `<function>(kind,
// units)` runs it and answers 0 (a result) or 1 (an error), whose JSON text is at `output()`,
// `output_len()` bytes long. `kind`: 0 JSON text, 1 bytes (UTF-8, maybe with a byte-order mark),
// 2 JSON.stringify failed with a RangeError, 3 not a JSON-able value, 4 text of `units` UTF-16 units,
// too long to convert. The messages of every error are the engine's (src/raw.rs).
let wasm;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** The bytes of JSON text the engine accepts (src/limits.rs MAX_INPUT_BYTES). */
const MAX_INPUT_BYTES = @MAX_INPUT_BYTES@;
const MARK = "\u0000nonfinite:";
/** JSON.stringify's replacer: NaN and ±Infinity as marked strings (plain JSON would make them null). */
const markNonFinite = (key, value) => (typeof value === "number" && !Number.isFinite(value) ? MARK + value : value);

/**
 * The bytes of an ArrayBuffer / SharedArrayBuffer or of any view on one (Uint8Array, DataView, …),
 * from this realm or another (an iframe, node:vm): a Uint8Array over them, or undefined.
 */
function byteView(value) {
  if (ArrayBuffer.isView(value)) {
    return value instanceof Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  const tag = Object.prototype.toString.call(value);
  return tag === "[object ArrayBuffer]" || tag === "[object SharedArrayBuffer]" ? new Uint8Array(value) : undefined;
}

/** `[kind, bytes]` of an input (see the ABI above). */
function encode(input) {
  let text = input;
  if (typeof input !== "string") {
    const bytes = byteView(input);
    if (bytes) return [1, bytes];
    try {
      text = JSON.stringify(input, markNonFinite);
    } catch (error) {
      return [error instanceof RangeError ? 2 : 3];
    }
    if (typeof text !== "string") return [3];
  }
  // Every UTF-16 unit is at least one UTF-8 byte: longer text is over the limit unconverted.
  return text.length > MAX_INPUT_BYTES ? [4, undefined, text.length] : [0, encoder.encode(text)];
}

//#if zones
// intlZone(name) and intlOffset(format, seconds): src/wasm/intl_tz.rs's host code (make pkg copies it here).
@INTL_ZONES@
/**
 * The host's IANA zones, by the ids the module holds during a call: each its `Intl.DateTimeFormat` and
 * the offsets of UTC days asked before (`null`: the offset changes that day), as src/time/learned.rs
 * learns them in the wasm-bindgen build: a day with the same offset at both ends has it all day (no
 * zone changes offset and back within a day), so a long list of instants asks `Intl` about twice per
 * day, not once per instant (a 1,000-record streak in a zone ~8× faster).
 */
const zones = [];
const zoneIds = new Map();
/** Most zones kept between calls (the cache starts over before a call when it is full). */
const MAX_CACHED_ZONES = 64;
/** Most days a zone keeps (it starts over when full). */
const MAX_CACHED_DAYS = 4096;
/** What the module imports: its time zones, read as the wasm-bindgen bindings read them. */
const imports = {
  impactkit: {
    zone_open(at, length) {
      const name = decoder.decode(new Uint8Array(wasm.memory.buffer, at, length));
      const key = name.toLowerCase(); // IANA names are case-insensitive
      if (!zoneIds.has(key)) {
        const format = intlZone(name);
        if (format === undefined) return -1;
        zoneIds.set(key, zones.push({ format, days: new Map() }) - 1);
      }
      return zoneIds.get(key);
    },
    zone_offset(id, seconds) {
      const { format, days } = zones[id];
      const day = Math.floor(seconds / 86400);
      let offset = days.get(day);
      if (offset === undefined) {
        const start = intlOffset(format, day * 86400);
        offset = start === intlOffset(format, day * 86400 + 86399) ? start : null;
        if (days.size >= MAX_CACHED_DAYS) days.clear();
        days.set(day, offset);
      }
      return offset ?? intlOffset(format, seconds);
    },
  },
};
//#endif
//#if !zones
/** The module imports nothing. */
const imports = {};
//#endif

/** Runs export `name` of the module on `input`: its result, or its error thrown as an `Error`. */
function call(name, input) {
//#if zones
  if (zones.length >= MAX_CACHED_ZONES) (zones.length = 0), zoneIds.clear();
//#endif
  const [kind, bytes, units = 0] = encode(input);
  const at = wasm.input(bytes ? bytes.length : 0); // (may grow the memory: its buffer is read after)
  if (bytes) new Uint8Array(wasm.memory.buffer, at, bytes.length).set(bytes);
  const status = wasm[name](kind, units);
  const out = JSON.parse(decoder.decode(new Uint8Array(wasm.memory.buffer, wasm.output(), wasm.output_len())));
  if (status === 0) return out;
  const error = new Error(out.message);
  error.code = out.code;
  error.path = out.path;
  throw error;
}

@FUNCTIONS@
//#if png
// canRasterise() and rasterise(svg, width, height): src/wasm/card_png.rs's host code (make pkg copies it here).
@RASTERISE@

/** `[svg, width, height]` of the card `impactCardPng` draws (the Node entry rasterises it with @resvg/resvg-js). */
export const __cardForPng = (input) => call("__cardForPng", input);

/**
 * The card as PNG bytes (`{...impactCard input, scale?}`, scale 0.25–4), drawn by the browser
 * (`OffscreenCanvas`); elsewhere the promise rejects with code `unsupported`. Input errors reject
 * with the usual `code` / `path`.
 */
export async function impactCardPng(input) {
  const [svg, width, height] = __cardForPng(input);
  if (!canRasterise()) throw Object.assign(new Error(@NO_RASTERISER@), { code: "unsupported", path: "$" });
  return rasterise(svg, width, height);
}
//#endif

/**
 * The version of impactkit, e.g. `"0.1.0"`.
 * @example
 * version(); // → "0.1.0"
 */
export function version() {
  return "@VERSION@";
}

/** Bytes of linear memory the module holds now (for memory-bound tests and diagnostics). */
export function wasmMemoryBytes() {
  return wasm.memory.buffer.byteLength;
}

const isOptions = (value, key) =>
  value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && key in value;

/** A `Response`'s module, streamed when the server sends it as application/wasm. */
async function fromResponse(response) {
  if (typeof WebAssembly.instantiateStreaming === "function") {
    try {
      return (await WebAssembly.instantiateStreaming(response, imports)).instance;
    } catch (error) {
      if (!response.ok || response.headers.get("Content-Type") === "application/wasm") throw error;
      console.warn("impactkit: the .wasm is not served as application/wasm, so it is not streamed:", error);
    }
  }
  return (await WebAssembly.instantiate(await response.arrayBuffer(), imports)).instance;
}

/**
 * Loads and instantiates the WebAssembly module once; later calls resolve at once. `input` is
 * optional: a URL (string or `URL`), a `Request`, a `Response` (or a promise of one), a
 * `BufferSource` or a `WebAssembly.Module`; by default the `.wasm` file next to this script.
 */
export default async function init(input) {
  if (wasm) return;
  if (isOptions(input, "module_or_path")) input = input.module_or_path;
  if (input === undefined) input = new URL("./impactkit_bg.wasm", import.meta.url);
  if (typeof input === "string" || input instanceof URL || (typeof Request === "function" && input instanceof Request)) {
    input = fetch(input);
  }
  input = await input;
  let instance;
  if (typeof Response === "function" && input instanceof Response) instance = await fromResponse(input);
  else if (input instanceof WebAssembly.Module) instance = await WebAssembly.instantiate(input, imports);
  else instance = (await WebAssembly.instantiate(input, imports)).instance;
  wasm ??= instance.exports;
}

/** Instantiates the module synchronously from its bytes (`BufferSource`) or a `WebAssembly.Module`. */
export function initSync(module) {
  if (wasm) return;
  if (isOptions(module, "module")) module = module.module;
  wasm = new WebAssembly.Instance(module instanceof WebAssembly.Module ? module : new WebAssembly.Module(module), imports).exports;
}
