import {
  absenceTriggerProblem,
  AbsenceStart,
  maxWaitMinutes,
  type AbsenceTriggerDefinition,
} from './absenceTrigger.rules';

const cart: AbsenceTriggerDefinition = {
  key: 'abandoned-cart',
  name: 'Abandoned cart',
  start: AbsenceStart.CUSTOM_EVENT,
  eventType: 'cart.updated',
  waitMinutes: 120,
  bonusPoints: 50,
  rewardId: null,
  sendMessage: true,
};
const winBack: AbsenceTriggerDefinition = {
  ...cart,
  key: 'win-back',
  start: AbsenceStart.LAST_PURCHASE,
  eventType: null,
  waitMinutes: 60 * 24 * 60,
  bonusPoints: 0,
  rewardId: '7d1c9b1e-58a4-4b9e-8a43-0f6c8f0e3b21',
};
const fieldOf = (change: Partial<AbsenceTriggerDefinition>, base = cart) =>
  absenceTriggerProblem({ ...base, ...change })?.field ?? null;

describe('absence trigger definitions', () => {
  it('takes an abandoned cart and a win-back', () => {
    expect(absenceTriggerProblem(cart)).toBeNull();
    expect(absenceTriggerProblem(winBack)).toBeNull();
    expect(fieldOf({ bonusPoints: 0, sendMessage: true })).toBeNull();
  });

  it('names the field of each problem', () => {
    expect(fieldOf({ key: 'Has Spaces' })).toBe('key');
    expect(fieldOf({ name: '  ' })).toBe('name');
    expect(fieldOf({ eventType: null })).toBe('eventType');
    expect(fieldOf({ eventType: 'Cart Updated' })).toBe('eventType');
    expect(fieldOf({ eventType: 'cart.updated' }, winBack)).toBe('eventType');
    expect(fieldOf({ waitMinutes: 0 })).toBe('waitMinutes');
    expect(fieldOf({ waitMinutes: maxWaitMinutes + 1 })).toBe('waitMinutes');
    expect(fieldOf({ waitMinutes: 1.5 })).toBe('waitMinutes');
    expect(fieldOf({ bonusPoints: -1 })).toBe('bonusPoints');
    expect(fieldOf({ rewardId: 'not-a-uuid' })).toBe('rewardId');
    // Something to give: points, a reward or a message.
    expect(fieldOf({ bonusPoints: 0, sendMessage: false })).toBe('bonusPoints');
  });
});
