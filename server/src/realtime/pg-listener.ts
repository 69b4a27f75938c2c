import pg from 'pg';
import { rootLogger } from '../observability/logger.js';

/**
 * One dedicated connection per server process that LISTENs for wake-ups. Notifications carry only
 * ids; the event table is the truth. On reconnect `onReconnect` runs, because notifications sent
 * while the connection was down are lost.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly handlers: Record<string, (payload: string) => void>,
    private readonly onReconnect: () => void,
  ) {}

  async start(): Promise<void> {
    await this.connect(false);
  }

  private async connect(isReconnect: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    client.on('notification', (msg) => {
      if (msg.payload) this.handlers[msg.channel]?.(msg.payload);
    });
    client.on('error', (e) => {
      rootLogger.warn({ error: e.message }, 'LISTEN connection lost; reconnecting');
      this.scheduleReconnect(client);
    });
    client.on('end', () => this.scheduleReconnect(client));
    try {
      await client.connect();
      for (const channel of Object.keys(this.handlers)) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (e) {
      if (!isReconnect) throw e;
      this.scheduleReconnect(client);
      return;
    }
    this.client = client;
    if (isReconnect) {
      rootLogger.info('LISTEN connection restored; catching up');
      this.onReconnect();
    }
  }

  private scheduleReconnect(client: pg.Client) {
    if (this.stopped || this.retryTimer || (this.client && this.client !== client)) return;
    this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect(true);
    }, 500);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
    }
  }
}
