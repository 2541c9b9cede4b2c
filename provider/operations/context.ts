// Everything the resource operations need from the process they run in: the backend connection,
// where messages go and the clock (waiting is the Azure SDK poller's, spaced by Retry-After). Each front door builds one: the dynamic provider
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

export interface OperationContext {
  readonly settings: BackendSettings;
  /** The backend, connected on first use. */
  api(): Promise<GalleryApi>;
  readonly log: Logger;
  now(): Date;
  /** Stops what the connection started (the embedded emulator). */
  close(): Promise<void>;
}

export interface ContextOptions {
  settings: BackendSettings;
  /** Opens the backend; called once, on first use. */
  connect: (settings: BackendSettings) => Promise<Connection>;
  log: Logger;
  now?: () => Date;
}

export function createContext(options: ContextOptions): OperationContext {
  let connection: Promise<Connection> | undefined;
  const open = () => (connection ??= options.connect(options.settings));
  return {
    settings: options.settings,
    api: () => open().then((c) => c.api),
    log: options.log,
    now: options.now ?? (() => new Date()),
    close: async () => {
      if (connection) await (await connection).close();
    },
  };
}
