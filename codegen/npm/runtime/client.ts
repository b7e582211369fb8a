/**
 * The client `connect()` returns: an openapi-fetch client whose calls go through the API's `Auth`, typed
 * so that a misspelt body field is a compile error.
 *
 * Why not openapi-fetch's own method types: they infer the whole `init` argument as a type parameter
 * (`Init extends MaybeOptionalInit<...>`) and then only check that it *extends* the expected type, and
 * TypeScript's excess-property check never applies to a type inferred from the argument itself, so
 * `{ body: { params: { account_info: { firstnmae: "Ada" } } } }` compiles as long as every required
 * field is there. Here the only type parameter is the path, inferred from the URL; the `init` argument
 * then has the exact type of that operation's options, so an object literal with a field the schema does
 * not have is refused, at any depth, as it is for the plain types.
 */

import createClient from "openapi-fetch";
import type { Client, FetchOptions, FetchResponse } from "openapi-fetch";
import type { Auth, Outgoing, Transport } from "./auth.js";
import { ConfigurationError } from "./errors.js";

/** The HTTP methods the specs use. */
export type Method = "get" | "put" | "post" | "patch" | "delete";

/** The paths of `Paths` that have operation `M`. */
export type PathsWith<Paths, M extends Method> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]: object } ? P : never;
}[keyof Paths];

/** The operation object (openapi-typescript's `operations[...]`) at `Paths[P][M]`. */
export type Operation<Paths, P extends keyof Paths, M extends Method> = Paths[P] extends { [K in M]: infer Op } ? Op : never;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** openapi-fetch's options (`params`, `body`, `headers`, `signal`, ...) for one operation: optional when nothing in them is required. */
export type InitArgs<Op> = [RequiredKeys<FetchOptions<Op>>] extends [never] ? [init?: FetchOptions<Op>] : [init: FetchOptions<Op>];

/** The body type of an operation's JSON request, e.g. `RequestBody<paths, "/Account/update_account", "post">`. */
export type RequestBody<Paths, P extends keyof Paths, M extends Method> = NonNullable<FetchOptions<Operation<Paths, P, M>>["body"]>;

/** A call: `{ data }` (the parsed 2xx body) or `{ error }` (the parsed error body), and the `response`. */
export type StrictMethod<Paths, M extends Method> = <P extends PathsWith<Paths, M>>(
  url: P,
  ...init: InitArgs<Operation<Paths, P, M>>
) => Promise<FetchResponse<Operation<Paths, P, M> & Record<string | number, unknown>, object, `${string}/${string}`>>;

/** openapi-fetch's client with exact request types (see the module comment); `use`/`eject` for middleware. */
export type StrictClient<Paths extends object> = Omit<
  Client<Paths>,
  "request" | "GET" | "PUT" | "POST" | "PATCH" | "DELETE" | "OPTIONS" | "HEAD" | "TRACE"
> & {
  GET: StrictMethod<Paths, "get">;
  PUT: StrictMethod<Paths, "put">;
  POST: StrictMethod<Paths, "post">;
  PATCH: StrictMethod<Paths, "patch">;
  DELETE: StrictMethod<Paths, "delete">;
};

/** What every API's `connect()` takes besides its base URL and credentials. */
export interface CommonOptions {
  /** Milliseconds a whole call may take, its login or token request included (default 30000; 0: no limit). */
  timeoutMs?: number;
  /** Headers sent with every call. */
  headers?: Record<string, string>;
  /** The fetch that sends the requests (default: the global `fetch`). */
  fetch?: Transport;
  /** Allow plain `http://` to another host than this machine (credentials would travel unencrypted). */
  allowInsecureHttp?: boolean;
}

/** The default of `timeoutMs`, as in the Python clients. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Every request of the client goes through here: read into memory, bounded in time, sent by the `Auth`. */
function authenticatedFetch(auth: Auth, transport: Transport, timeoutMs: number): Transport {
  return async (request: Request) => {
    const signal = timeoutMs > 0 ? AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) : request.signal;
    const call: Outgoing = {
      url: request.url,
      method: request.method,
      headers: new Headers(request.headers),
      body: request.body === null ? undefined : await request.arrayBuffer(),
      signal,
    };
    return auth.send(call, transport);
  };
}

/** An openapi-fetch client for `Paths` on `base`, every call sent through `auth`. */
export function authenticatedClient<Paths extends object>(base: string, auth: Auth, options: CommonOptions): StrictClient<Paths> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs < 0) {
    throw new ConfigurationError("timeoutMs must be a finite number of milliseconds >= 0");
  }
  const transport: Transport = options.fetch ?? ((request) => globalThis.fetch(request));
  const client = createClient<Paths>({
    baseUrl: base,
    headers: options.headers,
    fetch: authenticatedFetch(auth, transport, timeoutMs),
  });
  return client as unknown as StrictClient<Paths>;
}
