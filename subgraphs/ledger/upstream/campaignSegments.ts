import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation } from '../../../runtime/http/operation';
import { segmentMemberIds } from '../../campaign/contract/internalApi';

/** Asks the campaign subgraph who is in a segment now: a bulk adjustment's members. */
export class CampaignSegments {
  constructor(
    private readonly campaignUrl: string,
    private readonly credential: InternalCredential,
  ) {}

  /** The members' ids in id order; null when no segment has the key. */
  async memberIds(key: string): Promise<string[] | null> {
    const data = await callOperation(
      this.campaignUrl,
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
