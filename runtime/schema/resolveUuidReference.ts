import { isUuid } from '../validation/validators';

/**
 * `__resolveReference` for an entity a subgraph extends without storing it: any well-formed id
 * resolves to `{ id }` (its fields then load through the subgraph's batched loaders); a malformed
 * one resolves to null instead of reaching SQL.
 */
export function resolveUuidReference(reference: { id: string }): { id: string } | null {
  return isUuid(reference.id) ? { id: reference.id } : null;
}
