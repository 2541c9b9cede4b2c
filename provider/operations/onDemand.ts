// The resource operations of a front door (the dynamic provider's runtime.ts, the plugin's
// handlers.ts), made when a call first needs them; a call that reaches Azure starts connecting
// before they load, a call that never does (check, diff) never connects (tuning.ts, 3).
import type { OperationContext } from "./context";
import type { ResourceOperations } from "./operations";
import { onFirstUse } from "../tuning";

export interface OperationsOnDemand {
  /** The operations, loading the lifecycle on first use. */
  get(): ResourceOperations;
  /**
   * `get()` for a call that reaches Azure: connecting starts first. A failed start is reported where
   * the operation awaits the connection, not here.
   */
  connecting(): ResourceOperations;
}

const lifecycle = onFirstUse(() => require("./operations") as typeof import("./operations"));

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
