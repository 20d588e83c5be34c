import { invalidWebhookInput } from './webhook.errors';
import { allEventTypes, knownEventTypes } from './webhookEventTypes';
import type { UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { retryDelayMs, type BackoffPolicy } from '../../../runtime/jobs/backoff';
import { contractOf } from '../../eventCatalogue';
import type { SubgraphName } from '../../registry';

export enum WebhookDeliveryStatus {
  /** Waiting for its next attempt (or for an earlier delivery to the same customer). */
  PENDING = 'PENDING',
  /** The endpoint answered 2xx. */
  DELIVERED = 'DELIVERED',
  /** Every attempt failed: the dead-letter list, re-queued only by an admin. */
  DEAD = 'DEAD',
}

const maxUrlLength = 2000;
const maxDescriptionLength = 500;
const maxEventTypes = 50;

/** An endpoint's URL: absolute http or https, no credentials in it (they would sit in logs and the graph). */
export function checkedWebhookUrl(raw: string, argument = 'input.url'): string {
  const trimmed = raw.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw invalidWebhookInput(`"${trimmed.slice(0, 100)}" is not an absolute URL`, argument);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidWebhookInput(`A webhook URL must be http or https, not ${url.protocol.replace(/:$/, '')}`, argument);
  }
  if (url.username || url.password) {
    throw invalidWebhookInput('A webhook URL must not contain credentials: verify the signature instead', argument);
  }
  if (url.hash) throw invalidWebhookInput('A webhook URL must not have a #fragment', argument);
  if (trimmed.length > maxUrlLength)
    throw invalidWebhookInput(`A webhook URL has at most ${maxUrlLength} characters`, argument);
  return url.toString();
}

/** The event types an endpoint subscribes to: known names, or `*` alone for every type; duplicates dropped. */
export function checkedEventTypes(raw: readonly string[], argument = 'input.eventTypes'): string[] {
  const types = [...new Set(raw.map((type) => type.trim()))];
  if (types.length === 0) throw invalidWebhookInput('Subscribe to at least one event type (or "*")', argument);
  if (types.length > maxEventTypes) throw invalidWebhookInput(`At most ${maxEventTypes} event types`, argument);
  if (types.includes(allEventTypes)) return [allEventTypes];
  const unknown = types.filter((type) => !knownEventTypes.has(type));
  if (unknown.length > 0) {
    throw invalidWebhookInput(
      `Unknown event type${unknown.length > 1 ? 's' : ''} ${unknown.map((type) => `"${type.slice(0, 64)}"`).join(', ')}; see webhookEventTypes`,
      argument,
    );
  }
  return types.sort();
}

/** A description: trimmed, at most 500 characters, null when empty. */
export function checkedDescription(raw: string | null | undefined, argument = 'input.description'): string | null {
  const trimmed = raw?.trim() ?? '';
  if (trimmed.length > maxDescriptionLength) {
    throw invalidWebhookInput(`A description has at most ${maxDescriptionLength} characters`, argument);
  }
  return trimmed || null;
}

export function subscribesTo(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.includes(allEventTypes) || eventTypes.includes(type);
}

/**
 * The types to read for a set of subscriptions: null (every type) when any is `*`. `narrowTo`
 * (a replay's filter; `*` or null: no narrowing) keeps only those of its types the subscriptions
 * include.
 */
export function eventTypeFilter(
  subscriptions: ReadonlyArray<readonly string[]>,
  narrowTo: readonly string[] | null = null,
): string[] | null {
  if (narrowTo && !narrowTo.includes(allEventTypes)) {
    return narrowTo.filter((type) => subscriptions.some((types) => subscribesTo(types, type)));
  }
  if (subscriptions.some((types) => types.includes(allEventTypes))) return null;
  return [...new Set(subscriptions.flat())].sort();
}

/** What an endpoint shows of its secret after it was issued: its scheme and last four characters. */
export function secretHint(secret: string): string {
  return `${secret.slice(0, secret.indexOf('_') + 1)}…${secret.slice(-4)}`;
}

export type AttemptResult =
  | { status: WebhookDeliveryStatus.DELIVERED }
  | { status: WebhookDeliveryStatus.PENDING; retryInMs: number }
  | { status: WebhookDeliveryStatus.DEAD };

/** Where a delivery goes after attempt number `attempt` succeeded or failed. */
export function afterAttempt(
  attempt: number,
  succeeded: boolean,
  policy: BackoffPolicy & { maxAttempts: number },
  random = 0,
): AttemptResult {
  if (succeeded) return { status: WebhookDeliveryStatus.DELIVERED };
  if (attempt >= policy.maxAttempts) return { status: WebhookDeliveryStatus.DEAD };
  return { status: WebhookDeliveryStatus.PENDING, retryInMs: retryDelayMs(attempt, policy, random) };
}

/** A 2xx answer delivers; anything else (3xx too: redirects are not followed) is a failed attempt. */
export function isDelivered(httpStatus: number): boolean {
  return httpStatus >= 200 && httpStatus < 300;
}

/** An event of one of the program's outboxes. */
export type WebhookEvent = UpstreamEvent;

/**
 * What an endpoint receives of an event: its payload decoded with the producer's contract
 * (upgraded to, and labelled with, the contract's latest version), so integrations see exactly
 * the fields the contract promises. An event type no contract declares is delivered (to `*`
 * subscribers, the only ones it can have) as written, with the version its outbox recorded.
 */
export function deliveredPayload(
  source: SubgraphName,
  event: WebhookEvent,
): { version: number; data: Record<string, unknown> } {
  const contract = contractOf(source, event.type);
  return contract
    ? { version: contract.version, data: contract.decode(event) }
    : { version: event.version, data: event.payload };
}

interface Delivered {
  source: SubgraphName;
  event: WebhookEvent;
  version: number;
  data: Record<string, unknown>;
}

const delivered = (source: SubgraphName, event: WebhookEvent): Delivered => ({
  source,
  event,
  ...deliveredPayload(source, event),
});

/** The customer an event is about, when its payload names one. */
function customerIn(data: Record<string, unknown>): string | null {
  const customerId = data.customerId;
  return typeof customerId === 'string' && customerId !== '' ? customerId : null;
}

const orderKeyIn = ({ source, event, data }: Delivered): string => {
  const customerId = customerIn(data);
  return customerId ? `customer:${customerId}` : `${source}:${event.aggregateId}`;
};

const bodyOf = ({ source, event, version, data }: Delivered): string =>
  JSON.stringify({
    id: `${source}:${event.id}`,
    source,
    type: event.type,
    version,
    occurredAt: event.createdAt.toISOString(),
    data,
  });

/** The customer an event is about, when it names one. */
export function customerOf(source: SubgraphName, event: WebhookEvent): string | null {
  return customerIn(delivered(source, event).data);
}

/**
 * What deliveries to one endpoint are ordered by: the customer, or for an event about no customer
 * (a campaign, a reward) the entity it is about, within its service.
 */
export function orderKeyOf(source: SubgraphName, event: WebhookEvent): string {
  return orderKeyIn(delivered(source, event));
}

/** The JSON body an endpoint receives: the signature covers exactly this text. */
export function webhookBody(source: SubgraphName, event: WebhookEvent): string {
  return bodyOf(delivered(source, event));
}

/** A delivery to queue: one event for one endpoint. */
export interface NewDelivery {
  endpointId: string;
  eventId: number;
  eventType: string;
  customerId: string | null;
  orderKey: string;
  body: string;
}

/** The deliveries `events` from `source` call for: one per endpoint subscribed to each event's type. */
export function deliveriesFor(
  source: SubgraphName,
  events: readonly WebhookEvent[],
  endpoints: ReadonlyArray<{ id: string; eventTypes: readonly string[]; since: Date | null }>,
): NewDelivery[] {
  return events.flatMap((event) => {
    const targets = endpoints.filter(
      (endpoint) =>
        (endpoint.since === null || event.createdAt >= endpoint.since) && subscribesTo(endpoint.eventTypes, event.type),
    );
    if (targets.length === 0) return [];
    const decoded = delivered(source, event);
    const body = bodyOf(decoded);
    const customerId = customerIn(decoded.data);
    const orderKey = orderKeyIn(decoded);
    return targets.map((endpoint) => ({
      endpointId: endpoint.id,
      eventId: event.id,
      eventType: event.type,
      customerId,
      orderKey,
      body,
    }));
  });
}
