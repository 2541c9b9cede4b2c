/**
 * The plugin's Pulumi package schema, generated from the zod input models (model/schemas.ts), the
 * mutability table (model/mutability.ts) and the configuration keys (azure/settingKeys.ts), so the
 * schema cannot say something the provider does not do. Served by GetSchema.
 */
import { MUTABILITY, RESOURCE_KINDS, type ResourceKind } from "../model/mutability";
import { INPUT_SCHEMAS } from "../model/schemas";
import { SETTING_KEYS, SETTINGS_NAMESPACE } from "../azure/settingKeys";
import { zodObjectToSchema, type ObjectTypeSpec, type PropertySpec } from "./zodToSchema";
import { LATEST_FUNCTION, PACKAGE_NAME, tokenOf } from "./tokens";

const RESOURCE_DESCRIPTIONS: Record<ResourceKind, string> = {
  gallery: "An Azure Compute Gallery: a repository of image definitions and their versions.",
  galleryImage: "An image definition in a gallery: OS type and state, generation, publisher/offer/SKU.",
  galleryImageVersion:
    "An image version: the image content, replicated to target regions with their replica counts and storage types.",
};

/** What Azure and the provider fill in, beyond the inputs. */
const OUTPUT_ONLY: Record<string, PropertySpec> = {
  name: { type: "string", description: "The resource's name, as Azure reports it." },
  provisioningState: { type: "string", description: "Azure's provisioning state, e.g. Succeeded." },
};
const OUTPUT_ONLY_BY_KIND: Record<ResourceKind, Record<string, PropertySpec>> = {
  gallery: {
    identifier: {
      $ref: `#/types/${PACKAGE_NAME}:index:GalleryIdentifier`,
      description: "Azure's identifier of the gallery.",
    },
    sharingStatus: { $ref: "pulumi.json#/Any", description: "Azure's sharing status of the gallery." },
  },
  galleryImage: {},
  galleryImageVersion: {
    replicationStatus: {
      $ref: `#/types/${PACKAGE_NAME}:index:ReplicationStatus`,
      description: "Where replication stands, overall and per region.",
    },
  },
};

/** The path of a property in mutability-table syntax (`a.b[].c`), and what the table says of it. */
function mutabilityNote(
  kind: ResourceKind,
  path: string,
): Pick<PropertySpec, "description" | "replaceOnChanges"> {
  // A `[]` row is about adding or removing elements: it belongs to the list property itself.
  const row = MUTABILITY.find((r) => r.resource === kind && (r.path === path || r.path === `${path}[]`));
  if (!row) return {};
  if (row.behaviour === "replace" && row.inPlaceWhen) {
    // Sometimes in place: the provider's diff decides, so no unconditional replace mark.
    return { description: `Changing it usually replaces the resource: ${row.why}.` };
  }
  return row.behaviour === "replace"
    ? { description: `Changing it replaces the resource: ${row.why}.`, replaceOnChanges: true }
    : { description: `Updated in place: ${row.why}.` };
}

/** The object types of outputs that only Azure fills in. */
const OUTPUT_TYPES: Record<string, ObjectTypeSpec> = {
  [`${PACKAGE_NAME}:index:GalleryIdentifier`]: {
    type: "object",
    properties: { uniqueName: { type: "string", description: "The gallery's unique name across Azure." } },
  },
  [`${PACKAGE_NAME}:index:ReplicationStatus`]: {
    type: "object",
    properties: {
      aggregatedState: { type: "string", description: "Unknown, InProgress, Completed or Failed." },
      summary: {
        type: "array",
        items: { $ref: `#/types/${PACKAGE_NAME}:index:RegionalReplicationStatus` },
        description: "One entry per target region.",
      },
    },
  },
  [`${PACKAGE_NAME}:index:RegionalReplicationStatus`]: {
    type: "object",
    properties: {
      region: { type: "string" },
      state: { type: "string", description: "Unknown, Replicating, Completed or Failed." },
      details: { type: "string" },
      progress: { type: "integer", description: "Percent replicated." },
    },
  },
};

export interface PackageSchema {
  name: string;
  version: string;
  [key: string]: unknown;
  resources: Record<string, { inputProperties: Record<string, PropertySpec>; [key: string]: unknown }>;
  types: Record<string, ObjectTypeSpec>;
}

export function packageSchema(version: string): PackageSchema {
  const types: Record<string, ObjectTypeSpec> = { ...OUTPUT_TYPES };
  const resources: PackageSchema["resources"] = {};
  for (const kind of RESOURCE_KINDS) {
    const token = tokenOf(kind);
    const {
      properties,
      required,
      types: nested,
    } = zodObjectToSchema(INPUT_SCHEMAS[kind], {
      typePrefix: token,
      annotate: (path) => mutabilityNote(kind, path),
    });
    Object.assign(types, nested);
    resources[token] = {
      description: RESOURCE_DESCRIPTIONS[kind],
      inputProperties: properties,
      requiredInputs: required,
      properties: { ...properties, ...OUTPUT_ONLY, ...OUTPUT_ONLY_BY_KIND[kind] },
      required,
    };
  }
  const config = Object.fromEntries(
    SETTING_KEYS.map((setting) => [
      setting.key,
      {
        type: "string",
        description: setting.description,
        ...(setting.secret ? { secret: true } : {}),
      },
    ]),
  );
  return {
    name: PACKAGE_NAME,
    displayName: "Azure Compute Gallery",
    version,
    description:
      "Azure Compute Gallery galleries, image definitions and image versions, against Azure or a local ARM emulator.",
    license: "Apache-2.0",
    keywords: ["azure", "compute-gallery", "kind/native"],
    config: { variables: config },
    provider: {
      description: `The ${SETTINGS_NAMESPACE} provider: which backend to talk to.`,
      inputProperties: config,
    },
    resources,
    types,
    functions: {
      [LATEST_FUNCTION]: {
        description:
          "The version that `latest` means in a region: the highest Major.Minor.Patch replicated there and not excluded from latest.",
        inputs: {
          properties: {
            resourceGroupName: { type: "string" },
            galleryName: { type: "string" },
            galleryImageName: { type: "string" },
            region: { type: "string", description: "Any spelling: eastus2 or East US 2." },
          },
          required: ["resourceGroupName", "galleryName", "galleryImageName", "region"],
        },
        outputs: {
          properties: {
            galleryImageVersionName: { type: "string" },
            id: { type: "string", description: "The version's Azure resource id." },
          },
          required: ["galleryImageVersionName", "id"],
        },
      },
    },
  };
}
