import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation } from '../../../runtime/http/operation';
import { customersWithBirthday } from '../../profile/contract/internalApi';

/** Asks the profile subgraph whose birthday it is, a page at a time. */
export class ProfileBirthdays {
  constructor(
    private readonly profileUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  async page(
    date: { month: number; day: number; leapYear: boolean },
    after: string | null,
    first: number,
  ): Promise<string[]> {
    const data = await callOperation(
      this.profileUrl(),
      customersWithBirthday,
      { ...date, after, first },
      { headers: { authorization: await this.credential.authorization() }, service: 'profile service' },
    );
    return data.customersWithBirthday;
  }
}
