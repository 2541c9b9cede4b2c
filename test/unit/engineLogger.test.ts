// The engine logger against an engine of the SDK's generated service: what each message carries; and
// stubs that do not load or do not fit send the message to the fallback, never failing the caller.
import { engineLogger, type EngineStubs } from "../../provider/operations/engineLogger";
import type { Logger } from "../../provider/operations/context";

const pulumiDir = require.resolve("@pulumi/pulumi");
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
const engrpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
const engproto = require("@pulumi/pulumi/proto/engine_pb");
const emptyproto = require(
  require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [pulumiDir] }),
);

let server: any;
let address: string;
const received: unknown[] = [];

beforeAll(async () => {
  server = new grpc.Server();
  server.addService(engrpc.EngineService, {
    log: (call: any, callback: any) => {
      const r = call.request;
      received.push([r.getSeverity(), r.getMessage(), r.getUrn(), r.getEphemeral()]);
      callback(null, new emptyproto.Empty());
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e: Error | null, p: number) =>
      e ? reject(e) : resolve(p),
    ),
  );
  address = `127.0.0.1:${port}`;
});

afterAll(() => new Promise<void>((done) => server.tryShutdown(() => done())));

/** A fallback that records what it was given. */
function recording(): { log: Logger; got: unknown[] } {
  const got: unknown[] = [];
  return { got, log: async (severity, message, options) => void got.push([severity, message, options]) };
}

test("a message reaches the engine with its severity, its URN and whether it is ephemeral", async () => {
  const fallback = recording();
  const log = engineLogger(address, { fallback: fallback.log });
  await log("warning", "replacing", { urn: "urn:pulumi:s::p::t::n" });
  await log("info", "replicating 50%", { ephemeral: true });
  expect(received).toEqual([
    [engproto.LogSeverity.WARNING, "replacing", "urn:pulumi:s::p::t::n", false],
    [engproto.LogSeverity.INFO, "replicating 50%", "", true],
  ]);
  expect(fallback.got).toEqual([]);
});

test("stubs that do not load: the fallback gets every message", async () => {
  const fallback = recording();
  const log = engineLogger(address, {
    stubs: () => {
      throw new Error("Cannot find module '@pulumi/pulumi/proto/engine_grpc_pb'");
    },
    fallback: fallback.log,
  });
  await log("error", "boom", { urn: "u" });
  expect(fallback.got).toEqual([["error", "boom", { urn: "u" }]]);
});

test("a LogRequest without a setter it needs: the fallback gets the message, the caller never fails", async () => {
  const fallback = recording();
  class OlderLogRequest {
    setSeverity() {}
    setMessage() {}
    setUrn() {}
  }
  const stubs = (): EngineStubs => ({ grpc, engrpc, engproto: { ...engproto, LogRequest: OlderLogRequest } });
  const log = engineLogger(address, { stubs, fallback: fallback.log });
  await expect(log("warning", "w")).resolves.toBeUndefined();
  expect(fallback.got).toEqual([["warning", "w", undefined]]);
});

test("an engine that is gone: the message is lost, the caller never fails", async () => {
  const fallback = recording();
  const log = engineLogger("127.0.0.1:1", { fallback: fallback.log });
  await expect(log("info", "nobody hears")).resolves.toBeUndefined();
});
