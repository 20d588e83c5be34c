import type { InternalCredential } from '../auth/tokens';
import { graphqlRequest } from '../http/graphqlRequest';
import type { OutboxEvent } from './outbox';

/** An event of another service's outbox, as this one reads it. */
export type UpstreamEvent = OutboxEvent<Record<string, unknown>>;

/** Reads another service's outbox through its internal events query (see outboxEventsResolver), from a cursor. */
export class UpstreamOutbox {
  private readonly query: string;

  constructor(
    private readonly url: () => string,
    /** The query field, e.g. `ledgerEvents`. */
    field: string,
    private readonly credential: InternalCredential,
    /** The service's name for error messages, e.g. "ledger service". */
    private readonly service: string,
  ) {
    this.query = `query ReadOutbox($after: Int!, $first: Int!, $types: [String!]) {
      events: ${field}(after: $after, first: $first, types: $types) { id type version aggregateId payload createdAt }
    }`;
  }

  /** Events after `after`, oldest first; `types` null: every type. */
  async after(after: number, first: number, types: readonly string[] | null): Promise<UpstreamEvent[]> {
    const data = await graphqlRequest<{
      events: Array<{
        id: string;
        type: string;
        version: number;
        aggregateId: string;
        payload: Record<string, unknown>;
        createdAt: string;
      }>;
    }>(
      this.url(),
      this.query,
      { after, first, types },
      { headers: { authorization: await this.credential.authorization() }, service: this.service },
    );
    return data.events.map((event) => ({ ...event, id: Number(event.id), createdAt: new Date(event.createdAt) }));
  }
}
