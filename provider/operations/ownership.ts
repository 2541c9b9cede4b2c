// Which Pulumi resource a resource in Azure belongs to, told by a tag every write of this provider
// sets: the owner marker. A create cut off after Azure accepted it (a killed `pulumi`, a lost
// connection while polling) leaves a resource that Pulumi's state does not know; the marker lets the
// next create of the same URN adopt it, and tells a resource someone else made (another stack, the
// portal) from one this stack started.
//
// The marker is a hash of the URN, not the URN: URNs can exceed Azure's 256-character tag values,
// and the hash is fixed-length and says nothing about the project to whoever can read the tags. The
// URN holds no secret either way. Tags survive everything the provider does (every write sets it
// again) and are readable with any reader role.
import { createHash } from "crypto";
import { isJsonObject, type JsonObject } from "../model/jsonObject";
import { OWNER_TAG } from "../model/ownerTag";

/**
 * The marker a create that lost a race leaves behind: it wrote over another run's resource, so
 * neither its own marker (which would let its next run adopt what another stack owns) nor none
 * (which would pass for "not ours" only by luck) is right. No URN hashes to it.
 */
export const CONTESTED_MARKER = "contested";

/** The marker of the resource with this URN: 32 hex digits of its SHA-256. */
export function ownerMarker(urn: string): string {
  return createHash("sha256").update(urn).digest("hex").slice(0, 32);
}

/** The request body with the marker among its tags (the program's own tags kept). */
export function withMarker(body: JsonObject, marker: string): JsonObject {
  const tags = isJsonObject(body.tags) ? body.tags : {};
  return { ...body, tags: { ...tags, [OWNER_TAG]: marker } };
}

/** The marker a resource read from Azure carries, if any. */
export function markerOf(resource: JsonObject): string | undefined {
  if (!isJsonObject(resource.tags)) return undefined;
  const entry = Object.entries(resource.tags).find(([name]) => name.toLowerCase() === OWNER_TAG);
  return typeof entry?.[1] === "string" ? entry[1] : undefined;
}

/**
 * The resource without the marker, as outputs show it: the program never sets the tag, so keeping
 * it would show as drift on every refresh. Tags left empty by its removal disappear.
 */
export function withoutMarker(resource: JsonObject): JsonObject {
  if (!isJsonObject(resource.tags)) return resource;
  const tags = Object.fromEntries(
    Object.entries(resource.tags).filter(([name]) => name.toLowerCase() !== OWNER_TAG),
  );
  const { tags: _tags, ...rest } = resource;
  return Object.keys(tags).length === 0 ? rest : { ...rest, tags };
}

/** The URN's resource type token and name (`urn:pulumi:<stack>::<project>::<type>::<name>`). */
function typeAndName(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  return { type: (parts[2] ?? "").split("$").pop() ?? "", name: parts[3] ?? "" };
}

/**
 * Why a create refuses a resource that is already there and is not this resource's, with the ways
 * out: the plugin can import it (dynamic providers cannot: Pulumi's `import` needs a provider
 * plugin); either front door adopts it on the next `up` once it carries this resource's marker.
 */
export function notOursMessage(label: string, id: string, urn: string, found: string | undefined): string {
  const { type, name } = typeAndName(urn);
  const owner = found
    ? `it carries the owner marker of another Pulumi resource (${OWNER_TAG}=${found}), so another stack or resource manages it`
    : `it has no owner marker (${OWNER_TAG}), so it was not created by this provider`;
  const importable = type && !type.startsWith("pulumi-nodejs:dynamic");
  return [
    `${label} already exists in Azure and ${owner}; creating it would take it over.`,
    `If this stack should manage it, either`,
    ...(importable ? [`  pulumi import ${type} ${name} ${id}`] : []),
    `${importable ? "or mark it as this resource's and run 'pulumi up' again:" : "mark it as this resource's and run 'pulumi up' again:"}`,
    `  az resource tag --is-incremental --ids ${id} --tags ${OWNER_TAG}=${ownerMarker(urn)}`,
    `Otherwise give this resource another name, or delete the one in Azure if nothing uses it.`,
  ].join("\n");
}

/**
 * Why a create failed because another create of the same name ran at the same moment: its write
 * was answered 200, not 201, so it replaced what the other run had just created.
 */
export function lostRaceMessage(label: string, status: number | undefined): string {
  return (
    `${label}: another create of the same name ran at the same time. Azure answered this create with ` +
    `${status ?? "no status"}, not 201 Created: another run created it between this run's check and its ` +
    `write, and this write replaced what that run wrote. Azure's gallery API has no conditional create, ` +
    `so the window cannot be closed; this run does not take the resource over (it is marked ` +
    `${OWNER_TAG}=${CONTESTED_MARKER}). Run 'pulumi refresh' and then 'pulumi up' in the stack that ` +
    `created it, to write its own arguments again.`
  );
}
