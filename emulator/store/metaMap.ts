// A small keyed collection kept as one JSON map in the store's meta table, so that it shares the
// request's transaction with everything else: the resource groups, the role assignments.
import type { Store } from "./store";

export interface MetaMap<T> {
  get(store: Store, key: string): T | undefined;
  list(store: Store): T[];
  put(store: Store, key: string, value: T): void;
  delete(store: Store, key: string): void;
}

/** Keys compare without case, as ARM names and ids do. */
export function metaMap<T>(metaKey: string): MetaMap<T> {
  const all = (store: Store) => JSON.parse(store.getMeta(metaKey) ?? "{}") as Record<string, T>;
  return {
    get: (store, key) => all(store)[key.toLowerCase()],
    list: (store) => Object.values(all(store)),
    put: (store, key, value) =>
      store.setMeta(metaKey, JSON.stringify({ ...all(store), [key.toLowerCase()]: value })),
    delete: (store, key) => {
      const items = all(store);
      delete items[key.toLowerCase()];
      store.setMeta(metaKey, JSON.stringify(items));
    },
  };
}
