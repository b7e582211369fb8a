/**
 * The five vendors' authentication schemes, each as an `Auth`: what it adds to a call, and how it
 * renews a stale session or token and sends the call again.
 *
 * openapi-fetch hands every call to the `fetch` given to `createClient`; `client.ts` reads the call into
 * an `Outgoing` (its body in memory, so it can be sent twice) and passes it to the API's `Auth`. The two
 * flows that fetch tokens share one token between all calls of a client, and concurrent calls on a cold
 * client wait for one login, not one each. Secrets live in private fields: they never show when a
 * client or an auth is logged or inspected.
 */

import { AuthenticationError, printable, redact } from "./errors.js";

/** How a request reaches the network: the global fetch, or the one given to `connect()`. */
export type Transport = (request: Request) => Promise<Response>;

/** One call as openapi-fetch made it, read into memory so that it can be sent again after a renewal. */
export interface Outgoing {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: ArrayBuffer | undefined;
  /** Aborts the call, its login or token request included (the caller's signal and the client's timeout). */
  readonly signal: AbortSignal;
}

/** Sends one call with the API's credentials, renewing them once when the server says they went stale. */
export interface Auth {
  send(call: Outgoing, transport: Transport): Promise<Response>;
}

/**
 * The request for `call`, with `headers` set and the URL replaced if `url` is given. Redirects are never
 * followed (a 3xx is the answer): a redirect to another host would take the credentials with it.
 */
export function toRequest(call: Outgoing, change: { url?: string; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(call.headers);
  for (const [name, value] of Object.entries(change.headers ?? {})) headers.set(name, value);
  return new Request(change.url ?? call.url, {
    method: call.method,
    headers,
    body: call.body,
    signal: call.signal,
    redirect: "manual",
  });
}

/** Fixed headers on every call: inTandem's `Authorization: Token token="…"`, Octopush's `api-login` + `api-key`. */
export class HeaderAuth implements Auth {
  readonly #headers: Record<string, string>;

  constructor(headers: Record<string, string>) {
    this.#headers = { ...headers };
  }

  send(call: Outgoing, transport: Transport): Promise<Response> {
    return transport(toRequest(call, { headers: this.#headers }));
  }
}

/** A token in the query string: ActivePlatform's `?api_token=…`. */
export class QueryAuth implements Auth {
  readonly #name: string;
  readonly #value: string;

  constructor(name: string, value: string) {
    this.#name = name;
    this.#value = value;
  }

  send(call: Outgoing, transport: Transport): Promise<Response> {
    const url = new URL(call.url);
    url.searchParams.set(this.#name, this.#value);
    return transport(toRequest(call, { url: url.toString() }));
  }
}

/** An access token, its refresh token, and when to stop using it (a `performance.now()` time). */
export interface Token {
  readonly access: string;
  readonly refresh?: string | undefined;
  readonly expiresAt?: number | undefined;
}

/** The JSON body of `response`, or undefined when it has none or it does not parse. */
export async function jsonBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function field(body: unknown, name: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/** A string field of a JSON object body, or undefined. */
export function stringField(body: unknown, name: string): string | undefined {
  const value = field(body, name);
  return typeof value === "string" ? value : undefined;
}

/**
 * A bearer token obtained from the vendor (`obtain`), sent as `Authorization: Bearer …`, reused until it
 * expires or a call's answer says it went stale (`isStale`); then renewed once and the call sent again.
 */
export abstract class TokenFlow implements Auth {
  /** What the token request is called in errors, e.g. "PortaBilling login". */
  protected abstract readonly description: string;
  #token: Token | undefined;
  #pending: Promise<Token> | undefined;
  readonly #secrets: readonly string[];

  protected constructor(secrets: readonly string[]) {
    this.#secrets = secrets;
  }

  /** A fresh token: from the refresh token of `stale` where the vendor has such a call, else a new login. */
  protected abstract obtain(stale: Token | undefined, transport: Transport, signal: AbortSignal): Promise<Token>;

  /** True when `response` says the token is no longer accepted (read its body through a clone only). */
  protected abstract isStale(response: Response): Promise<boolean>;

  /** Calls made without the token (the login and refresh calls themselves). */
  protected isPublic(_call: Outgoing): boolean {
    return false;
  }

  async send(call: Outgoing, transport: Transport): Promise<Response> {
    if (this.isPublic(call)) return transport(toRequest(call));
    const token = await this.#current(transport, call.signal);
    const response = await transport(toRequest(call, { headers: { Authorization: `Bearer ${token.access}` } }));
    if (!(await this.isStale(response))) return response;
    await response.body?.cancel();
    const renewed = await this.#renew(token, transport, call.signal);
    return transport(toRequest(call, { headers: { Authorization: `Bearer ${renewed.access}` } }));
  }

  #current(transport: Transport, signal: AbortSignal): Promise<Token> {
    const token = this.#token;
    if (token && (token.expiresAt === undefined || performance.now() < token.expiresAt)) return Promise.resolve(token);
    return this.#renew(token, transport, signal);
  }

  /** One renewal at a time; a call that saw a token another call has already replaced uses the new one. */
  #renew(stale: Token | undefined, transport: Transport, signal: AbortSignal): Promise<Token> {
    if (this.#pending) return this.#pending;
    if (this.#token && this.#token !== stale) return Promise.resolve(this.#token);
    const pending = this.obtain(stale, transport, signal).then(
      (token) => {
        this.#token = token;
        return token;
      },
      (error: unknown) => {
        this.#token = undefined;
        throw error;
      },
    );
    this.#pending = pending;
    const clear = () => {
      if (this.#pending === pending) this.#pending = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }

  /** An `AuthenticationError` for a refused token request, its server text redacted and bounded. */
  protected refused(status: number, code: unknown, message: unknown): AuthenticationError {
    const shown = (text: unknown) => (typeof text === "string" && text ? printable(redact(text, this.#secrets)) : undefined);
    return new AuthenticationError(this.description, status, shown(code), shown(message));
  }
}

/** A JSON POST made by an auth flow itself: same transport, same signal, redirects not followed. */
function postJson(url: string, body: unknown, transport: Transport, signal: AbortSignal): Promise<Response> {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  return transport(new Request(url, { method: "POST", headers, body: JSON.stringify(body), signal, redirect: "manual" }));
}

/** PortaBilling's login: a password or an API token. */
export type PortaBillingSecret = { password: string } | { token: string };

/**
 * PortaBilling: `Session/login` gives `access_token` (sent as `Authorization: Bearer …`) and a refresh
 * token. A call answered with one of the spec's "session expired" faultcodes (HTTP 500, or 401) renews
 * the session once, `Session/refresh_access_token` first and a new login if that fails, and is sent again.
 */
export class PortaBillingSession extends TokenFlow {
  static readonly LOGIN_PATH = "/Session/login";
  static readonly REFRESH_PATH = "/Session/refresh_access_token";
  protected readonly description = "PortaBilling login";
  readonly #base: string;
  readonly #credentials: Record<string, string>;
  readonly #sessionFaultcodes: ReadonlySet<string>;

  constructor(base: string, login: string, secret: PortaBillingSecret, sessionFaultcodes: readonly string[]) {
    super("password" in secret ? [secret.password] : [secret.token]);
    this.#base = base;
    this.#credentials = { login, ...secret };
    this.#sessionFaultcodes = new Set(sessionFaultcodes);
  }

  protected override isPublic(call: Outgoing): boolean {
    const path = call.url.split(/[?#]/, 1)[0];
    return path === this.#base + PortaBillingSession.LOGIN_PATH || path === this.#base + PortaBillingSession.REFRESH_PATH;
  }

  protected async obtain(stale: Token | undefined, transport: Transport, signal: AbortSignal): Promise<Token> {
    if (stale?.refresh) {
      const params = { refresh_token: stale.refresh };
      const answer = await postJson(this.#base + PortaBillingSession.REFRESH_PATH, { params }, transport, signal);
      const token = answer.ok ? PortaBillingSession.#read(await jsonBody(answer)) : undefined;
      if (token) return token;
      await answer.body?.cancel();
    }
    const answer = await postJson(this.#base + PortaBillingSession.LOGIN_PATH, { params: this.#credentials }, transport, signal);
    const body = await jsonBody(answer);
    const token = answer.ok ? PortaBillingSession.#read(body) : undefined;
    if (token) return token;
    throw this.refused(answer.status, field(body, "faultcode"), field(body, "faultstring"));
  }

  static #read(body: unknown): Token | undefined {
    const access = stringField(body, "access_token");
    return access ? { access, refresh: stringField(body, "refresh_token") } : undefined;
  }

  protected async isStale(response: Response): Promise<boolean> {
    if (response.status !== 500 && response.status !== 401) return false;
    const code = stringField(await jsonBody(response.clone()), "faultcode");
    return code !== undefined && this.#sessionFaultcodes.has(code);
  }
}

/** Seconds before its announced expiry at which a client-credentials token is renewed... */
const EXPIRY_LEEWAY_SECONDS = 60;
/** ...at most this share of its lifetime, so that a short-lived token still serves most of its life. */
const LEEWAY_SHARE = 0.1;

/**
 * OAuth2 client credentials (2sms): a form POST of `grant_type=client_credentials`, `client_id` and
 * `client_secret` to the token URL; the token is kept until shortly before `expires_in` runs out, and a
 * 401 renews it once and sends the call again.
 */
export class ClientCredentials extends TokenFlow {
  protected readonly description = "2sms token request";
  readonly #tokenUrl: string;
  readonly #form: Record<string, string>;

  constructor(tokenUrl: string, clientId: string, clientSecret: string) {
    super([clientSecret]);
    this.#tokenUrl = tokenUrl;
    this.#form = { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret };
  }

  protected async obtain(_stale: Token | undefined, transport: Transport, signal: AbortSignal): Promise<Token> {
    const headers = { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" };
    const body = new URLSearchParams(this.#form).toString();
    const answer = await transport(new Request(this.#tokenUrl, { method: "POST", headers, body, signal, redirect: "manual" }));
    const json = await jsonBody(answer);
    const access = stringField(json, "access_token");
    if (!answer.ok || !access) throw this.refused(answer.status, field(json, "error"), field(json, "error_description"));
    const expiresIn = field(json, "expires_in");
    const lifetime = typeof expiresIn === "number" || typeof expiresIn === "string" ? Number(expiresIn) : Number.NaN;
    const expiresAt =
      Number.isFinite(lifetime) && lifetime > 0
        ? performance.now() + (lifetime - Math.min(EXPIRY_LEEWAY_SECONDS, lifetime * LEEWAY_SHARE)) * 1000
        : undefined;
    return { access, refresh: stringField(json, "refresh_token"), expiresAt };
  }

  protected async isStale(response: Response): Promise<boolean> {
    return response.status === 401;
  }
}
