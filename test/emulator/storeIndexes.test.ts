// Every create checks the per-region service limit (10,000 versions per subscription and region) by
// counting resources. The count must come from an index alone: reading every resource row made a
// create cost 18 ms at 10,000 versions against 0.5 ms from the index (bench/: PUT at the limits).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Database from "better-sqlite3";
import { COUNT_IN_REGION, DATABASE_FILE, SqliteStore } from "../../emulator/store/sqlite";

test("counting a subscription's resources of a kind in a region reads a covering index, not the rows", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "store-indexes-"));
  try {
    new SqliteStore(dir).close();
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${COUNT_IN_REGION}`).all("version", "sub", "westeurope") as {
        detail: string;
      }[]
    ).map((row) => row.detail);
    db.close();
    expect(plan.join("\n")).toMatch(/USING COVERING INDEX/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
