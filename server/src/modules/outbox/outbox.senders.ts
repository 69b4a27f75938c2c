import type { AppConfig } from '../../config.js';
import { OutboxChannel } from './outbox.enums.js';

/** What a provider is handed: one message, addressed and rendered. */
export interface OutgoingMessage {
  messageId: number;
  channel: OutboxChannel;
  to: string;
  text: string;
  template: string;
  locale: string;
  /** The provider should drop a second request with the same key. */
  idempotencyKey: string;
}

/** A provider for one channel; throws when the provider did not accept the message. */
export interface ChannelSender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** Development and tests: keeps what it was asked to send, in memory, for people and tests to inspect. */
export class RecordingSender implements ChannelSender {
  readonly name = 'recording';
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
  }
}

/**
 * A generic HTTP adapter for SMS, WeChat and app-push gateways: POSTs the message as JSON to the
 * configured URL (with a bearer token when set, and the idempotency key as `Idempotency-Key`); any
 * status other than 2xx, or no answer within the timeout, is a failure the outbox retries.
 */
export class WebhookSender implements ChannelSender {
  readonly name = 'webhook';
  constructor(
    private readonly url: string,
    private readonly token: string | null,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify(message), signal: AbortSignal.timeout(this.timeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  }
}

/** Production without a provider: every message fails visibly (FAILED with this error) instead of going nowhere. */
export class UnconfiguredSender implements ChannelSender {
  readonly name = 'unconfigured';
  async send(): Promise<void> {
    throw new Error('no provider configured for this channel (WORKBAY_OUTBOX_WEBHOOK_URL)');
  }
}

export type MachineChannel = Exclude<OutboxChannel, OutboxChannel.PHONE_TASK>;
export type Senders = Record<MachineChannel, ChannelSender>;

/**
 * The sender of each machine channel, chosen by the environment: `WORKBAY_OUTBOX_WEBHOOK_URL` (with
 * `WORKBAY_OUTBOX_WEBHOOK_TOKEN`) sends the channels listed in `WORKBAY_OUTBOX_WEBHOOK_CHANNELS`
 * (default all three) through the webhook; the others, and all of them without a URL, are recorded in
 * development and tests, and fail in production (NODE_ENV=production), where nothing may vanish silently.
 */
export function sendersFor(config: AppConfig): { senders: Senders; recording: RecordingSender } {
  const recording = new RecordingSender();
  const hook = config.outbox?.webhookUrl ? new WebhookSender(config.outbox.webhookUrl, config.outbox.webhookToken ?? null) : null;
  const fallback = config.production ? new UnconfiguredSender() : recording;
  const pick = (channel: MachineChannel): ChannelSender => (hook && (config.outbox?.webhookChannels ?? []).includes(channel) ? hook : fallback);
  return { senders: { SMS: pick(OutboxChannel.SMS), WECHAT: pick(OutboxChannel.WECHAT), APP_PUSH: pick(OutboxChannel.APP_PUSH) }, recording };
}
