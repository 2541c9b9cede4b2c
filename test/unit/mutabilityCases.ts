// Every row of the mutability table as a change (a full resource, and the same resource with that
// row's argument changed) and Azure's verdict on it, written by hand: for the diff tests and the
// front-door parity test.
import { getPath } from "../../provider/lifecycle/values";
import type { MutabilityEntry, ResourceKind } from "../../provider/model/mutability";
import {
  edited,
  fullGallery,
  fullGalleryImage,
  fullGalleryImageVersion,
  fullGalleryRoleAssignment,
} from "./fixtures";

export const BASES: Record<ResourceKind, () => Record<string, any>> = {
  gallery: fullGallery,
  galleryImage: fullGalleryImage,
  galleryImageVersion: fullGalleryImageVersion,
  galleryRoleAssignment: fullGalleryRoleAssignment,
};

const NEW_ELEMENTS: Record<string, unknown> = {
  "publishingProfile.targetRegions": {
    name: "northeurope",
    regionalReplicaCount: 1,
    storageAccountType: "Standard_LRS",
  },
  "storageProfile.dataDiskImages": { lun: 7, source: { id: "/snapshots/data7" } },
  "sharingProfile.groups": { type: "AADTenants", ids: ["c24c76aa-8897-4027-9b03-8f7928b54ff6"] },
  "publishingProfile.targetExtendedLocations": {
    name: "eastus",
    extendedLocation: { name: "microsoftnewyork1", type: "EdgeZone" },
  },
};

/** A value different from `current` in the sense of the row's comparison. */
function differentValue(entry: MutabilityEntry, current: unknown): unknown {
  if (entry.compare === "instant") return "2031-01-01T00:00:00Z";
  if (typeof current === "string") return `${current}2`;
  if (typeof current === "number") return current + 1;
  if (typeof current === "boolean") return !current;
  if (Array.isArray(current))
    return [...current, typeof current[0] === "string" ? "Extra" : { name: "Extra" }];
  if (current !== null && typeof current === "object") return { ...current, extra: "x" };
  return "new-value";
}

function setPath(root: any, path: string[], value: unknown): void {
  const parent = getPath(root, path.slice(0, -1)) as Record<string, unknown>;
  parent[path[path.length - 1]!] = value;
}

/** The base with the row's argument changed (for `[]` rows: an element added, or the first one edited). */
export function changedFor(entry: MutabilityEntry, replacement?: unknown): Record<string, any> {
  return edited(BASES[entry.resource](), (copy) => {
    const [collection, field] = entry.path.split("[]");
    if (field === undefined) {
      const path = entry.path.split(".");
      setPath(copy, path, replacement ?? differentValue(entry, getPath(copy, path)));
    } else if (field === "") {
      (getPath(copy, collection!.split(".")) as unknown[]).push(NEW_ELEMENTS[collection!]);
    } else {
      const element = (getPath(copy, collection!.split(".")) as unknown[])[0];
      const path = field.slice(1).split(".");
      setPath(element, path, replacement ?? differentValue(entry, getPath(element, path)));
    }
  });
}

/**
 * What Azure does when each argument changes on an existing resource, written by hand from Azure's
 * documentation ("Updating resources" in the Compute Gallery docs: a definition's description,
 * end-of-life date, release notes and recommended configuration; a version's target regions, replica
 * counts, exclude-from-latest and end-of-life date) and the 2024-03-03 spec ("This property is
 * updatable"); ids, locations and the content of a version never change in place. Not derived from
 * the table under test: a row that disagrees fails here.
 */
export const AZURE: Record<string, "update" | "replace" | "no change"> = {
  "gallery resourceGroupName": "replace",
  "gallery galleryName": "replace",
  "gallery location": "replace",
  "gallery description": "update",
  "gallery tags": "update",
  "gallery identity.type": "update",
  "gallery identity.userAssignedIdentities": "update",
  "gallery sharingProfile.permissions": "update",
  // Azure's share action adds and removes subscriptions and tenants of an existing gallery (Add, Remove).
  "gallery sharingProfile.groups[]": "update",
  "gallery sharingProfile.groups[].ids": "update",
  "gallery sharingProfile.communityGalleryInfo.publisherUri": "update",
  "gallery sharingProfile.communityGalleryInfo.publisherContact": "update",
  "gallery sharingProfile.communityGalleryInfo.eula": "update",
  "gallery sharingProfile.communityGalleryInfo.publicNamePrefix": "replace",
  "gallery softDeletePolicy.isSoftDeleteEnabled": "update",
  "galleryImage resourceGroupName": "replace",
  "galleryImage galleryName": "replace",
  "galleryImage galleryImageName": "replace",
  "galleryImage location": "replace",
  "galleryImage tags": "update",
  "galleryImage description": "update",
  "galleryImage endOfLifeDate": "update",
  "galleryImage releaseNoteUri": "update",
  "galleryImage recommended.vCPUs.min": "update",
  "galleryImage recommended.vCPUs.max": "update",
  "galleryImage recommended.memory.min": "update",
  "galleryImage recommended.memory.max": "update",
  "galleryImage disallowed.diskTypes": "update",
  "galleryImage eula": "replace",
  "galleryImage privacyStatementUri": "replace",
  "galleryImage osType": "replace",
  "galleryImage osState": "replace",
  "galleryImage hyperVGeneration": "replace",
  "galleryImage architecture": "replace",
  "galleryImage identifier.publisher": "replace",
  "galleryImage identifier.offer": "replace",
  "galleryImage identifier.sku": "replace",
  "galleryImage purchasePlan.name": "replace",
  "galleryImage purchasePlan.publisher": "replace",
  "galleryImage purchasePlan.product": "replace",
  // Without allowUpdateImage (the cases with it are below).
  "galleryImage features": "replace",
  // A flag of the request, neither stored nor returned by Azure.
  "galleryImage allowUpdateImage": "no change",
  "galleryImageVersion resourceGroupName": "replace",
  "galleryImageVersion galleryName": "replace",
  "galleryImageVersion galleryImageName": "replace",
  "galleryImageVersion galleryImageVersionName": "replace",
  "galleryImageVersion location": "replace",
  "galleryImageVersion tags": "update",
  "galleryImageVersion publishingProfile.targetRegions[]": "update",
  "galleryImageVersion publishingProfile.targetRegions[].regionalReplicaCount": "update",
  "galleryImageVersion publishingProfile.targetRegions[].storageAccountType": "replace",
  "galleryImageVersion publishingProfile.targetRegions[].excludeFromLatest": "update",
  "galleryImageVersion publishingProfile.targetRegions[].encryption": "replace",
  "galleryImageVersion publishingProfile.targetRegions[].additionalReplicaSets": "update",
  "galleryImageVersion publishingProfile.replicaCount": "update",
  "galleryImageVersion publishingProfile.excludeFromLatest": "update",
  "galleryImageVersion publishingProfile.endOfLifeDate": "update",
  "galleryImageVersion publishingProfile.storageAccountType": "replace",
  "galleryImageVersion publishingProfile.replicationMode": "replace",
  "galleryImageVersion publishingProfile.targetExtendedLocations[]": "update",
  "galleryImageVersion publishingProfile.targetExtendedLocations[].extendedLocationReplicaCount": "update",
  "galleryImageVersion publishingProfile.targetExtendedLocations[].storageAccountType": "replace",
  "galleryImageVersion publishingProfile.targetExtendedLocations[].encryption": "replace",
  "galleryImageVersion storageProfile.source.id": "replace",
  "galleryImageVersion storageProfile.source.virtualMachineId": "replace",
  "galleryImageVersion storageProfile.source.communityGalleryImageId": "replace",
  "galleryImageVersion storageProfile.osDiskImage.source.id": "replace",
  "galleryImageVersion storageProfile.osDiskImage.source.uri": "replace",
  "galleryImageVersion storageProfile.osDiskImage.source.storageAccountId": "replace",
  "galleryImageVersion storageProfile.osDiskImage.hostCaching": "replace",
  "galleryImageVersion storageProfile.dataDiskImages[]": "replace",
  "galleryImageVersion storageProfile.dataDiskImages[].source.id": "replace",
  "galleryImageVersion storageProfile.dataDiskImages[].source.uri": "replace",
  "galleryImageVersion storageProfile.dataDiskImages[].source.storageAccountId": "replace",
  "galleryImageVersion storageProfile.dataDiskImages[].hostCaching": "replace",
  "galleryImageVersion safetyProfile.allowDeletionOfReplicatedLocations": "update",
  "galleryImageVersion safetyProfile.blockDeletionBeforeEndOfLife": "update",
  // A flag of the request (restore a soft-deleted version), neither stored nor returned by Azure.
  "galleryImageVersion restore": "no change",
  // This package's storage estimate; Azure never receives it.
  "galleryImageVersion usedSizeInGB": "no change",
  "galleryImageVersion securityProfile.uefiSettings.signatureTemplateNames": "replace",
  "galleryImageVersion securityProfile.uefiSettings.additionalSignatures": "replace",
  // Role assignments (Microsoft.Authorization): a PUT of an existing assignment that changes its
  // principal, role or scope is RoleAssignmentUpdateNotPermitted; its description may change.
  "galleryRoleAssignment scope": "replace",
  "galleryRoleAssignment principalId": "replace",
  "galleryRoleAssignment principalType": "replace",
  "galleryRoleAssignment roleDefinitionId": "replace",
  "galleryRoleAssignment roleName": "replace",
  "galleryRoleAssignment roleAssignmentName": "replace",
  "galleryRoleAssignment description": "update",
  // This package's own flag (may the scope be a version); Azure never sees it.
  "galleryRoleAssignment allowImageVersionScope": "no change",
};
