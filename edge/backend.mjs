// The edge service's backend call: one customer's seed-000 `customerImpactProfile` from the GraphQL endpoint
// configured in the Worker's environment (never from the request), as response text for impactkit.

/** An error answered as JSON `{code, message, param?}` with an HTTP status (never a stack trace). */
export class EdgeError extends Error {
  constructor(status, code, message, param) {
    super(message);
    this.status = status;
    this.code = code;
    this.param = param;
  }
}

export const QUERY = `query($id: ID!) { customerImpactProfile(customerId: $id) {
  totalCo2Saved totalOrders badges { id name description icon earnedAt tier }
  milestones { id name target current percentage isCompleted unit } ranking { position percentile description } } }`;

/** Largest backend response read (a profile is a few KB; far below the library's 128 MiB input limit). */
export const MAX_RESPONSE_BYTES = 4 << 20;
const TIMEOUT_MS = 10_000;

const backendError = (message) => new EdgeError(502, "backend_error", message);

/** Reads a response body as text, at most `max` bytes (a longer one is a backend failure). */
async function readCapped(res, max) {
  const declared = Number(res.headers.get("content-length"));
  if (declared > max) throw backendError(`the backend's response is over ${max} bytes`);
  const reader = res.body?.getReader();
  if (!reader) return "";
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw backendError(`the backend's response is over ${max} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function requestInit(env, id) {
  const headers = { "content-type": "application/json", accept: "application/json" };
  if (env.BACKEND_AUTH) headers[(env.BACKEND_AUTH_HEADER || "authorization").toLowerCase()] = env.BACKEND_AUTH;
  const init = { method: "POST", headers, body: JSON.stringify({ query: QUERY, variables: { id } }) };
  if (typeof AbortSignal !== "undefined" && AbortSignal.timeout) init.signal = AbortSignal.timeout(TIMEOUT_MS);
  return init;
}

/**
 * The customer's profile response as text. 404 `unknown_customer` when the backend has no such customer;
 * 502 `backend_error` when it cannot be reached, answers an HTTP error, GraphQL errors or no JSON.
 */
export async function fetchProfile(env, id) {
  if (!env.BACKEND_URL) throw backendError("no backend is configured (BACKEND_URL)");
  const fetcher = env.BACKEND && typeof env.BACKEND.fetch === "function" ? env.BACKEND : globalThis;
  let res;
  try {
    res = await fetcher.fetch(env.BACKEND_URL, requestInit(env, id));
  } catch {
    throw backendError("the backend could not be reached");
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw backendError(`the backend answered HTTP ${res.status}`);
  }
  const text = await readCapped(res, MAX_RESPONSE_BYTES);
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw backendError("the backend's response is not JSON");
  }
  if (Array.isArray(parsed?.errors) && parsed.errors.length) throw backendError("the backend answered with GraphQL errors");
  if (parsed?.data == null || typeof parsed.data !== "object") throw backendError("the backend's response has no data");
  if (parsed.data.customerImpactProfile == null) throw new EdgeError(404, "unknown_customer", "no such customer");
  return text;
}
