import type DataLoader from 'dataloader';
import type { AuthContext } from '../../runtime/auth/authorize';
import type { Database } from '../../runtime/database/database';
import type { ContextInput } from '../../runtime/server/startSubgraph';
import type { CustomerService } from './customers/customer.service';
import type { CustomEventService } from './events/customEvent.service';
import type { Customer } from './customers/customer.type';
import type { NormalisedIdentifier } from './customers/identifier.rules';
import type { FeedbackService } from './feedback/feedback.service';
import type { PrivacyService } from './privacy/privacy.service';

/** The profile's long-lived services, shared by every request. */
export interface ProfileServices {
  db: Database;
  customers: CustomerService;
  feedback: FeedbackService;
  privacy: PrivacyService;
  customEvents: CustomEventService;
}

export interface ProfileContext extends AuthContext, ProfileServices {
  loaders: {
    customerById: DataLoader<string, Customer | null>;
    /** The owner of each identifier asked in the request (a `trackEvents` batch's, in one query). */
    customerIdByIdentifier: DataLoader<NormalisedIdentifier, string | undefined, string>;
  };
}

export function createProfileContext(services: ProfileServices, input: ContextInput): ProfileContext {
  return {
    ...services,
    principal: input.principal,
    loaders: {
      customerById: services.customers.createLoader(),
      customerIdByIdentifier: services.customers.createIdentifierLoader(),
    },
  };
}
