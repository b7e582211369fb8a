/**
 * 2sms (SMS+) `PUT api/v2/admin/accounts/{id}`: an openapi-fetch client for this spec, authenticated with
 * OAuth2 client credentials.
 */

import { ClientCredentials } from "./runtime/auth.js";
import { authenticatedClient, type CommonOptions, type StrictClient } from "./runtime/client.js";
import { baseUrl, credential } from "./runtime/settings.js";
import type { paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";
export { AccountkitError, AuthenticationError, ConfigurationError } from "./runtime/errors.js";
export type { CommonOptions, RequestBody, StrictClient } from "./runtime/client.js";
export { SPEC } from "./spec.js";

export const DEFAULT_BASE_URL = "https://portal.2sms.us";

export interface ConnectOptions extends CommonOptions {
  /** The regional portal (else `TWOSMS_BASE_URL`, then https://portal.2sms.us). */
  baseUrl?: string;
  /** The OAuth2 client id (else `TWOSMS_CLIENT_ID`). */
  clientId?: string;
  /** The OAuth2 client secret (else `TWOSMS_CLIENT_SECRET`). */
  clientSecret?: string;
}

export type TwoSmsClient = StrictClient<paths>;

/**
 * A client for 2sms. The token comes from `<baseUrl>/Token` (client credentials), is kept until a
 * minute (or a tenth of its lifetime, if shorter) before it expires, and is renewed once after a 401.
 * A refused token request throws `AuthenticationError`.
 */
export function connect(options: ConnectOptions = {}): TwoSmsClient {
  const root = baseUrl(options.baseUrl, "TWOSMS_BASE_URL", DEFAULT_BASE_URL, options.allowInsecureHttp);
  const clientId = credential("clientId", options.clientId, "TWOSMS_CLIENT_ID");
  const clientSecret = credential("clientSecret", options.clientSecret, "TWOSMS_CLIENT_SECRET");
  return authenticatedClient<paths>(root, new ClientCredentials(`${root}/Token`, clientId, clientSecret), options);
}
