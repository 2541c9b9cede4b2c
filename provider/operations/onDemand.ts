// The resource operations of a front door (the dynamic provider's runtime.ts, the plugin's
// handlers.ts), made when a call first needs them. They bring the lifecycle with them (zod, the
// model, the rules: about 0.1 s to load), and the embedded backend's connection boots an emulator
// thread in about as long. A call that reaches Azure starts connecting first, so that the thread
// boots while this one loads the lifecycle; a call that never reaches Azure (check and diff, all a
// preview makes) never connects.
import type { OperationContext } from "./context";
import type { ResourceOperations } from "./operations";

export interface OperationsOnDemand {
  /** The operations, loading the lifecycle on first use. */
  get(): ResourceOperations;
  /**
   * `get()` for a call that reaches Azure: connecting starts first. A failed start is reported where
   * the operation awaits the connection, not here.
   */
  connecting(): ResourceOperations;
}

function lifecycle(): typeof import("./operations") {
  return require("./operations");
}

export function operationsOnDemand(context: OperationContext): OperationsOnDemand {
  let operations: ResourceOperations | undefined;
  let connectStarted = false;
  const get = () => (operations ??= lifecycle().resourceOperations(context));
  return {
    get,
    connecting() {
      // Once: every later call finds the connection the operations share (context.ts).
      if (!connectStarted) {
        connectStarted = true;
        context.api().catch(() => undefined);
      }
      return get();
    },
  };
}
