// What elements.js imports on first use (see api.js): the module loader and the data helpers. Bundled
// by `make pkg` into pkg/elements/runtime.js; the widget chunks share the same code.
export { has, load, ready } from "./modules.js";
export { clearMemo, fetchJson, fetchProfile, graphqlGet } from "./data.js";
