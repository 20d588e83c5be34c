import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation, type Operation } from '../../../runtime/http/operation';
import { customersWithBirthday, members, type ProfileMember } from '../../profile/contract/internalApi';

export type { ProfileMember };

/** Asks the profile subgraph, through its federated entry points, for members' names and addresses and for birthdays. */
export class ProfileMembers {
  constructor(
    private readonly profileUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  /** The members behind `ids` (a merged id answers with its survivor), keyed by the id asked for. */
  async byIds(ids: readonly string[]): Promise<Map<string, ProfileMember>> {
    const asked = [...new Set(ids)];
    if (asked.length === 0) return new Map();
    // The profile answers a merged id with its survivor, so `id` may differ from the id asked for.
    const data = await this.request(members, {
      representations: asked.map((id) => ({ __typename: 'Customer' as const, id })),
    });
    const found = new Map<string, ProfileMember>();
    data._entities.forEach((member, index) => {
      if (member) found.set(asked[index]!, member);
    });
    return found;
  }

  /** Ids of members born on a month and day, not erased or merged away, a page at a time in id order. */
  async birthdays(
    date: { month: number; day: number; leapYear: boolean },
    after: string | null,
    first: number,
  ): Promise<string[]> {
    const data = await this.request(customersWithBirthday, { ...date, after, first });
    return data.customersWithBirthday;
  }

  private async request<Variables extends object, Result>(
    operation: Operation<Variables, Result>,
    variables: Variables,
  ): Promise<Result> {
    return callOperation(this.profileUrl(), operation, variables, {
      headers: { authorization: await this.credential.authorization() },
      service: 'profile service',
    });
  }
}
