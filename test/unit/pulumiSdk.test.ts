// Which @pulumi/pulumi the unit suite runs on: the project's, or the copy COMPUTE_GALLERY_PULUMI_SDK_DIR
// names (scripts/test.sh runs the suite on the lowest version the peer range allows, too). The
// package's modules and this suite load one and the same copy.
import * as path from "path";

test("the package's modules load the @pulumi/pulumi the suite runs on", () => {
  const expected =
    process.env.COMPUTE_GALLERY_PULUMI_SDK_DIR ??
    path.resolve(__dirname, "../../node_modules/@pulumi/pulumi");
  const loaded = path.dirname(require.resolve("@pulumi/pulumi"));
  expect(loaded).toBe(expected);
  // The plugin's generated stubs come from that copy too.
  const { provproto } =
    require("../../provider/plugin/protocol") as typeof import("../../provider/plugin/protocol");
  expect(provproto).toBe(require(`${expected}/proto/provider_pb`));
});
