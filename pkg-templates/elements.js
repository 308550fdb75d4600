// impactkit drop-in widgets: <impact-milestones>, <impact-badges>, <impact-streak>, <impact-card>.
// One script tag on a storefront:
//   <script type="module" src="/impactkit/elements.js"></script>
//   <impact-milestones endpoint="/graphql" customer="cust_123" locale="en" theme="auto"></impact-milestones>
// Plain ES module next to the package's capability modules; no dependencies. Each widget shows its
// box at once (sized before data arrives) and, once on screen, loads only the impactkit module it
// needs (progress.js first, then badges.js / streaks.js / cards.js) while its data downloads. User
// data is only ever rendered with textContent / attributes, never parsed as HTML. Functions that a
// build of impactkit may lack are feature-detected: the widget shows a "not available in this
// build" note instead of failing. Sources: pkg-templates/elements/ (bundled into this file by
// `make pkg`): data.js (fetching, offline cache, GraphQL), format.js, dom.js, styles.js, modules.js
// (the module loader), base.js (the widgets' base class) and one file per widget.
export { clearMemo, fetchJson, fetchProfile, fillUrl, graphqlGet } from "./elements/data.js";
export { h, progressBar } from "./elements/dom.js";
export {
  BADGES, badgeIcon, badgeName, browserTimeZone, fmtDate, fmtDuration, fmtNumber, fmtPercent, fmtPercentWords,
  isRtl, localDate, nowIso, phrases,
} from "./elements/format.js";
export { has, impactkit, load, ready } from "./elements/modules.js";
export { BASE_CSS, contrastRatio, parseColor } from "./elements/styles.js";
import "./elements/impact-milestones.js";
import "./elements/impact-badges.js";
import "./elements/impact-streak.js";
import "./elements/impact-card.js";
