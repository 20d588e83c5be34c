import nodemailer from 'nodemailer';
import type { Logger } from '../../../runtime/logging/logger';
import { type NotificationChannel } from './notification.rules';

/** One message, ready to leave. */
export interface OutgoingMessage {
  /** The notification's id: providers pass it on as an idempotency key. */
  id: string;
  channel: NotificationChannel;
  /** An email address, an E.164 phone number, or the member's app id (push). */
  to: string;
  subject: string | null;
  body: string;
  customerId: string;
  kind: string;
}

/** A way to deliver messages of one channel (an SMTP relay, an SMS gateway, a push service). */
export interface NotificationProvider {
  /** Its name in the delivery status, e.g. "smtp". */
  readonly name: string;
  /** Resolves with the provider's id for the message once it accepted it; throws if it did not. */
  send(message: OutgoingMessage): Promise<{ providerMessageId: string | null }>;
  close?(): Promise<void> | void;
}

export type NotificationProviders = Partial<Record<NotificationChannel, NotificationProvider>>;

/** Email over SMTP (`smtp://user:pass@host:port`, `smtps://` for TLS). */
export class SmtpEmailProvider implements NotificationProvider {
  readonly name = 'smtp';
  private readonly transport: nodemailer.Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    // Pooled: a connection per message would cap sending at a few emails a second.
    const pooled = new URL(url);
    if (!pooled.searchParams.has('pool')) pooled.searchParams.set('pool', 'true');
    if (!pooled.searchParams.has('maxConnections')) pooled.searchParams.set('maxConnections', '5');
    this.transport = nodemailer.createTransport(pooled.toString());
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string | null }> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject ?? '',
      text: message.body,
      // A relay that sees the same Message-ID twice (a retry) can drop the copy.
      messageId: `<${message.id}@loyalty-graph>`,
      headers: { 'X-Loyalty-Notification': message.id, 'X-Loyalty-Kind': message.kind },
    });
    return { providerMessageId: info.messageId ?? null };
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * SMS or push through an HTTP gateway: POSTs the message as JSON, with the notification id as
 * `Idempotency-Key`; any 2xx answer is acceptance (a JSON `id` in it is kept as the provider's id).
 */
export class HttpWebhookProvider implements NotificationProvider {
  readonly name: string;

  constructor(
    private readonly url: string,
    channel: NotificationChannel,
    private readonly timeoutMs = 10_000,
  ) {
    this.name = `${channel.toLowerCase()}-webhook`;
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string | null }> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
      body: JSON.stringify({
        id: message.id,
        channel: message.channel,
        to: message.to,
        title: message.subject,
        body: message.body,
        kind: message.kind,
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`${this.name} answered HTTP ${response.status}`);
    const answer = (await response.json().catch(() => null)) as { id?: unknown } | null;
    return { providerMessageId: answer && typeof answer.id === 'string' ? answer.id : null };
  }
}

/** Development without providers: the message is written to the log instead of leaving. */
export class LogProvider implements NotificationProvider {
  readonly name = 'log';

  constructor(private readonly logger: Logger) {}

  send(message: OutgoingMessage): Promise<{ providerMessageId: string | null }> {
    this.logger.info('notification (no provider configured: logged, not sent)', {
      channel: message.channel,
      kind: message.kind,
      subject: message.subject,
      body: message.body,
    });
    return Promise.resolve({ providerMessageId: null });
  }
}
