/** An instant: RFC 3339 text ("2025-03-15T10:30:00Z"), naive local text read in `timezone`, or an epoch number (seconds below 1e11 in magnitude, else milliseconds). */
export type Instant = string | number;
/** `UTC`, a fixed offset like `+05:30`, or an IANA name like `America/New_York`. Default `UTC`. */
export type TimeZoneName = string;
/** Percentage rounding: `down` (default; 100 only when complete) or `nearest`. */
export type Rounding = "down" | "nearest";

/** Display options accepted by every function that returns percentages. */
export interface DisplayOptions {
  /** Decimal places, 0–6 (default 1). */
  decimals?: number;
  rounding?: Rounding;
}

/** `locale` on `streak`, `tierProgress`, `achievementWindow` and `campaignProgress`: a BCP 47 tag
 * (`"de-AT"`); the result then has a one-sentence `message` in en, de, fr, es, ar or ja (any other
 * language: English) and `locale`. */
export interface MessageOptions {
  locale?: string;
}

/** The locale a `message` is written in: `fallback` when `requested`'s language is not one of the six. */
export interface MessageLocale {
  requested: string;
  used: "en" | "de" | "fr" | "es" | "ar" | "ja";
  fallback: boolean;
}

/** What a result with `message` adds (only when the input has `locale`). */
export interface Localised {
  /** One sentence a widget can show ("120 points to Gold"), numbers and dates in the locale. */
  message?: string;
  locale?: MessageLocale;
}

// `ErrorCode` (the union of every `err.code`) is generated from Rust's `ErrorCode` list
// (src/error.rs, `ErrorCode::TYPESCRIPT`) into the same .d.ts by src/wasm/mod.rs.

/** The error thrown by every impactkit function. */
export interface ImpactkitError extends Error {
  /** Stable snake_case code, e.g. `missing_field`, `out_of_range`, `unknown_timezone`. */
  code: ErrorCode;
  /** JSONPath of the offending field, e.g. `$.data.customerImpactProfile.milestones[0].target`. */
  path: string;
}

export interface MilestoneInput extends DisplayOptions {
  current: number;
  /** Required unless `levels` is given (then it defaults to the last level). */
  target?: number;
  /** Intermediate goals, e.g. [100, 250, 500, 1000]. */
  levels?: number[];
  /** The milestone's cumulative total at past instants, any order: adds `pace` and `eta`. */
  history?: MilestonePoint[];
  /** Required with `history`; `current` is the value at `now`. */
  now?: Instant;
  /** The zone of the local days of `pace` and `eta`. */
  timezone?: TimeZoneName;
}

/** The milestone's cumulative total `value` (≥ 0) at the instant `at`. */
export interface MilestonePoint {
  at: Instant;
  value: number;
}

/** The recent trend: from the newest point at least 90 local days old (or the oldest point) to `current` today. */
export interface MilestonePace {
  /** Progress per local day, exact in decimal; 0 or negative when progress stalled or went back. */
  perDay: number;
  /** The local day (`YYYY-MM-DD`) the trend is measured from. */
  since: string;
}

export interface MilestoneProgress {
  percentage: number;
  remaining: number;
  isCompleted: boolean;
  /** Present when `levels` was given: levels reached so far. */
  level?: number;
  levelTarget?: number | null;
  nextTarget?: number | null;
  levelPercentage?: number;
  levelRemaining?: number;
  /** Present when `history` was given: `null` without a point before today. */
  pace?: MilestonePace | null;
  /** Present when `history` was given: the local day (`YYYY-MM-DD`) the pace reaches `target`;
   * `null` without a positive pace, once complete, or after 9999-12-31. */
  eta?: string | null;
}

export interface Tier {
  name: string;
  minProgress: number;
  order?: number;
  icon?: string;
  /** Progress that keeps this tier for another period (default `minProgress`). */
  retainProgress?: number;
  /** Output, on `next` when there is a deadline: the last local day (`YYYY-MM-DD`) that counts. */
  by?: string;
  /** Output, on `next` when there is a deadline: whole local days from today to `by`. */
  daysLeft?: number;
}

/** The qualifying period tiers are earned and kept over: twelve months from `periodStart`,
 * the calendar year of `now`, or the customer's lifetime (no deadline). */
export type QualifyingPeriod = "rolling12" | "calendarYear" | "lifetime";

/** Options that add `retain` and the deadline (`next.by`, `next.daysLeft`) to `tierProgress`. */
export interface RetentionOptions {
  period?: QualifyingPeriod;
  /** End of the qualifying period (a period ending at local midnight counts up to the day before). */
  periodEnd?: Instant;
  /** When the current tier expires (Smile's `vipTierExpiresAt`); used when `periodEnd` is absent. */
  tierExpiresAt?: Instant;
  /** Start of a `rolling12` period (it ends twelve months later). */
  periodStart?: Instant;
  /** Required with a deadline. */
  now?: Instant;
  timezone?: TimeZoneName;
}

/** Either a tier list, or Gameball's tier-progress response as is. */
export type TierInput =
  | ({ tiers: Tier[]; progress: number } & DisplayOptions & RetentionOptions & MessageOptions)
  | ({ current: Tier | null; next: Tier | null; progress: number } & DisplayOptions & RetentionOptions & MessageOptions);

/** What keeps the current tier. */
export interface TierRetain {
  tier: string;
  /** `retainProgress` of the current tier (default its `minProgress`). */
  required: number;
  /** Progress still needed to keep it; 0 once secured. */
  remaining: number;
  /** 100 only when secured. */
  percentage: number;
  secured: boolean;
  /** Last local day (`YYYY-MM-DD`) of the period; null without a deadline (lifetime). */
  by: string | null;
  /** Whole local days from today to `by` (0 on that day and after); null without a deadline. */
  daysLeft: number | null;
  /** Whether the period had already ended at `now`. */
  ended: boolean;
}

/** `message`: what keeps the current tier while it is not secured, else the points to the next
 * tier, else the top tier reached. */
export interface TierProgress extends Localised {
  current: Tier | null;
  next: Tier | null;
  percentage: number;
  remaining: number;
  progress: number;
  /** Present when retention was asked for (`period`, `periodEnd`, `tierExpiresAt`, `periodStart` or a
   * `retainProgress`) and there is a current tier. */
  retain?: TierRetain;
}

/** One entry of Gameball's reward-campaigns-progress response. */
export interface GameballCampaign {
  rewardsCampaignName: string;
  rewardsCampaignId: number | string;
  isUnlocked: boolean;
  highScoreAmount?: number | null;
  currentStreak?: number | null;
  highestStreak?: number | null;
  completionPercentage?: number | null;
  achievedCount?: number | null;
}

export interface CampaignInput extends DisplayOptions, MessageOptions {
  campaigns: GameballCampaign[];
}

export type CampaignStatus = "achieved" | "inProgress" | "locked";

export interface Campaign {
  id: string;
  name: string;
  status: CampaignStatus;
  percentage: number;
  achievedCount: number;
  currentStreak: number | null;
  highestStreak: number | null;
  highScoreAmount: number | null;
}

/** `message`: what is left of `nextUp` (100 minus its percentage), else the campaigns achieved. */
export interface CampaignProgress extends Localised {
  campaigns: Campaign[];
  /** The unlocked, not yet achieved campaign closest to completion. */
  nextUp: Campaign | null;
  achieved: number;
}

/** A seed 000 milestone, in `customerImpactProfile.milestones` and `customerMilestones.active` alike. */
export interface GraphqlMilestone {
  /** Backend id (often absent in `customerMilestones.active`). */
  id?: string;
  name: string;
  target: number;
  current: number;
  /** The server's own figure: reported as `serverPercentage`, recomputed as `percentage`. */
  percentage?: number;
  isCompleted?: boolean;
  unit?: string;
}

/** Seed 000's `impactLeaderboard`. */
export interface GraphqlLeaderboard {
  entries: { rank: number; customerId: string | number; displayName?: string | null; co2Saved?: number | null; badgeCount?: number | null }[];
  currentUserPosition?: { rank?: number | null; percentile?: number | null } | null;
}

/** Who the leaderboard is shown to, and in which language. */
export interface LeaderboardOptions {
  /** Your row is the one with this `customerId` (default: the only row at your rank). */
  customerId?: string | number | null;
  /** BCP 47 tag for `rankingText` / `rankText` (en, de, fr, es, ar, ja; others English). */
  locale?: string | null;
}

/** `readLeaderboard`'s input: a GraphQL response or its `data`, with the options at top level. */
export type LeaderboardInput = LeaderboardOptions & (
  | { data?: { impactLeaderboard?: GraphqlLeaderboard | null; [field: string]: unknown } | null; errors?: GraphqlResponse["errors"] }
  | { impactLeaderboard: GraphqlLeaderboard });

export interface LeaderboardEntry {
  rank: number;
  customerId: string;
  displayName: string | null;
  co2Saved: number | null;
  badgeCount: number | null;
  isYou: boolean;
  /** "Rank #3", "Platz 3", … */
  rankText: string;
}

export interface Leaderboard {
  /** By rank (ties in input order). */
  entries: LeaderboardEntry[];
  /** `null` when the response has no position and no row is yours. */
  you: {
    rank: number | null;
    percentile: number | null;
    inList: boolean;
    /** Your rank as the rows word it ("Rank #142"), e.g. for a row of yours below the list. */
    rankText: string | null;
    /** The impact card's ranking line: "Top 15% of sustainable shoppers", else "Rank #142". */
    rankingText: string | null;
    /** kg the nearest better-ranked row saved beyond you (null when first, not both listed, or negative). */
    gapAbove: number | null;
  } | null;
  co2Unit: "kg";
}

/** A seed 000 GraphQL response (`customerImpactProfile`, `customerMilestones`, `impactLeaderboard`). */
export interface GraphqlResponse extends DisplayOptions, LeaderboardOptions {
  data?: {
    customerImpactProfile?: {
      totalCo2Saved: number;
      totalOrders: number;
      badges?: { id: string; name: string; description?: string; icon?: string; earnedAt?: Instant; tier?: string }[];
      milestones?: GraphqlMilestone[];
      ranking?: { position?: number; percentile?: number; description?: string } | null;
    } | null;
    customerMilestones?: {
      active?: GraphqlMilestone[];
      completed?: { name: string; completedAt?: Instant }[];
    } | null;
    impactLeaderboard?: GraphqlLeaderboard | null;
  } | null;
  errors?: { message: string; path?: (string | number)[] }[];
  /** Timezone for the instants in the output (default UTC). */
  timezone?: TimeZoneName;
}

export interface ProfileBadge {
  id: string;
  name: string;
  description: string | null;
  icon: string | null;
  earnedAt: string | null;
  tier: string | null;
}

export interface ProfileMilestone {
  id: string | null;
  name: string;
  target: number;
  current: number;
  unit: string | null;
  percentage: number;
  remaining: number;
  isCompleted: boolean;
  serverPercentage: number | null;
  percentageMismatch: boolean;
}

export interface ImpactProfile {
  totalCo2Saved: number | null;
  co2Unit: "kg";
  totalOrders: number | null;
  badges: ProfileBadge[];
  milestones: ProfileMilestone[];
  completedMilestones: { name: string; completedAt: string | null }[];
  ranking: { position: number | null; percentile: number | null; description: string | null } | null;
  /** When the response has `impactLeaderboard` (see `readLeaderboard`). */
  leaderboard?: Leaderboard;
}

/** Gameball v4 balance response. */
export interface GameballBalance {
  totalPointsBalance: number;
  totalPointsValue?: number | null;
  availablePointsBalance: number;
  availablePointsValue?: number | null;
  pendingPoints?: number | null;
  pendingPointsValue?: number | null;
  currency?: string | null;
  pointsName?: string | null;
  nextExpiringPointsAmount?: number | null;
  nextExpiringPointsValue?: number | null;
  nextExpiringPointsDate?: Instant | null;
  totalEarnedPoints?: number | null;
}

/** Gameball v4 referrals response (one page of `GET …/referrals`). */
export interface GameballReferralsPage {
  referredFriends: {
    customerId: string | number;
    displayName?: string | null;
    email?: string | null;
    mobileNumber?: string | null;
    /** Naive, read in `timezone`. */
    joinDate?: Instant | null;
    /** `Active` or `Pending`. */
    status: string;
  }[];
  count?: number;
  hasMore?: boolean | null;
}

/** Gameball v4 referrals count response (`GET …/referrals/count`). */
export interface GameballReferralsCount {
  count: number;
  totalPending: number;
  totalActive: number;
}

/** One record of Gameball's activities response (fields impactkit does not read are allowed). */
export interface GameballActivityRecord {
  activityId?: number | string | null;
  activityType?: string | null;
  /** "October 20, 2024" (English month name or its first three letters; or `2024-10-20`). */
  activityDate: string;
  /** "19:27:33" or "19:27": wall-clock time in `timezone`. */
  activityTime: string;
  points?: number | null;
  tierName?: string | null;
  campaignName?: string | null;
  [field: string]: unknown;
}

/** One page of `GET …/activities?startAfter=…&limit=…`. */
export interface GameballActivitiesPage {
  activities: GameballActivityRecord[];
  count?: number;
  hasMore?: boolean | null;
}

export interface GameballInput extends DisplayOptions {
  balance?: GameballBalance;
  tierProgress?: { current: Tier | null; next: Tier | null; progress: number };
  campaigns?: GameballCampaign[];
  referrals?: GameballReferralsPage;
  referralsCount?: GameballReferralsCount;
  /** One page or the pages a `startAfter` walk fetched (overlaps allowed). */
  activities?: GameballActivitiesPage | GameballActivitiesPage[];
  /**
   * The Gameball account's (store's) timezone: naive dates like `2024-12-01T00:00:00` and activity
   * date + time are wall-clock time there; output instants are written in it (default UTC).
   */
  timezone?: TimeZoneName;
}

/** `pointsProgress` input: Gameball's balance response as is, and the programme's rules. */
export interface PointsInput {
  balance: GameballBalance;
  now: Instant;
  /** Timezone of naive dates and of `daysLeft` / `lastDay` / `availableOn` (default UTC). */
  timezone?: TimeZoneName;
  /** Currency per point (> 0): 0.1 → 10 points = 1 unit. Without it the balance's values pass through. */
  redemptionRewardFactor?: number;
  /** Spend (> 0) that earns `rewardPoints`; both are needed with a `cart`. */
  rewardThreshold?: number;
  rewardPoints?: number;
  /** The cart's total, or `{ total }`. */
  cart?: number | { total: number };
  /** Days before expiry: `lastChance` (default 7) and `soon` (default 30). */
  urgency?: { lastChance?: number; soon?: number };
  /** When the pending points were earned; they become available `returnWindowDays` (default 14) later. */
  pendingSince?: Instant;
  returnWindowDays?: number;
  /** Accepted for the widgets' formatting; the numbers do not depend on it. */
  locale?: string;
}

/** A number of points and their value (null when unknown). */
export interface PointsAmount {
  points: number;
  value: number | null;
}

export interface PointsProgress {
  pointsName: string | null;
  currency: string | null;
  totalEarned: number | null;
  available: PointsAmount;
  pending: PointsAmount & { availableOn: string | null };
  total: PointsAmount;
  /** The next expiry; null when nothing expires. */
  expiring: (PointsAmount & {
    /** RFC 3339 in `timezone`. */
    at: string;
    /** Last local day the points can be used (the day before when `at` is local midnight). */
    lastDay: string;
    /** Whole local days from today to `lastDay`: 0 on that day and once expired. */
    daysLeft: number;
    /** `lastChance` (≤ 7 days), `soon` (≤ 30) or null (also once expired). */
    urgency: "lastChance" | "soon" | null;
    /** The balance still lists points whose expiry has passed. */
    expired: boolean;
  }) | null;
  redeemable: PointsAmount & {
    /** Points to earn before the value reaches the next whole currency unit (null without a factor). */
    toNextUnit: number | null;
  };
  /** What the cart earns; null without a cart. */
  cartEarns: { points: number; value: number | null; spendToNext: number } | null;
}

/** A referred friend (email and mobile number are left out). */
export interface GameballFriend {
  customerId: string;
  displayName: string | null;
  joinedAt: string | null;
  /** `active`, `pending`, or another status lower-cased. */
  status: string;
}

/** An activity, ready for `streak({ activity })`. */
export interface GameballActivity {
  id: string | null;
  /** RFC 3339 in `timezone`. */
  at: string;
  type: string | null;
  points: number | null;
  tierName: string | null;
  campaignName: string | null;
}

export interface GameballProgress {
  balance?: {
    totalPointsBalance: number;
    totalPointsValue: number | null;
    availablePointsBalance: number;
    availablePointsValue: number | null;
    pendingPoints: number;
    pendingPointsValue: number | null;
    currency: string | null;
    pointsName: string | null;
    nextExpiringPointsAmount: number | null;
    nextExpiringPointsValue: number | null;
    nextExpiringPointsDate: string | null;
    totalEarnedPoints: number | null;
  };
  tier?: TierProgress;
  campaigns?: CampaignProgress;
  referrals?: {
    /** From `referralsCount`, else counted in the list page. */
    active: number;
    pending: number;
    total: number;
    /** The list page's friends, newest first. */
    recent: GameballFriend[];
    /** The list page's `hasMore` (without `referralsCount` the figures count this page only). */
    hasMore: boolean;
  };
  /** Pages merged, each `activityId` once, newest first. */
  activities?: GameballActivity[];
}

/** A weekday's short English name, `mon` … `sun`. */
export type WeekdayShort = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
/** A weekday's full English name, `monday` … `sunday`. */
export type WeekdayLong = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
/** A weekday name for `restDays`: short (`sat`) or full (`saturday`), in lower, Capitalized or UPPER case
 * (impactkit compares without case, so any other mix is accepted at run time too). */
export type Weekday = WeekdayShort | WeekdayLong | Capitalize<WeekdayShort | WeekdayLong> | Uppercase<WeekdayShort | WeekdayLong>;

/** One activity record: a local calendar date, or an instant bucketed into the customer's local day. */
export type StreakActivity =
  | { date: string; count?: number; at?: undefined }
  | { at: Instant; count?: number; date?: undefined };

export interface StreakInput extends MessageOptions {
  /** Records up to `now` count; later ones are ignored. Several records on one day are summed. */
  activity: StreakActivity[];
  period: "day" | "week" | "month";
  /** Required: nothing reads the clock. */
  now: Instant;
  timezone?: TimeZoneName;
  /** Weekly streaks: first day of the week (default `monday`). */
  weekStart?: "monday" | "sunday";
  /** Daily streaks only: weekdays that never break a streak, e.g. ["sat", "sun"]. */
  restDays?: Weekday[];
  /** Missed periods that may be bridged (0–1000, default 0), spent oldest gap first; or freezes earned by done periods. */
  freezes?: number | StreakEarnedFreezes;
  /** Count a period needs to be done (whole number ≥ 1, default 1). */
  minCount?: number;
  /** How many recent periods `periods` lists (0–366, default 7). */
  window?: number;
  /** Streak repair: a missed period may be repaired until the end of the `withinPeriods`-th period after it. */
  repair?: StreakRepairPolicy;
  /** Repaired periods (any local date in each; needs `repair`); `at`: when the repair was made (default `now`). */
  repairs?: (string | { date: string; at?: Instant })[];
}

/** One freeze per `earnEvery` done periods (1–366), at most `max` earned; `start` in hand from the beginning (default 0). */
export interface StreakEarnedFreezes {
  earnEvery: number;
  max: number;
  start?: number;
}

/** `withinPeriods`: 1–366; `maxPerMonth`: accepted repairs per calendar month of the missed period (0–31). */
export interface StreakRepairPolicy {
  withinPeriods: number;
  maxPerMonth?: number;
}

/** The latest break while it can be repaired: repair every `missed` period before `until`. */
export interface StreakRepairable {
  /** First days of the missed periods, oldest first. */
  missed: string[];
  /** RFC 3339 in the customer's zone: repairs are accepted before it. */
  until: string;
  /** The last local date (`YYYY-MM-DD`) on which a repair is accepted. */
  lastDate: string;
}

export interface StreakRejectedRepair {
  date: string;
  reason: "notMissed" | "notYet" | "outsideWindow" | "partial" | "monthlyLimit" | "duplicate";
}

/** `active`: current period done; `pending`: not yet, streak alive; `broken`: over; `none`: no activity. */
export type StreakState = "active" | "pending" | "broken" | "none";

export interface StreakPeriod {
  /** First day of the period, `YYYY-MM-DD`. */
  start: string;
  count: number;
  status: "done" | "frozen" | "rest" | "open" | "missed" | "repaired";
}

/** `message`: the streak, what keeps it by when (`atRiskAt`), a repairable break's last day, or a new start. */
export interface StreakResult extends Localised {
  current: number;
  longest: number;
  total: number;
  currentStart: string | null;
  currentEnd: string | null;
  longestStart: string | null;
  longestEnd: string | null;
  state: StreakState;
  todayDone: boolean;
  /** When the live streak breaks if nothing more happens (RFC 3339, customer's zone); null unless active/pending. */
  atRiskAt: string | null;
  /** First days of the periods bridged by freezes, oldest first. */
  frozenDates: string[];
  freezesUsed: number;
  freezesLeft: number;
  /** How many periods up to `now` are done (reached `minCount`), in or out of streaks. */
  activePeriods: number;
  /** The last `window` periods up to and including the current one, oldest first. */
  periods: StreakPeriod[];
  /** Freezes earned by done periods (`freezes: {earnEvery, max}`), spent or not. */
  freezesEarned: number;
  /** The latest break while it can be repaired (`repair`), else null. */
  repairable: StreakRepairable | null;
  /** First days of the repaired periods (accepted `repairs`), oldest first. */
  repairedDates: string[];
  /** `repairs` ignored, in input order. */
  repairsRejected: StreakRejectedRepair[];
}

/** Talon.One's `periodEndOverride`: when a window ends, inside the unit start + period falls in. */
export interface TimePoint {
  /** 1–12, `Y` periods. */
  month?: number;
  /** 1–31 (clamped to the month), `M` and `Y` periods. */
  dayOfMonth?: number;
  /** 1 = Monday … 7 = Sunday, `W` periods. */
  dayOfWeek?: number;
  hour: number;
  minute: number;
  second: number;
}

export interface AchievementWindowInput extends DisplayOptions, MessageOptions {
  /** The customer's first action (user_action) or the schedule's anchor (fixed_schedule). */
  start: Instant;
  /** Talon.One syntax: `7D`, `1W`, `1M`, `3M_U`, `1Y`, `12h`, `30D_D`. Required unless `end` is given. */
  period?: string;
  periodEndOverride?: TimePoint;
  /** A fixed last moment: a single window [start, end), or a cap on recurring windows. */
  end?: Instant;
  now: Instant;
  timezone?: TimeZoneName;
  /** `user_action` (default): windows start with the customer's action; `fixed_schedule`: back to back from `start`. */
  activationPolicy?: "user_action" | "fixed_schedule";
  /** `on_expiration` (default): a new window follows the previous one; `no_recurrence`: only the first. */
  recurrencePolicy?: "on_expiration" | "no_recurrence";
  target?: number;
  /** Summed for progress (`value` defaults to 1). */
  events?: { at: Instant; value?: number }[];
}

export type AchievementStatus = "not_started" | "inprogress" | "completed" | "expired";

/** `message`: progress and time left, the last day, "Completed", or the start date. */
export interface AchievementWindow extends Localised {
  start: string;
  /** The reset instant; `_U` ends show the unit's last second (23:59:59). */
  end: string;
  status: AchievementStatus;
  /** Present with `events` or `target`. */
  current?: number;
  target?: number;
  remaining?: number;
  percentage?: number;
  completedAt?: string;
  endsInSeconds: number;
}

/** An order, as badge rules see it. */
export interface BadgeOrder {
  /** Unique in a history; a repeated id keeps its first occurrence. */
  id: string | number;
  placedAt: Instant;
  co2Kg: number;
  baselineCo2Kg: number;
  /** Default: max(0, baselineCo2Kg − co2Kg). */
  co2SavedKg?: number | null;
  /** 0..1 */
  recycledShare: number;
  supplyChains: { id: string | number; verified: boolean }[];
  offsetKg?: number | null;
}

/** A hypothetical order: `id` defaults to "cart", `placedAt` to `now`. */
export type CartOrder = Omit<BadgeOrder, "id" | "placedAt"> & { id?: string | number; placedAt?: Instant };

/** Order fields rules can read (`treesSaved` = co2SavedKg / options.kgCo2PerTree; `hour` 0–23 and
 * `weekday` 1 = Monday – 7 = Sunday are local, in `timezone`, DST-correct). */
export type OrderField =
  | "co2Kg" | "baselineCo2Kg" | "co2SavedKg" | "recycledShare" | "offsetKg" | "treesSaved"
  | "supplyChains" | "verifiedSupplyChains" | "hour" | "weekday";
export type NumericOrderField = Exclude<OrderField, "supplyChains" | "verifiedSupplyChains" | "hour" | "weekday">;
/** `{gt: 0.5}`, `{lt: "baselineCo2Kg"}`: a number or another field of the same order;
 * `{in: [22, 23, 0]}`: one of the numbers. */
export type Comparison = { [op in "gt" | "gte" | "lt" | "lte" | "eq"]?: number | OrderField } & { in?: number[] };
/** All clauses must hold. In filters, `supplyChains` / `verifiedSupplyChains` are counts. */
export type OrderFilter = { [field in OrderField]?: Comparison };
export type CalendarPeriod = "month" | "week";

/** Well-known event types; any other non-empty name is a custom type. */
export type BadgeEventType = "signup" | "referral" | "review" | "tierReached" | (string & {});

/** An event beyond orders. */
export interface BadgeEvent {
  type: BadgeEventType;
  at: Instant;
  /** ≥ 0; what `sum` rules add up (default 0). */
  value?: number | null;
  /** The tier reached: required for `tierReached`. */
  tier?: string | null;
}

/** Event fields rules can read (`hour` / `weekday` local, as for orders). */
export type EventField = "value" | "tier" | "hour" | "weekday";
/** `tier` is a name: `{eq: "GOLD"}` or `{in: ["GOLD", "PLATINUM"]}` (ASCII case-insensitive). */
export type EventFilter = {
  value?: { [op in "gt" | "gte" | "lt" | "lte" | "eq"]?: number | "value" } & { in?: number[] };
  tier?: { eq?: string; in?: string[] };
  hour?: Comparison;
  weekday?: Comparison;
};

/** The rule language (docs/api.md, "The rule language"). With `event`, a rule measures the
 * events of that type instead of orders. */
export type BadgeRule =
  | { kind: "first"; where?: OrderFilter }
  | { kind: "count"; where?: OrderFilter; target: number }
  | { kind: "sum"; field: NumericOrderField; where?: OrderFilter; target: number }
  | { kind: "distinct"; field: "supplyChains" | "verifiedSupplyChains"; where?: OrderFilter; target: number }
  | { kind: "streak"; period: CalendarPeriod; where?: OrderFilter; target: number }
  | { kind: "period"; period: CalendarPeriod; sum: NumericOrderField; atLeast: number | NumericOrderField; where?: OrderFilter }
  | { kind: "first"; event: BadgeEventType; where?: EventFilter }
  | { kind: "count"; event: BadgeEventType; where?: EventFilter; target: number }
  | { kind: "sum"; event: BadgeEventType; field: "value"; where?: EventFilter; target: number }
  | { kind: "streak"; event: BadgeEventType; period: CalendarPeriod; where?: EventFilter; target: number };

export type CalendarUnit = "days" | "weeks" | "months";

export interface BadgeValidity {
  startOn?: Instant | null;
  expiresOn?: Instant | null;
  /** Default true. */
  active?: boolean;
}

export interface EarnLimit {
  max: number;
  /** A rolling window; absent or null: a lifetime limit. */
  window?: { count: number; unit: CalendarUnit } | null;
}

export interface EarnLimits {
  /** Counted from the customer's `earned` entries of the badge. */
  customer?: EarnLimit[];
  /** Compared with `issued[badgeId]`. */
  badge?: EarnLimit[];
}

export type BadgeExpiry =
  | { kind: "never" }
  | { kind: "fixed"; at: Instant }
  | { kind: "withBadge" }
  | { kind: "relative"; count: number; unit: CalendarUnit };

/** `readCapillaryBadge`'s `BadgeMeta` spreads into it (add `tiers`); its other fields are not read here. */
export interface BadgeDefinition extends Partial<Pick<BadgeMeta, "issuedExpiry" | "earnable" | "reason">> {
  id: string | number;
  name: string;
  description?: string | null;
  icon?: string | null;
  /** Lowest first. */
  tiers: { tier: string; rule: BadgeRule }[];
  validity?: BadgeValidity;
  limits?: EarnLimits;
  expiry?: BadgeExpiry;
}

/** A badge the backend reports (seed 000 `badges` entry). */
export interface ReportedBadge {
  id: string | number;
  name?: string | null;
  description?: string | null;
  icon?: string | null;
  earnedAt?: Instant | null;
  /** Default: the definition's first tier. */
  tier?: string | null;
  expiresAt?: Instant | null;
}

export interface BadgePreviewInput extends DisplayOptions {
  orders: BadgeOrder[];
  /** Events beyond orders; those after `now` have not happened yet. */
  events?: BadgeEvent[];
  /** Default: the ten built-in seed badges (seed 000's six, seed 002's four). */
  definitions?: BadgeDefinition[];
  earned?: ReportedBadge[];
  /** Issued counts per badge id, for badge-wide limits. */
  issued?: Record<string, number>;
  now: Instant;
  timezone?: TimeZoneName;
  cart?: CartOrder;
  /** BCP 47 tag for the hints (en, de, fr, es, ar, ja; others English, reported as a fallback). */
  locale?: string;
  options?: {
    /** Default 21.77 (Arbor Day Foundation: 48 lb CO₂ per mature tree and year). */
    kgCo2PerTree?: number;
    /** Default 30. */
    expiringSoonDays?: number;
  };
}

// `Customer[Symbol.dispose]` type-checks with older `lib` settings too (TypeScript < 5.2 libs,
// es2022): the same declaration as lib.esnext.disposable's.
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}

/** `openCustomer`'s history: what the stateless functions read besides the per-call fields. */
export interface CustomerHistory {
  orders?: BadgeOrder[];
  events?: BadgeEvent[];
  /** Activity for `customer.streak` and `customer.achievementWindow`. */
  activity?: StreakActivity[];
  definitions?: BadgeDefinition[];
  earned?: ReportedBadge[];
  issued?: Record<string, number>;
  timezone?: TimeZoneName;
  options?: BadgePreviewInput["options"];
}

/** `customer.badgePreview`: the per-call part of `BadgePreviewInput`. */
export interface CustomerPreviewInput extends DisplayOptions {
  now: Instant;
  cart?: CartOrder;
  locale?: string;
}

/** `customer.streak`: `StreakInput` without `activity` and `timezone` (the history's). */
export type CustomerStreakInput = Omit<StreakInput, "activity" | "timezone">;

/** `customer.achievementWindow`: `AchievementWindowInput` without `timezone` (the history's), `events` naming the records counted. */
export interface CustomerWindowInput extends Omit<AchievementWindowInput, "events" | "timezone"> {
  /** `orders`: 1 per order; `co2SavedKg` / `offsetKg`: each order's value; `activity`: each record's `count`. */
  events: "orders" | "co2SavedKg" | "offsetKg" | "activity";
}

export type NotEarnableReason = "inactive" | "notStarted" | "ended" | "customerLimit" | "badgeLimit";

export interface EarnedBadge {
  id: string;
  name: string | null;
  tier: string | null;
  earnedAt: string | null;
  expiresAt?: string;
  /** `computed`: newly earned per the history, not yet reported by the backend. */
  source: "backend" | "computed";
}

export interface LockedBadge {
  id: string;
  name: string;
  nextTier: string;
  current: number;
  target: number;
  percentage: number;
  remaining: number;
  /** "2 more orders with over 50 % recycled content", in the requested `locale`. */
  hint: string;
  earnable: boolean;
  reason: NotEarnableReason | null;
}

export interface BadgePreview {
  earned: EarnedBadge[];
  locked: LockedBadge[];
  unlockedByCart: { id: string; name: string; tier: string }[];
  expiringSoon: { id: string; tier: string | null; expiresAt: string; daysLeft: number }[];
  expired: EarnedBadge[];
  /** Only when the input has `locale`: the tag asked for, the language of the hints, and whether it fell back to English. */
  locale?: MessageLocale;
}

export type CapillaryInstant = number | string;
export interface CapillaryExpiry {
  expiryType: "ABSOLUTE" | "RELATIVE" | "NEVER";
  type?: "FIXED_DATE" | "WITH_BADGE_META";
  expiresOn?: CapillaryInstant;
  expireWithBadgeMeta?: boolean;
  relativeExpiryType?: "DAYS" | "WEEKS" | "MONTHS";
  /** The spelling of the API's own example. */
  relativeExpirytype?: "DAYS" | "WEEKS" | "MONTHS";
  value?: number;
}
export interface CapillaryCustomerConstraint {
  constraintType: "CUSTOMER_BADGE_FIXED_VALUE" | "CUSTOMER_BADGE_ROLLING_WINDOW";
  maxEarnLimit?: number;
  maxEarnForDays?: number;
  rollForDays?: number;
  maxEarnForWeeks?: number;
  rollForWeeks?: number;
  maxEarnForMonths?: number;
  rollForMonths?: number;
}
export interface CapillaryBadgeConstraint {
  constraintType: "BADGE_FIXED_VALUE" | "BADGE_ROLLING_WINDOW";
  maxEarnLimit: number;
  rollType?: "DAYS" | "WEEKS" | "MONTHS";
  rollValue?: number;
}

/** Capillary badge metadata (seed 001). Epochs below 1e11 are seconds, others milliseconds. Each pair
 * `id` / `badgeMetaId`, `startOn` / `startOnISO` (wins), `expiresOn` / `expiresOnISO` (wins) and
 * `active` / `isActive` needs one of its two (else `missing_field`). */
export type CapillaryBadge = CapillaryBadgeFields
  & ({ id: string; badgeMetaId?: string } | { id?: string; badgeMetaId: string })
  & ({ startOn: CapillaryInstant; startOnISO?: string } | { startOn?: CapillaryInstant; startOnISO: string })
  & ({ expiresOn: CapillaryInstant; expiresOnISO?: string } | { expiresOn?: CapillaryInstant; expiresOnISO: string })
  & ({ active: boolean; isActive?: boolean } | { active?: boolean; isActive: boolean });

/** The fields of a `CapillaryBadge` that need no partner. */
export interface CapillaryBadgeFields {
  name: string;
  description?: string | null;
  earnedBadgeExpiry: CapillaryExpiry;
  issuedBadgeExpiry?: CapillaryExpiry | null;
  customerConstraints?: CapillaryCustomerConstraint[] | CapillaryCustomerConstraint | null;
  badgeConstraints?: CapillaryBadgeConstraint[] | CapillaryBadgeConstraint | null;
  images?: { name?: string; fileSvcHandle?: string; url?: string; tag?: string }[] | null;
  /** Capillary fields impactkit does not read; accepted as the API returns them. */
  orgId?: number;
  earnType?: string;
  badgeRank?: number;
  ownership?: unknown;
  benefits?: unknown;
  /** Not a Capillary field: report `earnable` / `reason` at this instant. */
  now?: Instant;
}

/** impactkit's model of a Capillary badge: spread it into a `BadgeDefinition` and add `tiers`. */
export interface BadgeMeta {
  id: string;
  name: string;
  description: string | null;
  icon: string | null;
  validity: { startOn: string | null; expiresOn: string | null; active: boolean };
  limits: { customer: EarnLimit[]; badge: EarnLimit[] };
  expiry: BadgeExpiry;
  issuedExpiry: BadgeExpiry | null;
  earnable?: boolean;
  reason?: NotEarnableReason | null;
}

/** Card sizes: `og` 1200×630 (default), `square` 1080×1080, `story` 1080×1920, `badge` 400×400. */
export type CardSize = "og" | "square" | "story" | "badge";

/** CSS colour syntax: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()`, `hsl()`/`hsla()` or one of the 148 named colours. Anything else is `invalid_color`. */
export type CssColor = string;

/** Custom card colours; omitted ones come from the light theme. */
export interface CardColors {
  /** The headline number. */
  base?: CssColor | null;
  /** Progress bar, icons, highlights. */
  accent?: CssColor | null;
  background?: CssColor | null;
  text?: CssColor | null;
}

/** `auto` follows `prefers-color-scheme` inside the SVG (rasterisers without media queries draw it light). */
export type CardTheme = "light" | "dark" | "auto" | CardColors;

/** A badge on a card; `readImpactProfile`'s `ProfileBadge` fits. */
export interface CardBadge {
  id?: string | number | null;
  name: string;
  description?: string | null;
  /** Built-in icon name (`seedling`, `tree`, `leaf`, `recycle`, `chain`, `trophy`, `star`, `flame`, `globe`, `heart`, `shield`, `bag`, `drop`, `bolt`, `car`, `medal`); anything else draws the medal. */
  icon?: string | null;
  earnedAt?: Instant | null;
  /** `BRONZE`, `SILVER`, `GOLD`, `PLATINUM` (coloured) or any other tier name (shown as text). */
  tier?: string | null;
}

/** A milestone on a card; `readImpactProfile`'s `ProfileMilestone` fits (the card does not draw `id`, `unit`,
 * `remaining`, `serverPercentage` or `percentageMismatch`). The first one not completed is shown. */
export interface CardMilestone
  extends Partial<Pick<ProfileMilestone, "id" | "unit" | "remaining" | "serverPercentage" | "percentageMismatch">> {
  name: string;
  /** 0–100; computed from `current`/`target` when absent. */
  percentage?: number | null;
  current?: number | null;
  target?: number | null;
  isCompleted?: boolean | null;
}

/** A streak; the flame shows while `current > 0` and `state` is not `broken`/`lost`/`expired`/`inactive`/`none`. */
export interface CardStreak {
  current: number;
  state?: string | null;
  period?: "day" | "week" | "month" | null;
}

/** What `readImpactProfile` returns, plus an optional `displayName` and `streak`. */
export interface CardProfile {
  /** Required (a `null` is `missing_field`). */
  totalCo2Saved: number | null;
  /** Default `kg`; `kg`, `g` and `t` get tree and distance equivalents. */
  co2Unit?: string | null;
  totalOrders?: number | null;
  badges?: CardBadge[] | null;
  milestones?: CardMilestone[] | null;
  /** Not drawn (accepted so that `readImpactProfile`'s output fits as is). */
  completedMilestones?: ImpactProfile["completedMilestones"] | null;
  ranking?: { position?: number | null; percentile?: number | null; description?: string | null } | null;
  displayName?: string | null;
  streak?: CardStreak | null;
}

export interface CardOptions {
  brandName?: string | null;
  brandColor?: CssColor | null;
  /** Most badges drawn (default og/square 4, story 8); the rest show as "+N more". */
  maxBadges?: number | null;
  /** For `size: "badge"`: which badge (default: the last one). */
  badgeId?: string | number | null;
  /** Timezone of badge dates (default UTC). */
  timezone?: TimeZoneName | null;
}

export interface ImpactCardInput {
  profile: CardProfile;
  size?: CardSize | null;
  theme?: CardTheme | null;
  /** BCP 47 tag; `en`, `de`, `fr`, `es`, `ar` (right to left), `ja`; other languages use English. */
  locale?: string | null;
  options?: CardOptions | null;
  /** For `size: "badge"` only: an Open Badges 3.0 credential baked into the SVG as the specification says
   * (`<openbadges:credential>` in the namespace `https://purl.imsglobal.org/ob/v3p0`): the credential object
   * (embedded proof, baked as JSON in CDATA) or its compact JWS (VC-JWT, baked in `verify`); at most 65,536
   * bytes as baked. Not accepted by `impactCardPng` (`unsupported`). */
  credential?: OpenBadgeCredential | string | null;
}

/** An Open Badges 3.0 credential as JSON (an `OpenBadgeCredential` / `AchievementCredential`, usually with a
 * `proof`); impactkit checks only `type` and carries the rest as it is. */
export interface OpenBadgeCredential {
  /** Names `"OpenBadgeCredential"` or `"AchievementCredential"`. */
  type: string | string[];
  [key: string]: unknown;
}

/** `readBakedCredential`'s input: the SVG text of a baked badge (any baker's). */
export interface ReadBakedCredentialInput {
  svg: string;
}

/** The credential baked into an SVG: the JSON object (embedded proof) or the compact JWS (`verify`). */
export type BakedCredential =
  | { credential: OpenBadgeCredential; jws?: never }
  | { jws: string; credential?: never };

export interface ImpactCardPngInput extends ImpactCardInput {
  /** Pixel scale, 0.25–4 (default 1: 1200×630 for `og`). */
  scale?: number | null;
}
