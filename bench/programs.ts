// The stacks the benchmark compares, of one shape: 1 gallery, 1 image definition and N image
// versions replicated to two regions. "ours" uses the provider; "floor" is the same shape made of
// no-op dynamic resources (create returns an id and the inputs, diff compares JSON), which is what
// the engine costs by itself. "data" is no-op resources as large as ours (echo/): they register
// ours' property keys (the outputs only Azure sets, and `__urn`), and store ours' checked inputs,
// ARM id and outputs (Azure's answer): what Pulumi charges for resources of ours' size, apart from
// anything the provider does. "plugin" is the same shape as a Pulumi YAML program through the
// provider plugin, "pluginFloor" that program through a plugin of no-op resources (floorPlugin/), and
// "pluginData" through that plugin's no-ops as large as ours, as "data" is for the dynamic stacks.
// "oursPlain" and "pluginPlain" are ours and plugin with the tuned layer switched off
// (COMPUTE_GALLERY_PLAIN_PATH=1, provider/tuning.ts): what the tuned paths buy, side by side.
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type * as Package from "../provider";
import { SETTINGS_NAMESPACE } from "../provider/azure/settingKeys";
import { PACKAGE_NAME } from "../provider/plugin/tokens";
import { ECHO_PACKAGE } from "./echo/install";
import {
  galleryImageOutputOnlyKeys,
  galleryImageVersionOutputOnlyKeys,
  galleryOutputOnlyKeys,
} from "../provider/resources/generated/outputs";

export type Flavour =
  "ours" | "oursPlain" | "floor" | "data" | "plugin" | "pluginPlain" | "pluginFloor" | "pluginData";

/**
 * One front door's stacks: ours, ours on the plain path, its no-ops as large as ours, its floor; and
 * their names in tables.
 */
export interface Comparison {
  ours: Flavour;
  plain: Flavour;
  data: Flavour;
  floor: Flavour;
  names: Record<"ours" | "plain" | "data" | "floor", string>;
}

export const DYNAMIC: Comparison = {
  ours: "ours",
  plain: "oursPlain",
  data: "data",
  floor: "floor",
  names: { ours: "ours", plain: "ours plain", data: "data", floor: "floor" },
};

export const PLUGIN: Comparison = {
  ours: "plugin",
  plain: "pluginPlain",
  data: "pluginData",
  floor: "pluginFloor",
  names: { ours: "plugin", plain: "plugin plain", data: "plugin data", floor: "plugin floor" },
};

/** The environment of the plain flavours' processes: the tuned layer's switch (provider/tuning.ts). */
export const PLAIN_PATH_ENV: Record<string, string> = { COMPUTE_GALLERY_PLAIN_PATH: "1" };

/** Ours, through either front door: the flavours that run this package's provider. */
export const isOurs = (flavour: Flavour): boolean =>
  flavour === "ours" || flavour === "oursPlain" || flavour === "plugin" || flavour === "pluginPlain";

export const isPlain = (flavour: Flavour): boolean => flavour === "oursPlain" || flavour === "pluginPlain";

/** What ours stored for one resource: its ARM id, its inputs as checked and its outputs. */
export interface OursResource {
  id: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** Ours' resource of each kind, which the data flavour's resources copy (echo/). */
export type OursResources = Record<"gallery" | "image" | "version", OursResource>;

const rg = "rg-bench";
/**
 * The emulated replication speed of ours' stacks, in GB/s: near-instant (a version's 30 GB in 30 ms,
 * its delete in 20 ms), so that what is measured is the provider, not Azure's waits.
 */
const REPLICATION_SPEED_GBPS = 1000;

/** The provider's configuration in ours' stacks, dynamic and plugin alike: the embedded emulator. */
export function oursConfig(seedFile: string): Record<string, string> {
  return {
    [`${SETTINGS_NAMESPACE}:emulatorSeedFile`]: seedFile,
    [`${SETTINGS_NAMESPACE}:replicationSpeed`]: String(REPLICATION_SPEED_GBPS),
  };
}
const SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images/base-1";

/** The arguments of each resource; `revision` is the one property the change step edits on every version. */
function shape(n: number, revision: string) {
  const gallery = { resourceGroupName: rg, galleryName: "benchGallery", location: "westeurope" };
  const image = {
    resourceGroupName: rg,
    galleryName: gallery.galleryName,
    galleryImageName: "bench-image",
    location: "westeurope",
    osType: "Linux" as const,
    osState: "Generalized" as const,
    hyperVGeneration: "V2" as const,
    identifier: { publisher: "Contoso", offer: "Bench", sku: "linux" },
  };
  const versions = Array.from({ length: n }, (_, i) => ({
    resourceGroupName: rg,
    galleryName: gallery.galleryName,
    galleryImageName: image.galleryImageName,
    galleryImageVersionName: `1.0.${i}`,
    location: "westeurope",
    tags: { revision },
    storageProfile: { source: { id: SOURCE } },
    publishingProfile: {
      targetRegions: [
        { name: "westeurope", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" as const },
        { name: "eastus", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" as const },
      ],
    },
  }));
  return { gallery, image, versions };
}

// A closure the engine serializes like any dynamic provider: nothing but JSON in and out.
const noOp: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `${inputs.name}`, outs: inputs };
  },
  async diff(_id, olds, news) {
    return { changes: JSON.stringify(olds) !== JSON.stringify(news) };
  },
  async update(_id, _olds, news) {
    return { outs: news };
  },
};

/** A no-op resource of the benchmark's one type, served by `provider` (noOp, or echo/'s). */
class Floor extends pulumi.dynamic.Resource {
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: object,
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(provider, name, { name, ...props }, opts, "bench", "Floor");
  }
}

/** The data flavour's provider, from its copy in node_modules (echo/install.ts puts it there). */
function echoProvider(): pulumi.dynamic.ResourceProvider {
  return require(path.resolve(__dirname, "..", "node_modules", ECHO_PACKAGE));
}

/** A Floor with ours' keys: the output-only ones unset at registration, and a URN as `__urn`. */
function floorWithKeys(provider: pulumi.dynamic.ResourceProvider, outputOnly: readonly string[]) {
  const unset = outputOnly.filter((key) => key !== "name").map((key) => [key, undefined]);
  return (name: string, props: object, opts?: pulumi.CustomResourceOptions) =>
    new Floor(
      provider,
      name,
      {
        ...Object.fromEntries(unset),
        ...props,
        __urn: `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::bench:index:Floor::${name}`,
      },
      opts,
    );
}

/** The YAML stacks: the provider plugin (bin/) and its floors, plugins of no-op resources. */
export type YamlFlavour = Extract<Flavour, "plugin" | "pluginPlain" | "pluginFloor" | "pluginData">;

/** The resource kinds of the shape and their arguments, for the floor plugin's schema. */
export function shapeKinds(): Record<"Gallery" | "GalleryImage" | "GalleryImageVersion", string[]> {
  const s = shape(1, "1");
  return {
    Gallery: Object.keys(s.gallery),
    GalleryImage: Object.keys(s.image),
    GalleryImageVersion: Object.keys(s.versions[0]!),
  };
}

/** Each YAML flavour's package: the plugin's own, or a floor's (bench/floorPlugin/). */
export const YAML_PACKAGE: Record<YamlFlavour, string> = {
  plugin: PACKAGE_NAME,
  pluginPlain: PACKAGE_NAME,
  pluginFloor: "benchfloor",
  pluginData: "benchdata",
};

export const isYamlFlavour = (flavour: Flavour): flavour is YamlFlavour => flavour in YAML_PACKAGE;

/**
 * The same shape as a Pulumi YAML program, written as JSON (which is YAML), through the provider
 * plugin in `pluginDir`. Neither stores a `__provider`: a plugin is a real provider.
 */
export function yamlProject(
  flavour: YamlFlavour,
  n: number,
  revision: string,
  pluginDir: string,
  seedFile: string,
): object {
  const s = shape(n, revision);
  const pkg = YAML_PACKAGE[flavour];
  const resources: Record<string, object> = {
    gallery: { type: `${pkg}:index:Gallery`, properties: s.gallery },
    image: {
      type: `${pkg}:index:GalleryImage`,
      properties: s.image,
      options: { dependsOn: ["${gallery}"] },
    },
  };
  for (const v of s.versions) {
    resources[`v${v.galleryImageVersionName}`] = {
      type: `${pkg}:index:GalleryImageVersion`,
      properties: v,
      options: { dependsOn: ["${image}"] },
    };
  }
  const config =
    flavour === "plugin" || flavour === "pluginPlain"
      ? Object.fromEntries(Object.entries(oursConfig(seedFile)).map(([key, value]) => [key, { value }]))
      : {};
  return {
    name: `bench-${flavour}`,
    runtime: "yaml",
    plugins: { providers: [{ name: pkg, path: pluginDir }] },
    config,
    resources,
  };
}

/**
 * The package as users have it: the copy in node_modules (bench/index.ts puts it there), loaded by
 * path because inside this repository its name would resolve to the repository itself.
 */
function installedPackage(): typeof Package {
  return require(path.resolve(__dirname, "..", "node_modules", "pulumi-azure-compute-gallery"));
}

export function program(
  flavour: Exclude<Flavour, YamlFlavour>,
  n: number,
  revision: string,
): () => Promise<void> {
  return async () => {
    const s = shape(n, revision);
    if (flavour === "ours" || flavour === "oursPlain") {
      const acg = installedPackage();
      const gallery = new acg.Gallery("gallery", s.gallery);
      const image = new acg.GalleryImage("image", s.image, { dependsOn: gallery });
      s.versions.forEach(
        (v) => new acg.GalleryImageVersion(`v${v.galleryImageVersionName}`, v, { dependsOn: image }),
      );
    } else if (flavour === "data") {
      const echo = echoProvider();
      const gallery = floorWithKeys(echo, galleryOutputOnlyKeys)("gallery", s.gallery);
      const image = floorWithKeys(echo, galleryImageOutputOnlyKeys)("image", s.image, { dependsOn: gallery });
      const version = floorWithKeys(echo, galleryImageVersionOutputOnlyKeys);
      s.versions.forEach((v) => version(`v${v.galleryImageVersionName}`, v, { dependsOn: image }));
    } else {
      const gallery = new Floor(noOp, "gallery", s.gallery);
      const image = new Floor(noOp, "image", s.image, { dependsOn: gallery });
      s.versions.forEach((v) => new Floor(noOp, `v${v.galleryImageVersionName}`, v, { dependsOn: image }));
    }
  };
}
