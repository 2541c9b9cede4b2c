// Resident and peak resident memory of another process, in MB, as the kernel counts it (Linux /proc).
import * as fs from "fs";

export function memoryMB(pid: number): { resident: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const mb = (field: string) =>
    Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]) / 1024);
  return { resident: mb("VmRSS"), peak: mb("VmHWM") };
}
