/** The `extensions.code` values a client can rely on (ARCHITECTURE §6). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INSUFFICIENT_POINTS: 'INSUFFICIENT_POINTS',
  /** A service this operation depends on did not answer; nothing was changed, a retry may succeed. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A fault of ours; the message is generic and the details are in the server's log. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
