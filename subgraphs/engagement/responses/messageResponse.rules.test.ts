import { futureToleranceMs, impliedResponses, responseProblem } from './messageResponse.rules';

const sentAt = new Date('2026-06-10T12:00:00Z');
const now = new Date('2026-06-11T12:00:00Z');
const at = (ms: number) => new Date(sentAt.getTime() + ms);

describe('responseProblem', () => {
  it('takes a response between the sending and now (with a little clock skew)', () => {
    expect(responseProblem({ status: 'SENT', sentAt }, sentAt, now)).toBeNull();
    expect(responseProblem({ status: 'SENT', sentAt }, at(60_000), now)).toBeNull();
    expect(responseProblem({ status: 'SENT', sentAt }, new Date(now.getTime() + futureToleranceMs), now)).toBeNull();
  });

  it('refuses a message never sent, a time before it was sent, in the future or not a time', () => {
    for (const status of ['PENDING', 'SENDING', 'FAILED', 'SUPPRESSED'])
      expect(responseProblem({ status, sentAt: null }, now, now)?.field).toBe('messageId');
    expect(responseProblem({ status: 'SENT', sentAt }, at(-1), now)?.field).toBe('occurredAt');
    expect(responseProblem({ status: 'SENT', sentAt }, new Date(now.getTime() + futureToleranceMs + 1), now)).toEqual({
      field: 'occurredAt',
      message: 'occurredAt is in the future',
    });
    expect(responseProblem({ status: 'SENT', sentAt }, new Date(Number.NaN), now)?.field).toBe('occurredAt');
  });
});

describe('impliedResponses', () => {
  it('records an open with a click, and nothing more with the others', () => {
    expect(impliedResponses('CLICKED')).toEqual(['OPENED', 'CLICKED']);
    expect(impliedResponses('OPENED')).toEqual(['OPENED']);
    expect(impliedResponses('REDEEMED')).toEqual(['REDEEMED']);
  });
});
