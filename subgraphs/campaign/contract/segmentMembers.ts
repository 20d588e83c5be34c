import type { InternalCredential } from '../../../runtime/auth/tokens';
import { graphqlRequest, urlSource, type ServiceUrl } from '../../../runtime/http/graphqlRequest';

const SERVICE = 'campaign service';

/** The campaign subgraph's internal query of a segment's members (role `internal`). */
export const segmentMemberIdsQuery = /* GraphQL */ `
  query SegmentMemberIds($key: String!) {
    segmentMemberIds(key: $key)
  }
`;

export interface SegmentMemberIdsVariables {
  key: string;
}

export interface SegmentMemberIdsResult {
  /** The members in the segment now, in id order; null when no segment has this key. */
  segmentMemberIds: string[] | null;
}

/**
 * Asks the campaign subgraph who is in a segment now (built-in or a marketer's): the gateway's
 * bulk export keeps only their rows. Null for a segment that does not exist.
 */
export class SegmentMembers {
  private readonly url: () => string;

  constructor(
    campaignUrl: ServiceUrl,
    private readonly credential: InternalCredential,
  ) {
    this.url = urlSource(campaignUrl);
  }

  async memberIds(key: string): Promise<string[] | null> {
    const data = await graphqlRequest<SegmentMemberIdsResult>(
      this.url(),
      segmentMemberIdsQuery,
      { key } satisfies SegmentMemberIdsVariables,
      { headers: { authorization: await this.credential.authorization() }, service: SERVICE, timeoutMs: 30_000 },
    );
    return data.segmentMemberIds;
  }
}
