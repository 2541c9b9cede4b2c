#!/usr/bin/env node
// The package's command: `compute-gallery review ...` writes a review of a preview; every other
// command (`compute-gallery emulator ...`) is the emulator's, which stays independent of the provider.
import { runEmulatorCli } from "../emulator/cli";
import { REVIEW_USAGE, runReview } from "./review/command";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "review") {
    await runReview(argv.slice(1), { readStdin, write: (text) => process.stdout.write(text) });
    return;
  }
  if (argv[0] === "--help" || argv[0] === "-h") process.stdout.write(REVIEW_USAGE + "\n");
  await runEmulatorCli(argv);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`compute-gallery: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
