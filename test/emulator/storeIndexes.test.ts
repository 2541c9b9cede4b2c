// Every create checks the per-region service limit (10,000 versions per subscription and region) by
// counting resources. The count must come from an index alone: reading every resource row made a
// create cost 18 ms at 10,000 versions against 0.5 ms from the index (bench/: PUT at the limits).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Database from "better-sqlite3";
import { COUNT_IN_REGION, DATABASE_FILE, SqliteStore, resourcePageQuery } from "../../emulator/store/sqlite";

/** SQLite's plan for `sql` on a fresh state directory's database. */
function planOf(sql: string, args: (string | number)[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "store-indexes-"));
  try {
    new SqliteStore(dir).close();
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map(
      (row) => row.detail,
    );
    db.close();
    return plan.join("\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// A page of a definition's versions read only that page's rows: reading all 1,000 versions of the
// definition for each page made a page take 31 ms at 10,000 versions, against 5 ms from the index.
test("a page of a definition's versions is read from an index in creation order, without sorting the list", () => {
  const query = resourcePageQuery({ kind: "version", subscriptionId: "sub", parentKey: "image" }, 100, 100);
  const plan = planOf(query.sql, query.args);
  expect(plan).toMatch(/USING INDEX resources_listed \(parent_key=\? AND kind=\? AND seq>\?\)/);
  expect(plan).not.toMatch(/TEMP B-TREE/);
});

test("counting a subscription's resources of a kind in a region reads a covering index, not the rows", () => {
  expect(planOf(COUNT_IN_REGION, ["version", "sub", "westeurope"])).toMatch(/USING COVERING INDEX/);
});
