// Type-checked by `make test` (tsc --noEmit --strict): the seed examples compile against the
// generated pkg/impactkit.d.ts, and misuse does not (each @ts-expect-error must be an error).
import {
  achievementWindow, badgePreview, campaignProgress, impactCard, milestoneProgress, readCapillaryBadge,
  pointsProgress, readGameball, readImpactProfile, streak, tierProgress,
} from "../../pkg/impactkit.js";
import type { ImpactkitError, ImpactProfile, StreakResult } from "../../pkg/impactkit.js";

const pct: number = milestoneProgress({ current: 248.5, target: 500 }).percentage;
const fromText: boolean = milestoneProgress('{"current": 248.5, "target": 500}').isCompleted;
const tier: string | undefined = tierProgress({
  current: { order: 1, name: "Basic", minProgress: 0 }, next: { order: 2, name: "Gold", minProgress: 190 }, progress: 50,
}).next?.name;
const keepBy: string | null | undefined = tierProgress({
  tiers: [{ name: "Gold", minProgress: 190, retainProgress: 150 }], progress: 100, period: "calendarYear", now: "2026-12-01T09:00:00Z",
}).retain?.by;
const points = pointsProgress({ balance: { totalPointsBalance: 1500, availablePointsBalance: 1200 }, now: "2024-11-20T12:00:00Z", redemptionRewardFactor: 0.05 });
const urgency: "lastChance" | "soon" | null | undefined = points.expiring?.urgency;
const toNext: number | null = points.redeemable.toNextUnit;
const nudge = campaignProgress({ campaigns: [{ rewardsCampaignName: "Third Order Campaign 🛍️", rewardsCampaignId: 5859, isUnlocked: true, completionPercentage: 33, achievedCount: 0 }] }).nextUp;
const profile: ImpactProfile = readImpactProfile({ data: { customerImpactProfile: { totalCo2Saved: 248.5, totalOrders: 15 } } });
const gameball = readGameball({ balance: { totalPointsBalance: 1500, availablePointsBalance: 1200 } }).balance?.pendingPoints;
const s: StreakResult = streak({ activity: [{ date: "2025-03-06" }, { at: "2025-03-07T10:00:00Z", count: 2 }], period: "day", now: "2025-03-07T12:00:00Z", timezone: "America/New_York" });
const state: "active" | "pending" | "broken" | "none" = s.state;
const window = achievementWindow({ start: "2023-10-10T09:30:45", period: "3M_U", now: "2023-12-01T12:00:00" }).status;
const preview = badgePreview({ orders: [], now: "2025-06-15T12:00:00Z" }).locked.map((l) => l.hint);
const svg: string = impactCard({ profile: { ...profile, displayName: "Alex" }, size: "og", theme: "auto" });
const meta = readCapillaryBadge;

try {
  // @ts-expect-error target must be a number
  milestoneProgress({ current: 1, target: "500" });
  // @ts-expect-error a qualifying period is rolling12 | calendarYear | lifetime
  tierProgress({ tiers: [], progress: 0, period: "monthly" });
  // @ts-expect-error pointsProgress needs now
  pointsProgress({ balance: { totalPointsBalance: 1, availablePointsBalance: 1 } });
  // @ts-expect-error period is day | week | month
  streak({ activity: [], period: "year", now: 0 });
  // @ts-expect-error sizes are og | square | story | badge
  impactCard({ profile, size: "huge" });
  // @ts-expect-error a Capillary badge needs `active` or `isActive` (else missing_field)
  readCapillaryBadge({ id: "b", name: "B", startOn: 1764679795, expiresOn: 1796215795000, earnedBadgeExpiry: { expiryType: "NEVER" } });
} catch (e) {
  const error = e as ImpactkitError;
  const where: string = `${error.code} at ${error.path}`;
  void where;
}

void [pct, fromText, tier, keepBy, urgency, toNext, nudge, gameball, state, window, preview, svg, meta];

// The custom elements' module (impactkit/elements.js) is typed too.
import { fmtPercent, ready } from "../../pkg/elements.js";
const badges = document.querySelector("impact-badges");
const unlocked: Promise<string[] | undefined> | undefined = badges
  ?.preview({ co2Kg: 1, baselineCo2Kg: 13, recycledShare: 0.6, supplyChains: [] })
  .then((p) => p?.locked.map((l) => l.id));
const shown: string = fmtPercent("de", 49.7);
const daysLeft: number | undefined = document.querySelector("impact-points")?.lastProgress?.expiring?.daysLeft;
// @ts-expect-error the codes are a closed union
const code: ImpactkitError["code"] = "no_such_code";
void [ready, unlocked, shown, code, daysLeft];

// The capability modules (impactkit/progress, …): each declares its own functions and the shared types.
import initProgress, { milestoneProgress as milestoneOnly, tierProgress as tierOnly, type TierProgress } from "../../pkg/progress.js";
import { badgePreview as previewOnly } from "../../pkg/badges.js";
import { streak as streakOnly } from "../../pkg/streaks.js";
import { impactCard as cardOnly, impactCardPng as pngOnly } from "../../pkg/cards.js";
// @ts-expect-error badgePreview is in impactkit/badges, not in impactkit/progress
import { badgePreview as notInProgress } from "../../pkg/progress.js";
const progressReady: Promise<void> = initProgress(new URL("https://cdn.example/progress_bg.wasm"));
const bar: TierProgress = tierOnly({ tiers: [{ name: "Basic", minProgress: 0 }, { name: "Gold", minProgress: 190 }], progress: 50 });
const moduleResults = [milestoneOnly({ current: 248.5, target: 500 }).percentage, bar.percentage,
  previewOnly({ orders: [], now: "2025-06-15T12:00:00Z" }).earned, streakOnly({ activity: [], period: "week", now: 0 }).state,
  cardOnly({ profile: { totalCo2Saved: 1, totalOrders: 1 } }).length, pngOnly({ profile: { totalCo2Saved: 1, totalOrders: 1 }, scale: 2 })];
void [progressReady, moduleResults, notInProgress];

// impactkit/bars: the same inputs without the fields it refuses (pkg-templates/bars.json).
import initBars, { milestoneProgress as barMilestone, tierProgress as barTier } from "../../pkg/bars.js";
const barsReady: Promise<void> = initBars();
const barNumbers = [barMilestone({ current: 248.5, target: 500, levels: [100, 500] }).percentage,
  barTier({ current: { name: "Basic", minProgress: 0 }, next: { name: "Gold", minProgress: 190 }, progress: 50 }).percentage,
  barTier({ tiers: [{ name: "Basic", minProgress: 0 }], progress: 5, decimals: 0 }).percentage];
// @ts-expect-error impactkit/bars has no pace and ETA (history): impactkit/progress
barMilestone({ current: 1, target: 2, history: [{ at: "2025-03-01", value: 1 }], now: "2025-03-11T12:00:00Z" });
// @ts-expect-error impactkit/bars writes no messages (locale): impactkit/progress
barTier({ tiers: [{ name: "Basic", minProgress: 0 }], progress: 5, locale: "de" });
// @ts-expect-error impactkit/bars has no tier retention (period): impactkit/progress
barTier({ tiers: [{ name: "Basic", minProgress: 0 }], progress: 5, period: "calendarYear", now: "2026-12-01T09:00:00Z" });
void [barsReady, barNumbers];
