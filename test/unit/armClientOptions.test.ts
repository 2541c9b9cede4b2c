// The ARM clients' pipeline without the SDK's form-data policy (provider/tuning.ts, 4): removed by the
// name @azure/core-rest-pipeline exports, from the pipeline the SDK's clients really build; a pipeline
// without it is left as it is; on the plain path it stays.
import { ComputeManagementClient } from "@azure/arm-compute";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import {
  createEmptyPipeline,
  createPipelineFromOptions,
  formDataPolicyName,
  type Pipeline,
} from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/core-auth";
import { withArmPipeline } from "../../provider/azure/armClientOptions";

const names = (pipeline: Pipeline) => pipeline.getOrderedPolicies().map((policy) => policy.name);
const credential: TokenCredential = { getToken: async () => ({ token: "t", expiresOnTimestamp: 0 }) };

afterEach(() => {
  delete process.env.COMPUTE_GALLERY_PLAIN_PATH;
});

test.each([
  ["compute", () => new ComputeManagementClient(credential, "sub")],
  ["authorization", () => new AuthorizationManagementClient(credential, "sub")],
])("the %s client's pipeline loses the form-data policy and nothing else", (_name, make) => {
  const before = names(make().pipeline);
  expect(before).toContain(formDataPolicyName);
  expect(names(withArmPipeline(make()).pipeline)).toEqual(
    before.filter((name) => name !== formDataPolicyName),
  );
});

test("a pipeline without the form-data policy is left as it is", () => {
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy({ name: "mine", sendRequest: (request, next) => next(request) });
  expect(names(withArmPipeline({ pipeline }).pipeline)).toEqual(["mine"]);
  const sdkLike = createPipelineFromOptions({});
  sdkLike.removePolicy({ name: formDataPolicyName });
  const without = names(sdkLike);
  expect(names(withArmPipeline({ pipeline: sdkLike }).pipeline)).toEqual(without);
});

test("COMPUTE_GALLERY_PLAIN_PATH=1 keeps the form-data policy", () => {
  process.env.COMPUTE_GALLERY_PLAIN_PATH = "1";
  const client = new ComputeManagementClient(credential, "sub");
  const before = names(client.pipeline);
  expect(names(withArmPipeline(client).pipeline)).toEqual(before);
  expect(before).toContain(formDataPolicyName);
});
