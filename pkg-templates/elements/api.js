// The module loader's and the data helpers' API as elements.js exports it, without their code: it is in
// elements/runtime.js (with modules.js and data.js), imported on first use (a widget on screen, or a
// call here). Every function here is asynchronous, but for has() and clearMemo(), which only read
// the state the runtime keeps (nothing is loaded or memoised before it is imported).
let rt = null;
let importing = null;
/** The runtime module (modules.js, data.js), imported once. */
export const runtime = () => (importing ??= import("./elements/runtime.js").then((m) => (rt = m), (error) => { importing = null; throw error; }));
const later = (name) => async (...args) => (await runtime())[name](...args);

export const load = later("load");
export const fetchJson = later("fetchJson");
export const graphqlGet = later("graphqlGet");
export const fetchProfile = later("fetchProfile");
/** Whether a module loaded so far has the function `name`. */
export const has = (name) => rt?.has(name) ?? false;
/** Forget memoised responses. */
export const clearMemo = () => rt?.clearMemo();

/** The namespace of the full impactkit module once `ready` has resolved (undefined before). */
export let impactkit;
const start = () => runtime().then((m) => m.ready).then((m) => (impactkit = m));
/** Resolves to the full impactkit module, loaded on first use only (see modules.js). */
export const ready = Object.assign(Object.create(Promise.prototype), {
  then: (ok, fail) => start().then(ok, fail),
  catch: (fail) => start().catch(fail),
  finally: (fn) => start().finally(fn),
});
