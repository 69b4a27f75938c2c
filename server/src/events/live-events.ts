/**
 * A consumer of the log that lives in one server process and serves its clients now (the board
 * projection, the customer's progress stream). It is woken by NOTIFY from whichever process
 * appended, reads what it needs from the log itself, and catches up after a lost connection.
 */
export interface LiveConsumer {
  readonly name: string;
  /** The log of `storeId` has grown up to `seq`. */
  onAppended(storeId: number, seq: number): void;
  /** The LISTEN connection was re-established: wake-ups may have been missed. */
  onReconnect(): Promise<void>;
}

/** The live consumers of this process, fed from the one LISTEN connection (events/event-log.ts EVENTS_CHANNEL). */
export class LiveEvents {
  private readonly consumers: LiveConsumer[] = [];

  register(consumer: LiveConsumer): void {
    this.consumers.push(consumer);
  }

  /** Payload `<storeId>:<seq>`. */
  notify(payload: string): void {
    const [storeId, seq] = payload.split(':').map(Number);
    if (!Number.isInteger(storeId) || !Number.isInteger(seq)) return;
    for (const consumer of this.consumers) consumer.onAppended(storeId, seq);
  }

  async reconnected(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.onReconnect()));
  }
}
