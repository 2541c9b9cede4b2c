// The serializable provider of the gallery kind, the whole export of this module (see forwarding.ts).
import { forwardingProvider } from "./forwarding";

export = forwardingProvider("gallery");
