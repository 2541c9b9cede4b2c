// Headless Chromium (Debian's `chromium`, or $CHROMIUM; scripts/install-chromium.sh installs it):
// a screenshot of a local HTML page, for the review page test and the docs' picture of the report.
import { execFileSync } from "child_process";

/** The Chromium command to run; fails, naming the way to install it, when there is none. */
export function chromium(): string {
  const candidate = process.env.CHROMIUM ?? "chromium";
  try {
    execFileSync(candidate, ["--version"], { stdio: "ignore" });
    return candidate;
  } catch {
    throw new Error(
      `headless Chromium (${candidate}) is not installed: run scripts/install-chromium.sh (apt-get install chromium)`,
    );
  }
}

/** Writes a PNG of `page` (an absolute path) as a window of `width` x `height` pixels shows it. */
export function screenshot(page: string, png: string, width: number, height: number): void {
  execFileSync(
    chromium(),
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--hide-scrollbars",
      "--force-color-profile=srgb",
      `--window-size=${width},${height}`,
      `--screenshot=${png}`,
      `file://${page}`,
    ],
    { stdio: "ignore", timeout: 60_000 },
  );
}
