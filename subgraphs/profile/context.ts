import type DataLoader from 'dataloader';
import type { CustomerService } from './customers/customer.service';
import type { Customer } from './customers/customer.type';

export interface ProfileContext {
  customers: CustomerService;
  loaders: {
    customerById: DataLoader<string, Customer | null>;
  };
}

export function createProfileContext(customers: CustomerService): ProfileContext {
  return { customers, loaders: { customerById: customers.createLoader() } };
}
