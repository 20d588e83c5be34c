import { mapDomainErrors } from '../../runtime/errors/graphqlErrors';

/** The rewards subgraph has no domain errors of its own yet; input validation is mapped here too. */
export const rewardsErrors = mapDomainErrors<never>({});
