import type { InternalCredential } from '../../runtime/auth/tokens';
import { urlSource, type ServiceUrl } from '../../runtime/http/graphqlRequest';
import { callOperation } from '../../runtime/http/operation';
import { segmentMemberIds } from '../../subgraphs/campaign/contract/internalApi';

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
    const data = await callOperation(
      this.url(),
      segmentMemberIds,
      { key },
      {
        headers: { authorization: await this.credential.authorization() },
        service: 'campaign service',
        timeoutMs: 30_000,
      },
    );
    return data.segmentMemberIds;
  }
}
