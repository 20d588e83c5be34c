import type { InternalCredential } from '../../../runtime/auth/tokens';
import { graphqlRequest } from '../../../runtime/http/graphqlRequest';

export interface LedgerEvent {
  id: number;
  type: string;
  payload: Record<string, unknown>;
}

const eventsQuery = /* GraphQL */ `
  query CampaignLedgerEvents($after: Int!, $first: Int!, $types: [String!]) {
    ledgerEvents(after: $after, first: $first, types: $types) {
      id
      type
      payload
    }
  }
`;

/** Reads the ledger's outbox through its internal API, from a cursor. */
export class LedgerEvents {
  constructor(
    private readonly ledgerUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  async after(after: number, first: number, types: readonly string[]): Promise<LedgerEvent[]> {
    const data = await graphqlRequest<{
      ledgerEvents: Array<{ id: string; type: string; payload: Record<string, unknown> }>;
    }>(
      this.ledgerUrl(),
      eventsQuery,
      { after, first, types },
      { headers: { authorization: await this.credential.authorization() }, service: 'ledger service' },
    );
    return data.ledgerEvents.map((event) => ({ ...event, id: Number(event.id) }));
  }
}
