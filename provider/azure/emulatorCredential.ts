// A TokenCredential for the local emulator: OAuth2 client credentials against
// the emulator's own token endpoint, over TLS that trusts only the emulator's
// certificate. Azure itself uses @azure/identity instead; the request path of
// the SDK client is the same for both.
import * as https from "https";
import type { AccessToken, TokenCredential } from "@azure/core-auth";

export interface EmulatorCredentialOptions {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  agent: https.Agent;
}

export class EmulatorCredential implements TokenCredential {
  private cached: AccessToken | undefined;

  constructor(private readonly options: EmulatorCredentialOptions) {}

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    // Refresh a minute early so a long poll never carries an expired token.
    if (this.cached && this.cached.expiresOnTimestamp - 60_000 > Date.now()) return this.cached;
    const scope = Array.isArray(scopes) ? scopes.join(" ") : scopes;
    const { authorityHost, tenantId, clientId, clientSecret, agent } = this.options;
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope,
    }).toString();
    const url = new URL(`/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, authorityHost);
    const body = await postForm(url, form, agent);
    const answer = JSON.parse(body) as { access_token?: string; expires_in?: number; error?: string };
    if (!answer.access_token) {
      // The answer names the OAuth error; it never contains the secret we sent.
      throw new Error(`the emulator refused the client credentials: ${answer.error ?? "no token in answer"}`);
    }
    this.cached = {
      token: answer.access_token,
      expiresOnTimestamp: Date.now() + (answer.expires_in ?? 3600) * 1000,
    };
    return this.cached;
  }
}

function postForm(url: URL, form: string, agent: https.Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(form),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve(text));
      },
    );
    req.on("error", reject);
    req.end(form);
  });
}
