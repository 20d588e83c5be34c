import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation } from '../../../runtime/http/operation';
import { importedMemberIds } from '../../profile/contract/internalApi';

/** The customers of imported members by their key in the old engine; unknown keys are left out. */
export type MemberKeyResolver = (keys: readonly string[]) => Promise<Map<string, string>>;

/** Asks the profile (`importedMemberIds`, once per batch) which customers the member keys name. */
export function profileMemberKeys(profileUrl: () => string, credential: InternalCredential): MemberKeyResolver {
  return async (keys) => {
    if (keys.length === 0) return new Map();
    const data = await callOperation(
      profileUrl(),
      importedMemberIds,
      { keys: [...keys] },
      { headers: { authorization: await credential.authorization() }, service: 'profile service' },
    );
    return new Map(data.importedMemberIds.map((member) => [member.key, member.customerId]));
  };
}
