import type { ProfileContext } from '../context';
import { requireProfileAccess } from './customer.access';
import type { Customer } from './customer.type';

/** Resolves `Customer` references from other subgraphs, batched per request, for callers who may read them. */
export function resolveCustomerReference(reference: { id: string }, ctx: ProfileContext): Promise<Customer | null> {
  requireProfileAccess(ctx.principal, reference.id);
  return ctx.loaders.customerById.load(reference.id);
}
