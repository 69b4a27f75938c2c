import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { WebSocket } from 'ws';

/** Close code for a socket over its link's or credential's cap (4429, like HTTP 429). */
export const CLOSE_TOO_MANY_SOCKETS = 4429;
export const TOO_MANY_OPERATIONS = 'TOO_MANY_OPERATIONS';

export interface SocketCaps {
  operationsPerSocket: number;
  socketsPerLink: number;
  socketsPerCredential: number;
}

/**
 * Per-process caps on WebSocket use (issue 9 §3): sockets per customer link and per credential
 * (counted here, released when the socket closes) and operations per socket (graphql-ws's own
 * table of a socket's running operations). The excess is refused, never queued.
 */
export class SocketLimits {
  private readonly open = new Map<string, number>();
  constructor(readonly caps: SocketCaps) {}

  /** A slot for a customer-page socket watching this link, or null when the link has its fill. */
  forLink(socket: WebSocket, trackingToken: string): boolean {
    return this.take(socket, `link:${createHash('sha256').update(trackingToken).digest('base64url')}`, this.caps.socketsPerLink);
  }

  /** A slot for a socket of this credential (staff session or display token), or null when full. */
  forCredential(socket: WebSocket, credentialKey: string): boolean {
    return this.take(socket, `cred:${credentialKey}`, this.caps.socketsPerCredential);
  }

  /** Refuses an operation beyond the cap; `running` includes the one being subscribed. */
  checkOperations(running: number): readonly GraphQLError[] | null {
    if (running <= this.caps.operationsPerSocket) return null;
    return [
      new GraphQLError(`At most ${this.caps.operationsPerSocket} operations may run on one socket`, {
        extensions: { code: TOO_MANY_OPERATIONS, max: this.caps.operationsPerSocket },
      }),
    ];
  }

  /** Sockets counted now, for tests and the bench: every close gives its slot back. */
  get openSockets(): number {
    let n = 0;
    for (const count of this.open.values()) n += count;
    return n;
  }

  private take(socket: WebSocket, key: string, max: number): boolean {
    const count = this.open.get(key) ?? 0;
    if (count >= max) return false;
    this.open.set(key, count + 1);
    socket.once('close', () => {
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    });
    return true;
  }
}

/** A frame over maxPayload (or otherwise malformed) is the client's error: ws closes the socket itself; nothing to log. */
export function isClientFrameError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('WS_ERR_');
}
