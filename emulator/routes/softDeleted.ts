// GET .../galleries/{g}/softDeletedArtifactTypes/{artifactType}/artifacts/{artifactName}/versions
// (SoftDeletedResource_ListByArtifactName): the image versions of one definition that were deleted under
// the gallery's soft delete policy and can still be restored.
import { param } from "../arm/ids";
import { page } from "../arm/paging";
import type { Context, Reply } from "../context";
import { softDeletedChildren } from "../liveness";
import type { JsonObject, ResourceRecord } from "../model";
import { lookupImage, notFound } from "../resource/lookup";
import { enumValue } from "../rules/validate";
import { SOFT_DELETED_ARTIFACT_TYPES } from "../rules/enums";
import { azureTime } from "../time";

const TYPE = "Microsoft.Compute/galleries/softDeletedArtifactTypes/artifacts/versions";

function softDeletedView(
  version: ResourceRecord,
  artifactType: string,
  galleryImageName: string,
): JsonObject {
  const galleryIdValue = version.id.slice(0, version.id.toLowerCase().lastIndexOf("/images/"));
  return {
    id: `${galleryIdValue}/softDeletedArtifactTypes/${artifactType}/artifacts/${galleryImageName}/versions/${version.name}`,
    name: version.name,
    type: TYPE,
    location: version.region,
    properties: {
      resourceArmId: version.id,
      softDeletedArtifactType: artifactType,
      softDeletedTime: azureTime(version.softDeleted?.at ?? 0),
    },
  };
}

export function listSoftDeletedVersions(ctx: Context): Reply {
  const holder: JsonObject = { artifactType: param(ctx, "artifactType") };
  const artifactType = String(enumValue(holder, "artifactType", SOFT_DELETED_ARTIFACT_TYPES, "artifactType"));
  const lookup = lookupImage(ctx);
  if (!lookup.record || lookup.record.deleting) throw notFound(lookup);
  const image = lookup.record;
  const records = softDeletedChildren(ctx.svc, "version", image.key, ctx.now);
  return page(ctx, records, (r) => softDeletedView(r, artifactType, image.name));
}
