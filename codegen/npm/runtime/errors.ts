/**
 * The errors a client made by `connect()` throws on purpose, and the two rules for their messages.
 *
 * Like the Python clients' errors, a message never holds a secret: text that came from a server (a
 * vendor's fault string) is first stripped of every credential the client knows (`redact`), then made
 * safe to print (`printable`: control characters escaped, length bounded), because messages end up in
 * terminals and log files.
 */

/** How much server text one message shows, in characters. */
export const MESSAGE_LIMIT = 2048;
const MASK = "********";
// C0 and C1 controls, DEL, line separators and bidirectional overrides: what a terminal acts on.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** `text` with each secret, as is or URL-encoded, replaced by a mask. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
      result = result.split(form).join(MASK);
    }
  }
  return result;
}

/** `text` as a message may show it: control characters escaped, at most `limit` characters. */
export function printable(text: string, limit: number = MESSAGE_LIMIT): string {
  const escaped = text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return escaped.length <= limit ? escaped : `${escaped.slice(0, limit)}... (${escaped.length - limit} more characters)`;
}

/** The base of every error thrown on purpose. */
export class AccountkitError extends Error {
  override name = "AccountkitError";
}

/** `connect()` was given (or found in the environment) settings it cannot use; nothing was sent. */
export class ConfigurationError extends AccountkitError {
  override name = "ConfigurationError";
}

/**
 * The server refused the login or the token request (or answered it with something that holds no
 * token): `status` is its HTTP status, `code` and `vendorMessage` what its error body said, if anything.
 */
export class AuthenticationError extends AccountkitError {
  override name = "AuthenticationError";
  readonly status: number;
  readonly code: string | undefined;
  readonly vendorMessage: string | undefined;

  constructor(what: string, status: number, code: string | undefined, vendorMessage: string | undefined) {
    const details = [code, vendorMessage].filter((part) => part !== undefined).join(": ");
    super(`${what} failed: HTTP ${status}${details ? ` ${details}` : ""}`);
    this.status = status;
    this.code = code;
    this.vendorMessage = vendorMessage;
  }
}
