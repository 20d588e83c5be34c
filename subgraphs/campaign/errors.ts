import { mapDomainErrors } from '../../runtime/errors/graphqlErrors';

/** The campaign subgraph has no domain errors of its own yet; input validation is mapped here too. */
export const campaignErrors = mapDomainErrors<never>({});
