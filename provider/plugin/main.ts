// The entry point of `pulumi-resource-compute-gallery`: the engine starts it with its own address
// as an argument and reads the port the plugin listens on from the first line of standard output.
import { pluginHandlers } from "./handlers";
import { engineLogger } from "../operations/engineLogger";
import { serve } from "./server";
import { watchParent } from "./parentWatch";
import { packageVersion } from "./packageVersion";

export async function main(args: readonly string[]): Promise<void> {
  // Flags such as --logtostderr and -v=9 come before or after the address.
  const engineAddress = args.find((arg) => !arg.startsWith("-"));
  if (!engineAddress) {
    process.stderr.write(
      "usage: pulumi-resource-compute-gallery <engine address>\n(started by the pulumi CLI)\n",
    );
    process.exit(1);
  }
  const handlers = pluginHandlers({ log: engineLogger(engineAddress), env: process.env, cwd: process.cwd() });
  const server = await serve(handlers, packageVersion());
  process.stdout.write(`${server.port}\n`);
  // The engine ends the plugin with a signal; a killed engine sends none, and the plugin sees its
  // parent change. Either way: stop the embedded emulator so its state is closed cleanly, then exit.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Operations in flight are abandoned: what Azure (or the emulator's store) accepted stays there.
    handlers.cancel();
    // Never linger: a shutdown that hangs still ends.
    setTimeout(() => process.exit(0), 5000).unref();
    void Promise.allSettled([handlers.close(), server.stop()]).then(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
  watchParent(stop);
}
