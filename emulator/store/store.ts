// What the handlers need from persistence. One implementation (SQLite) serves both the state-directory
// mode and the in-memory mode (`:memory:`), so tests exercise the same code as users.
import type { ResourceRecord, OperationRecord, SourceRecord, Kind } from "../model";

export interface ResourceFilter {
  kind: Kind;
  subscriptionId: string;
  resourceGroup?: string;
  parentKey?: string;
}

/** One page of a list: its records, the creation number of its last one, whether more follow. */
export interface ResourcePage {
  records: ResourceRecord[];
  lastSeq: number;
  more: boolean;
}

export interface Store {
  getResource(key: string): ResourceRecord | undefined;
  listResources(filter: ResourceFilter): ResourceRecord[];
  /**
   * Up to `take` records created after creation number `afterSeq`, in creation order, leaving out
   * soft-deleted ones: a page of a long list, without reading the rest of it.
   */
  listResourcePage(filter: ResourceFilter, afterSeq: number, take: number): ResourcePage;
  /** The records being deleted or soft-deleted: the only ones whose existence changes with time. */
  listSettling(filter: ResourceFilter): ResourceRecord[];
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
