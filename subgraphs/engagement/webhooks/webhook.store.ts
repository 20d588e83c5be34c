import type { Queryable } from '../../../runtime/database/database';
import type { NewDelivery, WebhookDeliveryStatus } from './webhook.rules';

type Actor = { role: string; subject: string } | null;

export interface EndpointRow {
  id: string;
  url: string;
  description: string | null;
  event_types: string[];
  enabled: boolean;
  enabled_at: Date;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  created_by: Actor;
  created_at: Date;
  updated_by: Actor;
  updated_at: Date;
}

export interface DeliveryRow {
  id: number;
  endpoint_id: string;
  source: string;
  event_id: number;
  event_type: string;
  customer_id: string | null;
  replay: number;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  requested_by: Actor;
  created_at: Date;
}

/** A delivery taken for one attempt, with what sending it needs. */
export interface ClaimedDelivery {
  id: number;
  event_type: string;
  body: string;
  /** This attempt's number (1 for the first). */
  attempts: number;
  url: string;
  /** The secrets to sign with: the current one, and a rotated-out one still honoured. */
  secrets: string[];
}

const ms = (param: string) => `(${param}::double precision * interval '1 millisecond')`;

export const webhookStore = {
  async insertEndpoint(
    db: Queryable,
    endpoint: { id: string; url: string; description: string | null; eventTypes: string[]; secret: string },
    actor: Actor,
  ): Promise<EndpointRow> {
    const { rows } = await db.query<EndpointRow>(
      `insert into engagement.webhook_endpoints (id, url, description, event_types, secret, created_by, updated_by)
       values ($1, $2, $3, $4::text[], $5, $6::jsonb, $6::jsonb) returning *`,
      [endpoint.id, endpoint.url, endpoint.description, endpoint.eventTypes, endpoint.secret, JSON.stringify(actor)],
    );
    return rows[0]!;
  },

  async endpoint(db: Queryable, id: string): Promise<EndpointRow | undefined> {
    const { rows } = await db.query<EndpointRow>('select * from engagement.webhook_endpoints where id = $1', [id]);
    return rows[0];
  },

  async endpoints(db: Queryable): Promise<EndpointRow[]> {
    const { rows } = await db.query<EndpointRow>('select * from engagement.webhook_endpoints order by created_at, id');
    return rows;
  },

  /** The endpoints events are fanned out to now. */
  async enabledEndpoints(db: Queryable): Promise<Array<Pick<EndpointRow, 'id' | 'event_types' | 'enabled_at'>>> {
    const { rows } = await db.query<Pick<EndpointRow, 'id' | 'event_types' | 'enabled_at'>>(
      'select id, event_types, enabled_at from engagement.webhook_endpoints where enabled order by id',
    );
    return rows;
  },

  /** Changes the given fields (null: unchanged) and records who did it. */
  async updateEndpoint(
    db: Queryable,
    id: string,
    change: { url?: string; description?: string | null; eventTypes?: string[]; enabled?: boolean },
    actor: Actor,
  ): Promise<EndpointRow | undefined> {
    const { rows } = await db.query<EndpointRow>(
      `update engagement.webhook_endpoints
          set url = coalesce($2, url),
              description = case when $3::boolean then $4 else description end,
              event_types = coalesce($5::text[], event_types),
              enabled_at = case when $6::boolean and not enabled then now() else enabled_at end,
              enabled = coalesce($6::boolean, enabled),
              updated_by = $7::jsonb, updated_at = now()
        where id = $1 returning *`,
      [
        id,
        change.url ?? null,
        change.description !== undefined,
        change.description ?? null,
        change.eventTypes ?? null,
        change.enabled ?? null,
        JSON.stringify(actor),
      ],
    );
    return rows[0];
  },

  /** Issues `secret`; the one it replaces is still signed with for `previousValidForMs` (0: not at all). */
  async rotateSecret(
    db: Queryable,
    id: string,
    secret: string,
    previousValidForMs: number,
    actor: Actor,
  ): Promise<EndpointRow | undefined> {
    const { rows } = await db.query<EndpointRow>(
      `update engagement.webhook_endpoints
          set previous_secret = case when $3::double precision > 0 then secret end,
              previous_secret_expires_at = case when $3::double precision > 0 then now() + ${ms('$3')} end,
              secret = $2, updated_by = $4::jsonb, updated_at = now()
        where id = $1 returning *`,
      [id, secret, previousValidForMs, JSON.stringify(actor)],
    );
    return rows[0];
  },

  /**
   * Adds deliveries, due now, in the order given (ids follow it, which is what per-customer order
   * goes by); one already there for its (endpoint, source, event, replay) is skipped. Returns how
   * many were added.
   */
  async insertDeliveries(
    db: Queryable,
    source: string,
    deliveries: readonly NewDelivery[],
    replay = 0,
    requestedBy: Actor = null,
  ): Promise<number> {
    if (deliveries.length === 0) return 0;
    const column = <T>(pick: (delivery: NewDelivery) => T) => deliveries.map(pick);
    const { rowCount } = await db.query(
      `insert into engagement.webhook_deliveries
         (endpoint_id, source, event_id, event_type, customer_id, order_key, body, replay, requested_by, status, next_attempt_at)
       select d.endpoint_id, $1, d.event_id, d.event_type, d.customer_id, d.order_key, d.body, $8, $9::jsonb, 'PENDING', now()
         from unnest($2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
              with ordinality as d(endpoint_id, event_id, event_type, customer_id, order_key, body, position)
        order by d.position
       on conflict (endpoint_id, source, event_id, replay) do nothing`,
      [
        source,
        column((d) => d.endpointId),
        column((d) => d.eventId),
        column((d) => d.eventType),
        column((d) => d.customerId),
        column((d) => d.orderKey),
        column((d) => d.body),
        replay,
        JSON.stringify(requestedBy),
      ],
    );
    return rowCount;
  },

  async nextReplay(db: Queryable): Promise<number> {
    const { rows } = await db.query<{ replay: number }>(`select nextval('engagement.webhook_replays') as replay`);
    return Number(rows[0]!.replay);
  },

  async delivery(db: Queryable, id: number): Promise<DeliveryRow | undefined> {
    const { rows } = await db.query<DeliveryRow>('select * from engagement.webhook_deliveries where id = $1', [id]);
    return rows[0];
  },

  /** The delivery log, newest first, from before `beforeId`; `limit` rows. */
  async deliveries(
    db: Queryable,
    filter: { endpointId: string | null; status: WebhookDeliveryStatus | null; beforeId: number | null },
    limit: number,
  ): Promise<DeliveryRow[]> {
    const { rows } = await db.query<DeliveryRow>(
      `select * from engagement.webhook_deliveries
        where ($1::uuid is null or endpoint_id = $1) and ($2::text is null or status = $2)
          and ($3::bigint is null or id < $3)
        order by id desc limit $4`,
      [filter.endpointId, filter.status, filter.beforeId, limit],
    );
    return rows;
  },

  /**
   * Takes up to `limit` due deliveries of enabled endpoints for one attempt each, skipping those
   * another instance holds, and those behind an earlier PENDING delivery to the same endpoint and
   * order key. Taking one counts its attempt and hides it for `leaseMs`: if this instance stops
   * mid-send, it is tried again after that.
   */
  async claimDue(db: Queryable, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const { rows } = await db.query<{
      id: number;
      event_type: string;
      body: string;
      attempts: number;
      url: string;
      secret: string;
      previous_secret: string | null;
    }>(
      `with due as (
         select d.id from engagement.webhook_deliveries d
           join engagement.webhook_endpoints w on w.id = d.endpoint_id
          where d.status = 'PENDING' and d.next_attempt_at <= now() and w.enabled
            and not exists (
              select 1 from engagement.webhook_deliveries earlier
               where earlier.endpoint_id = d.endpoint_id and earlier.order_key = d.order_key
                 and earlier.status = 'PENDING' and earlier.id < d.id)
          order by d.id
          limit $1
          for update of d skip locked
       )
       update engagement.webhook_deliveries d
          set attempts = d.attempts + 1, next_attempt_at = now() + ${ms('$2')}
         from due, engagement.webhook_endpoints w
        where d.id = due.id and w.id = d.endpoint_id
       returning d.id, d.event_type, d.body, d.attempts, w.url, w.secret,
                 case when w.previous_secret_expires_at > now() then w.previous_secret end as previous_secret`,
      [limit, leaseMs],
    );
    return rows
      .sort((a, b) => a.id - b.id)
      .map(({ previous_secret, secret, ...row }) => ({
        ...row,
        secrets: previous_secret ? [secret, previous_secret] : [secret],
      }));
  },

  /**
   * Records attempt `attempt`'s outcome, unless the delivery moved on meanwhile (this instance's
   * lease ran out and another took it). `retryInMs` applies to PENDING.
   */
  async recordAttempt(
    db: Queryable,
    id: number,
    attempt: number,
    outcome: { status: WebhookDeliveryStatus; statusCode: number | null; error: string | null; retryInMs: number },
  ): Promise<void> {
    await db.query(
      `update engagement.webhook_deliveries
          set status = $3, last_status_code = $4, last_error = $5,
              next_attempt_at = case when $3 = 'PENDING' then now() + ${ms('$6')} end,
              delivered_at = case when $3 = 'DELIVERED' then now() end
        where id = $1 and attempts = $2 and status = 'PENDING'`,
      [id, attempt, outcome.status, outcome.statusCode, outcome.error, outcome.retryInMs],
    );
  },

  /**
   * How long until the next PENDING delivery is due, in ms (null: none waits). 0 for one already due
   * that the next claim would take (its endpoint enabled, no earlier delivery of its order pending):
   * a retry whose backoff ran out while the dispatch was still going (a loaded machine) is sent now
   * rather than at the next interval.
   */
  async nextDueInMs(db: Queryable): Promise<number | null> {
    const { rows } = await db.query<{ in_ms: number | string | null }>(
      `select greatest(0, extract(epoch from min(d.next_attempt_at) - now()) * 1000) as in_ms
         from engagement.webhook_deliveries d
        where d.status = 'PENDING'
          and (d.next_attempt_at > now()
               or (exists (select 1 from engagement.webhook_endpoints w where w.id = d.endpoint_id and w.enabled)
                   and not exists (
                     select 1 from engagement.webhook_deliveries earlier
                      where earlier.endpoint_id = d.endpoint_id and earlier.order_key = d.order_key
                        and earlier.status = 'PENDING' and earlier.id < d.id)))`,
    );
    const inMs = rows[0]?.in_ms;
    return inMs === null || inMs === undefined ? null : Number(inMs);
  },

  /** Puts a dead letter back in the queue, due now, with its attempts counted afresh. */
  async requeueDead(db: Queryable, id: number, actor: Actor): Promise<DeliveryRow | undefined> {
    const { rows } = await db.query<DeliveryRow>(
      `update engagement.webhook_deliveries
          set status = 'PENDING', attempts = 0, next_attempt_at = now(), requested_by = $2::jsonb
        where id = $1 and status = 'DEAD' returning *`,
      [id, JSON.stringify(actor)],
    );
    return rows[0];
  },
};
