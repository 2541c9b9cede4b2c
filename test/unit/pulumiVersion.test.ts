// The load-time check of the program's @pulumi/pulumi against the peer range. Versions and the range
// form are npm's (semver comparators); expectations are written from semver, not from the code.
import * as fs from "fs";
import * as path from "path";
import { assertSupportedPulumi, satisfies } from "../../provider/pulumiVersion";

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));

describe("satisfies", () => {
  test.each([
    ["3.248.0", ">=3.248.0 <4", true],
    ["3.276.0", ">=3.248.0 <4", true],
    ["3.999.12", ">=3.248.0 <4", true],
    ["3.247.9", ">=3.248.0 <4", false],
    ["4.0.0", ">=3.248.0 <4", false],
    ["2.9.0", ">=3.248.0 <4", false],
    ["3.248.0", ">3.248.0", false],
    ["3.248.1", ">3.248.0", true],
    ["3.248.0", "<=3.248.0", true],
    ["3.248.0", "3.248.0", true],
  ])("%s in %s: %s", (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });
});

test("the package's peer range is in the form the check reads, and admits the version it is developed on", () => {
  const range = manifest.peerDependencies["@pulumi/pulumi"];
  expect(satisfies(manifest.devDependencies["@pulumi/pulumi"], range)).toBe(true);
});

test("an unsupported @pulumi/pulumi fails at load, naming both versions and where the copy is", () => {
  const found = { version: "3.100.0", where: "/project/node_modules/@pulumi/pulumi" };
  expect(() => assertSupportedPulumi(found, manifest)).toThrow(
    `pulumi-azure-compute-gallery ${manifest.version} supports @pulumi/pulumi ${manifest.peerDependencies["@pulumi/pulumi"]}, but this program loads @pulumi/pulumi 3.100.0 (/project/node_modules/@pulumi/pulumi)`,
  );
  expect(() => assertSupportedPulumi({ ...found, version: "4.0.0" }, manifest)).toThrow(
    "loads @pulumi/pulumi 4.0.0",
  );
});

test("the @pulumi/pulumi this repository installs passes the check", () => {
  expect(() => assertSupportedPulumi()).not.toThrow();
});
