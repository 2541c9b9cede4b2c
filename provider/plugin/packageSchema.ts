/**
 * The plugin's Pulumi package schema, generated from the zod input and output models
 * (model/schemas.ts, walked by model/describeShape.ts), the
 * mutability table (model/mutability.ts) and the configuration keys (azure/settingKeys.ts), so the
 * schema cannot say something the provider does not do. Served by GetSchema.
 */
import { describeShape } from "../model/describeShape";
import { MUTABILITY, RESOURCE_DISPLAY_NAMES, RESOURCE_KINDS, type ResourceKind } from "../model/mutability";
import { INPUT_SCHEMAS, OUTPUT_SCHEMAS } from "../model/schemas";
import { SETTING_KEYS, SETTINGS_NAMESPACE } from "../azure/settingKeys";
import { shapeToSchema, type ObjectTypeSpec, type PropertySpec } from "./shapeToSchema";
import { LATEST_FUNCTION, PACKAGE_NAME, tokenOf } from "./tokens";

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

export interface PackageSchema {
  name: string;
  version: string;
  [key: string]: unknown;
  resources: Record<string, { inputProperties: Record<string, PropertySpec>; [key: string]: unknown }>;
  types: Record<string, ObjectTypeSpec>;
}

export function packageSchema(version: string): PackageSchema {
  const types: Record<string, ObjectTypeSpec> = {};
  const resources: PackageSchema["resources"] = {};
  for (const kind of RESOURCE_KINDS) {
    const options = {
      tokenPrefix: `${PACKAGE_NAME}:index:`,
      resourceName: RESOURCE_DISPLAY_NAMES[kind],
      annotate: (path: string) => mutabilityNote(kind, path),
    };
    const inputShape = describeShape(INPUT_SCHEMAS[kind]);
    const inputs = shapeToSchema(inputShape, options, types);
    // Outputs: the arguments as Azure reports them plus what only Azure sets (outputOnly in the model).
    const outputs = shapeToSchema(describeShape(OUTPUT_SCHEMAS[kind]), options, types);
    resources[tokenOf(kind)] = {
      ...(inputShape.description ? { description: inputShape.description } : {}),
      inputProperties: inputs.properties,
      requiredInputs: inputs.required,
      properties: outputs.properties,
      required: outputs.required,
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
