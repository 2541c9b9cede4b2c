// The serializable provider of the galleryImageVersion kind, the whole export of this module (see forwarding.ts).
import { forwardingProvider } from "./forwarding";

export = forwardingProvider("galleryImageVersion");
