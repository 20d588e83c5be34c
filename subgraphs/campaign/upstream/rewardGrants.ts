import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation } from '../../../runtime/http/operation';
import { grantReward, type GrantRewardInput } from '../../rewards/contract/internalApi';

/** Asks rewards to issue a reward without points (an absence trigger's voucher), once per grant key. */
export class RewardGrants {
  constructor(
    private readonly rewardsUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  async grant(request: GrantRewardInput): Promise<void> {
    await callOperation(
      this.rewardsUrl(),
      grantReward,
      { input: request },
      { headers: { authorization: await this.credential.authorization() }, service: 'rewards service' },
    );
  }
}
