import type { Principal } from '../runtime/auth/principal';

/** A gateway request's context: who is calling, with what header, from where. */
export interface GatewayContext {
  principal: Principal | null;
  /** The client's Authorization header, forwarded to the subgraphs, which verify it again. */
  authorization?: string;
  /** The client's address, for per-address limits. */
  ip: string;
  [key: string]: unknown;
}
