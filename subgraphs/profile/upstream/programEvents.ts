import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Queryable } from '../../../runtime/database/database';
import { readEvents } from '../../../runtime/events/outbox';
import { UpstreamOutbox, type UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { urlSource, type ServiceUrl } from '../../../runtime/http/graphqlRequest';
import type { SubgraphName } from '../../registry';

/** One service's outbox, read from a cursor. */
export interface ProgramEventSource {
  name: SubgraphName;
  after(after: number, first: number, types: readonly string[] | null): Promise<UpstreamEvent[]>;
}

export interface ProgramEventUrls {
  ledgerUrl: ServiceUrl;
  rewardsUrl: ServiceUrl;
  campaignUrl: ServiceUrl;
}

/**
 * Every outbox of the program, for the consumers that react to all of it (notifications and
 * outbound webhooks): the profile's own table, read directly, and, given their URLs, the other
 * services' through their internal events queries.
 */
export function programEventSources(
  db: Queryable,
  urls: ProgramEventUrls | undefined,
  credential: InternalCredential,
): ProgramEventSource[] {
  const own: ProgramEventSource = {
    name: 'profile',
    after: (after, first, types) => readEvents<Record<string, unknown>>(db, 'profile', after, first, types),
  };
  if (!urls) return [own];
  const upstream = (name: SubgraphName, url: ServiceUrl, field: string): ProgramEventSource => {
    const outbox = new UpstreamOutbox(urlSource(url), field, credential, `${name} service`);
    return { name, after: (after, first, types) => outbox.after(after, first, types) };
  };
  return [
    own,
    upstream('ledger', urls.ledgerUrl, 'ledgerEvents'),
    upstream('rewards', urls.rewardsUrl, 'rewardsEvents'),
    upstream('campaign', urls.campaignUrl, 'campaignEvents'),
  ];
}
