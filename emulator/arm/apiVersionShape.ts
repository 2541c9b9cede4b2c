// The request and response shape of one api-version: a field a later version introduced is refused in a
// request (Compute's deserializer does not know the member) and left out of a response.
import { fieldsAfter } from "../apiVersions";
import { errors } from "../errors";
import { isObject } from "./json";

/** The objects a path's parent segments reach, with the last segment: `a.b[].c` -> each `b` element and "c". */
function holders(
  root: unknown,
  path: string,
): { holder: Record<string, unknown>; key: string; at: string }[] {
  const segments = path.split(".");
  const last = segments.pop() as string;
  let level: { value: unknown; at: string }[] = [{ value: root, at: "" }];
  for (const seg of segments) {
    const name = seg.replace(/\[\]$/, "");
    const next: { value: unknown; at: string }[] = [];
    for (const { value, at } of level) {
      if (!isObject(value)) continue;
      const child = value[name];
      const here = at ? `${at}.${name}` : name;
      if (seg.endsWith("[]")) {
        if (Array.isArray(child)) child.forEach((c, i) => next.push({ value: c, at: `${here}[${i}]` }));
      } else next.push({ value: child, at: here });
    }
    level = next;
  }
  return level
    .filter((reached): reached is { value: Record<string, unknown>; at: string } => isObject(reached.value))
    .map((reached) => ({
      holder: reached.value,
      key: last,
      at: reached.at ? `${reached.at}.${last}` : last,
    }));
}

/** Throws InvalidRequestContent naming the first field `apiVersion` does not have. */
export function refuseNewerFields(body: unknown, apiVersion: string, type: string): void {
  for (const path of fieldsAfter(apiVersion, type)) {
    for (const { holder, key, at } of holders(body, path)) {
      if (holder[key] !== undefined) throw errors.memberNotInApiVersion(key, at, apiVersion);
    }
  }
}

/** Removes, in place, the fields `apiVersion` does not have from a resource or a list page of them. */
export function dropNewerFields(body: unknown, apiVersion: string, type: string): void {
  const fields = fieldsAfter(apiVersion, type);
  if (fields.length === 0 || !isObject(body)) return;
  const resources = Array.isArray(body.value) ? body.value : [body];
  for (const resource of resources) {
    for (const path of fields) for (const { holder, key } of holders(resource, path)) delete holder[key];
  }
}
