// The emulator's own identity provider: OAuth2 client credentials for one tenant and its clients (the
// primary identity, which owns everything, and any further identities whose access role assignments
// decide), issuing HS256-signed JWTs (Azure tools decode tid/oid/appid from the token, so it must be a JWT).
// The signing key lives in the store, so tokens stay valid across restarts on the same state directory.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Store } from "./store/store";

const KEY_META = "tokenSigningKey";
export const TOKEN_LIFETIME_SECONDS = 3599;

/** A verdict of `verify` that refuses the token. */
export const isRefusal = (v: Caller | TokenRefusal): v is TokenRefusal => "code" in v;

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

/** A further client of the emulator's tenant: a service principal with its own object id and groups. */
export interface ClientIdentity {
  clientId: string;
  clientSecret: string;
  /** The service principal's object id: what role assignments name as `principalId`. */
  objectId: string;
  /** Object ids of the groups it is a member of (assignments to a group reach its members). */
  groupIds: string[];
}

/** Who sent a request, as the token says. */
export interface Caller {
  clientId: string;
  objectId: string;
  groupIds: readonly string[];
  /** The emulator's own identity: owner of everything, never refused. */
  primary: boolean;
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString("base64url");

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export class TokenService {
  private readonly key: Buffer;
  private readonly clients: ClientIdentity[];

  constructor(
    store: Store,
    private readonly id: TokenIdentity,
    others: readonly ClientIdentity[] = [],
  ) {
    // Read and created in one transaction: emulators started together on one state directory
    // agree on one key, so a token one of them issued is valid at the other.
    const key = store.transaction(() => {
      const existing = store.getMeta(KEY_META);
      if (existing) return existing;
      const created = randomBytes(32).toString("hex");
      store.setMeta(KEY_META, created);
      return created;
    });
    this.key = Buffer.from(key, "hex");
    // The primary identity is configured by its client id alone, so that id is its object id too.
    this.clients = [{ ...id, objectId: id.clientId, groupIds: [] }, ...others];
  }

  /** The primary identity (its tenant is the emulator's one tenant). */
  get identity(): TokenIdentity {
    return this.id;
  }

  /** The client with this id, if the emulator knows it. */
  client(clientId: string): ClientIdentity | undefined {
    return this.clients.find((c) => same(c.clientId, clientId));
  }

  secretMatches(client: ClientIdentity, clientSecret: string): boolean {
    const a = Buffer.from(clientSecret);
    const b = Buffer.from(client.clientSecret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  issue(client: ClientIdentity, issuer: string, audience: string, nowSeconds: number): string {
    const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const claims = b64url(
      JSON.stringify({
        aud: audience,
        iss: issuer,
        iat: nowSeconds,
        nbf: nowSeconds - 60,
        exp: nowSeconds + TOKEN_LIFETIME_SECONDS,
        tid: this.id.tenantId,
        appid: client.clientId,
        azp: client.clientId,
        oid: client.objectId,
        sub: client.objectId,
        idtyp: "app",
        ver: "1.0",
      }),
    );
    return `${header}.${claims}.${this.sign(`${header}.${claims}`)}`;
  }

  /**
   * The caller the token names, or why the token is unacceptable as ARM's error code and message.
   * `audiences`: what the token's `aud` must be exactly (ARM's own, and the emulator's endpoint).
   */
  verify(token: string, nowSeconds: number, audiences: readonly string[]): Caller | TokenRefusal {
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
    const client = this.client(c.appid ?? "");
    if (!client) return invalid("The token was issued for another client.");
    return {
      clientId: client.clientId,
      objectId: client.objectId,
      groupIds: client.groupIds,
      primary: same(client.clientId, this.id.clientId),
    };
  }

  private sign(data: string): string {
    return createHmac("sha256", this.key).update(data).digest("base64url");
  }
}
