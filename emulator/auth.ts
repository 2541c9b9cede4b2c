// The emulator's own identity provider: OAuth2 client credentials for one configured tenant and client,
// issuing HS256-signed JWTs (Azure tools decode tid/oid/appid from the token, so it must be a JWT).
// The signing key lives in the store, so tokens stay valid across restarts on the same state directory.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Store } from "./store/store";

const KEY_META = "tokenSigningKey";
export const TOKEN_LIFETIME_SECONDS = 3599;

export interface TokenIdentity {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString("base64url");

export class TokenService {
  private readonly key: Buffer;

  constructor(
    store: Store,
    private readonly id: TokenIdentity,
  ) {
    let key = store.getMeta(KEY_META);
    if (!key) {
      key = randomBytes(32).toString("hex");
      store.transaction(() => store.setMeta(KEY_META, key as string));
    }
    this.key = Buffer.from(key, "hex");
  }

  get identity(): TokenIdentity {
    return this.id;
  }

  secretMatches(clientSecret: string): boolean {
    const a = Buffer.from(clientSecret);
    const b = Buffer.from(this.id.clientSecret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  issue(issuer: string, audience: string, nowSeconds: number): string {
    const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const claims = b64url(
      JSON.stringify({
        aud: audience,
        iss: issuer,
        iat: nowSeconds,
        nbf: nowSeconds - 60,
        exp: nowSeconds + TOKEN_LIFETIME_SECONDS,
        tid: this.id.tenantId,
        appid: this.id.clientId,
        azp: this.id.clientId,
        oid: this.id.clientId,
        sub: this.id.clientId,
        idtyp: "app",
        ver: "1.0",
      }),
    );
    return `${header}.${claims}.${this.sign(`${header}.${claims}`)}`;
  }

  /** Returns why the token is unacceptable, or undefined when it is good. */
  verify(token: string, nowSeconds: number): string | undefined {
    const parts = token.split(".");
    if (parts.length !== 3) return "The token is malformed.";
    const [header, claims, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${claims}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return "The token signature is invalid.";
    }
    let c: { exp?: number; tid?: string; appid?: string };
    try {
      c = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as typeof c;
    } catch {
      return "The token is malformed.";
    }
    if (typeof c.exp !== "number" || c.exp < nowSeconds) return "The token is expired.";
    if (c.tid !== this.id.tenantId) return "The token was issued for another tenant.";
    if (c.appid !== this.id.clientId) return "The token was issued for another client.";
    return undefined;
  }

  private sign(data: string): string {
    return createHmac("sha256", this.key).update(data).digest("base64url");
  }
}
