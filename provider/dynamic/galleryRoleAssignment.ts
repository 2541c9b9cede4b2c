// The serializable provider of the galleryRoleAssignment kind, the whole export of this module (see forwarding.ts).
import { forwardingProvider } from "./forwarding";

export = forwardingProvider("galleryRoleAssignment");
