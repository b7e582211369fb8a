/**
 * Octopush "Modify a subaccount": an openapi-fetch client for this spec, authenticated with the
 * `api-login` and `api-key` headers, sent together on every call.
 */

import { HeaderAuth } from "./runtime/auth.js";
import { authenticatedClient, type CommonOptions, type StrictClient } from "./runtime/client.js";
import { baseUrl, credential } from "./runtime/settings.js";
import type { paths } from "./schema.js";
import { BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL } from "./spec.js";

export type { components, operations, paths } from "./schema.js";
export { AccountkitError, AuthenticationError, ConfigurationError } from "./runtime/errors.js";
export type { CommonOptions, RequestBody, StrictClient } from "./runtime/client.js";
export { BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL, SPEC } from "./spec.js";

export interface ConnectOptions extends CommonOptions {
  /** The API host (else the `BASE_URL_ENV` variable, then `DEFAULT_BASE_URL`). */
  baseUrl?: string;
  /** The account's login e-mail, sent as `api-login` (else its variable, `CREDENTIALS.api_login`). */
  apiLogin?: string;
  /** The account's API key, sent as `api-key` (else its variable, `CREDENTIALS.api_key`). */
  apiKey?: string;
}

export type OctopushClient = StrictClient<paths>;

/** A client for Octopush, sending the `api-login` and `api-key` headers with every call. */
export function connect(options: ConnectOptions = {}): OctopushClient {
  const root = baseUrl(options.baseUrl, BASE_URL_ENV, DEFAULT_BASE_URL, options.allowInsecureHttp);
  const apiLogin = credential("apiLogin", options.apiLogin, CREDENTIALS.api_login, { header: true });
  const apiKey = credential("apiKey", options.apiKey, CREDENTIALS.api_key, { header: true });
  return authenticatedClient<paths>(root, new HeaderAuth({ "api-login": apiLogin, "api-key": apiKey }), options);
}
