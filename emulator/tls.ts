// HTTPS only: a self-signed certificate for localhost/127.0.0.1, created on first start and kept in the
// state directory so clients can trust it once. The emulator never falls back to plain HTTP.
import * as fs from "node:fs";
import * as path from "node:path";
import type * as Selfsigned from "selfsigned";

export interface TlsMaterial {
  cert: string;
  key: string;
  certificatePath: string | undefined;
}

export const CERT_FILE = "tls-cert.pem";
export const KEY_FILE = "tls-key.pem";

async function create(): Promise<{ cert: string; key: string }> {
  // Loaded only to make a certificate (about 0.3 s): a start that reuses the kept one skips it.
  const { generate } = require("selfsigned") as typeof Selfsigned;
  const now = Date.now();
  const result = await generate([{ name: "commonName", value: "compute-gallery-emulator" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate: new Date(now - 24 * 3600 * 1000),
    notAfterDate: new Date(now + 5 * 365 * 24 * 3600 * 1000),
    extensions: [
      // A CA certificate that is also the leaf, so every trust store (Node `ca`, REQUESTS_CA_BUNDLE,
      // NODE_EXTRA_CA_CERTS) accepts it as its own anchor.
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", digitalSignature: true, keyCertSign: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  return { cert: result.cert, key: result.private };
}

// In-memory emulators (tests) share one certificate per process: generating one per test is wasted time.
let memoryCert: Promise<{ cert: string; key: string }> | undefined;

export async function loadOrCreateTls(stateDir: string | undefined): Promise<TlsMaterial> {
  if (!stateDir) {
    memoryCert ??= create();
    return { ...(await memoryCert), certificatePath: undefined };
  }
  const certPath = path.join(stateDir, CERT_FILE);
  const keyPath = path.join(stateDir, KEY_FILE);
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) {
    return {
      cert: fs.readFileSync(certPath, "utf8"),
      key: fs.readFileSync(keyPath, "utf8"),
      certificatePath: certPath,
    };
  }
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const { cert, key } = await create();
  fs.writeFileSync(keyPath, key, { mode: 0o600 });
  fs.writeFileSync(certPath, cert, { mode: 0o644 });
  return { cert, key, certificatePath: certPath };
}
