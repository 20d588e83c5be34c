/**
 * Who may do what (ARCHITECTURE §6). `internal` is a service of this graph calling another one
 * directly (the ledger asking campaign for a quote); it never comes from outside.
 */
export const roles = ['member', 'associate', 'marketer', 'admin', 'service', 'internal'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** The verified caller of a request. */
export interface Principal {
  role: Role;
  /** A member's customer id; a staff member's or integration's own id. */
  subject: string;
  /** The store an associate works for. */
  storeId?: string;
  /** The channel an integration (service) records for. */
  channel?: string;
  /** When the token stops being valid, in seconds since the epoch. */
  expiresAt?: number;
}

/** What a change's event records as its actor, for the audit trail. */
export function actorOf(principal: Principal | null): { role: Role; subject: string } | null {
  return principal && { role: principal.role, subject: principal.subject };
}

/** Two callers that may share one upstream subscription see the same thing. */
export function principalKey(principal: Principal | null): string {
  if (!principal) return 'anonymous';
  return [principal.role, principal.subject, principal.storeId ?? '', principal.channel ?? ''].join('|');
}
