import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Database } from '../../../runtime/database/database';
import { readEvents } from '../../../runtime/events/outbox';
import { UpstreamOutbox, type UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { urlSource, type ServiceUrl } from '../../../runtime/http/graphqlRequest';
import { campaignEventsField } from '../../campaign/contract/internalApi';
import { ledgerEventsField } from '../../ledger/contract/internalApi';
import { profileEventsField } from '../../profile/contract/internalApi';
import type { SubgraphName } from '../../registry';
import { rewardsEventsField } from '../../rewards/contract/internalApi';

/** One service's outbox, read from a cursor. */
export interface ProgramEventSource {
  name: SubgraphName;
  after(after: number, first: number, types: readonly string[] | null): Promise<UpstreamEvent[]>;
}

/** The services whose outboxes engagement follows: every other subgraph of the program. */
export interface ProgramEventUrls {
  profileUrl: ServiceUrl;
  ledgerUrl: ServiceUrl;
  rewardsUrl: ServiceUrl;
  campaignUrl: ServiceUrl;
}

/**
 * Every outbox of the program, for the consumers that react to all of it (notifications and
 * outbound webhooks), each read through its service's internal events query (never its table).
 */
export function programEventSources(urls: ProgramEventUrls, credential: InternalCredential): ProgramEventSource[] {
  const upstream = (name: SubgraphName, url: ServiceUrl, field: string): ProgramEventSource => {
    const outbox = new UpstreamOutbox(urlSource(url), field, credential, `${name} service`);
    return { name, after: (after, first, types) => outbox.after(after, first, types) };
  };
  return [
    upstream('profile', urls.profileUrl, profileEventsField),
    upstream('ledger', urls.ledgerUrl, ledgerEventsField),
    upstream('rewards', urls.rewardsUrl, rewardsEventsField),
    upstream('campaign', urls.campaignUrl, campaignEventsField),
  ];
}

/** Engagement's own outbox (messages sent, responses), read from its table: for outbound webhooks. */
export function ownEventSource(db: Database): ProgramEventSource {
  return {
    name: 'engagement',
    after: (after, first, types) => readEvents<Record<string, unknown>>(db, 'engagement', after, first, types),
  };
}
