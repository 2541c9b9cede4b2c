// Resource groups of the emulator's one subscription, kept in the store's meta table (one JSON map), so
// they share the request's transaction with the galleries inside them.
import { metaMap } from "../store/metaMap";
import type { Store } from "../store/store";

export interface ResourceGroup {
  name: string;
  location: string;
  tags?: Record<string, string>;
}

const groups = metaMap<ResourceGroup>("resourceGroups");

export const getGroup = (store: Store, name: string): ResourceGroup | undefined => groups.get(store, name);

export const listGroups = (store: Store): ResourceGroup[] =>
  groups.list(store).sort((a, b) => a.name.localeCompare(b.name));

export const putGroup = (store: Store, group: ResourceGroup): void => groups.put(store, group.name, group);

export const deleteGroup = (store: Store, name: string): void => groups.delete(store, name);
