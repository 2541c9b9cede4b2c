// Two emulators started at once on one new state directory both switch its database to WAL. SQLite
// refuses the second at once ("database is locked") while the first holds its write lock, without the
// busy timeout every other write waits for, so one emulator of the pair would exit at startup: a race
// (sharedStateDir.test.ts) that three processes opening one new folder together lose about once in
// 200 tries. Here the other process holds the lock on purpose, so the case happens on every run.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Database from "better-sqlite3";
import { DATABASE_FILE, SqliteStore } from "../../emulator/store/sqlite";

const HOLD_MS = 300;

/** Another process that takes the database's write lock, says so, and ends its transaction after `ms`. */
function holdWriteLock(file: string, ms: number): { held: Promise<void>; exited: Promise<number | null> } {
  const script = `
    const Database = require(${JSON.stringify(require.resolve("better-sqlite3"))});
    const db = new Database(${JSON.stringify(file)});
    db.exec("BEGIN IMMEDIATE");
    process.stdout.write("held\\n");
    setTimeout(() => { db.exec("COMMIT"); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  return {
    held: new Promise((resolve, reject) => {
      child.stdout.once("data", () => resolve());
      child.once("exit", (code) => reject(new Error(`the lock holder exited first (${code})`)));
    }),
    exited: new Promise((resolve) => child.once("exit", resolve)),
  };
}

test("opening a new state directory while another process holds its write lock waits for the lock, then uses WAL", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "open-locked-"));
  try {
    const holder = holdWriteLock(path.join(dir, DATABASE_FILE), HOLD_MS);
    await holder.held;
    // Refused, this throws SQLITE_BUSY within milliseconds, long before the holder lets go.
    new SqliteStore(dir).close();
    expect(await holder.exited).toBe(0);
    // The switch happened after all: the database is in WAL mode, the mode the store asks for.
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
