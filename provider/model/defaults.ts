/**
 * Values Azure fills in when an argument is omitted. `check` writes them into the inputs so that
 * leaving an argument out and spelling out its default never differ, and `diff` uses them when one
 * side lacks a value (state written by an older version of this package).
 */
import type { Architecture, HyperVGeneration, StorageAccountType } from "./enums";

export const DEFAULTS = {
  /** Image definitions are Hyper-V generation 1 unless said otherwise. */
  hyperVGeneration: "V1" as HyperVGeneration,
  /** Azure answers `architecture: "x64"` for definitions created without one. */
  architecture: "x64" as Architecture,
  /** Replicas per region when neither the region nor the publishing profile says. */
  replicaCount: 1,
  /** Storage type of replicas when neither the region nor the publishing profile says. */
  storageAccountType: "Standard_LRS" as StorageAccountType,
  /** Versions take part in "latest" unless excluded. */
  excludeFromLatest: false,
  /** Removing a region that holds replicas is refused unless allowed explicitly. */
  allowDeletionOfReplicatedLocations: false,
  /** Deleting a version before its end-of-life date is allowed unless blocked. */
  blockDeletionBeforeEndOfLife: false,
} as const;
