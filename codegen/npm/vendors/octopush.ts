/**
 * Octopush "Modify a subaccount": an openapi-fetch client for this spec, authenticated with the
 * `api-login` and `api-key` headers, sent together on every call.
 */

import { HeaderAuth } from "./runtime/auth.js";
import { authenticatedClient, type CommonOptions, type StrictClient } from "./runtime/client.js";
import { baseUrl, credential } from "./runtime/settings.js";
import type { paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";
export { AccountkitError, AuthenticationError, ConfigurationError } from "./runtime/errors.js";
export type { CommonOptions, RequestBody, StrictClient } from "./runtime/client.js";
export { SPEC } from "./spec.js";

export const DEFAULT_BASE_URL = "https://api.octopush.com";

export interface ConnectOptions extends CommonOptions {
  /** The API host (else `OCTOPUSH_BASE_URL`, then https://api.octopush.com). */
  baseUrl?: string;
  /** The account's login e-mail, sent as `api-login` (else `OCTOPUSH_API_LOGIN`). */
  apiLogin?: string;
  /** The account's API key, sent as `api-key` (else `OCTOPUSH_API_KEY`). */
  apiKey?: string;
}

export type OctopushClient = StrictClient<paths>;

/** A client for Octopush, sending the `api-login` and `api-key` headers with every call. */
export function connect(options: ConnectOptions = {}): OctopushClient {
  const root = baseUrl(options.baseUrl, "OCTOPUSH_BASE_URL", DEFAULT_BASE_URL, options.allowInsecureHttp);
  const apiLogin = credential("apiLogin", options.apiLogin, "OCTOPUSH_API_LOGIN", { header: true });
  const apiKey = credential("apiKey", options.apiKey, "OCTOPUSH_API_KEY", { header: true });
  return authenticatedClient<paths>(root, new HeaderAuth({ "api-login": apiLogin, "api-key": apiKey }), options);
}
