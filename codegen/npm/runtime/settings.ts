/**
 * Where `connect()` finds each setting, and the checks a setting must pass before anything is sent.
 *
 * An option given to `connect()` wins; else, under Node.js, the environment variable of the same name
 * the Python client reads (`PORTABILLING_LOGIN`, ...); else the API's default, if it has one. A
 * credential that no server could accept (surrounding whitespace, a control character, non-ASCII in a
 * header) is refused here, naming the option or the variable and never the value: sent as it is, every
 * call would fail later with the secret in the server's error text.
 */

import { ConfigurationError } from "./errors.js";

type Environment = Record<string, string | undefined>;

/** `process.env` under Node.js; nothing in a browser. */
function environment(): Environment {
  return (globalThis as { process?: { env?: Environment } }).process?.env ?? {};
}

// Control characters, line and paragraph separators, lone surrogates: never part of a real credential.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SURROUNDING_SPACE = /^[\s\ufeff]|[\s\ufeff]$/;
const NON_ASCII = /[^\u0020-\u007e]/;

export interface CredentialRules {
  /** The value travels in an HTTP header, so it must be ASCII too. */
  header?: boolean;
}

/** Refuse a credential no server could accept, naming where it came from, never its value. */
export function checkCredential(where: string, value: unknown, rules: CredentialRules = {}): string {
  if (typeof value !== "string") {
    throw new ConfigurationError(`${where} must be a string, not ${value === null ? "null" : typeof value}`);
  }
  let problem: string | undefined;
  if (value === "") problem = "is empty";
  else if (CONTROL.test(value)) problem = "contains a control character (a newline, tab, NUL, ...) or a lone surrogate";
  else if (SURROUNDING_SPACE.test(value)) problem = "has leading or trailing whitespace";
  else if (rules.header && NON_ASCII.test(value)) problem = "contains a non-ASCII character, which cannot be sent in an HTTP header";
  if (problem) throw new ConfigurationError(`${where} ${problem}; the value is not shown`);
  return value;
}

/** The environment variable's value, checked, or undefined when it is not set (or empty). */
export function fromEnvironment(option: string, envVar: string, rules: CredentialRules = {}): string | undefined {
  const value = environment()[envVar];
  return value ? checkCredential(`${option} (from ${envVar})`, value, rules) : undefined;
}

/** The option's value, else the environment variable's; a missing one is a clear error. */
export function credential(option: string, value: string | undefined, envVar: string, rules: CredentialRules = {}): string {
  const found = value !== undefined ? checkCredential(option, value, rules) : fromEnvironment(option, envVar, rules);
  if (found === undefined) throw new ConfigurationError(`missing credential: pass ${option} to connect() or set ${envVar}`);
  return found;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The base URL from the option, the environment variable or the default, without a trailing slash.
 *
 * Refused: no URL at all, one that does not parse, `user:password@` in it (that password would show in
 * every log of a URL; credentials are options), and plain `http://` to anything but this machine unless
 * `allowInsecureHttp` says so (the credentials would travel unencrypted).
 */
export function baseUrl(value: string | undefined, envVar: string, fallback: string | undefined, allowInsecureHttp = false): string {
  const source = value !== undefined ? "baseUrl" : environment()[envVar] ? `baseUrl (from ${envVar})` : "baseUrl";
  const url = value ?? (environment()[envVar] || fallback);
  if (!url) {
    throw new ConfigurationError(`missing base URL: this API runs on the customer's own host; pass baseUrl to connect() or set ${envVar}`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError(`${source} is not a valid URL; the value is not shown`);
  }
  if (parsed.username || parsed.password) {
    throw new ConfigurationError(`${source} contains credentials (user:password@host); pass them as connect() options instead (the URL is not shown)`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new ConfigurationError(`${source} must be an http:// or https:// URL, not ${parsed.protocol}`);
  }
  if (parsed.protocol === "http:" && !allowInsecureHttp && !isLoopback(parsed.hostname)) {
    throw new ConfigurationError(
      `refusing plain http:// to ${parsed.hostname}: credentials would travel unencrypted; use https://, or pass allowInsecureHttp: true if you really mean it`,
    );
  }
  return url.replace(/\/+$/, "");
}
