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
