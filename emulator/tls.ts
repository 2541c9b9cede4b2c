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

const LOCK_FILE = "tls.lock";
/** A lock older than this was left by a process killed while writing the pair: taken over. */
const STALE_LOCK_MS = 30_000;

function readPair(certPath: string, keyPath: string): { cert: string; key: string } | undefined {
  if (!fs.existsSync(certPath) || !fs.existsSync(keyPath)) return undefined;
  return { cert: fs.readFileSync(certPath, "utf8"), key: fs.readFileSync(keyPath, "utf8") };
}

/**
 * The certificate and key of a state directory, created on first start. Emulators starting together
 * on one directory (two stacks' `up`) must not each write half a pair: the one that creates the lock
 * file writes both (each through a temporary file and a rename), the others wait for it.
 */
export async function loadOrCreateTls(stateDir: string | undefined): Promise<TlsMaterial> {
  if (!stateDir) {
    memoryCert ??= create();
    return { ...(await memoryCert), certificatePath: undefined };
  }
  const certPath = path.join(stateDir, CERT_FILE);
  const keyPath = path.join(stateDir, KEY_FILE);
  const lockPath = path.join(stateDir, LOCK_FILE);
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  for (;;) {
    const existing = !fs.existsSync(lockPath) && readPair(certPath, keyPath);
    if (existing) return { ...existing, certificatePath: certPath };
    let lock: number;
    try {
      lock = fs.openSync(lockPath, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(lockPath, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    try {
      // Another process may have written the pair between our look and our lock.
      const written = readPair(certPath, keyPath);
      if (written) return { ...written, certificatePath: certPath };
      const { cert, key } = await create();
      fs.writeFileSync(`${keyPath}.tmp`, key, { mode: 0o600 });
      fs.renameSync(`${keyPath}.tmp`, keyPath);
      fs.writeFileSync(`${certPath}.tmp`, cert, { mode: 0o644 });
      fs.renameSync(`${certPath}.tmp`, certPath);
      return { cert, key, certificatePath: certPath };
    } finally {
      fs.closeSync(lock);
      fs.rmSync(lockPath, { force: true });
    }
  }
}
