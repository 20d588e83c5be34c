import type { Database } from '../../../runtime/database/database';
import type { Logger } from '../../../runtime/logging/logger';
import { afterAttempt, isDelivered, WebhookDeliveryStatus } from './webhook.rules';
import { webhookStore, type ClaimedDelivery } from './webhook.store';
import { signatureHeader } from './webhookSignature';
import type { WebhookSettings } from './webhookSettings';

/** Deliveries taken per claim; they go to different (endpoint, customer) pairs, so they are sent at once. */
const batchSize = 50;
/** Claims per run at most, so a run (and a shutdown waiting for it) stays short. */
const maxRounds = 20;
/** How much of a refusal's body the log keeps. */
const maxErrorLength = 300;

export interface WebhookDispatchReport {
  attempts: number;
  delivered: number;
  /** Failed attempts that will be retried. */
  retrying: number;
  /** Deliveries that failed their last attempt: dead letters now. */
  dead: number;
}

/**
 * Sends due webhook deliveries: claims them (each claim one statement with `for update skip
 * locked`, so instances never take the same delivery), POSTs each signed body outside any
 * transaction, then records the outcome. A 2xx answer delivers; anything else, or no answer within
 * `timeoutMs`, is a failed attempt retried after an exponential backoff, until `maxAttempts` make
 * it a dead letter. Delivery is at least once: an instance that stops between sending and recording
 * leaves the delivery to be sent again once its claim lapses.
 *
 * Per customer, in order: a delivery waits while an earlier one to the same endpoint for the same
 * customer is PENDING (being retried, say). A DEAD one does not hold the later ones back, or one
 * bad event would stop a customer's deliveries for good; re-queued, it is sent when it is due.
 */
export class WebhookDispatcher {
  constructor(
    private readonly db: Database,
    private readonly settings: WebhookSettings,
    private readonly logger: Logger,
    private readonly random: () => number = Math.random,
  ) {}

  async dispatch(): Promise<WebhookDispatchReport> {
    const report: WebhookDispatchReport = { attempts: 0, delivered: 0, retrying: 0, dead: 0 };
    // A claim lapses once the endpoint has had its time and the outcome could have been recorded.
    const leaseMs = this.settings.timeoutMs + 30_000;
    for (let round = 0; round < maxRounds; round++) {
      const claimed = await webhookStore.claimDue(this.db, batchSize, leaseMs);
      const outcomes = await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
      for (const status of outcomes) {
        report.attempts += 1;
        if (status === WebhookDeliveryStatus.DELIVERED) report.delivered += 1;
        else if (status === WebhookDeliveryStatus.DEAD) report.dead += 1;
        else report.retrying += 1;
      }
      // Another round only if a delivery may have let the next one to its customer go (delivered,
      // or dead: a dead letter holds none back).
      if (claimed.length < batchSize && outcomes.every((status) => status === WebhookDeliveryStatus.PENDING)) break;
    }
    return report;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<WebhookDeliveryStatus> {
    const { statusCode, error } = await this.post(delivery);
    const { backoffBaseMs: baseMs, maxAttempts } = this.settings;
    const next = afterAttempt(delivery.attempts, error === null, { baseMs, maxAttempts }, this.random());
    await webhookStore.recordAttempt(this.db, delivery.id, delivery.attempts, {
      status: next.status,
      statusCode,
      error,
      retryInMs: next.status === WebhookDeliveryStatus.PENDING ? next.retryInMs : 0,
    });
    if (next.status === WebhookDeliveryStatus.DEAD) {
      this.logger.warn('webhook delivery failed its last attempt', {
        deliveryId: delivery.id,
        attempts: delivery.attempts,
        error,
      });
    }
    return next.status;
  }

  private async post(delivery: ClaimedDelivery): Promise<{ statusCode: number | null; error: string | null }> {
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'loyalty-graph-webhooks/1',
          'Loyalty-Webhook-Id': String(delivery.id),
          'Loyalty-Event-Type': delivery.event_type,
          'Loyalty-Delivery-Attempt': String(delivery.attempts),
          'Loyalty-Signature': signatureHeader(delivery.secrets, timestamp, delivery.body),
        },
        body: delivery.body,
        // A redirect is a failed attempt: the registered URL is where events go, nowhere else.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      return { statusCode: null, error: this.describe(error) };
    }
    if (isDelivered(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      return { statusCode: response.status, error: null };
    }
    const text = await bodySnippet(response);
    return { statusCode: response.status, error: `HTTP ${response.status}${text ? `: ${text}` : ''}` };
  }

  private describe(error: unknown): string {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return `No answer within ${this.settings.timeoutMs} ms`;
    }
    const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
    return `Could not connect: ${cause?.code ?? cause?.message ?? String(error)}`.slice(0, maxErrorLength);
  }
}

/** The start of a refusal's body, for the delivery log; a body that does not come is left out. */
async function bodySnippet(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < maxErrorLength) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The endpoint stopped sending or the attempt's time ran out: what arrived is enough.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, maxErrorLength);
}
