// The URN a resource of this package will have, passed to the dynamic provider as the `__urn`
// input: the dynamic-provider host hands provider functions no URN, and with it the provider's
// warnings (why a preview replaces) are attached to the resource in `pulumi preview` output.
import * as pulumi from "@pulumi/pulumi";

/** `pulumi-nodejs:dynamic/compute-gallery:<typeName>`, the token Pulumi gives our dynamic resources. */
export function resourceUrn(
  name: string,
  typeName: string,
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.Output<string> {
  return pulumi.createUrn(name, `pulumi-nodejs:dynamic/compute-gallery:${typeName}`, opts?.parent);
}
