import type { EntityManager } from '@mikro-orm/postgresql';
import type { WebSocket } from 'ws';
import type { Viewer } from './viewer.js';

/** NOTIFY channel: a credential (staff session or display token) was revoked; every process closes its sockets. */
export const CREDENTIAL_REVOKED_CHANNEL = 'workbay_credential_revoked';

export const credentialKey = (viewer: Viewer) => (viewer.kind === 'staff' ? `session:${viewer.sessionId}` : `display:${viewer.displayTokenId}`);

/** Sent inside the revoking transaction: delivered only if it commits. */
export function announceRevocation(tx: EntityManager, key: string) {
  return tx.execute('select pg_notify(?, ?)', [CREDENTIAL_REVOKED_CHANNEL, key]);
}

const MAX_TIMER = 2 ** 31 - 1;

/**
 * The open sockets of this process by credential: closed with 4403 when the credential is revoked
 * (by any process), and with 4401 when a staff session expires while connected.
 */
export class SocketRegistry {
  private readonly sockets = new Map<string, Set<WebSocket>>();

  register(viewer: Viewer, socket: WebSocket) {
    const key = credentialKey(viewer);
    const set = this.sockets.get(key) ?? new Set();
    set.add(socket);
    this.sockets.set(key, set);
    const expiry = viewer.kind === 'staff' ? setTimeout(() => socket.close(4401, 'Session expired'), Math.min(MAX_TIMER, viewer.expiresAt.getTime() - Date.now())) : null;
    socket.once('close', () => {
      if (expiry) clearTimeout(expiry);
      set.delete(socket);
      if (!set.size) this.sockets.delete(key);
    });
  }

  revoked(key: string) {
    for (const socket of this.sockets.get(key) ?? []) socket.close(4403, 'Forbidden');
  }
}
