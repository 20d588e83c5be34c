/** What a timeline entry is. */
export enum TimelineEntryKind {
  CUSTOM_EVENT = 'CUSTOM_EVENT',
  PURCHASE = 'PURCHASE',
  RETURN = 'RETURN',
  REDEMPTION = 'REDEMPTION',
  MESSAGE = 'MESSAGE',
}

export const timelineEntryKinds: readonly TimelineEntryKind[] = Object.values(TimelineEntryKind);

/** The most custom event types one read may name. */
export const timelineTypesMax = 20;

/** What one timeline read lists. */
export interface TimelineFilter {
  kinds: readonly TimelineEntryKind[];
  /** Custom event types to keep; null: every type. */
  types: readonly string[] | null;
}

export type TimelineFilterOutcome =
  { ok: true; filter: TimelineFilter } | { ok: false; argument: 'kinds' | 'types'; message: string };

/**
 * The read `kinds` and `types` ask for. `types` narrows custom events only; without `kinds` it means
 * custom events of those types alone, as the timeline answered before it listed other kinds.
 */
export function timelineFilter(
  kinds: readonly TimelineEntryKind[] | null,
  types: readonly string[] | null,
): TimelineFilterOutcome {
  if (kinds && kinds.length === 0) return { ok: false, argument: 'kinds', message: 'kinds takes at least one kind' };
  if (types && (types.length === 0 || types.length > timelineTypesMax || types.some((type) => type.length > 64))) {
    return { ok: false, argument: 'types', message: `types takes 1 to ${timelineTypesMax} event type names` };
  }
  const asked = kinds ? [...new Set(kinds)] : types ? [TimelineEntryKind.CUSTOM_EVENT] : [...timelineEntryKinds];
  if (types && !asked.includes(TimelineEntryKind.CUSTOM_EVENT)) {
    return { ok: false, argument: 'types', message: 'types narrows custom events: add CUSTOM_EVENT to kinds' };
  }
  return { ok: true, filter: { kinds: asked, types: types ? [...new Set(types)] : null } };
}
