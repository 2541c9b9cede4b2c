// The README's TypeScript usage example, read from README.md so that the tests check what users read.
import * as fs from "node:fs";
import * as path from "node:path";

export const README_PATH = path.join(__dirname, "..", "..", "README.md");
export const PACKAGE_NAME = "pulumi-azure-compute-gallery";

/**
 * What the example presumes exists in the user's program: the id of a managed image to publish. It is
 * declared (for the compiler) and defined (for running it) here rather than in the README, where it
 * would distract from the resources.
 */
export const EXAMPLE_PRELUDE = "declare const managedImageId: string;\n";
export const EXAMPLE_MANAGED_IMAGE_ID =
  "/subscriptions/0000/resourceGroups/rg-src/providers/Microsoft.Compute/images/golden";

/** The first ```ts block of the README's "## Usage" section. */
export function readmeUsageExample(readme = fs.readFileSync(README_PATH, "utf8")): string {
  const usage = readme.split(/^## /m).find((section) => section.startsWith("Usage\n"));
  if (!usage) throw new Error("README.md has no '## Usage' section");
  const block = /^```ts\n([\s\S]*?)^```$/m.exec(usage);
  if (!block?.[1]) throw new Error("the README's Usage section has no ```ts block");
  return block[1];
}
