/** What `init()` loads the module from. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
/** What `initSync()` instantiates the module from. */
export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Loads and instantiates the WebAssembly module; call it once before the functions (later calls
 * resolve at once). Without an argument it fetches `@WASM@` next to this script.
 * @example
 * import init, { @EXAMPLE_FN@ } from "@ENTRY@";
 * await init();
 * @EXAMPLE@
 */
export default function init(
  input?: InitInput | Promise<InitInput> | { module_or_path: InitInput | Promise<InitInput> },
): Promise<void>;

/**
 * Instantiates the module synchronously, e.g. in a Cloudflare Worker from the imported `.wasm`.
 * @example
 * import wasm from "impactkit/@WASM@";
 * initSync(wasm);
 */
export function initSync(module: SyncInitInput | { module: SyncInitInput }): void;
