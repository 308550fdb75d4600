// Types for impactkit/elements.js: the drop-in custom elements and the helpers they are built from.
import type { BadgePreview, CartOrder, PointsProgress } from "./impactkit.js";

/** The full impactkit module's namespace once `ready` has resolved (undefined before). */
export let impactkit: typeof import("./impactkit.js") | undefined;

/**
 * Resolves to the full impactkit module (every function, on the page) once its wasm is instantiated.
 * Loaded on first use only: the widgets themselves load just the capability module they need.
 */
export const ready: Promise<typeof import("./impactkit.js")>;

/** impactkit's capability modules (`impactkit/progress`, …) and the full module. */
export type ModuleName = "progress" | "profile" | "badges" | "streaks" | "cards" | "sessions" | "impactkit";
/** A module's functions as the widgets call them: in the widgets' worker, so each answers a promise. */
export type RemoteModule = {
  [K in keyof typeof import("./impactkit.js") as (typeof import("./impactkit.js"))[K] extends (...args: any[]) => any ? K : never]?:
    (typeof import("./impactkit.js"))[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};
/**
 * Loads module `name` once per page (the progress module before the others) and resolves to its
 * functions. They run in the widgets' worker (on the page where workers are unavailable, or with
 * `onPage: true`); `await` their results.
 * @example
 * const { readImpactProfile } = await load("profile");
 * const profile = await readImpactProfile!(graphqlResponse);
 */
export function load(name: ModuleName, options?: { onPage?: boolean }): Promise<RemoteModule>;
/** Whether a module loaded so far (see `load`) has the function `name`; false before its module loads. */
export function has(name: string): boolean;

/** What `fetchJson` resolves to: the JSON, and when it was cached (`null` for a live answer). */
export interface FetchedJson<T = unknown> {
  /** The parsed answer (a large one is parsed on first use). */
  data: T;
  /** The answer's text as received. */
  text: string;
  /** ISO time the cached copy was fetched, or `null` when the answer is live. */
  cachedAt: string | null;
}
/** Forget memoised responses (e.g. on a "refresh" button). */
export function clearMemo(): void;
/**
 * GET `url` as JSON with an offline fallback to the last copy (Cache API); memoised per page.
 * @example
 * const { data, cachedAt } = await fetchJson("/api/demo/customers/cust_123/orders");
 */
export function fetchJson<T = unknown>(url: string, options?: { headers?: Record<string, string> }): Promise<FetchedJson<T>>;
/** A GraphQL query sent as GET (cacheable), with optional variables. */
export function graphqlGet<T = unknown>(
  endpoint: string, query: string, variables?: Record<string, unknown>, options?: { viewer?: string },
): Promise<FetchedJson<T>>;
/** The seed 000 profile and milestones of `customer`, as the raw GraphQL response. */
export function fetchProfile(endpoint: string, customer: string): Promise<FetchedJson<{ data?: unknown; errors?: unknown[] }>>;
/** Expands `{customer}` in a URL template. */
export function fillUrl(template: string, customer: string): string;

/** The current instant as ISO text. */
export function nowIso(): string;
/** The browser's IANA timezone (or "UTC"). */
export function browserTimeZone(): string;
/** A number in `locale`, with at most `max` fraction digits (default 1). */
export function fmtNumber(locale: string, n: number, max?: number): string;
/** An impactkit percentage (0–100) in `locale`, truncated, never rounded up. */
export function fmtPercent(locale: string, percentage: number): string;
/** A percentage in words for screen readers ("49.7 percent", "49,7 Prozent"), truncated like fmtPercent. */
export function fmtPercentWords(locale: string, percentage: number): string;
/** The phrases the widgets give assistive technology, for `locale` (en, de, fr, es, ar, ja; else English). */
export interface Phrases {
  toGo(amount: string): string;
  done: string;
  visits(count: number, formatted: string): string;
  upcoming: string;
  of(a: string, b: string): string;
}
export function phrases(locale: string): Phrases;
/** Whether `locale` is written right to left. */
export function isRtl(locale: string): boolean;
/** A date ("YYYY-MM-DD") or instant in `locale` and `timeZone`. */
export function fmtDate(locale: string, iso: string | null | undefined, timeZone: string, withTime?: boolean): string;
/** A duration in seconds as "2d 3h", "3h 5m" or "5m" in `locale`. */
export function fmtDuration(locale: string, seconds: number): string;
/** The local calendar date "YYYY-MM-DD" of an instant in `timeZone`. */
export function localDate(date: Date | number, timeZone: string): string;

/** Display data of the seed catalogue's badges, by id. */
export const BADGES: Record<string, { name: string; icon: string }>;
/** A badge's display name. */
export function badgeName(id: string, fallback?: string | null): string;
/** A badge's icon (emoji). */
export function badgeIcon(id: string, icon?: string | null): string;

/** [r, g, b, alpha] of a computed CSS colour ("rgb(…)", "rgba(…)", "color(srgb …)"), or null. */
export function parseColor(text: string): [number, number, number, number] | null;
/** The WCAG contrast ratio of two opaque [r, g, b] colours. */
export function contrastRatio(a: readonly number[], b: readonly number[]): number;
/** A colour pair of a widget theme that misses WCAG AA (text 4.5:1, bars 3:1). */
export interface ContrastWarning {
  foreground: string;
  background: string;
  ratio: number;
  required: number;
}

/** An element from a tag, properties (`text` is set as textContent, `on…` as listeners) and children. */
export function h(tag: string, props?: Record<string, unknown>, ...children: unknown[]): HTMLElement;
/** An ARIA progressbar with a visible fill. */
export function progressBar(label: string, percentage: number, valueText: string, options?: { state?: string }): HTMLElement;
/** The CSS every widget starts from (themes via `--impact-*` custom properties). */
export const BASE_CSS: string;

/**
 * What every impactkit element has: attributes `endpoint`, `customer`, `locale`, `theme`, `timezone`.
 * `data-state` is `idle` (its box reserved, waiting to come on screen), then `loading`, `ready`,
 * `unavailable`, `empty` (no customer) or `error`.
 */
export interface ImpactElement extends HTMLElement {
  readonly endpoint: string;
  readonly customer: string;
  readonly locale: string;
  readonly timezone: string;
  /** Re-render (debounced to one run per task); resolves when rendered (for a widget off screen: once it is on screen). */
  refresh(): Promise<void>;
  /** Resolves when the current render is done. */
  rendered?: Promise<void>;
  /** Colour pairs of the theme in use that miss WCAG AA (also in `data-contrast-warning`). */
  contrastWarnings?: ContrastWarning[];
  /** Checks the theme's colours; fires `impactkit:contrast-warning` when a pair fails. */
  checkContrast(): void;
  /** Announces `text` once in the widget's polite live region. */
  announce(text: string): void;
}
/** `<impact-milestones>`: milestone progress bars (seed 000). */
export interface ImpactMilestonesElement extends ImpactElement {}
/** `<impact-badges>`: earned and locked badges with hints; what-if previews for a cart. */
export interface ImpactBadgesElement extends ImpactElement {
  /** badgePreview for this customer, optionally with a hypothetical cart order. */
  preview(cart?: CartOrder): Promise<BadgePreview | null>;
  /** Marks these badge ids as "unlocks with this cart". */
  highlight(ids: string[]): void;
}
/** `<impact-streak>`: streak summary and calendar. */
export interface ImpactStreakElement extends ImpactElement {}
/**
 * `<impact-points>`: a points balance (Gameball's balance response through `balance-endpoint`, a URL
 * template with `{customer}`), its value, the expiry countdown and the redeem nudge. Attributes
 * `factor` (redemptionRewardFactor), `reward-threshold`, `reward-points`, `cart`.
 */
export interface ImpactPointsElement extends ImpactElement {
  /** The last pointsProgress result drawn. */
  lastProgress?: PointsProgress;
}
/** `<impact-card>`: the share card, with SVG / PNG downloads. */
export interface ImpactCardElement extends ImpactElement {
  /** The card as SVG text. */
  svg(): Promise<string>;
  /** The card as a PNG Blob. */
  png(): Promise<Blob>;
}

declare global {
  interface HTMLElementTagNameMap {
    "impact-milestones": ImpactMilestonesElement;
    "impact-badges": ImpactBadgesElement;
    "impact-streak": ImpactStreakElement;
    "impact-card": ImpactCardElement;
    "impact-points": ImpactPointsElement;
  }
}
