import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Database } from '../../../runtime/database/database';
import { followedOutbox } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import { readEvents } from '../../../runtime/events/outbox';
import type { FollowedOutbox } from '../../../runtime/events/outboxFollower';
import { UpstreamOutbox } from '../../../runtime/events/upstreamOutbox';
import { urlSource, type ServiceUrl } from '../../../runtime/http/graphqlRequest';
import { campaignEventsField } from '../../campaign/contract/internalApi';
import { ledgerEventsField } from '../../ledger/contract/internalApi';
import { profileEventsField } from '../../profile/contract/internalApi';
import type { SubgraphName } from '../../registry';
import { rewardsEventsField } from '../../rewards/contract/internalApi';

/**
 * One service's outbox, read from a cursor: its events query or its table, or with
 * `EVENT_TRANSPORT=nats` a durable consumer of its stream (which sets `acknowledge`).
 */
export interface ProgramEventSource extends FollowedOutbox {
  name: SubgraphName;
}

/** A follower of every outbox, reading each through durable consumers of its own with `nats`. */
export interface ProgramEventFollower {
  eventTransport: EventTransport | undefined;
  /** The follower's cursor of a service's outbox in `engagement.consumer_cursors` (its consumer is `engagement-<cursor>`). */
  cursorOf(source: SubgraphName): string;
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
 * outbound webhooks), each read through its service's internal events query (never its table);
 * for a `follower` with `EVENT_TRANSPORT=nats`, through its own durable consumer of each stream.
 * Sources a follower reads hold its consumers' place: one set per follower.
 */
export function programEventSources(
  urls: ProgramEventUrls,
  credential: InternalCredential,
  follower?: ProgramEventFollower,
): ProgramEventSource[] {
  const upstream = (name: SubgraphName, url: ServiceUrl, field: string): ProgramEventSource => {
    const query = () => new UpstreamOutbox(urlSource(url), field, credential, `${name} service`);
    const outbox: FollowedOutbox = follower
      ? followedOutbox(follower.eventTransport, name, `engagement-${follower.cursorOf(name)}`, query)
      : query();
    return {
      name,
      after: (after, first, types) => outbox.after(after, first, types),
      ...(outbox.acknowledge && { acknowledge: (event) => outbox.acknowledge!(event) }),
    };
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
