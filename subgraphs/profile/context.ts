import type DataLoader from 'dataloader';
import type { AuthContext } from '../../runtime/auth/authorize';
import type { Database } from '../../runtime/database/database';
import type { ContextInput } from '../../runtime/server/startSubgraph';
import type { CustomerService } from './customers/customer.service';
import type { Customer } from './customers/customer.type';

export interface ProfileContext extends AuthContext {
  db: Database;
  customers: CustomerService;
  loaders: {
    customerById: DataLoader<string, Customer | null>;
  };
}

export function createProfileContext(db: Database, customers: CustomerService, input: ContextInput): ProfileContext {
  return { db, principal: input.principal, customers, loaders: { customerById: customers.createLoader() } };
}
