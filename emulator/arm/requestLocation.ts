// The location ARM names in a refusal that comes before any handler runs (an unknown api-version): the
// body's location on a write, else the addressed resource's (or its nearest stored parent's), else the
// resource group's. "global" only when nothing in the request or the store has a location.
import { getGroup } from "./resourceGroups";
import { galleryId, imageId, keyOf, versionId } from "./ids";
import type { Service } from "../service";

export function requestLocation(svc: Service, params: Record<string, string>, rawBody: string): string {
  try {
    const body = JSON.parse(rawBody) as { location?: unknown };
    if (typeof body?.location === "string" && body.location) return body.location;
  } catch {
    // No usable body: the stored resources decide.
  }
  const param = (name: string) => (params[name] === undefined ? undefined : decodeURIComponent(params[name]));
  const [sub, rg, gallery, image, version] = [
    param("subscriptionId"),
    param("resourceGroupName"),
    param("galleryName"),
    param("galleryImageName"),
    param("galleryImageVersionName"),
  ];
  if (sub && rg && gallery) {
    const galleryResourceId = galleryId(sub, rg, gallery);
    const ids = [
      image && version ? versionId(imageId(galleryResourceId, image), version) : "",
      image ? imageId(galleryResourceId, image) : "",
      galleryResourceId,
    ];
    for (const id of ids.filter(Boolean)) {
      const region = svc.store.getResource(keyOf(id))?.region;
      if (region) return region;
    }
  }
  if (param("location")) return param("location") as string;
  if (rg) {
    const group = getGroup(svc.store, rg);
    if (group) return group.location;
  }
  return "global";
}
