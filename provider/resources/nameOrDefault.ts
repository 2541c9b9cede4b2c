import * as pulumi from "@pulumi/pulumi";

/**
 * The Azure name of a resource: the one given, or the Pulumi resource name when none is (as
 * azure-native does, minus its random suffix: Azure names are fixed and replacements delete first).
 */
export function nameOrDefault(
  given: pulumi.Input<string | undefined> | undefined,
  resourceName: string,
): pulumi.Input<string> {
  if (given === undefined) return resourceName;
  if (typeof given === "string") return given;
  return pulumi.output(given).apply((name) => name ?? resourceName);
}
