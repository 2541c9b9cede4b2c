// The blob URLs a VM application version names (publishingProfile.source.mediaLink and
// defaultConfigurationLink). GalleryRP 2024-03-03 (UserArtifactSource): "must be a readable storage page
// blob"; learn.microsoft.com/azure/virtual-machines/vm-applications-how-to: the storage account needs public
// access, or the URL carries a SAS with read permission. What the emulator checks of the URL's form
// (https, an account host under blob.core.windows.net, a container and a blob in the path) is its own
// reading of those sentences, as are the error code and message: no recording shows Azure refusing one.
// Readability is the registered-source stand-in (sources.ts). A URL's query is its SAS, a secret: it is
// never quoted in an error.
import { errors } from "../errors";

/** Storage account names: 3-24 lower-case letters and digits (Microsoft.Storage naming rules). */
const BLOB_HOST = /^[a-z0-9]{3,24}\.blob\.core\.windows\.net$/;

export interface BlobLink {
  /** As given, SAS included: stored and returned as Azure returns it. */
  readonly url: string;
  /** Without the query: the blob itself, what may not change and what is safe to quote. */
  readonly blob: string;
}

const FORM =
  "https://<account>.blob.core.windows.net/<container>/<blob>, with a SAS granting read unless the blob is public";

/** The link's blob; InvalidParameter naming the parameter, the link without its SAS, and the form allowed. */
export function blobLink(value: unknown, target: string): BlobLink {
  if (typeof value !== "string" || value === "") throw errors.missingParameter(target);
  const blob = value.split("?")[0] ?? "";
  let url: URL | undefined;
  try {
    url = new URL(blob);
  } catch {
    url = undefined;
  }
  const segments = url ? url.pathname.split("/").filter((s) => s !== "") : [];
  if (!url || url.protocol !== "https:" || !BLOB_HOST.test(url.hostname) || segments.length < 2) {
    throw errors.invalidParameter(
      `The value '${blob}' of parameter '${target}' is not a blob the gallery can read; expected ${FORM}.`,
      target,
    );
  }
  return { url: value, blob };
}
