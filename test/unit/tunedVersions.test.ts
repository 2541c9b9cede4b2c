// provider/tuning.ts says, for each assumption about @pulumi/pulumi, at which versions it holds: the
// two the suites run on (scripts/test.sh: the project's copy, and the lowest the peer range allows,
// which scripts/ensure-pulumi-sdk.sh installs). Moving the dev pin or the peer range without checking
// the assumptions again would leave the header vouching for versions nothing runs.
import * as fs from "node:fs";
import * as path from "node:path";
import { supportedPulumi } from "../packageJson";

const ROOT = path.resolve(__dirname, "..", "..");

test("the @pulumi/pulumi versions tuning.ts names are the peer range's lowest and the dev pin", () => {
  const header = fs.readFileSync(path.join(ROOT, "provider", "tuning.ts"), "utf8");
  // The one other package whose version it quotes: the core-lro message it parses.
  const pulumiOnly = header.replace(/core-lro \d+\.\d+\.\d+/g, "");
  const named = new Set(pulumiOnly.match(/\b\d+\.\d+\.\d+\b/g));
  const { oldest, newest } = supportedPulumi();
  expect([...named].sort()).toEqual([oldest, newest].sort());
});
