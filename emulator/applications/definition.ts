// The properties of a VM application definition (GalleryRP 2024-03-03 gallery.json,
// GalleryApplicationProperties): validated, as the service stores and returns them. The service returns no
// provisioningState for a definition (recorded traffic, 2021-07-01 and 2022-08-03), so none is kept.
import { isObject } from "../arm/json";
import { errors } from "../errors";
import type { Json, JsonObject } from "../model";
import { CUSTOM_ACTION_PARAMETER_TYPES, OS_TYPES } from "../rules/enums";
import { enumValue, requiredString } from "../rules/validate";
import { normaliseDateProperty } from "../time";
import { APPLICATION_PROPERTIES } from "./paths";

const TEXT_PROPERTIES = ["description", "eula", "privacyStatementUri", "releaseNoteUri"] as const;

function optionalString(obj: JsonObject, key: string, target: string): void {
  const v = obj[key];
  if (v !== undefined && v !== null && typeof v !== "string")
    throw errors.invalidParameter(`The value of parameter '${target}' must be a string.`, target);
}

/**
 * GalleryApplicationCustomAction[]: name and script required, names unique ("Must be unique within the
 * Gallery Application Version"); each parameter has a name and, when typed, one of the spec's types.
 */
export function normaliseCustomActions(raw: Json | undefined, target: string): Json | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw))
    throw errors.invalidParameter(`The value of parameter '${target}' must be an array.`, target);
  const names = new Set<string>();
  return raw.map((action, i) => {
    const at = `${target}[${i}]`;
    if (!isObject(action))
      throw errors.invalidParameter(`The value of parameter '${at}' must be an object.`, at);
    const out: JsonObject = { ...action };
    const name = requiredString(out, "name", `${at}.name`);
    requiredString(out, "script", `${at}.script`);
    optionalString(out, "description", `${at}.description`);
    if (names.has(name.toLowerCase())) {
      throw errors.invalidParameter(`The custom action name '${name}' is used more than once.`, `${at}.name`);
    }
    names.add(name.toLowerCase());
    if (out.parameters !== undefined && out.parameters !== null) {
      if (!Array.isArray(out.parameters))
        throw errors.invalidParameter(
          `The value of parameter '${at}.parameters' must be an array.`,
          `${at}.parameters`,
        );
      out.parameters = out.parameters.map((p, j) => {
        const pAt = `${at}.parameters[${j}]`;
        if (!isObject(p))
          throw errors.invalidParameter(`The value of parameter '${pAt}' must be an object.`, pAt);
        const param: JsonObject = { ...p };
        requiredString(param, "name", `${pAt}.name`);
        enumValue(param, "type", CUSTOM_ACTION_PARAMETER_TYPES, `${pAt}.type`);
        if (param.required !== undefined && param.required !== null && typeof param.required !== "boolean")
          throw errors.invalidParameter(
            `The value of parameter '${pAt}.required' must be a boolean.`,
            `${pAt}.required`,
          );
        return param;
      });
    }
    return out;
  });
}

/** Validates a definition's properties; supportedOSType is the one the spec requires. */
export function normaliseApplicationProperties(raw: unknown): JsonObject {
  if (!isObject(raw)) throw errors.missingParameter(APPLICATION_PROPERTIES);
  const props: JsonObject = { ...raw };
  delete props.provisioningState;
  requiredString(props, "supportedOSType", `${APPLICATION_PROPERTIES}.supportedOSType`);
  enumValue(props, "supportedOSType", OS_TYPES, `${APPLICATION_PROPERTIES}.supportedOSType`);
  for (const key of TEXT_PROPERTIES) optionalString(props, key, `${APPLICATION_PROPERTIES}.${key}`);
  normaliseDateProperty(props, "endOfLifeDate", `${APPLICATION_PROPERTIES}.endOfLifeDate`);
  const actions = normaliseCustomActions(props.customActions, `${APPLICATION_PROPERTIES}.customActions`);
  if (actions === undefined) delete props.customActions;
  else props.customActions = actions;
  return props;
}
