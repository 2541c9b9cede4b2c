// SQLite persistence (better-sqlite3, synchronous); each request's writes run in one transaction. WAL
// mode, so that readers (another emulator on the same folder, a test) never wait for a writer.
// A committed transaction survives a killed process with any synchronous setting. FULL adds an fsync of
// the WAL per commit (0.3 to 0.4 ms of wall time on the benchmark's machine) so that it also survives
// a power loss or an OS crash, as a write Azure acknowledged does.
//
// Several emulator processes may open one state directory at once (two stacks of a project running
// `up` together, each with its embedded emulator): SQLite's locks serialise their transactions,
// a writer waits for another's to end (busy timeout), and nothing is cached in memory that another
// process could change, so each one answers from what all of them committed.
import Database from "better-sqlite3";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Store, ResourceFilter, ResourcePage } from "./store";
import type { Kind, OperationRecord, ResourceRecord, SourceRecord } from "../model";

/** A record kept, invisible, after a delete under soft delete (liveness.ts). */
const NOT_SOFT_DELETED = "json_type(doc, '$.softDeleted') IS NULL";
/** A record being deleted, or soft-deleted: its existence changes with time (liveness.ts). */
const SETTLING = "(json_type(doc, '$.deleting') IS NOT NULL OR json_type(doc, '$.softDeleted') IS NOT NULL)";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS resources (
  key TEXT PRIMARY KEY, kind TEXT NOT NULL, parent_key TEXT, subscription TEXT NOT NULL,
  resource_group TEXT NOT NULL, region TEXT NOT NULL, seq INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS resources_parent ON resources(parent_key);
CREATE INDEX IF NOT EXISTS resources_scope ON resources(kind, subscription, resource_group);
CREATE INDEX IF NOT EXISTS resources_seq ON resources(seq);
-- The per-region limit is checked on every create: counted from this index alone, it costs the same at
-- 10,000 versions as at 10 (without it, every row of the subscription was read: 18 ms a create at 10,000).
CREATE INDEX IF NOT EXISTS resources_region ON resources(kind, subscription, region);
-- A page of a definition's 1,000 versions reads its 100 rows from this index; it parsed all 1,000 before.
-- SQLite uses a partial index only for a query that repeats its WHERE term word for word: NOT_SOFT_DELETED.
CREATE INDEX IF NOT EXISTS resources_listed ON resources(parent_key, kind, seq) WHERE ${NOT_SOFT_DELETED};
CREATE INDEX IF NOT EXISTS resources_settling ON resources(parent_key) WHERE ${SETTLING};
CREATE TABLE IF NOT EXISTS operations (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (key TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

interface Row {
  doc: string;
}

/** The WHERE terms of a filter, and their arguments. */
function filterTerms(f: ResourceFilter): { where: string[]; args: string[] } {
  const where = ["kind = ?", "subscription = ?"];
  const args: string[] = [f.kind, f.subscriptionId.toLowerCase()];
  if (f.resourceGroup !== undefined) {
    where.push("resource_group = ?");
    args.push(f.resourceGroup.toLowerCase());
  }
  if (f.parentKey !== undefined) {
    where.push("parent_key = ?");
    args.push(f.parentKey);
  }
  return { where, args };
}

/** How many resources of a kind one subscription has in a region (the service limits). */
export const COUNT_IN_REGION =
  "SELECT COUNT(*) AS n FROM resources WHERE kind = ? AND subscription = ? AND region = ?";

export const DATABASE_FILE = "emulator.db";

/** How long a write waits for another process's transaction on the same database to end. */
const BUSY_TIMEOUT_MS = 10_000;

/** How long `switchToWal` pauses between attempts. */
const WAL_RETRY_PAUSE_MS = 5;

/**
 * Puts a new database in WAL mode, waiting for other processes' writes as any other write would.
 * SQLite switches by reading the file's header and then upgrading to a write lock, and it does not
 * apply the busy timeout to that upgrade: when another process holds a write lock (two emulators
 * opening one new state directory at once: the other one switching), the switch fails at once with
 * SQLITE_BUSY. Once the other process has switched, the mode is in the file, and the next attempt
 * finds it and writes nothing.
 */
function switchToWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
      // The constructor is synchronous (better-sqlite3 is): a blocking pause, at startup only.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAL_RETRY_PAUSE_MS);
    }
  }
}

/** The query behind `listResourcePage`; one row more than the page says whether another follows. */
export function resourcePageQuery(
  f: ResourceFilter,
  afterSeq: number,
  take: number,
): { sql: string; args: (string | number)[] } {
  const { where, args } = filterTerms(f);
  return {
    sql: `SELECT seq, doc FROM resources WHERE ${[...where, NOT_SOFT_DELETED, "seq > ?"].join(" AND ")} ORDER BY seq LIMIT ?`,
    args: [...args, afterSeq, take + 1],
  };
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  /**
   * Each statement compiled once per connection: compiling one took about a fifth of the emulator's
   * own time per GET. A statement holds SQL, not data, so this caches nothing another process changes.
   */
  private readonly statements = new Map<string, Database.Statement>();

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  /** `stateDir` undefined = in-memory database. */
  constructor(stateDir: string | undefined) {
    if (stateDir) {
      fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
      this.db = new Database(path.join(stateDir, DATABASE_FILE), { timeout: BUSY_TIMEOUT_MS });
      switchToWal(this.db);
      this.db.pragma("synchronous = FULL");
    } else {
      this.db = new Database(":memory:");
    }
    this.db.exec(SCHEMA);
  }

  getResource(key: string): ResourceRecord | undefined {
    const row = this.sql("SELECT doc FROM resources WHERE key = ?").get(key) as Row | undefined;
    return row ? (JSON.parse(row.doc) as ResourceRecord) : undefined;
  }

  listResources(f: ResourceFilter): ResourceRecord[] {
    return this.listWhere(f);
  }

  listResourcePage(f: ResourceFilter, afterSeq: number, take: number): ResourcePage {
    const query = resourcePageQuery(f, afterSeq, take);
    const rows = this.sql(query.sql).all(...query.args) as (Row & { seq: number })[];
    const kept = rows.slice(0, take);
    return {
      records: kept.map((r) => JSON.parse(r.doc) as ResourceRecord),
      lastSeq: kept.length > 0 ? kept[kept.length - 1]!.seq : afterSeq,
      more: rows.length > take,
    };
  }

  listSettling(f: ResourceFilter): ResourceRecord[] {
    return this.listWhere(f, SETTLING);
  }

  /** The records the filter selects, and `extra` if given, in creation order. */
  private listWhere(f: ResourceFilter, extra?: string): ResourceRecord[] {
    const { where, args } = filterTerms(f);
    if (extra) where.push(extra);
    const rows = this.sql(`SELECT doc FROM resources WHERE ${where.join(" AND ")} ORDER BY seq`).all(
      ...args,
    ) as Row[];
    return rows.map((r) => JSON.parse(r.doc) as ResourceRecord);
  }

  putResource(r: ResourceRecord): void {
    // Keep the creation order stable across updates so list pages do not shift.
    const existing = this.sql("SELECT seq FROM resources WHERE key = ?").get(r.key) as
      { seq: number } | undefined;
    // Read inside the request's transaction: another process's writes are counted too.
    const last = this.sql("SELECT MAX(seq) AS m FROM resources").get() as { m: number | null };
    const seq = existing?.seq ?? (last.m ?? 0) + 1;
    this.sql(
      `INSERT INTO resources (key, kind, parent_key, subscription, resource_group, region, seq, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET doc = excluded.doc, region = excluded.region`,
    ).run(
      r.key,
      r.kind,
      r.parentKey,
      r.subscriptionId.toLowerCase(),
      r.resourceGroup.toLowerCase(),
      r.region,
      seq,
      JSON.stringify(r),
    );
  }

  deleteResource(key: string): void {
    this.sql("DELETE FROM resources WHERE key = ?").run(key);
  }

  countInRegion(kind: Kind, subscriptionId: string, region: string): number {
    const row = this.sql(COUNT_IN_REGION).get(kind, subscriptionId.toLowerCase(), region) as {
      n: number;
    };
    return row.n;
  }

  getOperation(id: string): OperationRecord | undefined {
    const row = this.sql("SELECT doc FROM operations WHERE id = ?").get(id.toLowerCase()) as Row | undefined;
    return row ? (JSON.parse(row.doc) as OperationRecord) : undefined;
  }

  putOperation(op: OperationRecord): void {
    this.sql(
      "INSERT INTO operations (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc",
    ).run(op.id.toLowerCase(), JSON.stringify(op));
  }

  getSource(key: string): SourceRecord | undefined {
    const row = this.sql("SELECT doc FROM sources WHERE key = ?").get(key) as Row | undefined;
    return row ? (JSON.parse(row.doc) as SourceRecord) : undefined;
  }

  listSources(): SourceRecord[] {
    return (this.sql("SELECT doc FROM sources ORDER BY key").all() as Row[]).map(
      (r) => JSON.parse(r.doc) as SourceRecord,
    );
  }

  putSource(s: SourceRecord): void {
    this.sql(
      "INSERT INTO sources (key, doc) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET doc = excluded.doc",
    ).run(s.id.toLowerCase(), JSON.stringify(s));
  }

  getMeta(key: string): string | undefined {
    const row = this.sql("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(key, value);
  }

  transaction<T>(fn: () => T): T {
    // better-sqlite3 transactions are synchronous: nothing else can interleave, and a throw rolls back.
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
