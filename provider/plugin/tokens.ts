// The plugin's names: package, resource type tokens, function token.
import { RESOURCE_DISPLAY_NAMES, RESOURCE_KINDS, type ResourceKind } from "../model/mutability";
import { SETTINGS_NAMESPACE } from "../azure/settingKeys";

/** The package name is the configuration namespace, so one set of keys serves both front doors. */
export const PACKAGE_NAME = SETTINGS_NAMESPACE;

export function tokenOf(kind: ResourceKind): string {
  return `${PACKAGE_NAME}:index:${RESOURCE_DISPLAY_NAMES[kind]}`;
}

/** The resource kind of a type token, or of a URN ending in one (`...::compute-gallery:index:Gallery::name`). */
export function kindOf(tokenOrUrn: string): ResourceKind | undefined {
  const token = tokenOrUrn.startsWith("urn:")
    ? (tokenOrUrn.split("::")[2]?.split("$").pop() ?? "")
    : tokenOrUrn;
  return RESOURCE_KINDS.find((kind) => tokenOf(kind) === token);
}

export const LATEST_FUNCTION = `${PACKAGE_NAME}:index:getLatestImageVersion`;
