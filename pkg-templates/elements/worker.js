// The widgets' worker (bundled by `make pkg` into pkg/elements-worker.js, next to the capability
// modules): it instantiates impactkit's modules and runs every impactkit call, so neither the wasm
// compilation nor a heavy input ever blocks the page's main thread. Messages: {id, module} loads a
// module and answers its function names; {id, module, fn, input, json?} answers {id, result} or {id,
// error}; `json` fills input fields from the text of large answers (parsed here, kept for the next
// calls); with `session: {key, history?, json?}` it calls `fn` on that customer's Customer
// (openCustomer over `history`, kept for the next calls).
// (Module paths are those of the package's files next to the bundle, pkg/elements-worker.js.)
const IMPORTS = {
  progress: () => import("./progress.js"),
  profile: () => import("./profile.js"),
  badges: () => import("./badges.js"),
  streaks: () => import("./streaks.js"),
  cards: () => import("./cards.js"),
  sessions: () => import("./sessions.js"),
  impactkit: () => import("./impactkit.js"),
};
// ICU (the engine behind Intl) initialises once per browser process, in tens of milliseconds: here,
// first thing, so that the page's first number or date format costs it nothing.
try {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const locale of new Set([self.navigator?.language || "en", "en"])) {
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(0.497);
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(0);
  }
} catch { /* formatting is the page's business; nothing to warm */ }

const modules = new Map();
const texts = new Map(); // id → parsed text of a large answer (the last few), see fromText in modules.js

/** Fills `input`'s fields from texts: parsed here once per answer, then kept for the next calls. */
function withTexts(input, json) {
  for (const [key, { id, pick, text }] of Object.entries(json ?? {})) {
    if (text !== undefined) {
      texts.delete(id);
      texts.set(id, JSON.parse(text));
      if (texts.size > 4) texts.delete(texts.keys().next().value);
    }
    if (!texts.has(id)) throw Object.assign(new Error("the worker no longer has this text"), { code: "resend" });
    const value = texts.get(id);
    input[key] = pick && value && typeof value === "object" && !Array.isArray(value) ? value[pick] : value;
  }
  return input;
}

/** The instantiated module `name`, or the full one when this package has no such capability module. */
function module(name) {
  if (!modules.has(name)) {
    const p = IMPORTS[name]().catch((error) => (name === "impactkit" ? Promise.reject(error) : module("impactkit")))
      .then(async (m) => { await m.default(); return m; });
    modules.set(name, p);
    p.catch(() => modules.delete(name)); // a failed load (a network error) is tried again on the next call
  }
  return modules.get(name);
}

const sessions = new Map(); // session key → Customer (openCustomer), the last few used
const MAX_SESSIONS = 4;

/** The Customer of session `key`: opened from `history` when given (replacing an older one), else the one kept. */
function session(m, { key, history, json }) {
  if (history) {
    const fresh = m.openCustomer(withTexts(history, json));
    sessions.get(key)?.free();
    sessions.delete(key);
    sessions.set(key, fresh);
  } else if (sessions.has(key)) {
    const kept = sessions.get(key);
    sessions.delete(key);
    sessions.set(key, kept); // most recently used last
  } else {
    throw Object.assign(new Error("the worker no longer has this customer"), { code: "resend" });
  }
  for (const [old, customer] of sessions) if (sessions.size > MAX_SESSIONS) { sessions.delete(old); customer.free(); }
  return sessions.get(key);
}

/** An error as plain data (message, code, path…), so the page can rebuild it. */
const plain = (error) => ({ name: error?.name ?? "Error", message: String(error?.message ?? error), ...(error && typeof error === "object" ? { ...error } : {}) });

self.onmessage = async ({ data: { id, module: name, fn, input, json, session: open } }) => {
  try {
    if (!IMPORTS[name]) throw new TypeError(`no impactkit module ${name}`);
    const m = await module(name);
    if (fn === undefined) return self.postMessage({ id, result: Object.keys(m).filter((k) => typeof m[k] === "function" && k !== "default" && k !== "initSync" && !k.startsWith("__")) });
    if (open) {
      const customer = session(m, open);
      if (typeof customer[fn] !== "function") throw new TypeError(`Customer.${fn} is not in this build of impactkit`);
      return self.postMessage({ id, result: customer[fn](input), opened: open.history ? open.key : undefined });
    }
    if (typeof m[fn] !== "function") throw new TypeError(`${fn} is not in this build of impactkit`);
    self.postMessage({ id, result: await m[fn](withTexts(input, json)) });
  } catch (error) {
    self.postMessage({ id, error: plain(error) });
  }
};
