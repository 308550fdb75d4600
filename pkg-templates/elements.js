// impactkit drop-in widgets: <impact-milestones>, <impact-badges>, <impact-streak>, <impact-card>,
// <impact-points>.
// One script tag on a storefront:
//   <script type="module" src="/impactkit/elements.js"></script>
//   <impact-milestones endpoint="/graphql" customer="cust_123" locale="en" theme="auto"></impact-milestones>
// Plain ES module next to the package's capability modules; no dependencies. This file is the small
// part a page loads up front (elements/shell.js): it defines the four tags, shows each widget's box at
// once (sized before data arrives) and, once a widget is on screen, imports its rendering code
// (pkg/elements/<tag>.js and the code the widgets share) and loads only the impactkit module it needs
// (progress.js first, then badges.js / streaks.js / cards.js) while its data downloads. User data is
// only ever rendered with textContent / attributes, never parsed as HTML. Functions that a build of
// impactkit may lack are feature-detected: the widget shows a "not available in this build" note
// instead of failing. Sources: pkg-templates/elements/: shell.js (the light base class and the tags),
// api.js (load, fetchJson, … importing runtime.js on first use), format.js, dom.js, styles.js; in the
// chunks: data.js (fetching, offline cache, GraphQL), modules.js (the module loader), base.js (the
// rendering half of the widgets) and one file per widget.
export { clearMemo, fetchJson, fetchProfile, graphqlGet, has, impactkit, load, ready } from "./elements/api.js";
export { h, progressBar } from "./elements/dom.js";
export {
  BADGES, badgeIcon, badgeName, browserTimeZone, fillUrl, fmtDate, fmtDuration, fmtNumber, fmtPercent, fmtPercentWords,
  isRtl, localDate, nowIso, phrases,
} from "./elements/format.js";
export { BASE_CSS, contrastRatio, parseColor } from "./elements/styles.js";
import "./elements/shell.js";
