// Deterministic benchmark data in the seed shapes, as JSON text (what a page fetches).

import { mulberry32 as rng } from "../../www/backend/fixtures.mjs";

const DAY = 86_400_000;
const START = Date.parse("2022-01-01T00:00:00Z");

/** `n` orders (badge engine input shape) spread over ~3 years. */
export function orders(n, seed = 1) {
  const r = rng(seed);
  const span = 3 * 365 * DAY;
  const out = [];
  for (let i = 0; i < n; i++) {
    const baseline = Math.round((5 + r() * 20) * 10) / 10;
    const co2 = Math.round(baseline * (0.5 + r() * 0.7) * 10) / 10;
    const order = {
      id: `ord_${i}`,
      placedAt: new Date(START + Math.floor(r() * span)).toISOString(),
      co2Kg: co2,
      baselineCo2Kg: baseline,
      recycledShare: Math.round(r() * 100) / 100,
      supplyChains: [{ id: `sc_${Math.floor(r() * 40)}`, verified: r() < 0.7 }],
    };
    if (r() < 0.05) order.offsetKg = Math.round(co2 * (0.5 + r()) * 10) / 10;
    out.push(order);
  }
  return out;
}

/** `n` activity instants over ~3 years (several per day, some days empty). */
export function activity(n, seed = 2) {
  const r = rng(seed);
  const span = 3 * 365 * DAY;
  const out = [];
  for (let i = 0; i < n; i++) {
    const day = Math.floor(r() * (span / DAY));
    if (day % 17 === 5) continue; // a few gap days so streaks break
    out.push({ at: new Date(START + day * DAY + Math.floor(r() * DAY)).toISOString(), count: 1 });
  }
  return out;
}

/** `count` orders of the 100k-order customer of BENCHMARKS.md's badge and session tables (the same on every
 * run and machine: a small linear congruential generator): unsorted on purpose, epoch milliseconds and RFC 3339
 * strings mixed, ~1 % repeated ids (exercising de-duplication). */
export function storeOrders(count) {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const orders = [];
  for (let i = 0; i < count; i++) {
    const baseline = Math.round(random() * 2000) / 100;
    orders.push({
      id: `o${random() < 0.01 ? Math.floor(random() * count) : i}`,
      placedAt: i % 2 ? start + Math.floor(random() * span) : new Date(start + Math.floor(random() * span)).toISOString(),
      co2Kg: Math.round(random() * 2000) / 100,
      baselineCo2Kg: baseline,
      recycledShare: Math.round(random() * 100) / 100,
      supplyChains: [{ id: `c${Math.floor(random() * 50)}`, verified: random() < 0.5 }],
      offsetKg: random() < 0.1 ? Math.round(random() * 3000) / 100 : 0,
    });
  }
  return orders;
}
