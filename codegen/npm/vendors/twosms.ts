/**
 * 2sms (SMS+) `PUT api/v2/admin/accounts/{id}`: an openapi-fetch client for this spec, authenticated with
 * OAuth2 client credentials.
 */

import { ClientCredentials } from "./runtime/auth.js";
import { authenticatedClient, type CommonOptions, type StrictClient } from "./runtime/client.js";
import { baseUrl, credential } from "./runtime/settings.js";
import type { paths } from "./schema.js";
import { BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL } from "./spec.js";

export type { components, operations, paths } from "./schema.js";
export { AccountkitError, AuthenticationError, ConfigurationError } from "./runtime/errors.js";
export type { CommonOptions, RequestBody, StrictClient } from "./runtime/client.js";
export { BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL, SPEC } from "./spec.js";

export interface ConnectOptions extends CommonOptions {
  /** The regional portal (else the `BASE_URL_ENV` variable, then `DEFAULT_BASE_URL`). */
  baseUrl?: string;
  /** The OAuth2 client id (else its variable, `CREDENTIALS.client_id`). */
  clientId?: string;
  /** The OAuth2 client secret (else its variable, `CREDENTIALS.client_secret`). */
  clientSecret?: string;
}

export type TwoSmsClient = StrictClient<paths>;

/**
 * A client for 2sms. The token comes from `<baseUrl>/Token` (client credentials), is kept until a
 * minute (or a tenth of its lifetime, if shorter) before it expires, and is renewed once after a 401.
 * A refused token request throws `AuthenticationError`.
 */
export function connect(options: ConnectOptions = {}): TwoSmsClient {
  const root = baseUrl(options.baseUrl, BASE_URL_ENV, DEFAULT_BASE_URL, options.allowInsecureHttp);
  const clientId = credential("clientId", options.clientId, CREDENTIALS.client_id);
  const clientSecret = credential("clientSecret", options.clientSecret, CREDENTIALS.client_secret);
  return authenticatedClient<paths>(root, new ClientCredentials(`${root}/Token`, clientId, clientSecret), options);
}
