// The emulator's own identity provider: OAuth2 client credentials for one configured tenant and client,
// issuing HS256-signed JWTs (Azure tools decode tid/oid/appid from the token, so it must be a JWT).
// The signing key lives in the store, so tokens stay valid across restarts on the same state directory.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Store } from "./store/store";

const KEY_META = "tokenSigningKey";
export const TOKEN_LIFETIME_SECONDS = 3599;

export interface TokenRefusal {
  code: "InvalidAuthenticationToken" | "ExpiredAuthenticationToken" | "InvalidAuthenticationTokenAudience";
  message: string;
}

/** ARM's spelling of a UTC instant in token errors: 11/30/2026 7:05:09 PM. */
function armUtc(seconds: number): string {
  const d = new Date(seconds * 1000);
  const h = d.getUTCHours() % 12 || 12;
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ` +
    `${h}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? "AM" : "PM"}`
  );
}

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

  /**
   * Why the token is unacceptable, as ARM's error code and message, or undefined when it is good.
   * `audiences`: what the token's `aud` must be exactly (ARM's own, and the emulator's endpoint).
   */
  verify(token: string, nowSeconds: number, audiences: readonly string[]): TokenRefusal | undefined {
    const invalid = (why: string): TokenRefusal => ({
      code: "InvalidAuthenticationToken",
      message: `The access token is invalid. ${why}`,
    });
    const parts = token.split(".");
    if (parts.length !== 3) return invalid("The token is malformed.");
    const [header, claims, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${claims}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return invalid("The token signature is invalid.");
    }
    let c: { exp?: number; aud?: string; tid?: string; appid?: string };
    try {
      c = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as typeof c;
    } catch {
      return invalid("The token is malformed.");
    }
    if (typeof c.exp !== "number") return invalid("The token has no expiry.");
    if (c.exp < nowSeconds) {
      return {
        code: "ExpiredAuthenticationToken",
        message: `The access token expiry UTC time '${armUtc(c.exp)}' is earlier than current UTC time '${armUtc(nowSeconds)}'.`,
      };
    }
    if (typeof c.aud !== "string" || !audiences.includes(c.aud)) {
      return {
        code: "InvalidAuthenticationTokenAudience",
        message:
          `The access token has been obtained for wrong audience or resource '${String(c.aud)}'. ` +
          `It should exactly match with one of the allowed audiences ${audiences.map((a) => `'${a}'`).join(",")}.`,
      };
    }
    if (c.tid !== this.id.tenantId) return invalid("The token was issued for another tenant.");
    if (c.appid !== this.id.clientId) return invalid("The token was issued for another client.");
    return undefined;
  }

  private sign(data: string): string {
    return createHmac("sha256", this.key).update(data).digest("base64url");
  }
}
