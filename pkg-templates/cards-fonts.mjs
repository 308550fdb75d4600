// The fonts a card PNG needs, found once per impactkit-cards worker instead of once per card.
//
// resvg-js builds a new font database for every `new Resvg(...)`: with `loadSystemFonts` that means
// reading and parsing every system font file (tens of MB) for each card — a third of a card's CPU time
// and most of its memory traffic. A card names one font stack (`font-family` on its root), and resvg
// draws its text with the first family of that stack that is installed; other fonts only serve as
// per-glyph fallback. So: scan the system font directories once, keep the faces of that first
// installed family, and hand resvg just those files when they have a glyph for every character of
// the card. Otherwise (a stack with no installed family, or a character the family lacks: CJK,
// emoji…) the card renders with all system fonts, exactly as before. Either way the pixels are the
// ones resvg draws with all system fonts.
import { readFileSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** resvg's font options for all system fonts (the slow path, and the reference). */
export const SYSTEM_FONTS = Object.freeze({ loadSystemFonts: true });

/** The directories fontdb reads system fonts from (fontdb's defaults per OS). */
function fontDirs() {
  const home = homedir();
  if (process.platform === "win32") {
    return [join(process.env.SystemRoot ?? "C:\\Windows", "Fonts"), join(process.env.LOCALAPPDATA ?? home, "Microsoft", "Windows", "Fonts")];
  }
  if (process.platform === "darwin") {
    return ["/Library/Fonts", "/System/Library/Fonts", "/System/Library/AssetsV2", "/Network/Library/Fonts", join(home, "Library/Fonts")];
  }
  return ["/usr/share/fonts", "/usr/local/share/fonts", join(home, ".fonts"), join(home, ".local/share/fonts")];
}

/** Font files under `dir`, recursively (unreadable directories are skipped). */
function fontFiles(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) fontFiles(path, out);
    else if (/\.(ttf|otf|ttc|otc)$/i.test(e.name)) out.push(path);
  }
  return out;
}

// ---- the few OpenType tables we read: the table directory, `name` (families) and `cmap` ----------

/** `{tag: offset}` of the face at `at` in `buf`. */
function tableDir(buf, at) {
  const tables = {};
  for (let i = 0, n = buf.readUInt16BE(at + 4); i < n; i += 1) {
    const rec = at + 12 + 16 * i;
    tables[buf.toString("latin1", rec, rec + 4)] = buf.readUInt32BE(rec + 8);
  }
  return tables;
}

/** Family names (name IDs 1 and 16, any language), lower case. */
function familiesOf(buf, at) {
  const names = new Set();
  const count = buf.readUInt16BE(at + 2);
  const strings = at + buf.readUInt16BE(at + 4);
  for (let i = 0; i < count; i += 1) {
    const [platform, , , id, length, offset] = Array.from({ length: 6 }, (_, k) => buf.readUInt16BE(at + 6 + 12 * i + 2 * k));
    if (id !== 1 && id !== 16) continue;
    const raw = buf.subarray(strings + offset, strings + offset + length);
    names.add((platform === 1 ? raw.toString("latin1") : Buffer.from(raw).swap16().toString("utf16le")).toLowerCase());
  }
  return names;
}

/** `cp → has a glyph` from a Unicode cmap subtable of format 12 or 4 (null when there is none). */
function coverageOf(buf, at) {
  const unicode = Array.from({ length: buf.readUInt16BE(at + 2) }, (_, i) => at + 4 + 8 * i)
    .filter((rec) => buf.readUInt16BE(rec) === 0 || (buf.readUInt16BE(rec) === 3 && [1, 10].includes(buf.readUInt16BE(rec + 2))))
    .map((rec) => at + buf.readUInt32BE(rec + 4));
  const t12 = unicode.find((s) => buf.readUInt16BE(s) === 12);
  if (t12 != null) {
    const n = buf.readUInt32BE(t12 + 12);
    const groups = new Uint32Array(3 * n); // start, end, first glyph
    for (let i = 0; i < 3 * n; i += 1) groups[i] = buf.readUInt32BE(t12 + 16 + 4 * i);
    return (cp) => {
      for (let i = 0; i < groups.length; i += 3) if (cp >= groups[i] && cp <= groups[i + 1]) return groups[i + 2] + cp - groups[i] !== 0;
      return false;
    };
  }
  const t4 = unicode.find((s) => buf.readUInt16BE(s) === 4);
  return t4 == null ? null : format4(Buffer.from(buf.subarray(t4, t4 + buf.readUInt16BE(t4 + 2))));
}

/** Coverage of a format 4 subtable (`t4`: its bytes): segments of endCode, startCode, idDelta, idRangeOffset. */
function format4(t4) {
  const segs = t4.readUInt16BE(6) / 2;
  const field = (k, i) => 14 + (k === 0 ? 0 : 2) + 2 * segs * k + 2 * i;
  return (cp) => {
    for (let i = 0; i < segs; i += 1) {
      if (cp > t4.readUInt16BE(field(0, i))) continue;
      const start = t4.readUInt16BE(field(1, i));
      if (cp < start) return false;
      const delta = t4.readUInt16BE(field(2, i));
      const range = t4.readUInt16BE(field(3, i));
      if (range === 0) return ((cp + delta) & 0xffff) !== 0;
      const at = field(3, i) + range + 2 * (cp - start);
      const glyph = at + 2 <= t4.length ? t4.readUInt16BE(at) : 0;
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
    }
    return false;
  };
}

/** `cp → has a glyph` for the face at `at` in `file` (read again: only the few faces a card uses get here). */
function coverage(file, at) {
  try {
    const buf = readFileSync(file);
    const cmap = tableDir(buf, at).cmap;
    return (cmap != null && coverageOf(buf, cmap)) || (() => false);
  } catch {
    return () => false;
  }
}

/** The faces of one font file: `{file, at, families}` (a collection has several). */
function facesOf(file) {
  try {
    const buf = readFileSync(file);
    const starts = buf.toString("latin1", 0, 4) === "ttcf"
      ? Array.from({ length: buf.readUInt32BE(8) }, (_, i) => buf.readUInt32BE(12 + 4 * i))
      : [0];
    return starts.map((at) => {
      const name = tableDir(buf, at).name;
      return { file, at, families: name != null ? familiesOf(buf, name) : new Set() };
    });
  } catch {
    return []; // not a font we can read: resvg's own scan decides about it on the slow path
  }
}

// ---- per card ----------------------------------------------------------------------------------

/** The families of every `font-family` attribute in the SVG, or null when text could be styled otherwise. */
function stacksOf(svg) {
  if (/font-family\s*:|<style/i.test(svg)) return null;
  const decode = (s) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  const stacks = [...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => decode(m[1]).split(",").map((f) => f.trim().replace(/^['"]|['"]$/g, "")));
  return stacks.length ? stacks : null;
}

/** The characters resvg may draw: the text between tags with character references decoded. */
function textOf(svg) {
  const text = svg.replace(/<[^>]*>/g, "");
  const refs = [...text.matchAll(/&#(x?)([0-9a-f]+);/gi)].map((m) => String.fromCodePoint(parseInt(m[2], m[1] ? 16 : 10)));
  return new Set([...text.replace(/&[^;]*;/g, ""), ...refs].map((c) => c.codePointAt(0)).filter((cp) => cp > 0x20));
}

/**
 * A per-worker font chooser: `optionsFor(svg)` → resvg `font` options. Scans the system fonts on the
 * first call only; `stats` counts cards on each path.
 */
export function fontChooser() {
  let faces = null;
  const stats = { subset: 0, system: 0 };
  const covered = new Map(); // face → {covers, memo: Map(cp → bool)}
  const coversAll = (face, cps) => {
    if (!covered.has(face)) covered.set(face, { covers: coverage(face.file, face.at), memo: new Map() });
    const { covers, memo } = covered.get(face);
    for (const cp of cps) {
      if (!memo.has(cp)) memo.set(cp, covers(cp));
      if (!memo.get(cp)) return false;
    }
    return true;
  };
  const primary = (stack) => {
    for (const family of stack) {
      const own = faces.filter((f) => f.families.has(family.toLowerCase()));
      if (own.length) return own;
    }
    return null;
  };
  const optionsFor = (svg) => {
    faces ??= fontDirs().flatMap((dir) => fontFiles(dir)).flatMap(facesOf);
    const used = stacksOf(svg)?.map(primary);
    const cps = textOf(svg);
    if (!used || used.some((own) => !own || !own.every((face) => coversAll(face, cps)))) {
      stats.system += 1;
      return SYSTEM_FONTS;
    }
    stats.subset += 1;
    return { loadSystemFonts: false, fontFiles: [...new Set(used.flat().map((f) => f.file))] };
  };
  return { optionsFor, stats };
}
