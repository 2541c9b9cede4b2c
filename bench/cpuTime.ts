// CPU seconds used by this process and by every descendant it has waited for, as the kernel counts
// them (Linux /proc). A step's `pulumi` command is waited for when it ends, and it waits for what it
// started (the language host, the providers, their threads, the embedded emulator's), so the
// difference across a step is the CPU of the whole step.
import { execFileSync } from "child_process";
import * as fs from "fs";

let ticksPerSecond: number | undefined;

export function cpuSeconds(): number {
  const stat = fs.readFileSync("/proc/self/stat", "utf8");
  // After the command name (which may hold spaces), from the state field on: utime, stime, cutime and
  // cstime are the 12th to 15th (proc(5) numbers them 14 to 17).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  return ticks / ticksPerSecond;
}
