// What the provider remembers about Azure resources while one connection lasts (a gallery's
// soft-delete policy, a definition's version list): one map per connection, so a new connection (a
// new provider process, a test's fresh emulator) starts with nothing, keyed by the resource's names
// in ARM, which are case-insensitive.
import type { GalleryApi } from "../azure/galleryApi";

/** The map of one connection, made on first use. */
export function connectionMemo<T>(): (api: GalleryApi) => Map<string, T> {
  const byConnection = new WeakMap<GalleryApi, Map<string, T>>();
  return (api) => {
    let entries = byConnection.get(api);
    if (!entries) byConnection.set(api, (entries = new Map()));
    return entries;
  };
}

/** A resource's key in a memo: its ARM names from the resource group down, in any case. */
export const armKey = (...names: string[]): string => names.join("/").toLowerCase();
