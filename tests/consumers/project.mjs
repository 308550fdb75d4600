// Consumer projects as users make them, shared by tests/consumers/run.mjs and the benchmarks: the
// packed tarball of pkg/, and projects made of the documentation's snippets (tests/consumers/snippets.mjs)
// with the tarball installed by `npm i`. Bundlers and tsc come from the repo's node_modules (lockfile-pinned).
import { spawnSync } from "node:child_process";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectFiles, readSnippets } from "./snippets.mjs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Runs one shell line in `cwd` with the repo's tools on PATH; returns stdout, throws with output on failure. */
export function sh(line, cwd, env = {}) {
  const r = spawnSync("bash", ["-c", line], {
    cwd, encoding: "utf8", timeout: 240_000,
    env: { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH}`, npm_config_update_notifier: "false", ...env },
  });
  if (r.status !== 0) throw new Error(`\`${line}\` exited ${r.status ?? r.signal}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** The snippets of README.md and docs/*.md (a project's files may come from any of them). */
export async function docSnippets() {
  const docs = (await readdir(join(root, "docs"))).filter((f) => f.endsWith(".md")).sort().map((f) => join("docs", f));
  return readSnippets((await Promise.all(["README.md", ...docs].map((f) => readFile(join(root, f), "utf8")))).join("\n"));
}

/** `npm pack pkg` into `work`; resolves to the tarball's path. */
export function packTarball(work) {
  const out = sh(`npm pack ${JSON.stringify(join(root, "pkg"))} --pack-destination ${JSON.stringify(work)} --silent`, root);
  return join(work, out.trim().split("\n").pop());
}

/** Writes a project's snippet files, installs the tarball and runs its snippet commands (`npm i …` lines install the tarball). */
export async function makeProject(work, snippets, project, tarball) {
  const dir = join(work, project);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: `consumer-${project}`, private: true, type: "module" }, null, 2));
  const files = projectFiles(snippets, project);
  if (files.length === 0) throw new Error(`the docs have no snippet for ${project}`);
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  sh(`npm i --no-audit --no-fund --no-package-lock ${JSON.stringify(tarball)}`, dir);
  let out = "";
  for (const line of snippets.runs.get(project) ?? []) if (!/^npm (i|install)\b/.test(line)) out += sh(line, dir);
  return { dir, out };
}
