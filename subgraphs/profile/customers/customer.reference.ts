import type { ProfileContext } from '../context';
import type { Customer } from './customer.type';

/** Resolves `Customer` references from other subgraphs, batched per request. */
export function resolveCustomerReference(reference: { id: string }, ctx: ProfileContext): Promise<Customer | null> {
  return ctx.loaders.customerById.load(reference.id);
}
