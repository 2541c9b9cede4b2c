// What the handlers need from persistence. One implementation (SQLite) serves both the state-directory
// mode and the in-memory mode (`:memory:`), so tests exercise the same code as users.
import type { ResourceRecord, OperationRecord, SourceRecord, Kind } from "../model";

export interface ResourceFilter {
  kind: Kind;
  subscriptionId: string;
  resourceGroup?: string;
  parentKey?: string;
}

export interface Store {
  getResource(key: string): ResourceRecord | undefined;
  listResources(filter: ResourceFilter): ResourceRecord[];
  putResource(record: ResourceRecord): void;
  deleteResource(key: string): void;
  countInRegion(kind: Kind, subscriptionId: string, region: string): number;

  getOperation(id: string): OperationRecord | undefined;
  putOperation(op: OperationRecord): void;

  getSource(key: string): SourceRecord | undefined;
  listSources(): SourceRecord[];
  putSource(source: SourceRecord): void;

  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;

  /** Runs fn atomically: a request's writes are committed together or not at all. */
  transaction<T>(fn: () => T): T;
  close(): void;
}
