// The README's usage example compiles against the package's public types, as a user's program would.
import * as path from "node:path";
import * as ts from "typescript";
import { EXAMPLE_PRELUDE, PACKAGE_NAME, readmeUsageExample } from "./readmeExample";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE_FILE = path.join(ROOT, "readme-usage-example.ts");

/** Type errors of `source` compiled as a module of its own, with the package name mapped to its entry point. */
function typeErrors(source: string): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
    baseUrl: ROOT,
    paths: { [PACKAGE_NAME]: ["provider/index.ts"] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => f === EXAMPLE_FILE || fileExists(f);
  host.readFile = (f) => (f === EXAMPLE_FILE ? source : readFile(f));
  host.getSourceFile = (f, v, onError, create) =>
    f === EXAMPLE_FILE ? ts.createSourceFile(f, source, v) : getSourceFile(f, v, onError, create);
  const program = ts.createProgram([EXAMPLE_FILE], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? path.relative(ROOT, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    );
}

describe("the README usage example", () => {
  const example = readmeUsageExample();

  it("imports the package by its name", () => {
    expect(example).toContain(`from "${PACKAGE_NAME}"`);
  });

  it("compiles against the package's types", () => {
    expect(typeErrors(EXAMPLE_PRELUDE + example)).toEqual([]);
  }, 60_000);

  it("would not compile with a misspelled argument (the check can fail)", () => {
    const misspelled = example.replace("galleryImageVersionName:", "galleryImageVersionNam:");
    expect(misspelled).not.toBe(example);
    expect(typeErrors(EXAMPLE_PRELUDE + misspelled).join("\n")).toMatch(/galleryImageVersionNam/);
  }, 60_000);
});
