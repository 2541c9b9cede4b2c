/**
 * The outputs only Azure sets, as `undefined` properties: Pulumi creates an output for every key it
 * is given at registration, and these keys are not among the arguments.
 */
export function unsetOutputs(keys: readonly string[]): Record<string, undefined> {
  return Object.fromEntries(keys.map((key) => [key, undefined]));
}
