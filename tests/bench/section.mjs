// Writes one benchmark's section into BENCHMARKS.md: in place of an earlier section with the same title, or at the end.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const FILE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "BENCHMARKS.md");

/** Puts `text` (which starts with `## title`) into BENCHMARKS.md in place of the section titled `title`. */
export async function writeSection(title, text) {
  const md = await readFile(FILE, "utf8").catch(() => "# Benchmarks\n");
  const at = md.indexOf(`\n## ${title}\n`);
  const next = at < 0 ? -1 : md.indexOf("\n## ", at + 1);
  const kept = at < 0 ? md.trimEnd() + "\n" : md.slice(0, at + 1) + (next < 0 ? "" : md.slice(next + 1) + "\n");
  await writeFile(FILE, `${kept.trimEnd()}\n\n${text}`);
}
