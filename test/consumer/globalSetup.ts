// Packs the built package once per run, into a folder outside the repository, for every consumer
// project of the run to `npm install` (test/consumer/harness.ts `tarball()`). Jest starts its workers
// after this, so they inherit CONSUMER_TARBALL.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

export default function packOnce(): void {
  if (!fs.existsSync(path.join(ROOT, "dist/provider/index.js")))
    throw new Error(
      "dist/ is missing: run `npm run build` before the consumer suite (npm run test:consumer does)",
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-consumer-pack-"));
  const start = performance.now();
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dir], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const filename = (JSON.parse(out) as { filename: string }[])[0]?.filename;
  if (!filename) throw new Error(`npm pack printed no file name:\n${out}`);
  const file = path.join(dir, filename);
  if (!fs.existsSync(file)) throw new Error(`npm pack did not write ${file}`);
  process.env.CONSUMER_TARBALL = file;
  process.env.CONSUMER_PACK_DIR = dir;
  process.stderr.write(
    `[consumer] packed ${filename} in ${((performance.now() - start) / 1000).toFixed(1)} s\n`,
  );
}
