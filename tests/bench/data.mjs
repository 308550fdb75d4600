// Deterministic benchmark data in the seed shapes, as JSON text (what a page fetches).

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const START = Date.parse("2022-01-01T00:00:00Z");

/** `n` orders (badge engine input shape) spread over ~3 years, some duplicated ids. */
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
