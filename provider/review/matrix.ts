/**
 * Versions by regions, per image definition, before and after the change: replicas, storage type,
 * whether the version is excluded from "latest" there, and which version "latest" resolves to in
 * each region (with the provider's own resolution, lifecycle/latest.ts).
 *
 *   versionMatrices(input): VersionMatrix[]
 *
 * Before: what the state says, with Azure's replication status as last read. After: as planned,
 * assuming replication to every target region completes.
 */
import { compareVersionNames, latestVersion, type GalleryImageVersionListItem } from "../lifecycle/latest";
import { footprintOfVersion } from "../advice/storage";
import { normaliseRegionName } from "../model/regions";
import type { ReviewInput } from "./previewJson";
import type { JsonObject } from "../model/jsonObject";

export interface MatrixCell {
  readonly replicas: number;
  readonly storageAccountType: string;
  readonly excludeFromLatest: boolean;
}

export interface MatrixRow {
  readonly version: string;
  /** Per region (normalised); absent where the version has no replicas. */
  readonly before: Readonly<Record<string, MatrixCell>>;
  readonly after: Readonly<Record<string, MatrixCell>>;
}

export interface VersionMatrix {
  /** `resourceGroup/gallery/image`. */
  readonly definition: string;
  readonly regions: readonly string[];
  readonly rows: readonly MatrixRow[];
  /** Per region: the version "latest" resolves to, if any. */
  readonly latestBefore: Readonly<Record<string, string | undefined>>;
  readonly latestAfter: Readonly<Record<string, string | undefined>>;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

function definitionOf(props: JsonObject): string {
  return [props.resourceGroupName, props.galleryName, props.galleryImageName].map(text).join("/");
}

function cellsOf(props: JsonObject): Record<string, MatrixCell> {
  const profile = (props.publishingProfile ?? {}) as JsonObject;
  const targets = Array.isArray(profile.targetRegions) ? (profile.targetRegions as JsonObject[]) : [];
  const excludedByRegion = new Map(
    targets
      .filter((target) => typeof target.name === "string")
      .map((target) => [normaliseRegionName(target.name as string), target.excludeFromLatest]),
  );
  return Object.fromEntries(
    footprintOfVersion(props).targetRegions.map((target) => {
      const own = excludedByRegion.get(target.region);
      const excluded = typeof own === "boolean" ? own : profile.excludeFromLatest === true;
      return [
        target.region,
        {
          replicas: target.replicas,
          storageAccountType: target.storageAccountType,
          excludeFromLatest: excluded,
        },
      ];
    }),
  );
}

/** A version as `latestVersion` reads it; `replicated` lists the regions where it is Completed. */
function listItem(props: JsonObject, replicated: readonly string[]): GalleryImageVersionListItem {
  const profile = (props.publishingProfile ?? {}) as JsonObject;
  return {
    name: text(props.galleryImageVersionName),
    properties: {
      publishingProfile: {
        excludeFromLatest: profile.excludeFromLatest === true,
        targetRegions: (Array.isArray(profile.targetRegions)
          ? (profile.targetRegions as JsonObject[])
          : []
        ).map((target) => ({
          name: text(target.name),
          ...(typeof target.excludeFromLatest === "boolean"
            ? { excludeFromLatest: target.excludeFromLatest }
            : {}),
        })),
      },
      replicationStatus: { summary: replicated.map((region) => ({ region, state: "Completed" })) },
    },
  };
}

function completedRegions(outputs: JsonObject): string[] {
  const summary = (outputs.replicationStatus as { summary?: unknown } | undefined)?.summary;
  return (Array.isArray(summary) ? (summary as JsonObject[]) : [])
    .filter((status) => status.state === "Completed" && typeof status.region === "string")
    .map((status) => normaliseRegionName(status.region as string));
}

export function versionMatrices(input: ReviewInput): VersionMatrix[] {
  const versions = input.resources.filter((resource) => resource.kind === "galleryImageVersion");
  const definitions = [...new Set(versions.map((v) => definitionOf((v.after ?? v.before)!)))].sort();
  return definitions.map((definition) => {
    const mine = versions.filter((v) => definitionOf((v.after ?? v.before)!) === definition);
    const rowsByName = new Map<
      string,
      { before: Record<string, MatrixCell>; after: Record<string, MatrixCell> }
    >();
    const row = (name: string) => {
      const existing = rowsByName.get(name) ?? { before: {}, after: {} };
      rowsByName.set(name, existing);
      return existing;
    };
    const beforeItems: GalleryImageVersionListItem[] = [];
    const afterItems: GalleryImageVersionListItem[] = [];
    for (const version of mine) {
      if (version.before) {
        Object.assign(row(text(version.before.galleryImageVersionName)).before, cellsOf(version.before));
        beforeItems.push(listItem(version.before, completedRegions(version.before)));
      }
      if (version.after) {
        const cells = cellsOf(version.after);
        Object.assign(row(text(version.after.galleryImageVersionName)).after, cells);
        afterItems.push(listItem(version.after, Object.keys(cells)));
      }
    }
    const rows = [...rowsByName.entries()]
      .sort(([a], [b]) => compareVersionNames(a, b))
      .map(([version, cells]) => ({ version, ...cells }));
    const regions = [
      ...new Set(rows.flatMap((r) => [...Object.keys(r.before), ...Object.keys(r.after)])),
    ].sort();
    const latest = (items: GalleryImageVersionListItem[]) =>
      Object.fromEntries(regions.map((region) => [region, latestVersion(items, region)?.name]));
    return { definition, regions, rows, latestBefore: latest(beforeItems), latestAfter: latest(afterItems) };
  });
}
