/** An instant: RFC 3339 text ("2025-03-15T10:30:00Z"), naive local text read in `timezone`, or epoch milliseconds. */
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

/** The error thrown by every impactkit function. */
export interface ImpactkitError extends Error {
  /** Stable snake_case code, e.g. `missing_field`, `out_of_range`, `unknown_timezone`. */
  code: string;
  /** JSONPath of the offending field, e.g. `$.data.customerImpactProfile.milestones[0].target`. */
  path: string;
}

export interface MilestoneInput extends DisplayOptions {
  current: number;
  /** Required unless `levels` is given (then it defaults to the last level). */
  target?: number;
  /** Intermediate goals, e.g. [100, 250, 500, 1000]. */
  levels?: number[];
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
}

export interface Tier {
  name: string;
  minProgress: number;
  order?: number;
  icon?: string;
}

/** Either a tier list, or Gameball's tier-progress response as is. */
export type TierInput =
  | ({ tiers: Tier[]; progress: number } & DisplayOptions)
  | ({ current: Tier | null; next: Tier | null; progress: number } & DisplayOptions);

export interface TierProgress {
  current: Tier | null;
  next: Tier | null;
  percentage: number;
  remaining: number;
  progress: number;
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

export interface CampaignInput extends DisplayOptions {
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

export interface CampaignProgress {
  campaigns: Campaign[];
  /** The unlocked, not yet achieved campaign closest to completion. */
  nextUp: Campaign | null;
  achieved: number;
}

/** A seed 000 GraphQL response (`customerImpactProfile`, `customerMilestones`, or both). */
export interface GraphqlResponse extends DisplayOptions {
  data?: {
    customerImpactProfile?: {
      totalCo2Saved: number;
      totalOrders: number;
      badges?: { id: string; name: string; description?: string; icon?: string; earnedAt?: Instant; tier?: string }[];
      milestones?: { id?: string; name: string; target: number; current: number; percentage?: number; isCompleted?: boolean; unit?: string }[];
      ranking?: { position?: number; percentile?: number; description?: string } | null;
    } | null;
    customerMilestones?: {
      active?: { name: string; current: number; target: number; unit?: string; percentage?: number }[];
      completed?: { name: string; completedAt?: Instant }[];
    } | null;
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

export interface GameballInput extends DisplayOptions {
  balance?: GameballBalance;
  tierProgress?: { current: Tier | null; next: Tier | null; progress: number };
  campaigns?: GameballCampaign[];
  /** Timezone of naive dates like `2024-12-01T00:00:00` and of output instants (default UTC). */
  timezone?: TimeZoneName;
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
}
