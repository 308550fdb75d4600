// Demo customers for the dev server: one source of truth behind the GraphQL (seed 000) and the
// Gameball v4 REST (seed 004) endpoints, plus order history and daily activity for badges/streaks.
//
// - cust_new   — a new customer: no orders, everything at 0.
// - cust_123   — the seeds' customer: 248.5 kg saved in 15 orders, 500 kg milestone → 49.7 %,
//                ranking 142 / Top 15 %, Gameball tier Basic 0 → Gold 190 at 50 → 26.3 %, the
//                seed's two reward campaigns and balance.
// - cust_power — a power user with 100,000 orders, generated deterministically (seeded PRNG)
//                on first request and memoised per UTC day; nothing large is committed.
//
// Dates that make a streak look alive are relative to "today" (UTC) so the demo never goes stale;
// everything else is fixed.

const DAY_MS = 86_400_000;

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** "YYYY-MM-DD" of a UTC epoch-ms. */
export const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const utcMidnight = (ms) => Math.floor(ms / DAY_MS) * DAY_MS;
const round1 = (x) => Math.round(x * 10) / 10;

export const CUSTOMERS = [
  { id: "cust_new", displayName: "Nia Newcomer", email: "nia@example.com", summary: "New customer: no orders yet" },
  { id: "cust_123", displayName: "Sam Seed", email: "sam@example.com", summary: "The seed customer: 15 orders, 248.5 kg saved" },
  { id: "cust_power", displayName: "Pat Power", email: "pat@example.com", summary: "Power user: 100,000 orders" },
  { id: "cust_lapsed", displayName: "Lee Lapsed", email: "lee@example.com", summary: "Missed yesterday: a 9-day streak to repair" },
  // not in the picker: hostile text for the e2e test (must show as text, never run)
  { id: "cust_hostile", displayName: '"><img src=x onerror="window.__pwned=1">', email: "x@example.com", summary: "hostile text", hidden: true },
];
export const customerById = (id) => CUSTOMERS.find((c) => c.id === id) ?? null;

// ---------------------------------------------------------------------------------------------
// Seed constants (seed 000 and seed 004, verbatim).
const SEED_BADGES = [
  { id: "badge_first_green", name: "First Green Purchase", description: "Made your first eco-friendly purchase", icon: "seedling", earnedAt: "2025-03-15T10:30:00Z", tier: "BRONZE" },
  { id: "badge_tree_saver", name: "Tree Saver", description: "Saved the equivalent of 10 trees", icon: "tree", earnedAt: "2025-06-22T14:15:00Z", tier: "SILVER" },
];
const TIER_ICON = "https://cdn.gameball.co/uploads/gb-library/levels-icons/level-a1.webp";
const TIERS = [
  { order: 1, name: "Basic", minProgress: 0, icon: TIER_ICON },
  { order: 2, name: "Gold", minProgress: 190, icon: TIER_ICON },
  { order: 3, name: "Platinum", minProgress: 5000, icon: TIER_ICON },
];
const SEED_CAMPAIGNS = [
  { rewardsCampaignName: "Third Order Campaign 🛍️", rewardsCampaignId: 5859, isUnlocked: true, highScoreAmount: null, currentStreak: null, highestStreak: null, completionPercentage: 33.0, achievedCount: 0 },
  { rewardsCampaignName: "Birthday Reward 🎉", rewardsCampaignId: 5860, isUnlocked: true, highScoreAmount: null, currentStreak: null, highestStreak: null, completionPercentage: 100.0, achievedCount: 1 },
];
const SEED_BALANCE = {
  totalPointsBalance: 1500, totalPointsValue: 75.0, availablePointsBalance: 1200, availablePointsValue: 60.0,
  pendingPoints: 300, pendingPointsValue: 15.0, currency: "USD", pointsName: "Reward Points",
  nextExpiringPointsAmount: 200, nextExpiringPointsValue: 10.0, nextExpiringPointsDate: "2024-12-01T00:00:00",
  totalEarnedPoints: 2500,
};
/** The seed balance with its next expiry moved to local midnight `days` after `todayMs` (the points widget's countdown). */
const balanceExpiringIn = (todayMs, days) => ({
  ...SEED_BALANCE, nextExpiringPointsDate: `${new Date(todayMs + days * DAY_MS).toISOString().slice(0, 10)}T00:00:00`,
});

// ---------------------------------------------------------------------------------------------
// cust_123: 15 orders whose savings add up to exactly 248.5 kg. 9 orders have recycledShare > 0.5
// (one more unlocks Circular Hero), one has exactly 0.5 (does not count), 4 verified supply chains
// (one more unlocks Chain Champion), green orders in the last 4 calendar months.
const SEED_ORDERS = [
  ["2025-03-15T10:30:00Z", 12.5, 0.62, ["sc_fair_cotton"]],
  ["2025-04-02T09:12:00Z", 18.0, 0.2, ["sc_generic"]],
  ["2025-05-19T17:40:00Z", 21.5, 0.75, ["sc_fair_cotton", "sc_recycled_pet"]],
  ["2025-06-22T14:15:00Z", 15.0, 0.5, ["sc_generic"]],
  ["2025-08-03T11:05:00Z", 9.5, 0.81, ["sc_recycled_pet"]],
  ["2025-09-14T16:20:00Z", 22.0, 0.3, ["sc_alpine_wool"]],
  ["2025-10-27T08:45:00Z", 17.0, 0.55, ["sc_alpine_wool"]],
  ["2026-01-09T19:30:00Z", 14.5, 0.9, ["sc_recycled_pet"]],
  ["2026-03-21T12:00:00Z", 19.0, 0.1, ["sc_generic"]],
  ["2026-05-05T10:10:00Z", 16.0, 0.66, ["sc_bamboo"]],
  ["2026-07-16T15:55:00Z", 13.5, 0.4, ["sc_generic"]],
  ["2026-08-30T18:25:00Z", 20.0, 0.7, ["sc_bamboo"]],
  ["2026-09-12T09:00:00Z", 11.0, 0.58, ["sc_fair_cotton"]],
  ["2026-10-08T13:35:00Z", 18.5, 0.0, ["sc_generic"]],
  ["2026-11-02T20:15:00Z", 20.5, 0.95, ["sc_recycled_pet"]],
];
const VERIFIED_CHAINS = new Set(["sc_fair_cotton", "sc_recycled_pet", "sc_alpine_wool", "sc_bamboo",
  "sc_solar_linen", "sc_hemp_coop", "sc_ocean_nylon", "sc_cork_valley"]);
const chain = (id) => ({ id, verified: VERIFIED_CHAINS.has(id) });

function seedOrders() {
  return SEED_ORDERS.map(([placedAt, saved, recycledShare, chains], i) => {
    const co2Kg = round1(6 + ((i * 7) % 9) + 0.4);
    return {
      id: `ord_123_${String(i + 1).padStart(3, "0")}`,
      placedAt,
      co2Kg,
      baselineCo2Kg: round1(co2Kg + saved),
      co2SavedKg: saved,
      recycledShare,
      supplyChains: chains.map(chain),
      ...(i === 4 ? { offsetKg: 2.5 } : {}),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// cust_power: 100,000 orders over the last ~3 years, from a fixed seed.
const POWER_ORDERS = 100_000;
const POWER_DAYS = 1100;
const POWER_CHAINS = ["sc_fair_cotton", "sc_recycled_pet", "sc_alpine_wool", "sc_bamboo", "sc_solar_linen",
  "sc_hemp_coop", "sc_ocean_nylon", "sc_cork_valley", "sc_generic", "sc_budget_mill", "sc_fast_freight", "sc_import_hub"];

function powerOrders(todayMs) {
  const rand = mulberry32(0x1f2e3d4c);
  const start = todayMs - POWER_DAYS * DAY_MS;
  const span = POWER_DAYS * DAY_MS - 1; // up to yesterday 23:59:59.999
  const orders = new Array(POWER_ORDERS);
  let savedTenths = 0;
  for (let i = 0; i < POWER_ORDERS; i++) {
    const t = start + Math.floor(((i + rand()) / POWER_ORDERS) * span);
    const co2T = 20 + Math.floor(rand() * 280);
    const green = rand() < 0.9;
    const savedT = green ? 1 + Math.floor(rand() * 300) : 0;
    savedTenths += savedT;
    const c1 = POWER_CHAINS[Math.floor(rand() * POWER_CHAINS.length)];
    const chains = rand() < 0.3 ? [c1, POWER_CHAINS[Math.floor(rand() * POWER_CHAINS.length)]] : [c1];
    const order = {
      id: `ord_p_${String(i + 1).padStart(6, "0")}`,
      placedAt: new Date(t).toISOString().replace(".000Z", "Z"),
      co2Kg: co2T / 10,
      baselineCo2Kg: green ? (co2T + savedT) / 10 : Math.max(1, co2T - 5) / 10,
      co2SavedKg: savedT / 10,
      recycledShare: Math.floor(rand() * 101) / 100,
      supplyChains: [...new Set(chains)].map(chain),
    };
    if (rand() < 0.05) order.offsetKg = co2T / 10;
    orders[i] = order;
  }
  return { orders, totalCo2Saved: savedTenths / 10 };
}

// ---------------------------------------------------------------------------------------------
// Daily activity ([{date, count}]) for the streak widget.
function seedActivity(todayMs) {
  const rand = mulberry32(123);
  const days = [];
  for (let d = 150; d >= 1; d--) {
    const ms = todayMs - d * DAY_MS;
    // a live 6-day run ending yesterday (today not done yet: "pending"), sparser before that
    const active = d <= 6 || (d !== 7 && rand() < 0.55);
    if (active) days.push({ date: isoDate(ms), count: 1 + Math.floor(rand() * 4) });
  }
  return days;
}

// A 9-day run that ended the day before yesterday: yesterday was missed, today not yet done — the
// streak is broken but can still be repaired today (a streak with `repair: {withinPeriods: 1}`).
function lapsedActivity(todayMs) {
  const days = [];
  for (let d = 40; d >= 2; d--) {
    if (d <= 10 || d % 3 === 0) days.push({ date: isoDate(todayMs - d * DAY_MS), count: 1 + (d % 3) });
  }
  return days;
}

function activityFromOrders(orders, todayMs) {
  const counts = new Map();
  for (const o of orders) {
    const date = o.placedAt.slice(0, 10);
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  counts.set(isoDate(todayMs), 3); // the power user has already been active today
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, count]) => ({ date, count }));
}

// ---------------------------------------------------------------------------------------------
// Gameball activities (seed 004 shape), derived from the orders, ids ascending from 1.
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function activityFromOrder(customer, order, index) {
  const d = new Date(order.placedAt);
  const points = Math.round(order.co2SavedKg * 10);
  return {
    activityId: index + 1,
    activityType: "PaymentReward",
    activityDay: WEEKDAYS[d.getUTCDay()],
    activityDate: `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
    activityTime: d.toISOString().slice(11, 19),
    customerId: customer.id,
    email: customer.email,
    displayName: customer.displayName,
    transactionId: order.id,
    isManualActivity: false,
    points,
    score: 0,
    calculatedRedemption: points / 20,
    actualRedemption: null,
    rewardPoints: points,
    currency: "USD",
    paymentRewardAmount: points / 20,
  };
}

// ---------------------------------------------------------------------------------------------
// The assembled per-customer fixture, memoised per UTC day.
const memo = new Map();

/** Everything the backend knows about one customer, or null. `nowMs` defaults to the clock. */
export function customerData(id, nowMs = Date.now()) {
  const customer = customerById(id);
  if (!customer) return null;
  const todayMs = utcMidnight(nowMs);
  const key = `${id}@${todayMs}`;
  if (!memo.has(key)) {
    for (const k of memo.keys()) if (k.startsWith(`${id}@`)) memo.delete(k);
    memo.set(key, build(customer, todayMs));
  }
  return memo.get(key);
}

function build(customer, todayMs) {
  switch (customer.id) {
    case "cust_new":
      return {
        customer,
        profile: {
          totalCo2Saved: 0, totalOrders: 0, badges: [],
          milestones: [{ id: "milestone_500kg", name: "500 kg CO2 Saved", target: 500, current: 0, percentage: 0, isCompleted: false, unit: "kg" }],
          ranking: null,
        },
        milestones: {
          active: [
            { id: "milestone_500kg", name: "500 kg CO2 Saved", current: 0, target: 500, unit: "kg", percentage: 0 },
            { id: "milestone_first_order", name: "First green order", current: 0, target: 1, unit: "orders", percentage: 0 },
          ],
          completed: [],
        },
        leaderboard: { rank: null, percentile: null, co2Saved: 0 },
        orders: [],
        activity: [],
        gameball: {
          balance: { ...SEED_BALANCE, totalPointsBalance: 0, totalPointsValue: 0, availablePointsBalance: 0, availablePointsValue: 0,
            pendingPoints: 0, pendingPointsValue: 0, nextExpiringPointsAmount: null, nextExpiringPointsValue: null,
            nextExpiringPointsDate: null, totalEarnedPoints: 0 },
          tierProgress: { current: TIERS[0], next: TIERS[1], progress: 0 },
          campaigns: [
            { ...SEED_CAMPAIGNS[0], completionPercentage: 0.0, achievedCount: 0 },
            { ...SEED_CAMPAIGNS[1], isUnlocked: false, completionPercentage: 0.0, achievedCount: 0 },
          ],
        },
      };
    case "cust_123": {
      const orders = seedOrders();
      return {
        customer,
        profile: {
          totalCo2Saved: 248.5, totalOrders: 15, badges: SEED_BADGES,
          milestones: [{ id: "milestone_500kg", name: "500 kg CO2 Saved", target: 500, current: 248.5, percentage: 49.7, isCompleted: false }],
          ranking: { position: 142, percentile: 15, description: "Top 15% of sustainable shoppers" },
        },
        milestones: {
          active: [
            { id: "milestone_500kg", name: "500 kg CO2 Saved", current: 248.5, target: 500, unit: "kg", percentage: 49.7 },
            { id: "milestone_25_orders", name: "25 green orders", current: 15, target: 25, unit: "orders", percentage: 60 },
          ],
          completed: [{ id: "milestone_100kg", name: "100 kg CO2 Saved", completedAt: "2025-10-27T08:45:00Z" }],
        },
        leaderboard: { rank: 142, percentile: 15, co2Saved: 248.5 },
        orders,
        activity: seedActivity(todayMs),
        gameball: {
          balance: balanceExpiringIn(todayMs, 5),
          tierProgress: { current: TIERS[0], next: TIERS[1], progress: 50 },
          campaigns: SEED_CAMPAIGNS,
        },
      };
    }
    case "cust_power": {
      const { orders, totalCo2Saved } = powerOrders(todayMs);
      const t = (kg) => Math.min(100, Math.floor((totalCo2Saved / kg) * 1000) / 10);
      return {
        customer,
        profile: {
          totalCo2Saved, totalOrders: orders.length,
          badges: [
            ["badge_first_green", "First Green Purchase", "Made your first eco-friendly purchase", "seedling", 0, "BRONZE"],
            ["badge_tree_saver", "Tree Saver", "Saved the equivalent of 100 trees", "tree", 60, "GOLD"],
            ["badge_chain_champion", "Chain Champion", "Ordered from 5 verified supply chains", "chain", 20, "SILVER"],
            ["badge_circular_hero", "Circular Hero", "10 orders with over 50% recycled content", "recycle", 40, "GOLD"],
            ["badge_carbon_neutral", "Carbon Neutral", "Offset all order emissions in a month", "globe", 9000, "PLATINUM"],
            ["badge_streak_keeper", "Streak Keeper", "12 consecutive months of green orders", "flame", 33000, "GOLD"],
          ].map(([id, name, description, icon, i, tier]) => ({ id, name, description, icon, earnedAt: orders[i].placedAt, tier })),
          milestones: [
            { id: "milestone_500kg", name: "500 kg CO2 Saved", target: 500, current: totalCo2Saved, percentage: 100, isCompleted: true },
            { id: "milestone_1000t", name: "1,000 t CO2 Saved", target: 1_000_000, current: totalCo2Saved, percentage: t(1_000_000), isCompleted: totalCo2Saved >= 1_000_000 },
            { id: "milestone_2000t", name: "2,000 t CO2 Saved", target: 2_000_000, current: totalCo2Saved, percentage: t(2_000_000), isCompleted: totalCo2Saved >= 2_000_000 },
          ],
          ranking: { position: 1, percentile: 1, description: "Top 1% of sustainable shoppers" },
        },
        milestones: {
          active: [{ id: "milestone_200k_orders", name: "200,000 orders", current: orders.length, target: 200_000, unit: "orders", percentage: 50 }],
          completed: [{ id: "milestone_100kg", name: "100 kg CO2 Saved", completedAt: orders[40].placedAt }],
        },
        leaderboard: { rank: 1, percentile: 1, co2Saved: totalCo2Saved },
        orders,
        activity: activityFromOrders(orders, todayMs),
        gameball: {
          balance: { ...SEED_BALANCE, totalPointsBalance: 1_250_300, totalPointsValue: 62_515, availablePointsBalance: 1_250_000,
            availablePointsValue: 62_500, pendingPoints: 300, totalEarnedPoints: 1_502_300 },
          tierProgress: { current: TIERS[2], next: null, progress: 250_000 },
          campaigns: SEED_CAMPAIGNS.map((c) => ({ ...c, completionPercentage: 100.0, achievedCount: 12 })),
        },
      };
    }
    case "cust_lapsed": {
      const base = build(CUSTOMERS[1], todayMs);
      return { ...base, customer, activity: lapsedActivity(todayMs) };
    }
    case "cust_hostile": {
      const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
      const base = build(CUSTOMERS[0], todayMs);
      return {
        ...base,
        customer,
        profile: {
          ...base.profile,
          badges: [{ id: "badge_first_green", name: `${evil} badge`, description: evil, icon: "seedling", earnedAt: "2025-03-15T10:30:00Z", tier: "BRONZE" }],
          milestones: [{ id: "m_evil", name: `${evil} milestone`, target: 500, current: 248.5, percentage: 49.7, isCompleted: false }],
          ranking: { position: 7, percentile: 15, description: `${evil} ranking` },
        },
        milestones: { active: [], completed: [{ name: `${evil} done`, completedAt: "2025-10-27T08:45:00Z" }] },
        leaderboard: { rank: null, percentile: null, co2Saved: 0 },
      };
    }
    default:
      throw new Error(`no fixture for ${customer.id}`);
  }
}

/** One page of Gameball activities after `startAfter` (an activityId), at most `limit`. */
export function activitiesPage(data, startAfter, limit) {
  const from = Math.max(0, Math.min(startAfter, data.orders.length));
  const slice = data.orders.slice(from, from + limit);
  const activities = slice.map((o, i) => activityFromOrder(data.customer, o, from + i));
  return { activities, count: activities.length, hasMore: from + limit < data.orders.length };
}

// ---------------------------------------------------------------------------------------------
// Gameball referrals (seed 004 shape): cust_123 has the seed's two friends on the first page of 15
// (10 active, 5 pending); the power user 40 friends; the others none. Join dates are naive (UTC here).
const REFERRALS = { cust_123: { total: 15, active: 10 }, cust_power: { total: 40, active: 31 } };
const SEED_FRIENDS = [
  { customerId: "cust_67890xyz", displayName: "Blake Eaton", email: "blake@company.com", mobileNumber: "+11234567891", joinDate: "2023-06-15T00:00:00", status: "Active" },
  { customerId: "cust_12345abc", displayName: "John Doe", email: "johndoe@company.com", mobileNumber: "+11234567890", joinDate: "2023-05-01T00:00:00", status: "Pending" },
];
function friends(id) {
  const r = REFERRALS[id];
  if (!r) return [];
  // cust_123's second friend is the seed's pending John Doe: one fewer pending at the end
  const pendingFrom = r.active + (id === "cust_123" ? 1 : 0);
  return Array.from({ length: r.total }, (_, i) => i < 2 && id === "cust_123" ? SEED_FRIENDS[i] : {
    customerId: `friend_${id}_${i + 1}`, displayName: `Friend ${i + 1}`, email: `friend${i + 1}@example.com`, mobileNumber: null,
    joinDate: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000 * 9).toISOString().slice(0, 19),
    status: i >= pendingFrom ? "Pending" : "Active",
  });
}

/** One page of a customer's referred friends after `startAfter` (a position here), at most `limit`. */
export function referralsPage(id, startAfter, limit) {
  const all = friends(id);
  const referredFriends = all.slice(startAfter, startAfter + limit);
  return { referredFriends, count: referredFriends.length, hasMore: startAfter + limit < all.length };
}

/** The referrals count response. */
export function referralsCount(id) {
  const all = friends(id);
  const active = all.filter((f) => f.status === "Active").length;
  return { count: all.length, totalPending: all.length - active, totalActive: active };
}

/** The leaderboard for a period: ~950 synthetic shoppers plus the demo customers at their ranks. */
export function leaderboard(period, nowMs = Date.now()) {
  const scale = { WEEKLY: 0.08, MONTHLY: 0.3, YEARLY: 1, ALL_TIME: 1.6 }[period] ?? 1;
  const total = 947;
  const placed = new Map();
  for (const c of CUSTOMERS) {
    const lb = customerData(c.id, nowMs).leaderboard;
    // the power user's savings spread over ~POWER_DAYS days; the others scale like the synthetic shoppers
    const share = c.id === "cust_power" ? { WEEKLY: 7, MONTHLY: 30, YEARLY: 365, ALL_TIME: POWER_DAYS }[period] / POWER_DAYS / scale : 1;
    if (lb.rank) placed.set(lb.rank, { customer: c, co2Saved: lb.co2Saved * (share || 1), badgeCount: customerData(c.id, nowMs).profile.badges.length });
  }
  const rand = mulberry32(947);
  const names = ["Alex", "Robin", "Kim", "Jo", "Sasha", "Charlie", "Yuki", "Amara", "Lea", "Omar", "Mateo", "Ines"];
  const entries = [];
  for (let rank = 1; rank <= total; rank++) {
    const p = placed.get(rank);
    const badgeCount = Math.max(0, 6 - Math.floor(rank / 160) - (rand() < 0.3 ? 1 : 0));
    if (p) {
      entries.push({ rank, customerId: p.customer.id, displayName: p.customer.displayName, co2Saved: round1(p.co2Saved * scale), badgeCount: p.badgeCount });
    } else {
      const name = `${names[Math.floor(rand() * names.length)]} ${String.fromCharCode(65 + Math.floor(rand() * 26))}.`;
      entries.push({ rank, customerId: `cust_lb_${rank}`, displayName: name, co2Saved: round1((2961 / Math.sqrt(rank)) * scale), badgeCount });
    }
  }
  return { entries, total };
}
