/**
 * PortaBilling `Account/update_account` and the `Session` calls: an openapi-fetch client for this spec,
 * logged in on first use with `Session/login` and renewed on the spec's "session expired" faultcodes.
 */

import { PortaBillingSession, type PortaBillingSecret } from "./runtime/auth.js";
import { authenticatedClient, type CommonOptions, type StrictClient } from "./runtime/client.js";
import { ConfigurationError } from "./runtime/errors.js";
import { baseUrl, checkCredential, credential, fromEnvironment } from "./runtime/settings.js";
import type { paths } from "./schema.js";
import { BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL, SESSION_FAULTCODES } from "./spec.js";

export type { components, operations, paths } from "./schema.js";
export { AccountkitError, AuthenticationError, ConfigurationError } from "./runtime/errors.js";
export type { CommonOptions, RequestBody, StrictClient } from "./runtime/client.js";
export { BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL, SESSION_FAULTCODES, SPEC } from "./spec.js";

export interface ConnectOptions extends CommonOptions {
  /** The server's REST root, e.g. `https://billing.example.net:8444/rest` (else the `BASE_URL_ENV` variable). */
  baseUrl?: string;
  /** The login (else its variable, `CREDENTIALS.login`). */
  login?: string;
  /** The password (else its variable, `CREDENTIALS.password`). */
  password?: string;
  /** An API token, used instead of the password (else its variable, `CREDENTIALS.token`). */
  token?: string;
}

/** The password or API token to log in with: the options' (password first), else the environment's. */
function sessionSecret(options: ConnectOptions): PortaBillingSecret {
  if (options.password !== undefined) return { password: checkCredential("password", options.password) };
  if (options.token !== undefined) return { token: checkCredential("token", options.token) };
  const password = fromEnvironment("password", CREDENTIALS.password);
  if (password !== undefined) return { password };
  const token = fromEnvironment("token", CREDENTIALS.token);
  if (token !== undefined) return { token };
  throw new ConfigurationError(
    `missing credential: pass password (or token) to connect(), or set ${CREDENTIALS.password} (or ${CREDENTIALS.token})`,
  );
}

export type PortaBillingClient = StrictClient<paths>;

/**
 * A client for a PortaBilling server. The access token from `Session/login` is sent as
 * `Authorization: Bearer …` and reused; a call answered with a session faultcode renews the session
 * once (refresh token first, then a new login) and is sent again. A refused login throws
 * `AuthenticationError`; missing or unusable options throw `ConfigurationError`.
 */
export function connect(options: ConnectOptions = {}): PortaBillingClient {
  const root = baseUrl(options.baseUrl, BASE_URL_ENV, DEFAULT_BASE_URL, options.allowInsecureHttp);
  const login = credential("login", options.login, CREDENTIALS.login);
  const secret = sessionSecret(options);
  const auth = new PortaBillingSession(root, login, secret, SESSION_FAULTCODES);
  return authenticatedClient<paths>(root, auth, options);
}
