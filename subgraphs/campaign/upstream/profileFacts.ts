import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation } from '../../../runtime/http/operation';
import {
  customerEnrolled,
  customerName,
  referralMembers,
  type PersonName,
  type ReferralMember,
} from '../../profile/contract/internalApi';

/**
 * Asks the profile subgraph when a member enrolled (for new-member campaigns), their name
 * (leaderboards) and the identities a referral is judged by.
 */
export class ProfileFacts {
  constructor(
    private readonly profileUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  async enrolledAt(customerId: string): Promise<Date | null> {
    const data = await callOperation(
      this.profileUrl(),
      customerEnrolled,
      { id: customerId },
      { headers: { authorization: await this.credential.authorization() }, service: 'profile service' },
    );
    return data.customer ? new Date(data.customer.enrolledAt) : null;
  }

  /** The member's name, to derive a leaderboard display name from and to keep it out of one; null if unknown. */
  async nameOf(customerId: string): Promise<PersonName | null> {
    const data = await callOperation(
      this.profileUrl(),
      customerName,
      { id: customerId },
      { headers: { authorization: await this.credential.authorization() }, service: 'profile service' },
    );
    return data.customer;
  }

  /** The members of a referral in the order asked (null: no such profile), survivors for merged ids. */
  async referralMembers(ids: readonly string[]): Promise<Array<ReferralMember | null>> {
    const data = await callOperation(
      this.profileUrl(),
      referralMembers,
      { representations: ids.map((id) => ({ __typename: 'Customer' as const, id })) },
      { headers: { authorization: await this.credential.authorization() }, service: 'profile service' },
    );
    return data._entities;
  }
}
