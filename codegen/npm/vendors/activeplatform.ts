/**
 * ActivePlatform vendor API v1 "Update an Account": an openapi-fetch client for this spec, authenticated
 * with a manager's API token in the `api_token` query parameter, as the vendor specifies.
 */

import { QueryAuth } from "./runtime/auth.js";
import { authenticatedClient, type CommonOptions, type StrictClient } from "./runtime/client.js";
import { baseUrl, credential } from "./runtime/settings.js";
import type { paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";
export { AccountkitError, AuthenticationError, ConfigurationError } from "./runtime/errors.js";
export type { CommonOptions, RequestBody, StrictClient } from "./runtime/client.js";
export { SPEC } from "./spec.js";

export interface ConnectOptions extends CommonOptions {
  /** The installation's own host, e.g. `https://test.activeplatform.com` (else `ACTIVEPLATFORM_BASE_URL`; required). */
  baseUrl?: string;
  /** The manager's API token (else `ACTIVEPLATFORM_API_TOKEN`). */
  apiToken?: string;
}

export type ActivePlatformClient = StrictClient<paths>;

/** A client for an ActivePlatform installation, adding `api_token=<token>` to every call's query. */
export function connect(options: ConnectOptions = {}): ActivePlatformClient {
  const root = baseUrl(options.baseUrl, "ACTIVEPLATFORM_BASE_URL", undefined, options.allowInsecureHttp);
  const apiToken = credential("apiToken", options.apiToken, "ACTIVEPLATFORM_API_TOKEN");
  return authenticatedClient<paths>(root, new QueryAuth("api_token", apiToken), options);
}
