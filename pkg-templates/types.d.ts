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

/** A milestone on a card; `readImpactProfile`'s `ProfileMilestone` fits. The first one not completed is shown. */
export interface CardMilestone {
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
}

export interface ImpactCardPngInput extends ImpactCardInput {
  /** Pixel scale, 0.25–4 (default 1: 1200×630 for `og`). */
  scale?: number | null;
}
