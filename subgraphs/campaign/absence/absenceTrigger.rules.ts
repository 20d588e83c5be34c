import { absenceGrantKey } from '../contract/events';

/** What starts an absence trigger's timer. */
export enum AbsenceStart {
  /** A custom event of the trigger's type (`cart.updated`); a later one extends the timer. */
  CUSTOM_EVENT = 'CUSTOM_EVENT',
  /** Each purchase (win-back): the timer runs from the member's last purchase. */
  LAST_PURCHASE = 'LAST_PURCHASE',
}

export interface AbsenceTriggerDefinition {
  key: string;
  name: string;
  start: AbsenceStart;
  /** The custom event type, for CUSTOM_EVENT only. */
  eventType: string | null;
  waitMinutes: number;
  bonusPoints: number;
  rewardId: string | null;
  sendMessage: boolean;
}

/** The longest wait a trigger may have: a year and a day. */
export const maxWaitMinutes = 366 * 24 * 60;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const keyPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
// The profile's event type names (eventType.rules.ts): lowercase words joined by dots.
const eventTypePattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** The first problem with a definition, as `{ field, message }`, or null when it can be taken. */
export function absenceTriggerProblem(definition: AbsenceTriggerDefinition): { field: string; message: string } | null {
  if (!keyPattern.test(definition.key))
    return { field: 'key', message: 'a key is lowercase letters, digits and dashes, at most 64' };
  if (definition.name.trim() === '' || definition.name.length > 200)
    return { field: 'name', message: 'a name is 1 to 200 characters' };
  if (definition.start === AbsenceStart.CUSTOM_EVENT) {
    if (!definition.eventType || definition.eventType.length > 64 || !eventTypePattern.test(definition.eventType))
      return { field: 'eventType', message: 'a CUSTOM_EVENT trigger names an event type, e.g. cart.updated' };
  } else if (definition.eventType !== null) {
    return { field: 'eventType', message: 'only a CUSTOM_EVENT trigger names an event type' };
  }
  if (
    !Number.isInteger(definition.waitMinutes) ||
    definition.waitMinutes < 1 ||
    definition.waitMinutes > maxWaitMinutes
  )
    return { field: 'waitMinutes', message: `the wait is 1 to ${maxWaitMinutes} minutes` };
  if (!Number.isInteger(definition.bonusPoints) || definition.bonusPoints < 0 || definition.bonusPoints > 1_000_000)
    return { field: 'bonusPoints', message: 'bonus points are 0 to 1000000' };
  if (definition.rewardId !== null && !uuidPattern.test(definition.rewardId))
    return { field: 'rewardId', message: 'a reward id is a UUID' };
  if (definition.bonusPoints === 0 && definition.rewardId === null && !definition.sendMessage)
    return { field: 'bonusPoints', message: 'a trigger gives points, a reward or a message (or several)' };
  return null;
}

/** The idempotency key of what a fired timer gives (ledger award key, rewards grant key). */
export const deliveryKey = absenceGrantKey;
