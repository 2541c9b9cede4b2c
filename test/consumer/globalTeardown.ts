// Removes the tarball globalSetup packed (CONSUMER_KEEP=1 keeps it, with the projects).
import * as fs from "fs";

export default function removePack(): void {
  const dir = process.env.CONSUMER_PACK_DIR;
  if (dir && process.env.CONSUMER_KEEP !== "1") fs.rmSync(dir, { recursive: true, force: true });
}
