import fc from 'fast-check';
import { TimelineEntryKind, timelineEntryKinds, timelineFilter, timelineTypesMax } from './timelineEntry.rules';

describe('what a timeline read lists', () => {
  it('lists every kind without kinds or types, and custom events alone for types without kinds', () => {
    expect(timelineFilter(null, null)).toEqual({ ok: true, filter: { kinds: timelineEntryKinds, types: null } });
    expect(timelineFilter(null, ['review.submitted', 'review.submitted'])).toEqual({
      ok: true,
      filter: { kinds: [TimelineEntryKind.CUSTOM_EVENT], types: ['review.submitted'] },
    });
  });

  it('narrows custom events by type beside other kinds, and refuses types without custom events', () => {
    expect(timelineFilter([TimelineEntryKind.PURCHASE, TimelineEntryKind.CUSTOM_EVENT], ['cart.updated'])).toEqual({
      ok: true,
      filter: { kinds: [TimelineEntryKind.PURCHASE, TimelineEntryKind.CUSTOM_EVENT], types: ['cart.updated'] },
    });
    expect(timelineFilter([TimelineEntryKind.PURCHASE], ['cart.updated'])).toMatchObject({
      ok: false,
      argument: 'types',
    });
  });

  it('refuses no kinds, no types, too many types and overlong names', () => {
    expect(timelineFilter([], null)).toMatchObject({ ok: false, argument: 'kinds' });
    expect(timelineFilter(null, [])).toMatchObject({ ok: false, argument: 'types' });
    const many = Array.from({ length: timelineTypesMax + 1 }, (_, index) => `type.n${index}`);
    expect(timelineFilter(null, many)).toMatchObject({ ok: false, argument: 'types' });
    expect(timelineFilter(null, ['x'.repeat(65)])).toMatchObject({ ok: false, argument: 'types' });
  });

  it('asks each kind once, only kinds it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...timelineEntryKinds), { minLength: 1, maxLength: 8 }), (kinds) => {
        const outcome = timelineFilter(kinds, null);
        if (!outcome.ok) return false;
        return (
          outcome.filter.kinds.length === new Set(kinds).size &&
          outcome.filter.kinds.every((kind) => kinds.includes(kind))
        );
      }),
    );
  });
});
