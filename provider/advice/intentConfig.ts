/**
 * Parses `compute-gallery:intent` (its shape and meaning: intent.ts). Errors name the key, the
 * property, the value and what is allowed; entries must be valid gallery and image definition names
 * (nameRules.ts), and no entry may be both production and test.
 *
 *   parseIntent(text): Intent
 */
import { z } from "../model/zod";
import { galleryImageNameFailures, galleryNameFailures } from "../lifecycle/nameRules";
import { parseConfig } from "./config";
import { INTENT_KEY, type Intent } from "./intent";

const entries = z.array(z.string());
const intentSchema = z.strictObject({
  production: z.union([z.literal("*"), entries]).optional(),
  test: entries.optional(),
  locked: entries.optional(),
});

const ALLOWED =
  'allowed: production ("*" or a list), test and locked (lists); an entry of production or test is a gallery ' +
  'name or "gallery/image definition", an entry of locked a gallery name';

/** Why `entry` is not a gallery name (or, with `images`, "gallery/image"), or undefined. */
function entryProblem(entry: string, images: boolean): string | undefined {
  const parts = entry.split("/");
  if (parts.length > (images ? 2 : 1)) {
    return images ? 'use "gallery" or "gallery/image definition"' : "use a gallery name";
  }
  const [galleryName, galleryImageName] = parts;
  const failures = [
    ...galleryNameFailures({ galleryName }),
    ...(galleryImageName === undefined ? [] : galleryImageNameFailures({ galleryImageName })),
  ];
  return failures[0]?.reason;
}

function refuse(property: string, entry: string, why: string): never {
  throw new Error(`${INTENT_KEY}.${property} is ${JSON.stringify(entry)}: ${why}; ${ALLOWED}`);
}

export function parseIntent(text: string): Intent {
  const raw = parseConfig(
    "intent",
    text,
    intentSchema,
    '{"production": ["corpImages"], "test": ["devImages"], "locked": ["corpImages"]}',
    ALLOWED,
  );
  const check = (list: readonly string[] | undefined, property: string, images: boolean): string[] =>
    (list ?? []).map((entry, index) => {
      const problem = entryProblem(entry, images);
      if (problem) refuse(`${property}[${index}]`, entry, problem);
      return entry.toLowerCase();
    });
  const production = raw.production === "*" ? "*" : check(raw.production, "production", true);
  const test = check(raw.test, "test", true);
  if (production !== "*") {
    const both = test.findIndex((entry) => production.includes(entry));
    if (both >= 0)
      refuse(`test[${both}]`, raw.test![both]!, "production names it too; an entry is one or the other");
  }
  return { production, test, locked: check(raw.locked, "locked", false) };
}
