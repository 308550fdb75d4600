#!/usr/bin/env node
// Customer sessions give their memory back: 1,000 openCustomer/free cycles (and as many handles
// released with Symbol.dispose) on a 2,000-order history must not grow wasm memory after a
// warm-up; a freed handle throws when used. Usage: node tests/sessions-memory.mjs (needs pkg/).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const ik = createRequire(import.meta.url)(join(here, "..", "pkg", "node.cjs"));
const CYCLES = Number(process.env.SESSION_CYCLES ?? 1_000);
const SLACK_BYTES = 1 << 20;

const orders = Array.from({ length: 2_000 }, (_, i) => ({
  id: `o${i}`, placedAt: Date.UTC(2024, 0, 1) + i * 3_600_000, co2Kg: i % 5, baselineCo2Kg: 3,
  recycledShare: (i % 10) / 10, supplyChains: [{ id: `c${i % 9}`, verified: i % 2 === 0 }],
}));
const bytes = new TextEncoder().encode(JSON.stringify({ orders, activity: orders.map((o) => ({ at: o.placedAt })) }));
const now = "2024-04-01T00:00:00Z";
const cart = { co2Kg: 0, baselineCo2Kg: 3, recycledShare: 0.9, supplyChains: [] };

let failed = 0;
const check = (ok, line) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${line}`);
  if (!ok) failed += 1;
};
const cycle = (dispose) => {
  const c = ik.openCustomer(bytes);
  c.badgePreview({ now, cart });
  c.streak({ period: "day", now });
  c.achievementWindow({ start: "2024-01-01", period: "7D", now, target: 3, events: "orders" }); // builds an index
  c.addOrders([{ ...orders[0], id: "extra", placedAt: now }]);
  if (dispose) c[Symbol.dispose]();
  else c.free();
};
for (const dispose of [false, true]) {
  for (let i = 0; i < 50; i++) cycle(dispose); // warm-up
  const before = ik.wasmMemoryBytes();
  for (let i = 0; i < CYCLES; i++) cycle(dispose);
  const after = ik.wasmMemoryBytes();
  check(after - before <= SLACK_BYTES,
    `${CYCLES} openCustomer/${dispose ? "Symbol.dispose" : "free"} cycles: wasm memory ${before} → ${after} bytes`);
}
const c = ik.openCustomer(bytes);
c.free();
let threw = false;
try { c.badgePreview({ now }); } catch { threw = true; }
check(threw, "a freed Customer throws when used");
check(typeof ik.Customer.prototype[Symbol.dispose] === "function", "Customer has [Symbol.dispose]");
// impactkit/sessions is the Customer alone: the full package's, with the badge and streak engines.
const sessionsOnly = createRequire(import.meta.url)(join(here, "..", "pkg", "sessions.node.cjs"));
const badActivity = { orders: orders.slice(0, 3), activity: [{ date: "not a date" }] };
for (const [label, mod] of [["the full package", ik], ["impactkit/sessions", sessionsOnly]]) {
  let error;
  try { mod.openCustomer(badActivity).free(); } catch (e) { error = e; }
  check(error?.path === "$.activity[0].date", `${label} reports a bad activity record`);
}
const inSessions = sessionsOnly.openCustomer({ orders: orders.slice(0, 3), activity: [{ date: "2025-03-15" }] });
check(Array.isArray(inSessions.badgePreview({ now }).locked), "impactkit/sessions opens it and previews badges");
check(inSessions.streak({ period: "day", now }).current >= 0 && typeof inSessions.achievementWindow === "function",
  "impactkit/sessions' Customer has streak and achievementWindow");
check(Object.keys(sessionsOnly).filter((k) => typeof sessionsOnly[k] === "function").sort().join() === "Customer,default,initSync,openCustomer,version,wasmMemoryBytes",
  `impactkit/sessions exports openCustomer only: ${Object.keys(sessionsOnly).join()}`);
inSessions.free();
console.log(`session memory (node): ${failed ? "FAILED" : "passed"}`);
process.exit(failed ? 1 : 0);
