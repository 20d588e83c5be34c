import type { InternalCredential } from '../auth/tokens';
import { graphqlRequest } from '../http/graphqlRequest';

export interface UpstreamEvent {
  id: number;
  type: string;
  payload: Record<string, unknown>;
}

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
      events: ${field}(after: $after, first: $first, types: $types) { id type payload }
    }`;
  }

  async after(after: number, first: number, types: readonly string[]): Promise<UpstreamEvent[]> {
    const data = await graphqlRequest<{
      events: Array<{ id: string; type: string; payload: Record<string, unknown> }>;
    }>(
      this.url(),
      this.query,
      { after, first, types },
      { headers: { authorization: await this.credential.authorization() }, service: this.service },
    );
    return data.events.map((event) => ({ ...event, id: Number(event.id) }));
  }
}
