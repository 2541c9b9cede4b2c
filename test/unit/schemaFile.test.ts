// The plugin's schema as GetSchema serves it: the file the build wrote when it is of the running
// version, else made from the model (run from source, or a build left by another version).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packageSchema } from "../../provider/plugin/packageSchema";
import { SCHEMA_FILE, schemaText } from "../../provider/plugin/schemaFile";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "schema-file-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A built file that is not what the model makes, so that serving it can be told apart from making it. */
const builtFile = (version: string) =>
  fs.writeFileSync(path.join(dir, SCHEMA_FILE), JSON.stringify({ name: "built", version }));

test("the built file of the running version is served as it is", () => {
  builtFile("1.2.3");
  expect(JSON.parse(schemaText("1.2.3", dir))).toEqual({ name: "built", version: "1.2.3" });
});

test("a built file of another version is not served: the schema is made for the running one", () => {
  builtFile("1.2.2");
  expect(JSON.parse(schemaText("1.2.3", dir))).toEqual(packageSchema("1.2.3"));
});

test("without a built file the schema is made from the model", () => {
  expect(JSON.parse(schemaText("1.2.3", dir))).toEqual(packageSchema("1.2.3"));
});
