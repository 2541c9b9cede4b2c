// The value lists both sides validate against: the emulator's (its own data, the oracle) and the
// provider's, compared list by list under the name both give it.
import * as emulator from "../../emulator/rules/enums";
import * as provider from "../../provider/model/enums";

const SHARED = [
  "OS_TYPES",
  "OS_STATES",
  "HYPER_V_GENERATIONS",
  "ARCHITECTURES",
  "STORAGE_ACCOUNT_TYPES",
  "REPLICATION_MODES",
  "HOST_CACHING",
  "SHARING_PERMISSIONS",
  "SHARING_GROUP_TYPES",
] as const;

it.each(SHARED)("%s: the emulator accepts exactly the values the provider offers", (name) => {
  expect([...emulator[name]]).toEqual([...provider[name]]);
});
