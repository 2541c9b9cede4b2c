// diff against Azure's verdict per argument, written by hand below, so that a wrong table entry fails a
// test that says what it got wrong.
import type { z } from "zod";
import { diffResource } from "../../provider/lifecycle/diff";
import { getPath } from "../../provider/lifecycle/values";
import { describeShape, flattenShape } from "../../provider/model/describeShape";
import {
  MUTABILITY,
  mutabilityOf,
  type MutabilityEntry,
  type ResourceKind,
} from "../../provider/model/mutability";
import { INPUT_SCHEMAS } from "../../provider/model/schemas";
import { covered } from "./mutabilityCoverage";
import { edited, fullGallery, fullGalleryImage, fullGalleryImageVersion, UNKNOWN } from "./fixtures";

const BASES: Record<ResourceKind, () => Record<string, any>> = {
  gallery: fullGallery,
  galleryImage: fullGalleryImage,
  galleryImageVersion: fullGalleryImageVersion,
};

const NEW_ELEMENTS: Record<string, unknown> = {
  "publishingProfile.targetRegions": {
    name: "northeurope",
    regionalReplicaCount: 1,
    storageAccountType: "Standard_LRS",
  },
  "storageProfile.dataDiskImages": { lun: 7, source: { id: "/snapshots/data7" } },
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
function changedFor(entry: MutabilityEntry, replacement?: unknown): Record<string, any> {
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
const AZURE: Record<string, "update" | "replace" | "no change"> = {
  "gallery resourceGroupName": "replace",
  "gallery galleryName": "replace",
  "gallery location": "replace",
  "gallery description": "update",
  "gallery tags": "update",
  "gallery identity.type": "update",
  "gallery identity.userAssignedIdentities": "update",
  "gallery sharingProfile.permissions": "update",
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
  "galleryImageVersion securityProfile.uefiSettings.signatureTemplateNames": "replace",
  "galleryImageVersion securityProfile.uefiSettings.additionalSignatures": "replace",
};

describe("diff gives Azure's verdict for every argument", () => {
  it("has a hand-written expectation for exactly the rows of the table", () => {
    expect(MUTABILITY.map((entry) => `${entry.resource} ${entry.path}`).sort()).toEqual(
      Object.keys(AZURE).sort(),
    );
  });

  describe.each(MUTABILITY.map((entry) => [`${entry.resource} ${entry.path}`, entry] as const))(
    "%s",
    (name, entry) => {
      const expected = AZURE[name];
      it(`changing it: ${expected}`, () => {
        const outcome = diffResource(
          entry.resource,
          BASES[entry.resource](),
          changedFor(entry),
          "the resource",
        );
        if (expected === "no change") {
          expect(outcome.changes).toBe(false);
          return;
        }
        expect(outcome.changes).toBe(true);
        if (expected === "replace") {
          expect(outcome.replaces).toHaveLength(1);
          expect(outcome.deleteBeforeReplace).toBe(true);
          expect(outcome.warnings).toHaveLength(1);
          expect(outcome.warnings[0]).toContain(entry.why);
          expect(outcome.warnings[0]).toContain("the resource");
        } else {
          expect(outcome.replaces).toEqual([]);
          expect(outcome.deleteBeforeReplace).toBe(false);
          expect(outcome.updates).toHaveLength(1);
          expect(outcome.warnings).toEqual([]);
        }
      });

      if (!entry.path.includes("[]") && expected !== "no change") {
        it(`an unknown value at preview counts as a change (${expected})`, () => {
          const outcome = diffResource(entry.resource, BASES[entry.resource](), changedFor(entry, UNKNOWN));
          const paths = expected === "replace" ? outcome.replaces : outcome.updates;
          expect(paths).toEqual([entry.path]);
        });
      }
    },
  );

  it.each(["gallery", "galleryImage", "galleryImageVersion"] as const)(
    "identical %s inputs are no change",
    (kind) => {
      expect(diffResource(kind, BASES[kind](), BASES[kind]())).toEqual({
        changes: false,
        replaces: [],
        deleteBeforeReplace: false,
        updates: [],
        warnings: [],
      });
    },
  );

  it.each(["gallery", "galleryImage", "galleryImageVersion"] as const)(
    "read-only outputs in the old %s state are ignored",
    (kind) => {
      const olds = {
        ...BASES[kind](),
        id: "/subscriptions/0000/x",
        name: "x",
        type: "Microsoft.Compute/galleries",
        provisioningState: "Succeeded",
        identifier: { ...BASES[kind]().identifier, uniqueName: "0000-CORPIMAGES" },
        replicationStatus: { aggregatedState: "Completed", summary: [] },
      };
      expect(diffResource(kind, olds, BASES[kind]()).changes).toBe(false);
    },
  );
});

// ---- every argument has a row ----------------------------------------------------------------

/** Leaf argument paths of a schema, `[]` after lists of objects. */
function argumentPaths(schema: z.ZodObject): string[] {
  return flattenShape(describeShape(schema))
    .filter(
      ({ type }) => type.kind !== "object" && !(type.kind === "array" && type.element.kind === "object"),
    )
    .map((property) => property.path);
}

describe.each(["gallery", "galleryImage", "galleryImageVersion"] as const)("the %s rows", (kind) => {
  const paths = argumentPaths(INPUT_SCHEMAS[kind]);
  it.each(paths)("cover the argument %s", (path) => {
    expect(covered(kind, path)).toBe(true);
  });
  it("name only arguments that exist", () => {
    const stale = mutabilityOf(kind)
      .map((row) => row.path)
      .filter(
        (rowPath) =>
          !paths.some((path) => path === rowPath || path.startsWith(rowPath.replace(/\[\]$/, "[]"))),
      )
      .filter(
        (rowPath) => !paths.some((path) => path.startsWith(`${rowPath}.`) || path.startsWith(`${rowPath}[]`)),
      );
    expect(stale).toEqual([]);
  });
  it("give every row a reason", () => {
    for (const row of mutabilityOf(kind)) expect(row.why.length).toBeGreaterThan(20);
  });
});

// The 2024-03-03 spec's GalleryImage_UpdateFeatures: with allowUpdateImage, new features that say from
// which version on they hold are added in place. Replacing would delete every version of the image.
describe("features of an image definition", () => {
  const trustedLaunch = { name: "SecurityType", value: "TrustedLaunch" };
  const before = () => ({ ...fullGalleryImage(), features: [trustedLaunch] });
  const verdict = (after: Record<string, unknown>) => {
    const outcome = diffResource("galleryImage", before(), { ...fullGalleryImage(), ...after });
    return outcome.replaces.length > 0 ? "replace" : outcome.updates.length > 0 ? "update" : "no change";
  };
  const accelerated = { name: "IsAcceleratedNetworkSupported", value: "true" };

  it.each<[string, Record<string, unknown>, string]>([
    [
      "an added feature with startsAtVersion and allowUpdateImage updates in place",
      { allowUpdateImage: true, features: [trustedLaunch, { ...accelerated, startsAtVersion: "2.0.0" }] },
      "update",
    ],
    [
      "a changed feature with startsAtVersion and allowUpdateImage updates in place (the spec example)",
      {
        allowUpdateImage: true,
        features: [{ name: "SecurityType", value: "TrustedLaunchSupported", startsAtVersion: "2.0.0" }],
      },
      "update",
    ],
    [
      "an added feature without allowUpdateImage replaces",
      { features: [trustedLaunch, { ...accelerated, startsAtVersion: "2.0.0" }] },
      "replace",
    ],
    [
      "an added feature without startsAtVersion replaces, even with allowUpdateImage",
      { allowUpdateImage: true, features: [trustedLaunch, accelerated] },
      "replace",
    ],
    [
      "a removed feature replaces, even with allowUpdateImage",
      { allowUpdateImage: true, features: [{ ...accelerated, startsAtVersion: "2.0.0" }] },
      "replace",
    ],
    ["the same features in another order are no change", { features: [trustedLaunch] }, "no change"],
    [
      "setting allowUpdateImage alone is no change",
      { allowUpdateImage: true, features: [trustedLaunch] },
      "no change",
    ],
  ])("%s", (_name, after, expected) => {
    expect(verdict(after)).toBe(expected);
  });

  it("allowUpdateImage is an argument of the image definition, not an unknown key", () => {
    expect(
      INPUT_SCHEMAS.galleryImage.safeParse({ ...fullGalleryImage(), allowUpdateImage: true }).success,
    ).toBe(true);
  });
});
