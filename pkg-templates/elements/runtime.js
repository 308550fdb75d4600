// The code every widget shares, imported by elements.js on first use (see api.js) together with the
// widget's own file: the module loader, the data helpers, the rendering base class, and the formatting,
// DOM and style helpers (a second copy of those in elements.js: the chunks never import elements.js).
// Bundled by `make pkg` into pkg/elements/runtime.js; the widget files' imports of these modules
// become imports of ./runtime.js there, so both arrive in one round trip and share one state.
export * from "./modules.js";
export * from "./data.js";
export * from "./dom.js";
export * from "./format.js";
export * from "./styles.js";
export { ImpactElement } from "./base.js";
