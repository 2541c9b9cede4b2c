// The standalone emulator's resource-group mode: explicit (as Azure) unless told otherwise.
import { optionsFromArgs } from "../../emulator/cli";

test("the standalone emulator wants resource groups created first unless --resource-groups implicit", () => {
  expect(optionsFromArgs(["emulator"], {}).resourceGroups).toBe("explicit");
  expect(optionsFromArgs(["emulator", "--resource-groups", "implicit"], {}).resourceGroups).toBe("implicit");
  expect(
    optionsFromArgs(["emulator"], { COMPUTE_GALLERY_EMULATOR_RESOURCE_GROUPS: "implicit" }).resourceGroups,
  ).toBe("implicit");
  expect(() => optionsFromArgs(["emulator", "--resource-groups", "lenient"], {})).toThrow(
    "--resource-groups must be explicit or implicit, got 'lenient'",
  );
});

test("fault rules come from --fault (repeatable) after those of the environment, with a seed", () => {
  const options = optionsFromArgs(
    ["emulator", "--fault", "PUT version count=1 -> 503", "--fault-seed", "11"],
    { COMPUTE_GALLERY_EMULATOR_FAULTS: "GET p=0.1 -> 500; region=westus3 -> replication-failed" },
  );
  expect(options.faults).toEqual([
    { match: { method: "GET" }, probability: 0.1, effect: { kind: "error", status: 500 } },
    { match: { region: "westus3" }, effect: { kind: "replicationFailed" } },
    { match: { method: "PUT", resource: "version" }, count: 1, effect: { kind: "error", status: 503 } },
  ]);
  expect(options.faultSeed).toBe(11);
  expect(optionsFromArgs(["emulator"], { COMPUTE_GALLERY_EMULATOR_FAULT_SEED: "4" }).faultSeed).toBe(4);
  expect(optionsFromArgs(["emulator"], {}).faults).toBeUndefined();
});

test("a fault rule the emulator cannot apply stops the start, saying what is allowed", () => {
  expect(() => optionsFromArgs(["emulator", "--fault", "PUT -> 42"], {})).toThrow(
    "fault rule 'PUT -> 42': unknown effect '42'; allowed: <status>, latency, drop",
  );
});

test("--allow-remote (or its environment variable) is off unless given", () => {
  expect(optionsFromArgs(["emulator"], {}).allowRemote).toBe(false);
  expect(optionsFromArgs(["emulator", "--allow-remote"], {}).allowRemote).toBe(true);
  expect(optionsFromArgs(["emulator"], { COMPUTE_GALLERY_EMULATOR_ALLOW_REMOTE: "1" }).allowRemote).toBe(
    true,
  );
});

test("--identities reads further clients from a JSON file; a client id taken twice is refused at start", async () => {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "identities-")), "identities.json");
  const reader = { clientId: "r-1", clientSecret: "s", objectId: "o-1", groupIds: ["g-1"] };
  fs.writeFileSync(file, JSON.stringify({ identities: [reader] }));
  expect(optionsFromArgs(["emulator", "--identities", file], {}).identities).toEqual([reader]);
  expect(optionsFromArgs(["emulator"], { COMPUTE_GALLERY_EMULATOR_IDENTITIES: file }).identities).toEqual([
    reader,
  ]);
  fs.writeFileSync(file, JSON.stringify({ clients: [] }));
  expect(() => optionsFromArgs(["emulator", "--identities", file], {})).toThrow(
    'expected { "identities": [ ... ] }',
  );
  const { resolveOptions, DEFAULT_IDENTITY } = await import("../../emulator/options");
  expect(() =>
    resolveOptions({
      inMemory: true,
      identities: [{ clientId: DEFAULT_IDENTITY.clientId, clientSecret: "x" }],
    }),
  ).toThrow(`identities[0]: client id '${DEFAULT_IDENTITY.clientId}' is already taken by another identity`);
});
