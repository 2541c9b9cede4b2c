// Everything the resource operations need from the process they run in: the backend connection,
// where messages go, the clock and how to wait. Each front door builds one: the dynamic provider
// once per provider process, the plugin once per Configure. Nothing here is module state, so two
// front doors (or two tests) never share a connection by accident.
import type { BackendSettings } from "../azure/settings";
import type { Connection } from "../azure/connect";
import type { GalleryApi } from "../azure/galleryApi";

export type Severity = "info" | "warning" | "error";

export interface LogOptions {
  /** The resource the message is about; the engine shows it under that resource. */
  readonly urn?: string;
  /** Progress that the display replaces by the next message. */
  readonly ephemeral?: boolean;
}

export type Logger = (severity: Severity, message: string, options?: LogOptions) => Promise<void>;

/** Waits `ms`, or rejects as soon as `signal` is aborted. */
export type Delay = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface OperationContext {
  readonly settings: BackendSettings;
  /** The backend, connected on first use. */
  api(): Promise<GalleryApi>;
  readonly log: Logger;
  now(): Date;
  readonly delay: Delay;
  /** Stops what the connection started (the embedded emulator). */
  close(): Promise<void>;
}

export interface ContextOptions {
  settings: BackendSettings;
  /** Opens the backend; called once, on first use. */
  connect: (settings: BackendSettings) => Promise<Connection>;
  log: Logger;
  now?: () => Date;
  delay?: Delay;
}

export const abortableDelay: Delay = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export function createContext(options: ContextOptions): OperationContext {
  let connection: Promise<Connection> | undefined;
  const open = () => (connection ??= options.connect(options.settings));
  return {
    settings: options.settings,
    api: () => open().then((c) => c.api),
    log: options.log,
    now: options.now ?? (() => new Date()),
    delay: options.delay ?? abortableDelay,
    close: async () => {
      if (connection) await (await connection).close();
    },
  };
}
