// Part of `npm run build`, after tsc: replaces the compiled copies of the modules through which the
// provider imports its largest dependencies with one file each, holding the dependency's code:
// - provider/azure/computeSdk.ts and authorizationSdk.ts, the Azure SDK's management clients, the
//   compute client holding only the gallery operation groups instead of every compute group (for
//   compute the SDK's ESM build, so that what the gallery groups do not use is left out);
// - provider/model/zod.ts, zod.
// Node then reads one file instead of a few hundred: a provider process reaches its first request
// about 170 ms sooner for the SDK, and loads zod in about 35 ms instead of 80. The code is the
// packages' own, unchanged.
//
// The embedded emulator's thread entry (emulator/threadMain.ts) is bundled the same way, with the
// emulator's own modules: a worker thread shares no loaded module with the provider's thread, so it
// read some 60 files at every start (ready in 81 ms, 69 ms bundled: medians of 15 alternating starts).
// The emulator's other entries (the `compute-gallery emulator` command, the package's export) stay
// as tsc wrote them.
import * as esbuild from "esbuild";
import * as fs from "fs";
import * as path from "path";
import { GALLERY_OPERATION_GROUPS } from "../provider/azure/computeSdk";

const root = path.resolve(__dirname, "..");
/**
 * The modules bundled, by their path from the repository's root (the same under dist/), with the
 * packages each leaves to Node: better-sqlite3 loads a native addon from its own folder, and
 * selfsigned is loaded only when a state folder has no certificate yet.
 */
const BUNDLED_MODULES: { module: string; external?: string[] }[] = [
  { module: "provider/azure/computeSdk" },
  { module: "provider/azure/authorizationSdk" },
  { module: "provider/model/zod" },
  { module: "emulator/threadMain", external: ["better-sqlite3", "selfsigned"] },
];

/** Where the operation-group factories of @azure/arm-compute's ESM build are. */
const computeEsm = path.join(path.dirname(require.resolve("@azure/arm-compute")), "..", "esm");

const factoryOf = (group: string) => `_get${group[0]!.toUpperCase()}${group.slice(1)}Operations`;

/**
 * @azure/arm-compute's ComputeManagementClient, built as its constructor builds it (the same
 * context, user agent and pipeline) but with the gallery operation groups only: the package's own
 * class references every group, so nothing of it could be left out.
 */
function galleryOnlyComputeClient(): string {
  const imports = GALLERY_OPERATION_GROUPS.map(
    (group) =>
      `import { ${factoryOf(group)} } from ${JSON.stringify(path.join(computeEsm, "classic", group, "index.js"))};`,
  );
  const groups = GALLERY_OPERATION_GROUPS.map(
    (group) => `    this.${group} = ${factoryOf(group)}(this._client);`,
  );
  return [
    `import { createComputeManagement } from ${JSON.stringify(path.join(computeEsm, "api", "computeManagementContext.js"))};`,
    ...imports,
    "export class ComputeManagementClient {",
    "  constructor(credential, subscriptionId, options = {}) {",
    "    const prefix = options.userAgentOptions?.userAgentPrefix;",
    "    this._client = createComputeManagement(credential, subscriptionId, {",
    "      ...options,",
    "      userAgentOptions: { userAgentPrefix: prefix ? `${prefix} azsdk-js-client` : 'azsdk-js-client' },",
    "    });",
    "    this.pipeline = this._client.pipeline;",
    ...groups,
    "  }",
    "}",
  ].join("\n");
}

const galleryOnly: esbuild.Plugin = {
  name: "gallery-only-compute-client",
  setup(build) {
    build.onResolve({ filter: /^@azure\/arm-compute$/ }, () => ({
      path: "compute",
      namespace: "gallery-only",
    }));
    build.onLoad({ filter: /.*/, namespace: "gallery-only" }, () => ({
      contents: galleryOnlyComputeClient(),
      resolveDir: computeEsm,
      loader: "js",
    }));
  },
};

/** The packages the bundle holds, with version and license, for the notice at its top. */
function bundledPackages(metafile: esbuild.Metafile): string[] {
  const folders = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    // The innermost node_modules: a package may bring its own copy of another.
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) folders.add(match[1]!);
  }
  const lines = [...folders].map((folder) => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(root, folder, "package.json"), "utf8"));
    return `${manifest.name} ${manifest.version} (${manifest.license})`;
  });
  return [...new Set(lines)].sort();
}

async function bundle({ module, external = [] }: (typeof BUNDLED_MODULES)[number]): Promise<void> {
  const entry = path.join(root, `${module}.ts`);
  const output = path.join(root, "dist", `${module}.js`);
  const result = await esbuild.build({
    entryPoints: [entry],
    // The metafile's paths are relative to this folder; bundledPackages reads them from the root.
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    write: false,
    metafile: true,
    external,
    plugins: [galleryOnly],
    logLevel: "warning",
  });
  const packages = bundledPackages(result.metafile);
  const notice = [
    ...(packages.length === 0
      ? [`// Built by scripts/bundle-dependencies.ts from ${module}.ts and the modules it imports.`]
      : [
          `// Built by scripts/bundle-dependencies.ts from ${module}.ts and these packages, each under`,
          "// its own license (installed with this package, which depends on them):",
          ...packages.map((line) => `//   ${line}`),
        ]),
    "",
  ].join("\n");
  fs.writeFileSync(output, notice + result.outputFiles[0]!.text);
  // tsc's source map describes the module this file replaces.
  fs.rmSync(`${output}.map`, { force: true });
}

Promise.all(BUNDLED_MODULES.map(bundle)).catch((error) => {
  console.error(error);
  process.exit(1);
});
