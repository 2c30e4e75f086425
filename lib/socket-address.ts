// The address of the connection a request came on, for rate limits and the audit trail.
//
// Next 16 gives route handlers, server actions and pages the request's headers but not its socket,
// and it fills X-Forwarded-For from the socket only when the request has none
// (node_modules/next/dist/server/base-server.js: `req.headers['x-forwarded-for'] ??=
// socket.remoteAddress`): a client that sends its own header keeps it, and the socket address is
// lost. So this process stamps every request it serves with the socket address, in a header whose
// value starts with a random token made at start-up: a client can send the header, but not the
// token, so a stamp without it is ignored.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { Server, type IncomingMessage } from "node:http";

export const SOCKET_HEADER = "x-backtrack-socket";

type Stamp = { token: string };
// On globalThis: instrumentation and each route are bundled apart, and must share one token.
const KEY = Symbol.for("backtrack.socket-stamp");
const holder = globalThis as { [KEY]?: Stamp };

/**
 * Stamps every request any HTTP server of this process receives from now on (instrumentation.ts
 * calls it first thing at start-up, before Next hands a request to the app). Idempotent.
 */
export function stampSocketAddresses(): void {
  if (holder[KEY]) return;
  const stamp: Stamp = { token: randomBytes(18).toString("base64url") };
  const emit = Server.prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") stampRequest(args[0] as IncomingMessage, stamp.token);
    return emit.call(this, event, ...args);
  } as typeof Server.prototype.emit;
  holder[KEY] = stamp;
}

function stampRequest(request: Pick<IncomingMessage, "headers" | "socket">, token: string): void {
  const address = request.socket?.remoteAddress;
  if (address) request.headers[SOCKET_HEADER] = `${token} ${address}`;
  else delete request.headers[SOCKET_HEADER];
}

/**
 * The socket address stamped on this request, or null: no stamp (a request that arrived while
 * the server was still starting, or code not running under the app's server), or a forged one.
 */
export function socketAddress(headers: Headers): string | null {
  const token = holder[KEY]?.token;
  const value = headers.get(SOCKET_HEADER);
  if (!token || !value) return null;
  const space = value.indexOf(" ");
  const given = Buffer.from(space < 0 ? value : value.slice(0, space));
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return value.slice(space + 1).trim() || null;
}
