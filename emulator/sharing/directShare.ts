// What a direct-shared gallery (sharingProfile.permissions Groups) cannot hold: "A direct shared
// gallery can't contain encrypted image versions" (learn.microsoft.com share-gallery-direct,
// Limitations). The docs state the rule, not Azure's answer to breaking it: the code and wording of
// the refusal are ours (400 InvalidParameter naming the encrypted target).
import { getPath, isObject } from "../arm/json";
import { errors } from "../errors";
import type { JsonObject, ResourceRecord } from "../model";
import { PUBLISHING_PROFILE } from "../versions/paths";

/** Throws when `publishing` encrypts a replica and `gallery` is shared directly. */
export function refuseEncryptionInDirectShare(gallery: ResourceRecord, publishing: JsonObject): void {
  if (getPath(gallery.body, "properties.sharingProfile.permissions") !== "Groups") return;
  for (const list of ["targetRegions", "targetExtendedLocations"] as const) {
    const targets = Array.isArray(publishing[list]) ? publishing[list] : [];
    targets.forEach((target, index) => {
      const encryption = isObject(target) ? target.encryption : undefined;
      if (!isObject(encryption) || Object.keys(encryption).length === 0) return;
      throw errors.invalidParameter(
        `Gallery '${gallery.name}' is shared directly with subscriptions or tenants (permissions 'Groups'), ` +
          "and a direct shared gallery cannot contain encrypted image versions.",
        `${PUBLISHING_PROFILE}.${list}[${index}].encryption`,
      );
    });
  }
}
