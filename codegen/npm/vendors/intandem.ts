/**
 * inTandem (vcita) legacy Partners API, Account Manipulation: an openapi-fetch client for this spec,
 * authenticated with a directory token (`Authorization: Token token="…"`).
 */

import { HeaderAuth } from "./runtime/auth.js";
import { authenticatedClient, type CommonOptions, type StrictClient } from "./runtime/client.js";
import { ConfigurationError } from "./runtime/errors.js";
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
  /** The directory token from the vendor's partner team (else its variable, `CREDENTIALS.token`). */
  token?: string;
}

export type InTandemClient = StrictClient<paths>;

/** A client for the inTandem Partners API, sending `Authorization: Token token="<token>"` with every call. */
export function connect(options: ConnectOptions = {}): InTandemClient {
  const root = baseUrl(options.baseUrl, BASE_URL_ENV, DEFAULT_BASE_URL, options.allowInsecureHttp);
  const token = credential("token", options.token, CREDENTIALS.token, { header: true });
  if (token.includes('"')) {
    throw new ConfigurationError('token contains a double quote, which cannot be sent in Token token="…"; the value is not shown');
  }
  return authenticatedClient<paths>(root, new HeaderAuth({ Authorization: `Token token="${token}"` }), options);
}
