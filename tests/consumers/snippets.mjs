// The README's "Install and use" snippets, as files of consumer projects. A code block whose first
// line is `// file: a/x.js b/y.js` (or `<!-- file: a/index.html -->`, `# file: …`) is written to each
// path named there, without that first line; a block whose first line is `# run: a` lists the
// shell commands that project runs (one per line, run in the project's folder).

const FENCE = /^```[a-z]*\n([\s\S]*?)^```$/gm;
const MARKER = /^(?:\/\/|<!--|#) (file|run): ([^>]*?)(?: -->)?$/;

/**
 * Reads `readme` into `{files: Map<"project/path", text>, runs: Map<project, string[]>}`.
 * @param {string} readme
 */
export function readSnippets(readme) {
  const files = new Map();
  const runs = new Map();
  for (const [, body] of readme.matchAll(FENCE)) {
    const [first, ...rest] = body.split("\n");
    const marker = MARKER.exec(first.trim());
    if (!marker) continue;
    const [, kind, targets] = marker;
    for (const target of targets.trim().split(/\s+/)) {
      if (kind === "file") files.set(target, rest.join("\n"));
      else runs.set(target, rest.map((l) => l.trim()).filter((l) => l && !l.startsWith("#")));
    }
  }
  return { files, runs };
}

/** The files of one project: `[[relative path, text], …]`. */
export function projectFiles(snippets, project) {
  const prefix = `${project}/`;
  return [...snippets.files].filter(([path]) => path.startsWith(prefix)).map(([path, text]) => [path.slice(prefix.length), text]);
}
