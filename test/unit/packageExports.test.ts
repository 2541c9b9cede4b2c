// The dynamic providers are stored in state as `require("<package>/dynamic/<kind>")`
// (provider/dynamic/forwarding.ts): each kind needs a module of its own in provider/dynamic/ and an
// entry in package.json's `exports`, and none of them is derived from another. A kind added to the model
// without its module or its export would serialize by value, or not load from an installed package.
import * as fs from "node:fs";
import * as path from "node:path";
import { RESOURCE_KINDS } from "../../provider/model/mutability";
import { PACKAGE } from "../packageJson";

const ROOT = path.resolve(__dirname, "..", "..");
const DYNAMIC = path.join(ROOT, "provider", "dynamic");

test("package.json exports one dynamic provider module per resource kind, built from its source", () => {
  const exported = Object.entries(PACKAGE.exports).filter(([entry]) => entry.startsWith("./dynamic/"));
  expect(Object.fromEntries(exported)).toEqual(
    Object.fromEntries(
      RESOURCE_KINDS.map((kind) => [`./dynamic/${kind}`, `./dist/provider/dynamic/${kind}.js`]),
    ),
  );
});

test("provider/dynamic/ holds a module per resource kind and the forwarding they share, nothing else", () => {
  const modules = fs.readdirSync(DYNAMIC).filter((file) => file.endsWith(".ts"));
  expect(modules.sort()).toEqual([...RESOURCE_KINDS.map((kind) => `${kind}.ts`), "forwarding.ts"].sort());
});

test.each(RESOURCE_KINDS)("dynamic/%s forwards to its own kind", (kind) => {
  const source = fs.readFileSync(path.join(DYNAMIC, `${kind}.ts`), "utf8");
  expect(source).toContain(`export = forwardingProvider("${kind}");`);
});
