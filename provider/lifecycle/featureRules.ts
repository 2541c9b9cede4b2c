/**
 * Rules for an image definition's `features[]`, checked at preview before any request:
 * - a documented feature (model/features.ts) takes one of its documented values, in any case;
 * - each feature is named once (Azure keys features by name: a second entry is another claim about
 *   the same thing, and which one holds would be Azure's guess);
 * - a Trusted Launch or confidential security type needs hyperVGeneration V2, which is not the
 *   default (V1), so leaving hyperVGeneration out is the same mistake.
 * A name Azure does not document is not refused (Azure adds features over time): see
 * `unknownFeatureNotes`, a preview warning.
 *
 * Silent on values unknown at preview.
 */
import {
  KNOWN_FEATURES,
  SECURITY_TYPES_NEEDING_V2,
  allowedFeatureValue,
  knownFeatureName,
  securityTypeOf,
} from "../model/features";
import { DEFAULTS } from "../model/defaults";
import { isUnknown } from "../model/unknown";
import type { CheckFailure } from "./schemaFailures";
import { getPath, listAt, showValue, stringAt } from "./values";

export function featureFailures(news: unknown): CheckFailure[] {
  const features = listAt(news, ["features"]) ?? [];
  return [...valueFailures(features), ...duplicateFailures(features), ...generationFailures(news, features)];
}

function valueFailures(features: readonly unknown[]): CheckFailure[] {
  return features.flatMap((feature, i) => {
    const name = stringAt(feature, ["name"]);
    const value = stringAt(feature, ["value"]);
    const known = name === undefined ? undefined : knownFeatureName(name);
    if (known === undefined || value === undefined || allowedFeatureValue(known, value) !== undefined)
      return [];
    const property = `features[${i}].value`;
    return [
      {
        property,
        reason: `${property} ${showValue(value)} is not a value of the feature ${known}: use one of ${KNOWN_FEATURES[known]!.map((v) => `"${v}"`).join(", ")}`,
      },
    ];
  });
}

function duplicateFailures(features: readonly unknown[]): CheckFailure[] {
  const first = new Map<string, number>();
  const failures: CheckFailure[] = [];
  features.forEach((feature, i) => {
    const name = stringAt(feature, ["name"]);
    if (name === undefined) return;
    const key = name.toLowerCase();
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else {
      const property = `features[${i}].name`;
      failures.push({
        property,
        reason: `${property} ${showValue(name)} is already declared by features[${earlier}]: declare each feature once, with one value`,
      });
    }
  });
  return failures;
}

function generationFailures(news: unknown, features: readonly unknown[]): CheckFailure[] {
  const generation = getPath(news, ["hyperVGeneration"]) ?? DEFAULTS.hyperVGeneration;
  if (isUnknown(generation) || generation === "V2") return [];
  const securityType = securityTypeOf(features);
  if (securityType === undefined || !SECURITY_TYPES_NEEDING_V2.includes(securityType)) return [];
  const index = features.findIndex((feature) => securityTypeOf([feature]) === securityType);
  const shown =
    getPath(news, ["hyperVGeneration"]) === undefined ? '"V1" (the default)' : showValue(generation);
  return [
    {
      property: "hyperVGeneration",
      reason: `hyperVGeneration is ${shown}, but features[${index}] declares the security type ${securityType}: Trusted Launch and confidential VMs run only as Generation 2 VMs, so set hyperVGeneration to "V2"`,
    },
  ];
}

/** A preview warning per feature name Azure does not document: likely a typo, possibly a new feature. */
export function unknownFeatureNotes(inputs: unknown, label: string): string[] {
  return (listAt(inputs, ["features"]) ?? []).flatMap((feature, i) => {
    const name = stringAt(feature, ["name"]);
    if (name === undefined || knownFeatureName(name) !== undefined) return [];
    return [
      `${label}: features[${i}].name ${showValue(name)} is not a feature Azure documents ` +
        `(${Object.keys(KNOWN_FEATURES).join(", ")}); it is sent as written, check its spelling`,
    ];
  });
}
