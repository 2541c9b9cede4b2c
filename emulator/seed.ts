// The seed file: sources to register at start, `{ "sources": [ { id, location, osDiskSizeGB, dataDisks?, kind? } ] }`
// (a bare array of sources is accepted too).
import * as fs from "node:fs";
import type { SourceRecord } from "./model";
import { validateSource } from "./sources";

export function readSeed(file: string): SourceRecord[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  const list = Array.isArray(parsed) ? parsed : (parsed as { sources?: unknown }).sources;
  if (!Array.isArray(list)) throw new Error(`seed file ${file}: expected { "sources": [...] }`);
  return list.map((s, i) => {
    try {
      return validateSource(s);
    } catch (e) {
      throw new Error(`seed file ${file}: source #${i}: ${(e as Error).message}`);
    }
  });
}
