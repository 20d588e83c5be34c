import type { InternalCredential } from '../../../runtime/auth/tokens';
import { graphqlRequest } from '../../../runtime/http/graphqlRequest';

const birthdaysQuery = /* GraphQL */ `
  query RewardsBirthdays($month: Int!, $day: Int!, $leapYear: Boolean!, $after: ID, $first: Int!) {
    customersWithBirthday(month: $month, day: $day, leapYear: $leapYear, after: $after, first: $first)
  }
`;

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
    const data = await graphqlRequest<{ customersWithBirthday: string[] }>(
      this.profileUrl(),
      birthdaysQuery,
      { ...date, after, first },
      { headers: { authorization: await this.credential.authorization() }, service: 'profile service' },
    );
    return data.customersWithBirthday;
  }
}
