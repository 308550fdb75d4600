#!/usr/bin/env node
// IANA zones in wasm (`pkg/node.cjs`), against the host's Intl as the reference:
// 1. the offset impactkit applies equals Intl's for every zone Intl knows: at random instants,
//    and at the seconds around every transition (found here by scanning with Intl and bisecting
//    to the second; transitions are not on quarter hours: St John's changed at 00:01 local); the
//    same through `impactkit/streaks` (pkg/streaks.node.cjs: the raw modules' glue, which keeps
//    each zone's offsets by UTC day);
// 2. streak calls rotating over 50 zones keep wasm memory and the process's RSS bounded
//    (a DateTimeFormat re-created per call costs ~25 KB of native memory V8 returns late).
// ZONES_FULL=1 scans 1900–2100 for every zone (~2 min); the default scans 2010–2030 for all zones
// and 1900–2040 for the zones with odd historical transitions (~5 s).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const load = (entry) => createRequire(import.meta.url)(join(here, "..", "pkg", entry));
const ik = load("node.cjs");
const ENTRIES = [["impactkit", ik], ["impactkit/streaks", load("streaks.node.cjs")]];
const FULL = process.env.ZONES_FULL === "1";
const DAY = 86_400;
const year = (y) => Date.UTC(y, 0, 1) / 1000;
const ODD = ["America/St_Johns", "America/Goose_Bay", "America/Moncton", "Asia/Gaza", "Asia/Hebron",
  "Antarctica/Casey", "Pacific/Kiritimati", "Africa/Monrovia", "Pacific/Apia", "Pacific/Kwajalein",
  "Pacific/Fakaofo", "Pacific/Kanton", "Australia/Lord_Howe", "Asia/Kathmandu", "Europe/Dublin"];

/** Intl's offset (seconds east of UTC) in `zone` at Unix second `t`. */
function intlOffsetFn(zone) {
  const f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric",
    month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  return (t) => {
    // "12/31/2024, 23:30:05" (formatToParts is 2× slower).
    const [mo, d, y, h, mi, s] = f.format(t * 1000).match(/\d+/g).map(Number);
    return Date.UTC(y, mo - 1, d, h % 24, mi, s) / 1000 - t;
  };
}

/** What impactkit prints for `t` in `zone` (achievementWindow echoes its start in the zone). */
function impactkitText(entry, zone, t) {
  const at = new Date(t * 1000).toISOString().replace(".000Z", "Z");
  return entry.achievementWindow({ start: at, period: "1D", now: at, timezone: zone }).start;
}

/** The RFC 3339 text impactkit must print for offset `offset` (UTC when it has seconds). */
function expectedText(t, offset) {
  const iso = (s) => new Date(s * 1000).toISOString().slice(0, 19);
  if (offset % 60 !== 0) return `${iso(t)}Z`;
  const a = Math.abs(offset);
  const hh = String(Math.floor(a / 3600)).padStart(2, "0");
  const mm = String((a % 3600) / 60).padStart(2, "0");
  return `${iso(t + offset)}${offset < 0 ? "-" : "+"}${hh}:${mm}`;
}

/** Transitions of `ask` in [from, to): `[first second of the new offset, …]` (step below the 4-day minimum gap). */
function transitions(ask, from, to, step) {
  const found = [];
  let prev = ask(from);
  for (let t = from + step; t < to; t += step) {
    const now = ask(t);
    if (now !== prev) {
      let [a, b] = [t - step, t];
      while (b - a > 1) {
        const mid = a + Math.floor((b - a) / 2);
        if (ask(mid) === prev) a = mid; else b = mid;
      }
      found.push(b);
      prev = now;
    }
  }
  return found;
}

let checked = 0;
const failures = [];
function check(zone, ask, t) {
  const want = expectedText(t, ask(t));
  for (const [name, entry] of ENTRIES) {
    checked += 1;
    const got = impactkitText(entry, zone, t);
    if (got !== want) failures.push(`${zone} at ${new Date(t * 1000).toISOString()}: ${name} ${got}, Intl ${want}`);
  }
}

const started = performance.now();
let seed = 0x2545f491;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32);
let transitionCount = 0;
for (const zone of Intl.supportedValuesOf("timeZone")) {
  const ask = intlOffsetFn(zone);
  const odd = ODD.includes(zone);
  const [from, to, step] = FULL || odd ? [year(1900), year(odd ? 2040 : 2100), 6 * DAY] : [year(2010), year(2030), 14 * DAY];
  const found = transitions(ask, from, to, step);
  transitionCount += found.length;
  // Seconds around each transition, in random order (impactkit learns zones as it is asked).
  const instants = found.flatMap((t) => [t - 1, t, t + 1, t + 59, t + 899, t + 3599]);
  for (let i = 0; i < 8; i++) instants.push(year(1900) + Math.floor(random() * (year(2100) - year(1900))));
  instants.sort(() => random() - 0.5);
  for (const t of instants) check(zone, ask, t);
}
for (const f of failures.slice(0, 20)) console.log(`FAIL ${f}`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`zones (node, ${ENTRIES.map(([name]) => name).join(" and ")}): ${checked} instants in ${Intl.supportedValuesOf("timeZone").length} zones ` +
  `(${transitionCount} transitions) in ${seconds} s, ${failures.length ? `${failures.length} offsets differ from Intl's` : "all offsets equal Intl's"}`);

// --- 2. Memory while rotating over 50 zones -----------------------------------------------------
const ZONES = Intl.supportedValuesOf("timeZone").filter((_, i) => i % 8 === 0).slice(0, 50);
const CALLS = Number(process.env.ZONES_CALLS ?? 20_000);
const call = (i) => ik.streak({ activity: [{ at: "2025-03-01T12:00:00Z" }, { at: "2025-03-02T12:00:00Z" }],
  period: "day", now: "2025-03-02T18:00:00Z", timezone: ZONES[i % ZONES.length] });
for (let i = 0; i < 2 * ZONES.length; i++) call(i);
const [wasm0, rss0, t0] = [ik.wasmMemoryBytes(), process.memoryUsage().rss, performance.now()];
for (let i = 0; i < CALLS; i++) call(i);
const [wasm1, rss1, t1] = [ik.wasmMemoryBytes(), process.memoryUsage().rss, performance.now()];
const rssGrowthMb = (rss1 - rss0) / 1e6;
const memoryOk = wasm1 - wasm0 <= 1 << 20 && rssGrowthMb < 64;
console.log(`${memoryOk ? "ok  " : "FAIL"} ${CALLS} streak calls over ${ZONES.length} zones in ${((t1 - t0) / 1000).toFixed(2)} s: ` +
  `wasm memory ${wasm0} → ${wasm1} bytes, RSS +${rssGrowthMb.toFixed(0)} MB (bound: +1 MiB wasm, +64 MB RSS)`);
process.exit(failures.length === 0 && memoryOk ? 0 : 1);
