// The plugin's gRPC methods (provider/plugin/server.ts) called as the gRPC library calls them, with
// requests as the service definition decodes them.
import { providerService } from "../../provider/plugin/server";
import type { PluginHandlers } from "../../provider/plugin/handlers";
import { provproto } from "../../provider/plugin/protocol";

type Method = (call: { request: unknown }, callback: (error: unknown, response?: any) => void) => void;

function call(method: Method, request: unknown): Promise<any> {
  return new Promise((resolve, reject) =>
    method({ request }, (error, response) => (error ? reject(error) : resolve(response))),
  );
}

describe("diffConfig", () => {
  const service = providerService({} as PluginHandlers, "0.0.0") as unknown as Record<string, Method>;
  const diffConfig = (olds: object, news: object) =>
    call(service.diffConfig!, { message: new provproto.DiffRequest(), structs: { olds, news } }).then(
      (response) => response.message.getChanges(),
    );

  test("the same config with its keys in another order is no change", async () => {
    // Go's protobuf writes a map's entries in no fixed order, so the engine may send either.
    const olds = { backend: "local", stateDir: "/s", replicationSpeed: "1000" };
    const news = { replicationSpeed: "1000", stateDir: "/s", backend: "local" };
    await expect(diffConfig(olds, news)).resolves.toBe(provproto.DiffResponse.DiffChanges.DIFF_NONE);
  });

  test("another value is a change", async () => {
    await expect(diffConfig({ backend: "local" }, { backend: "emulator" })).resolves.toBe(
      provproto.DiffResponse.DiffChanges.DIFF_SOME,
    );
  });
});
