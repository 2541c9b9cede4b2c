// A user's TypeScript program, copied into each consumer project (test/consumer/consumer.test.ts) and
// compiled there by the project's own tsc with the tsconfig of Pulumi's TypeScript template (strict,
// library declarations checked). It imports the installed package by name and builds every input
// from @pulumi/azure-native's Args types and compute enums: if our argument types stop accepting
// azure-native's shapes, this file does not compile.
//
// Run with the project's node, it drives the Pulumi CLI through the Automation API (inline program,
// LocalWorkspace, a file backend) against the embedded emulator and writes what the engine reported
// at each step to RESULT_FILE as JSON; the test asserts on that file.
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, type EngineEvent } from "@pulumi/pulumi/automation";
import type * as native from "@pulumi/azure-native/compute";
import type * as nativeInputs from "@pulumi/azure-native/types/input";
import * as nativeEnums from "@pulumi/azure-native/types/enums/compute";
import * as acg from "pulumi-azure-compute-gallery";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const RESULT_FILE = required("RESULT_FILE");
const BACKEND_URL = required("BACKEND_URL");
const SEED_FILE = required("SEED_FILE");
const SOURCE_ID = required("SOURCE_ID");

// azure-native falls back to the resource group's region; this provider asks for `location`.
type WithLocation<T> = T & { location: string };
// The two arguments this provider deliberately leaves out (test/unit/azureNativeCompat.test.ts).
type NativeImageArgs = WithLocation<Omit<native.GalleryImageArgs, "allowUpdateImage">>;
type NativeVersionArgs = WithLocation<Omit<native.GalleryImageVersionArgs, "restore">>;

const resourceGroupName = "rg-consumer";
const location = "westeurope";

/** What the program declares; each step of the run changes one field. */
interface Desired {
  galleryDescription: string;
  osType: nativeEnums.OperatingSystemTypes;
}

let desired: Desired = {
  galleryDescription: "Golden images",
  osType: nativeEnums.OperatingSystemTypes.Linux,
};

const program = async () => {
  const galleryArgs: WithLocation<native.GalleryArgs> = {
    resourceGroupName,
    galleryName: "consumerGallery",
    location,
    description: desired.galleryDescription,
    tags: { team: "platform" },
  };
  const gallery = new acg.Gallery("gallery", galleryArgs);

  const identifier: nativeInputs.compute.GalleryImageIdentifierArgs = {
    publisher: "Contoso",
    offer: "Consumer",
    sku: "app",
  };
  const imageArgs: NativeImageArgs = {
    resourceGroupName,
    galleryName: gallery.galleryName,
    galleryImageName: "app",
    location,
    osType: desired.osType,
    osState: nativeEnums.OperatingSystemStateTypes.Generalized,
    hyperVGeneration: nativeEnums.HyperVGeneration.V2,
    architecture: nativeEnums.Architecture.X64,
    identifier,
    recommended: { vCPUs: { min: 2, max: 8 } },
  };
  const image = new acg.GalleryImage("image", imageArgs);

  const targetRegions: nativeInputs.compute.TargetRegionArgs[] = [
    {
      name: location,
      regionalReplicaCount: 1,
      storageAccountType: nativeEnums.StorageAccountType.Standard_LRS,
    },
  ];
  const versionArgs: NativeVersionArgs = {
    resourceGroupName,
    galleryName: gallery.galleryName,
    galleryImageName: image.galleryImageName,
    galleryImageVersionName: "1.0.0",
    location,
    storageProfile: { source: { id: SOURCE_ID } },
    publishingProfile: { replicaCount: 1, targetRegions },
  };
  const version = new acg.GalleryImageVersion("version", versionArgs);

  // Our outputs, typed as the package declares them.
  const description: pulumi.Output<string | undefined> = gallery.description;
  const osType: pulumi.Output<"Windows" | "Linux"> = image.osType;
  return {
    galleryDescription: description,
    imageOsType: osType,
    imageId: image.id,
    versionName: version.galleryImageVersionName,
  };
};

interface StepRecord {
  /** Per resource name: the engine's step operations, in order. */
  ops: Record<string, string[]>;
  /** Per resource name: the properties the engine gives as the reason to replace it. */
  keys: Record<string, string[]>;
  warnings: { resource: string; message: string }[];
  errors: string[];
}

const nameOf = (urn: string) => urn.split("::").pop() ?? urn;

function recorder(): { record: StepRecord; onEvent: (event: EngineEvent) => void } {
  const record: StepRecord = { ops: {}, keys: {}, warnings: [], errors: [] };
  const onEvent = (event: EngineEvent) => {
    const step = event.resourcePreEvent?.metadata;
    if (step) {
      const name = nameOf(step.urn);
      (record.ops[name] ??= []).push(step.op);
      if (step.keys?.length) record.keys[name] = [...new Set([...(record.keys[name] ?? []), ...step.keys])];
    }
    const diag = event.diagnosticEvent;
    if (diag?.severity === "warning")
      record.warnings.push({ resource: nameOf(diag.urn ?? ""), message: diag.message });
    if (diag?.severity === "error") record.errors.push(diag.message);
  };
  return { record, onEvent };
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = {
    node: process.version,
    pulumi: (require("@pulumi/pulumi/package.json") as { version: string }).version,
    pulumiFrom: path.dirname(require.resolve("@pulumi/pulumi/package.json")),
    packageFrom: path.dirname(require.resolve("pulumi-azure-compute-gallery/package.json")),
  };
  const save = () => fs.writeFileSync(RESULT_FILE, JSON.stringify(results, null, 2));
  try {
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "consumer", projectName: "consumer-ts", program },
      {
        workDir: process.cwd(),
        envVars: {
          PULUMI_BACKEND_URL: BACKEND_URL,
          PULUMI_CONFIG_PASSPHRASE: "",
          PULUMI_SKIP_UPDATE_CHECK: "true",
        },
      },
    );
    await stack.setConfig("compute-gallery:emulatorSeedFile", { value: SEED_FILE });
    await stack.setConfig("compute-gallery:replicationSpeed", { value: "1000" });

    const resources = async () =>
      ((await stack.exportStack()).deployment.resources ?? []) as {
        urn: string;
        type: string;
        outputs?: Record<string, unknown>;
      }[];
    const up = async (name: string) => {
      const { record, onEvent } = recorder();
      const result = await stack.up({ onEvent });
      results[name] = {
        ...record,
        changes: result.summary.resourceChanges,
        outputs: Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.value])),
      };
      save();
    };
    const preview = async (name: string) => {
      const { record, onEvent } = recorder();
      const result = await stack.preview({ onEvent, diff: true });
      results[name] = { ...record, changes: result.changeSummary };
      save();
    };

    await up("up");
    results.types = (await resources()).map((r) => r.type);
    await preview("previewUnchanged");

    desired = { ...desired, galleryDescription: "Golden images, hardened" };
    await preview("previewUpdate");
    await up("upUpdate");

    desired = { ...desired, osType: nativeEnums.OperatingSystemTypes.Windows };
    await preview("previewReplace");
    await up("upReplace");

    const refresh = await stack.refresh();
    results.refresh = { changes: refresh.summary.resourceChanges };
    save();
    await preview("previewAfterRefresh");

    const destroy = await stack.destroy();
    results.destroy = { changes: destroy.summary.resourceChanges, left: (await resources()).length };
    save();
  } catch (error) {
    results.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    save();
    process.exitCode = 1;
  }
}

void main();
