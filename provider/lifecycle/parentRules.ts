/**
 * Rules for an image version that depend on its parents, checked at preview when the same program
 * declares them (programFacts.ts):
 * - under a definition whose security type needs the VM guest state (TrustedLaunch, ConfidentialVM),
 *   the source is a VM, a managed disk or a snapshot, not a managed image or a VHD, which carry
 *   none (model/features.ts, SECURITY_TYPES_NEEDING_GUEST_STATE, with its sources);
 * - in a gallery shared directly (sharingProfile.permissions Groups), no replica is encrypted:
 *   "A direct shared gallery can't contain encrypted image versions" (learn.microsoft.com
 *   share-gallery-direct, "Limitations").
 *
 * Silent on values unknown at preview and on parents the program does not declare.
 */
import { SECURITY_TYPES_NEEDING_GUEST_STATE, securityTypeOf } from "../model/features";
import { isJsonObject } from "../model/jsonObject";
import type { ProgramFacts } from "./programFacts";
import type { CheckFailure } from "./schemaFailures";
import { getPath, listAt, stringAt } from "./values";

/** A managed image (not a gallery image version, whose id also holds `/images/`). */
const MANAGED_IMAGE_ID = /\/providers\/Microsoft\.Compute\/images\/[^/]+$/i;

export function parentFailures(news: unknown, program: ProgramFacts): CheckFailure[] {
  const group = stringAt(news, ["resourceGroupName"]);
  const gallery = stringAt(news, ["galleryName"]);
  const image = stringAt(news, ["galleryImageName"]);
  if (group === undefined || gallery === undefined) return [];
  return [
    ...(image === undefined ? [] : securitySourceFailures(news, program.definition(group, gallery, image))),
    ...directShareFailures(news, program.gallery(group, gallery)),
  ];
}

function securitySourceFailures(news: unknown, definition: unknown): CheckFailure[] {
  const securityType = securityTypeOf(getPath(definition, ["features"]));
  if (securityType === undefined || !SECURITY_TYPES_NEEDING_GUEST_STATE.includes(securityType)) return [];
  const imageId = stringAt(news, ["storageProfile", "source", "id"]);
  const vhd = stringAt(news, ["storageProfile", "osDiskImage", "source", "uri"]);
  const found =
    imageId !== undefined && MANAGED_IMAGE_ID.test(imageId)
      ? { property: "storageProfile.source.id", what: `the managed image ${imageId}` }
      : vhd !== undefined
        ? { property: "storageProfile.osDiskImage.source.uri", what: `the VHD ${vhd}` }
        : undefined;
  if (found === undefined) return [];
  const definitionName = String(getPath(definition, ["galleryImageName"]));
  return [
    {
      property: found.property,
      reason:
        `${found.property}: the image definition ${definitionName} has the security type ${securityType}, ` +
        `whose versions keep the VM guest state, and ${found.what} has none; use a ${securityType === "TrustedLaunch" ? "Trusted Launch" : "confidential"} VM ` +
        `(storageProfile.source.virtualMachineId), its managed OS disk or a snapshot of it, or a definition of security type ` +
        `${securityType === "TrustedLaunch" ? "TrustedLaunchSupported" : "ConfidentialVmSupported"} for this source`,
    },
  ];
}

function directShareFailures(news: unknown, gallery: unknown): CheckFailure[] {
  if (getPath(gallery, ["sharingProfile", "permissions"]) !== "Groups") return [];
  const galleryName = String(getPath(gallery, ["galleryName"]));
  return (listAt(news, ["publishingProfile", "targetRegions"]) ?? []).flatMap((region, i) => {
    const encryption = getPath(region, ["encryption"]);
    if (!isJsonObject(encryption) || Object.keys(encryption).length === 0) return [];
    const property = `publishingProfile.targetRegions[${i}].encryption`;
    return [
      {
        property,
        reason:
          `${property}: the gallery ${galleryName} is shared directly (sharingProfile.permissions "Groups"), ` +
          "and a direct-shared gallery can hold no encrypted image version; remove the encryption, or publish " +
          "the encrypted version in a gallery that is shared with role assignments",
      },
    ];
  });
}
