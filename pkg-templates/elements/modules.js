// Loads impactkit's capability modules on demand: progress (milestones, tiers, campaigns), profile
// (the backend readers), badges, streaks, cards, each its own small .wasm, sessions (openCustomer), or
// impactkit (everything). A widget
// asks for the modules it needs when it becomes visible; the progress module goes first (the others
// wait for it, so the first widget is not starved of bandwidth). The modules run in a worker
// (elements-worker.js): their functions answer promises, and neither the wasm compilation nor a heavy
// input blocks the page. Without workers (or without the worker file) they run on the page. A
// package without a capability module (an older or custom build) falls back to the full module.
// (Module paths are those of the package's files, one directory up from the widget chunks in
// pkg/elements/: generate.mjs bundles this file into them and keeps the paths as they are.)
const IMPORTS = {
  progress: () => import("../progress.js"),
  profile: () => import("../profile.js"),
  badges: () => import("../badges.js"),
  streaks: () => import("../streaks.js"),
  cards: () => import("../cards.js"),
  sessions: () => import("../sessions.js"),
  impactkit: () => import("../impactkit.js"),
};

/** Resolves in a new task, so work before and after it never adds up to one long task. */
export const nextTask = () => (globalThis.scheduler?.yield ? scheduler.yield() : new Promise((ok) => setTimeout(ok, 0)));

// ---- the worker ------------------------------------------------------------------------------
let worker = null; // null: not started; false: unavailable (run on the page)
const calls = new Map();
let seq = 0;

function startWorker() {
  if (worker !== null) return worker;
  try {
    worker = new Worker(new URL("../elements-worker.js", import.meta.url), { type: "module" }); // next to elements.js
  } catch {
    return (worker = false);
  }
  worker.onmessage = ({ data: { id, result, error, opened } }) => {
    if (opened) customerOpened(opened);
    const call = calls.get(id);
    calls.delete(id);
    if (error) call?.fail(Object.assign(new Error(error.message), error));
    else call?.ok(result);
  };
  worker.onerror = (event) => { // the worker script failed to load or run: from now on, the page runs the modules
    event.preventDefault?.();
    worker.terminate();
    worker = false;
    for (const call of calls.values()) call.fail(Object.assign(new Error("impactkit worker failed"), { code: "worker_failed" }));
    calls.clear();
    // Modules loaded through the worker are forgotten: the next load() runs them on the page.
    for (const [key, p] of loading) if (!key.startsWith("page:")) { loading.delete(key); p.then((m) => { const i = loaded.indexOf(m); if (i >= 0) loaded.splice(i, 1); }, () => {}); }
  };
  return worker;
}

function post(message) {
  if (!worker) return Promise.reject(Object.assign(new Error("impactkit worker failed"), { code: "worker_failed" }));
  return new Promise((ok, fail) => {
    const id = ++seq;
    calls.set(id, { ok, fail });
    worker.postMessage({ id, ...message });
  });
}

// ---- large answers go to the worker as text --------------------------------------------------------
const TEXT = Symbol("impactkit.fromText");
/**
 * An input field taken from a fetched answer (`fetchJson`'s result) as its text: parsed where the
 * call runs (in the worker: never on the page), `pick`ing that key when the answer is an object
 * (`{orders: [...]}` → the array). Each answer's text crosses to the worker once.
 */
export const fromText = (fetched, pick) => ({ [TEXT]: { fetched, pick } });
const picked = (value, pick) => (pick && value && typeof value === "object" && !Array.isArray(value) ? value[pick] : value);
const textIds = new WeakMap(); // fetched answer → id the worker knows its parsed text by
const textsSent = new Set();
let textSeq = 0;

/** `[input without fromText fields, {field: {id, pick, text?}}]`; the text only when not sent yet (or `resend`). */
function encode(input, resend = false) {
  if (!input || typeof input !== "object") return [input, undefined];
  let json;
  const rest = { ...input };
  for (const [key, value] of Object.entries(input)) {
    const ref = value?.[TEXT];
    if (!ref) continue;
    if (!textIds.has(ref.fetched)) textIds.set(ref.fetched, ++textSeq);
    const id = textIds.get(ref.fetched);
    (json ??= {})[key] = { id, pick: ref.pick, ...(resend || !textsSent.has(id) ? { text: ref.fetched.text } : {}) };
    textsSent.add(id);
    delete rest[key];
  }
  return [rest, json];
}

/** The input with its fromText fields parsed here (no worker). */
function decode(input) {
  if (!input || typeof input !== "object") return input;
  const out = { ...input };
  for (const [key, value] of Object.entries(input)) if (value?.[TEXT]) out[key] = picked(value[TEXT].fetched.data, value[TEXT].pick);
  return out;
}

/** Calls `fn` of module `name` in the worker (again with the texts when the worker no longer has them). */
async function call(name, fn, input) {
  const [rest, json] = encode(input);
  try {
    return await post({ module: name, fn, input: rest, json });
  } catch (error) {
    if (error.code !== "resend") throw error;
    return post({ module: name, fn, input: rest, json: encode(input, true)[1] });
  }
}

/** Module `name` in the worker, as an object of async functions; null when there is no worker. */
async function remote(name) {
  if (!startWorker()) return null;
  let names;
  try {
    names = await post({ module: name });
  } catch (error) {
    if (error.code === "worker_failed") return null;
    throw error;
  }
  return Object.fromEntries(names.map((fn) => [fn, (input) => call(name, fn, input)]));
}

// ---- customer sessions: one openCustomer per customer, shared by the widgets ----------------------
const objectIds = new WeakMap();
let objectSeq = 0;
/** A key for a customer session from the answers its history is read from: new answers, new key. */
export const identity = (...objects) => objects.map((o) => (o && typeof o === "object" ? (objectIds.has(o) || objectIds.set(o, ++objectSeq), objectIds.get(o)) : String(o))).join("|");
const MAX_SESSIONS = 4; // customers kept open at once (the last used); an older one is freed
const opened = new Set(); // session keys the worker holds (it may have dropped one since: it says "resend")
const onPage = new Map(); // key → Customer, when the modules run on the page

/** Says on `document` that a customer session was opened (`impactkit:customer-open`, detail `{key}`). */
const customerOpened = (key) => globalThis.document?.dispatchEvent(new CustomEvent("impactkit:customer-open", { detail: { key } }));

/** The Customer of `key` on the page, opened from `history` once; the least recently used beyond MAX_SESSIONS is freed. */
function pageSession(mod, key, history) {
  let c = onPage.get(key);
  const fresh = !c;
  if (c) onPage.delete(key);
  else c = mod.openCustomer(decode(history));
  onPage.set(key, c);
  for (const [old, customer] of onPage) if (onPage.size > MAX_SESSIONS) { onPage.delete(old); customer.free(); }
  if (fresh) customerOpened(key); // once stored: a listener using the same customer finds it
  return c;
}

/** Calls `fn` on the worker's Customer for `key`, sending `history` the first time (or when the worker dropped it). */
async function sessionCall(name, key, history, fn, input) {
  const send = (withHistory, resend) => {
    const [rest, json] = withHistory ? encode(history, resend) : [undefined, undefined];
    opened.delete(key);
    opened.add(key); // most recently used last; the worker keeps MAX_SESSIONS, so may we
    for (const k of opened) if (opened.size > 4 * MAX_SESSIONS) opened.delete(k);
    return post({ module: name, fn, input, session: { key, history: rest, json } });
  };
  try {
    return await send(!opened.has(key), false);
  } catch (error) {
    if (error.code !== "resend") throw error;
    return send(true, true);
  }
}

/**
 * The customer session `key` of module `name` (openCustomer over `history`, which may hold fromText
 * fields): an object of the Customer's methods (`badgePreview`, `streak`…) answering promises. Every
 * widget asking with the same key shares one Customer, opened once; what-ifs on it cost the same for
 * 10 or 100,000 orders. Resolves to null when the module has no openCustomer.
 */
export async function customer(name, key, history) {
  const mod = await load(name);
  if (typeof mod.openCustomer !== "function") return null;
  const id = `${name}:${key}`;
  const method = (fn) => (input) => (mod.local ? pageSession(mod.local, id, history)[fn](input) : sessionCall(name, id, history, fn, input));
  return { badgePreview: method("badgePreview"), streak: method("streak") };
}

// ---- loading -----------------------------------------------------------------------------------
const loading = new Map(); // module name → Promise of its namespace
const loaded = []; // namespaces, in load order
const loadedKeys = new Set(); // keys of `loading` whose module has loaded

/** Module `name` on the page (no worker): imported and instantiated here. */
async function local(name) {
  let mod;
  try {
    mod = await IMPORTS[name]();
  } catch (error) {
    if (name === "impactkit") throw error;
    return load("impactkit", { onPage: true }); // no such capability module in this package: the full one has it all
  }
  await mod.default();
  await nextTask(); // the first call (lazy compilation of what it runs) gets a task of its own
  return mod;
}

/** Module `name` on the page with fromText inputs parsed here. */
async function localCalls(name) {
  const mod = await local(name);
  const calls = Object.fromEntries(Object.keys(mod).filter((k) => typeof mod[k] === "function" && k !== "default" && k !== "initSync" && !k.startsWith("__"))
    .map((fn) => [fn, (input) => mod[fn](decode(input))]));
  return Object.defineProperty(calls, "local", { value: mod }); // customer sessions open on it directly
}

async function instantiate(name) {
  if (name !== "progress" && loading.has("progress")) await loading.get("progress").catch(() => {});
  const mod = (await remote(name)) ?? (await localCalls(name));
  loaded.push(mod);
  return mod;
}

/**
 * Resolves to the capability module `name` ("progress" | "profile" | "badges" | "streaks" | "cards" | "sessions" | "impactkit")
 * as an object of its functions, loaded once per page however many widgets ask. The functions run
 * in the widgets' worker and return promises (on the page when workers are unavailable): `await` them.
 * `{ onPage: true }` instantiates the module on the page itself (for what needs the DOM, such as
 * impactCardPng's image decoding).
 */
export function load(name, { onPage = false } = {}) {
  if (!IMPORTS[name]) return Promise.reject(new TypeError(`no impactkit module ${name}`));
  const key = onPage ? `page:${name}` : name;
  if (!loading.has(key)) {
    const p = onPage ? local(name) : instantiate(name);
    loading.set(key, p);
    p.then(() => loadedKeys.add(key), () => loading.delete(key));
  }
  return loading.get(key);
}

/** Whether module `name` has loaded (for the worker, or on the page when workers are unavailable). */
export const isReady = (name) => loadedKeys.has(name);

/** Whether a module loaded so far has the function `name` (a widget asks after loading its module). */
export const has = (name) => loaded.some((m) => typeof m[name] === "function");

// ---- the full module on the page (the API before capability modules) ----------------------------
/** The namespace of the full impactkit module once `ready` has resolved (undefined before). */
export let impactkit;
let full = null;
const start = () => (full ??= IMPORTS.impactkit().then(async (m) => { await m.default(); return (impactkit = m); })
  .catch((error) => { full = null; throw error; })); // a failed load is tried again on the next use
/**
 * Resolves to the full impactkit module (every function, synchronous, on the page), loaded on first
 * use only: awaiting `ready` fetches the whole engine; the widgets load just the modules they need.
 */
export const ready = Object.assign(Object.create(Promise.prototype), {
  then: (ok, fail) => start().then(ok, fail),
  catch: (fail) => start().catch(fail),
  finally: (fn) => start().finally(fn),
});
