// Resource groups of the emulator's one subscription, kept in the store's meta table (one JSON map), so
// they share the request's transaction with the galleries inside them.
import type { Store } from "../store/store";

export interface ResourceGroup {
  name: string;
  location: string;
  tags?: Record<string, string>;
}

const KEY = "resourceGroups";

function all(store: Store): Record<string, ResourceGroup> {
  return JSON.parse(store.getMeta(KEY) ?? "{}") as Record<string, ResourceGroup>;
}

export function getGroup(store: Store, name: string): ResourceGroup | undefined {
  return all(store)[name.toLowerCase()];
}

export function listGroups(store: Store): ResourceGroup[] {
  return Object.values(all(store)).sort((a, b) => a.name.localeCompare(b.name));
}

export function putGroup(store: Store, group: ResourceGroup): void {
  store.setMeta(KEY, JSON.stringify({ ...all(store), [group.name.toLowerCase()]: group }));
}

export function deleteGroup(store: Store, name: string): void {
  const groups = all(store);
  delete groups[name.toLowerCase()];
  store.setMeta(KEY, JSON.stringify(groups));
}
