import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../../runtime/database/database';
import { UpstreamError } from '../../../runtime/http/graphqlRequest';
import { isUuid } from '../../../runtime/validation/validators';
import type { ProgramEventSource } from '../upstream/programEvents';
import { invalidWebhookInput, WebhookError, WebhookErrorKind } from './webhook.errors';
import {
  checkedDescription,
  checkedEventTypes,
  checkedWebhookUrl,
  deliveriesFor,
  eventTypeFilter,
  secretHint,
  type WebhookDeliveryStatus,
} from './webhook.rules';
import { webhookStore, type DeliveryRow, type EndpointRow } from './webhook.store';
import type {
  RegisterWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointSecret,
  WebhookReplay,
} from './webhook.type';

type Actor = { role: string; subject: string } | null;

/** Events one replay queues at most; the caller goes on from the `lastEventId` it reports. */
export const maxReplayEvents = 1000;
/** The longest a rotated-out secret is still signed with: a week. */
export const maxPreviousSecretSeconds = 7 * 24 * 3600;

const actorText = (actor: Actor): string | null => (actor ? `${actor.role}:${actor.subject}` : null);

export function toWebhookEndpoint(row: EndpointRow): WebhookEndpoint {
  const previousValid = row.previous_secret_expires_at && row.previous_secret_expires_at > new Date();
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    enabled: row.enabled,
    secretHint: secretHint(row.secret),
    previousSecretExpiresAt: previousValid ? row.previous_secret_expires_at : null,
    createdAt: row.created_at,
    createdBy: actorText(row.created_by),
    updatedAt: row.updated_at,
    updatedBy: actorText(row.updated_by),
  };
}

export function toWebhookDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: String(row.id),
    endpointId: row.endpoint_id,
    source: row.source,
    eventId: row.event_id,
    eventType: row.event_type,
    customerId: row.customer_id,
    replay: row.replay,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
    deliveredAt: row.delivered_at,
    requestedBy: actorText(row.requested_by),
    createdAt: row.created_at,
    payload: JSON.parse(row.body) as object,
  };
}

/** A signing secret: 32 random bytes, prefixed so it is recognisable in a secrets store. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** Integrations' endpoints, the delivery log, and an admin's retries and replays (issue 13). */
export class WebhookService {
  constructor(
    private readonly db: Database,
    private readonly sources: readonly ProgramEventSource[],
    /** Called once deliveries are queued (a retry, a replay), so they are sent now rather than on the next tick. */
    private readonly deliveriesQueued: () => void = () => {},
  ) {}

  endpoints(): Promise<WebhookEndpoint[]> {
    return webhookStore.endpoints(this.db).then((rows) => rows.map(toWebhookEndpoint));
  }

  async register(input: RegisterWebhookEndpointInput, actor: Actor): Promise<WebhookEndpointSecret> {
    const secret = newSecret();
    const row = await webhookStore.insertEndpoint(
      this.db,
      {
        id: randomUUID(),
        url: checkedWebhookUrl(input.url),
        eventTypes: checkedEventTypes(input.eventTypes),
        description: checkedDescription(input.description),
        secret,
      },
      actor,
    );
    return { endpoint: toWebhookEndpoint(row), secret };
  }

  async update(id: string, input: UpdateWebhookEndpointInput, actor: Actor): Promise<WebhookEndpoint> {
    const change = {
      url: input.url == null ? undefined : checkedWebhookUrl(input.url),
      eventTypes: input.eventTypes == null ? undefined : checkedEventTypes(input.eventTypes),
      description: input.description === undefined ? undefined : checkedDescription(input.description),
    };
    return toWebhookEndpoint(
      this.found(await webhookStore.updateEndpoint(this.db, this.endpointId(id), change, actor), id),
    );
  }

  async setEnabled(id: string, enabled: boolean, actor: Actor): Promise<WebhookEndpoint> {
    const row = await webhookStore.updateEndpoint(this.db, this.endpointId(id), { enabled }, actor);
    return toWebhookEndpoint(this.found(row, id));
  }

  async rotateSecret(id: string, previousValidForSeconds: number, actor: Actor): Promise<WebhookEndpointSecret> {
    if (
      !Number.isInteger(previousValidForSeconds) ||
      previousValidForSeconds < 0 ||
      previousValidForSeconds > maxPreviousSecretSeconds
    ) {
      throw invalidWebhookInput(
        `previousSecretValidForSeconds must be from 0 to ${maxPreviousSecretSeconds}`,
        'previousSecretValidForSeconds',
      );
    }
    const secret = newSecret();
    const row = await webhookStore.rotateSecret(
      this.db,
      this.endpointId(id),
      secret,
      previousValidForSeconds * 1000,
      actor,
    );
    return { endpoint: toWebhookEndpoint(this.found(row, id)), secret };
  }

  /** The delivery log, newest first: `limit` rows before delivery `beforeId`. */
  async deliveries(
    filter: { endpointId: string | null; status: WebhookDeliveryStatus | null; beforeId: number | null },
    limit: number,
  ): Promise<DeliveryRow[]> {
    const endpointId = filter.endpointId === null ? null : this.endpointId(filter.endpointId, 'endpointId');
    return webhookStore.deliveries(this.db, { ...filter, endpointId }, limit);
  }

  /** Sends a dead letter again, from a first attempt; its place in its customer's order is its own. */
  async retry(id: string, actor: Actor): Promise<WebhookDelivery> {
    const deliveryId = /^\d{1,15}$/.test(id) ? Number(id) : null;
    if (deliveryId === null) throw invalidWebhookInput('id must be a webhook delivery id', 'id');
    const row = await webhookStore.requeueDead(this.db, deliveryId, actor);
    if (row) {
      this.deliveriesQueued();
      return toWebhookDelivery(row);
    }
    const current = await webhookStore.delivery(this.db, deliveryId);
    if (!current)
      throw new WebhookError(WebhookErrorKind.UnknownWebhookDelivery, `No webhook delivery has the id ${id}`);
    throw new WebhookError(
      WebhookErrorKind.WebhookDeliveryNotDead,
      `Delivery ${id} is ${current.status}: only a DEAD delivery can be retried`,
      { status: current.status },
    );
  }

  /**
   * Queues `source`'s events after `afterEventId` again for one endpoint, as new deliveries (the
   * originals stay in the log): at most `first`, of the types the endpoint subscribes to (narrowed
   * to `types` if given).
   */
  async replay(
    request: { endpointId: string; source: string; afterEventId: number; types: string[] | null; first: number },
    actor: Actor,
  ): Promise<WebhookReplay> {
    const endpoint = this.found(
      await webhookStore.endpoint(this.db, this.endpointId(request.endpointId, 'endpointId')),
      request.endpointId,
    );
    const source = this.sources.find((candidate) => candidate.name === request.source);
    if (!source) {
      throw invalidWebhookInput(
        `source must be one of ${this.sources.map((candidate) => candidate.name).join(', ')}`,
        'source',
      );
    }
    if (!Number.isInteger(request.afterEventId) || request.afterEventId < 0) {
      throw invalidWebhookInput('afterEventId must be an event id (0: from the first)', 'afterEventId');
    }
    if (!Number.isInteger(request.first) || request.first < 1 || request.first > maxReplayEvents) {
      throw invalidWebhookInput(`first must be from 1 to ${maxReplayEvents}`, 'first');
    }
    const types = eventTypeFilter([endpoint.event_types], request.types && checkedEventTypes(request.types, 'types'));
    if (types?.length === 0) {
      throw invalidWebhookInput('The endpoint subscribes to none of those event types', 'types');
    }
    const events = await source.after(request.afterEventId, request.first, types).catch((error: unknown) => {
      if (error instanceof UpstreamError && error.kind === 'UpstreamUnavailable') {
        throw new WebhookError(
          WebhookErrorKind.EventSourceUnavailable,
          `The ${source.name} service did not answer; nothing was replayed, try again`,
          {},
          { cause: error },
        );
      }
      throw error;
    });
    const deliveries = deliveriesFor(source.name, events, [
      { id: endpoint.id, eventTypes: endpoint.event_types, since: null },
    ]);
    const replay = await this.db.transaction(async (tx) => {
      const number = await webhookStore.nextReplay(tx);
      await webhookStore.insertDeliveries(tx, source.name, deliveries, number, actor);
      return number;
    });
    if (deliveries.length > 0) this.deliveriesQueued();
    return {
      replay,
      enqueued: deliveries.length,
      lastEventId: events.at(-1)?.id ?? request.afterEventId,
      hasMore: events.length === request.first,
    };
  }

  private endpointId(id: string, argument = 'id'): string {
    if (!isUuid(id)) throw invalidWebhookInput(`${argument} must be a webhook endpoint id`, argument);
    return id;
  }

  private found<Row>(row: Row | undefined, id: string): Row {
    if (!row) throw new WebhookError(WebhookErrorKind.UnknownWebhookEndpoint, `No webhook endpoint has the id ${id}`);
    return row;
  }
}
