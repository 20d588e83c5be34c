/*
 * The engagement subgraph's internal API: what other subgraphs call on it (role `internal`).
 */

/** The outbox events query field other subgraphs read engagement's events from. */
export const engagementEventsField = 'engagementEvents';
