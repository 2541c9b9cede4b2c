// A resource Azure reports as Failed is updated by the next `up` even when the program is unchanged,
// and the preview says why; anything else keeps the diff the lifecycle computed.
import type { DiffOutcome } from "../../provider/lifecycle/diff";
import { failedRegions, repairingFailed } from "../../provider/operations/writeFailure";

const unchanged: DiffOutcome = {
  changes: false,
  replaces: [],
  deleteBeforeReplace: false,
  updates: [],
  warnings: [],
  details: [],
};
const failedVersion = {
  provisioningState: "Failed",
  replicationStatus: {
    aggregatedState: "Failed",
    summary: [
      { region: "West Europe", state: "Completed", progress: 100, details: "" },
      { region: "West US 3", state: "Failed", progress: 100, details: "Quota exceeded." },
    ],
  },
};

test("a Failed version with no change is updated, naming the failed region", () => {
  expect(repairingFailed(unchanged, failedVersion, "image version rg/g/app/1.0.0")).toEqual({
    ...unchanged,
    changes: true,
    updates: ["provisioningState"],
    details: [{ path: "provisioningState", kind: "update", replace: false }],
    warnings: [
      "image version rg/g/app/1.0.0 is Failed in Azure (replication failed in West US 3): the update retries it",
    ],
  });
});

test("a Failed gallery with no change is updated", () => {
  expect(repairingFailed(unchanged, { provisioningState: "Failed" }, "gallery rg/g")).toMatchObject({
    changes: true,
    warnings: ["gallery rg/g is Failed in Azure: the update retries it"],
  });
});

test("a Succeeded resource, or a Failed one being replaced, keeps its diff", () => {
  expect(repairingFailed(unchanged, { provisioningState: "Succeeded" }, "gallery rg/g")).toBe(unchanged);
  const replacing: DiffOutcome = { ...unchanged, changes: true, replaces: ["location"], updates: [] };
  expect(repairingFailed(replacing, failedVersion, "v")).toBe(replacing);
});

test("failed regions are those whose state is Failed, with Azure's details", () => {
  expect(failedRegions(failedVersion)).toEqual([{ region: "West US 3", details: "Quota exceeded." }]);
  expect(failedRegions({ provisioningState: "Succeeded" })).toEqual([]);
});
