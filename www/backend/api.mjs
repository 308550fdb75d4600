// The dev server's backend: a real GraphQL endpoint (graphql-js) with the seed 000 gamification
// schema, Gameball v4-shaped REST endpoints (seed 004) and the demo's order-history / daily-activity
// endpoints, all answering from ./fixtures.mjs.
import { buildSchema, graphql } from "graphql";
import { CUSTOMERS, activitiesPage, customerData, leaderboard, referralsCount, referralsPage } from "./fixtures.mjs";

export const schema = buildSchema(/* GraphQL */ `
  "Badge tiers as seed 000 lists them."
  enum BadgeTier { BRONZE SILVER GOLD PLATINUM }
  enum LeaderboardPeriod { WEEKLY MONTHLY YEARLY ALL_TIME }

  type Badge { id: ID! name: String! description: String icon: String earnedAt: String tier: BadgeTier }
  type Milestone { id: ID name: String! target: Float! current: Float! percentage: Float! isCompleted: Boolean! unit: String }
  type Ranking { position: Int percentile: Float description: String }
  type CustomerImpactProfile {
    totalCo2Saved: Float!
    totalOrders: Int!
    badges: [Badge!]!
    milestones: [Milestone!]!
    ranking: Ranking
  }
  type ActiveMilestone { id: ID name: String! current: Float! target: Float! unit: String percentage: Float! }
  type CompletedMilestone { id: ID name: String! completedAt: String }
  type CustomerMilestones { active: [ActiveMilestone!]! completed: [CompletedMilestone!]! }
  type LeaderboardEntry { rank: Int! customerId: ID! displayName: String! co2Saved: Float! badgeCount: Int! }
  type LeaderboardPosition { rank: Int! percentile: Float! }
  type Leaderboard { entries: [LeaderboardEntry!]! currentUserPosition: LeaderboardPosition }

  type Query {
    customerImpactProfile(customerId: ID!): CustomerImpactProfile
    customerMilestones(customerId: ID!): CustomerMilestones
    "The current user is the one the request is made for (X-Customer-Id header or viewer= URL parameter)."
    impactLeaderboard(period: LeaderboardPeriod!, limit: Int = 10): Leaderboard!
  }
`);

const rootValue = {
  customerImpactProfile: ({ customerId }) => customerData(customerId)?.profile ?? null,
  customerMilestones: ({ customerId }) => customerData(customerId)?.milestones ?? null,
  impactLeaderboard: ({ period, limit }, context) => {
    if (limit < 1 || limit > 100) throw new Error("limit must be between 1 and 100");
    const { entries } = leaderboard(period);
    const me = context.viewer ? customerData(context.viewer)?.leaderboard : null;
    return {
      entries: entries.slice(0, limit),
      currentUserPosition: me?.rank ? { rank: me.rank, percentile: me.percentile } : null,
    };
  },
};

// Demo credentials for the Gameball-shaped endpoints. The page never sees them: it calls the
// same-origin storefront proxy (/storefront/gameball/…), which adds them server-side, as a real
// storefront must (Gameball's integration APIs need the secret key).
const APIKEY = process.env.GAMEBALL_APIKEY ?? "demo-apikey";
const SECRETKEY = process.env.GAMEBALL_SECRETKEY ?? "demo-secretkey";

const json = (status, body, headers = {}) => ({ status, body: JSON.stringify(body), headers: { "content-type": "application/json; charset=utf-8", ...headers } });

async function handleGraphql(req, url, body) {
  let params;
  if (req.method === "GET") {
    let variables = null;
    try {
      variables = url.searchParams.has("variables") ? JSON.parse(url.searchParams.get("variables")) : null;
    } catch {
      return json(400, { errors: [{ message: "variables is not valid JSON" }] });
    }
    params = { query: url.searchParams.get("query"), variables, operationName: url.searchParams.get("operationName") };
  } else if (req.method === "POST") {
    try {
      params = JSON.parse(body);
    } catch {
      return json(400, { errors: [{ message: "body is not valid JSON" }] });
    }
  } else {
    return json(405, { errors: [{ message: "use GET or POST" }] }, { allow: "GET, POST" });
  }
  if (typeof params?.query !== "string") return json(400, { errors: [{ message: "missing query" }] });
  if (req.method === "GET" && /^\s*mutation\b/.test(params.query)) return json(405, { errors: [{ message: "mutations need POST" }] });
  const viewer = req.headers["x-customer-id"] ?? url.searchParams.get("viewer") ?? null;
  const result = await graphql({
    schema, source: params.query, rootValue, contextValue: { viewer },
    variableValues: params.variables ?? undefined, operationName: params.operationName ?? undefined,
  });
  return json(200, result);
}

function handleGameball(path, url, headers) {
  if (headers.apikey !== APIKEY || headers.secretkey !== SECRETKEY) {
    return json(401, { message: "Requires valid apikey and secretkey headers" });
  }
  const m = /^customers\/([^/]+)\/(balance|tier-progress|reward-campaigns-progress|activities|activities\/count|referrals|referrals\/count)$/.exec(path);
  if (!m) return json(404, { message: "not found" });
  const data = customerData(decodeURIComponent(m[1]));
  if (!data) return json(404, { message: "customer not found" });
  switch (m[2]) {
    case "balance": return json(200, data.gameball.balance);
    case "tier-progress": return json(200, data.gameball.tierProgress);
    case "reward-campaigns-progress": return json(200, data.gameball.campaigns);
    case "activities/count": return json(200, { count: data.orders.length });
    case "referrals/count": return json(200, referralsCount(data.customer.id));
    case "activities":
    case "referrals": {
      const startAfter = Number(url.searchParams.get("startAfter") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 50);
      if (!Number.isInteger(startAfter) || startAfter < 0) return json(400, { message: "startAfter must be a non-negative integer" });
      if (!Number.isInteger(limit) || limit < 1) return json(400, { message: "limit must be a positive integer" });
      return json(200, m[2] === "activities" ? activitiesPage(data, startAfter, Math.min(limit, 200)) : referralsPage(data.customer.id, startAfter, Math.min(limit, 200)));
    }
  }
}

const bodies = new Map(); // serialised large bodies (the power user's 100k orders), per fixture object

function handleDemo(path) {
  if (path === "customers") return json(200, CUSTOMERS.filter((c) => !c.hidden).map(({ id, displayName, summary }) => ({ id, displayName, summary })));
  const m = /^customers\/([^/]+)\/(orders|activity)$/.exec(path);
  if (!m) return json(404, { message: "not found" });
  const data = customerData(decodeURIComponent(m[1]));
  if (!data) return json(404, { message: "customer not found" });
  const key = data[m[2] === "orders" ? "orders" : "activity"];
  if (!bodies.has(key)) {
    if (bodies.size > 8) bodies.clear();
    bodies.set(key, JSON.stringify(m[2] === "orders"
      ? { customerId: data.customer.id, orders: key }
      : { customerId: data.customer.id, activity: key }));
  }
  return { status: 200, body: bodies.get(key), headers: { "content-type": "application/json; charset=utf-8" } };
}

/**
 * Answers an API request, or returns null when the path is not an API path.
 * Routes: /graphql; /api/v4/integrations/customers/{id}/… (needs apikey + secretkey headers);
 * /storefront/gameball/customers/{id}/… (same, keys added server-side); /api/demo/customers[/{id}/orders|activity].
 */
export async function handleApi(req, url, readBody) {
  const p = url.pathname;
  if (p === "/graphql") return handleGraphql(req, url, req.method === "POST" ? await readBody() : "");
  if (req.method !== "GET") return p.startsWith("/api/") || p.startsWith("/storefront/") ? json(405, { message: "GET only" }) : null;
  if (p.startsWith("/api/v4/integrations/")) return handleGameball(p.slice("/api/v4/integrations/".length), url, req.headers);
  if (p.startsWith("/storefront/gameball/")) {
    return handleGameball(p.slice("/storefront/gameball/".length), url, { apikey: APIKEY, secretkey: SECRETKEY });
  }
  if (p.startsWith("/api/demo/")) return handleDemo(p.slice("/api/demo/".length));
  return null;
}
