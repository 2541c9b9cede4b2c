// What the plugin spends turning one version's messages of a refresh into JSON and back: the Read
// request and its answer, and the Diff request the engine sends after it. Two codecs: the SDK's
// generated classes with google-protobuf's Struct (how the plugin read them before), and the
// plugin's own service definition (provider/plugin/wireService.ts). A plugin process lives for one
// command, so most of its versions meet code V8 has not optimised yet: each codec runs in a fresh
// process of its own, which times the first 100 versions (cold) and then 2,000 more (warm). The
// two alternate, 3 times each; the medians are reported.
import { execFileSync } from "child_process";
import * as path from "path";

/** One version of the benchmark's shape as the plugin stores it (2 regions): its inputs and outputs. */
const VERSION_FILE = path.join(__dirname, "wireVersion.json");
const CODECS = ["google-protobuf", "wireService"] as const;
type Codec = (typeof CODECS)[number];
const COLD_VERSIONS = 100;
const WARM_VERSIONS = 2000;
const RUNS = 3;

export interface WireReport {
  /** Bytes of the three messages of one version. */
  bytes: number;
  /** Milliseconds per version, the median of the runs: first 100 versions of a process, and after. */
  coldMs: Record<Codec, number>;
  warmMs: Record<Codec, number>;
}

/** Runs in the child: encodes the version's messages, then times reading and writing them. */
function timeCodec(codec: Codec): { bytes: number; coldMs: number; warmMs: number } {
  // Loaded here, not at the top: the parent process has no use for the protocol modules.
  const { provproto, provrpc, struct } =
    require("../provider/plugin/protocol") as typeof import("../provider/plugin/protocol");
  const { wireService } =
    require("../provider/plugin/wireService") as typeof import("../provider/plugin/wireService");
  const generated = provrpc.ResourceProviderService;
  const version = require(VERSION_FILE) as { id: string; urn: string; inputs: object; outputs: object };

  const readRequest = new provproto.ReadRequest();
  readRequest.setId(version.id);
  readRequest.setUrn(version.urn);
  readRequest.setProperties(struct(version.outputs as Record<string, unknown>));
  readRequest.setInputs(struct(version.inputs as Record<string, unknown>));
  const diffRequest = new provproto.DiffRequest();
  diffRequest.setId(version.id);
  diffRequest.setUrn(version.urn);
  diffRequest.setOlds(struct(version.outputs as Record<string, unknown>));
  diffRequest.setNews(struct(version.inputs as Record<string, unknown>));
  diffRequest.setOldInputs(struct(version.inputs as Record<string, unknown>));
  const readBytes = Buffer.from(readRequest.serializeBinary());
  const diffBytes = Buffer.from(diffRequest.serializeBinary());

  const wire = wireService() as Record<string, any>;
  const oneVersion =
    codec === "google-protobuf"
      ? () => {
          const read = generated.read.requestDeserialize(readBytes);
          const outputs = read.getProperties()!.toJavaScript();
          read.getInputs()!.toJavaScript();
          const answer = new provproto.ReadResponse();
          answer.setId(read.getId());
          answer.setProperties(struct(outputs));
          const answerBytes = generated.read.responseSerialize(answer);
          const diff = generated.diff.requestDeserialize(diffBytes);
          diff.getOlds()!.toJavaScript();
          diff.getNews()!.toJavaScript();
          diff.getOldInputs()!.toJavaScript();
          return answerBytes.length;
        }
      : () => {
          const read = wire.read.requestDeserialize(readBytes);
          const answer = new provproto.ReadResponse();
          answer.setId(read.message.getId());
          const answerBytes = wire.read.responseSerialize({
            message: answer,
            structs: { properties: read.structs.properties },
          });
          wire.diff.requestDeserialize(diffBytes);
          return answerBytes.length;
        };
  const answerBytes = oneVersion();
  const timed = (versions: number) => {
    const start = performance.now();
    for (let i = 0; i < versions; i++) oneVersion();
    return (performance.now() - start) / versions;
  };
  const coldMs = timed(COLD_VERSIONS);
  const warmMs = timed(WARM_VERSIONS);
  return { bytes: readBytes.length + answerBytes + diffBytes.length, coldMs, warmMs };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function measureWire(log: (line: string) => void): WireReport {
  const runs: Record<Codec, { bytes: number; coldMs: number; warmMs: number }[]> = {
    "google-protobuf": [],
    wireService: [],
  };
  for (let run = 0; run < RUNS; run++) {
    for (const codec of CODECS) {
      // A fresh Node process per run: ts-node only compiles, outside the timed loops.
      const output = execFileSync(
        process.execPath,
        ["-r", "ts-node/register/transpile-only", __filename, codec],
        { cwd: path.resolve(__dirname, ".."), encoding: "utf8" },
      );
      runs[codec].push(JSON.parse(output));
    }
  }
  const pick = (key: "coldMs" | "warmMs") =>
    Object.fromEntries(CODECS.map((codec) => [codec, median(runs[codec].map((r) => r[key]))])) as Record<
      Codec,
      number
    >;
  const report = { bytes: runs.wireService[0]!.bytes, coldMs: pick("coldMs"), warmMs: pick("warmMs") };
  log(
    `wire: one version's refresh messages (${report.bytes} bytes), cold ${report.coldMs["google-protobuf"].toFixed(3)} / ${report.coldMs.wireService.toFixed(3)} ms, warm ${report.warmMs["google-protobuf"].toFixed(3)} / ${report.warmMs.wireService.toFixed(3)} ms`,
  );
  return report;
}

if (require.main === module) {
  const codec = process.argv[2] as Codec;
  if (!CODECS.includes(codec)) throw new Error(`codec must be one of ${CODECS.join(", ")}; got ${codec}`);
  process.stdout.write(JSON.stringify(timeCodec(codec)));
}
