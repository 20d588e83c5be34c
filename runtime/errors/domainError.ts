/**
 * A failure the domain expects (unknown customer, conflicting retry, ...). Services throw these;
 * only the GraphQL layer turns them into errors with an `extensions.code`, through each service's
 * exhaustive map from `kind` to code.
 */
export class DomainError<Kind extends string = string> extends Error {
  constructor(
    readonly kind: Kind,
    message: string,
    /** Safe to show to the client; added to the error's extensions. */
    readonly details: Record<string, unknown> = {},
    /** What went wrong underneath, for logs only. */
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}
