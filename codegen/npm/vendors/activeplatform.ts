/**
 * ActivePlatform vendor API v1 "Update an Account": an openapi-fetch client for this spec, authenticated
 * with a manager's API token in the `api_token` query parameter, as the vendor specifies.
 */

import { QueryAuth } from "./runtime/auth.js";
import { authenticatedClient, type CommonOptions, type StrictClient } from "./runtime/client.js";
import { baseUrl, credential } from "./runtime/settings.js";
import type { paths } from "./schema.js";
import { BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL } from "./spec.js";

export type { components, operations, paths } from "./schema.js";
export { AccountkitError, AuthenticationError, ConfigurationError } from "./runtime/errors.js";
export type { CommonOptions, RequestBody, StrictClient } from "./runtime/client.js";
export { BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL, SPEC } from "./spec.js";

export interface ConnectOptions extends CommonOptions {
  /** The installation's own host, e.g. `https://test.activeplatform.com` (else the `BASE_URL_ENV` variable; required). */
  baseUrl?: string;
  /** The manager's API token (else its variable, `CREDENTIALS.api_token`). */
  apiToken?: string;
}

export type ActivePlatformClient = StrictClient<paths>;

/** A client for an ActivePlatform installation, adding `api_token=<token>` to every call's query. */
export function connect(options: ConnectOptions = {}): ActivePlatformClient {
  const root = baseUrl(options.baseUrl, BASE_URL_ENV, DEFAULT_BASE_URL, options.allowInsecureHttp);
  const apiToken = credential("apiToken", options.apiToken, CREDENTIALS.api_token);
  return authenticatedClient<paths>(root, new QueryAuth("api_token", apiToken), options);
}
