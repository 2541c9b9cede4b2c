// The emulator's state shared by all handlers: resolved options, the store, the token service and the
// public endpoint (known once the server listens).
import type { ResolvedOptions } from "./options";
import type { Store } from "./store/store";
import type { TokenService } from "./auth";

export interface Service {
  readonly opts: ResolvedOptions;
  readonly store: Store;
  readonly tokens: TokenService;
  endpoint: string;
  /** Injectable clock so tests and restarts reason about the same timeline. */
  readonly clock: () => number;
}
