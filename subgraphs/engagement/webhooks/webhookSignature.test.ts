import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { signatureHeader, signWebhook, verifyWebhookSignature } from './webhookSignature';

const secret = 'whsec_test-secret';
const body = '{"id":"ledger:7","source":"ledger","type":"PurchaseRecorded","data":{"points":25}}';
const t = 1_764_000_000;
const at = (seconds: number) => new Date(seconds * 1000);

describe('webhook signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 under the secret, hex-encoded', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhook(secret, t, body)).toBe(expected);
    expect(signatureHeader([secret], t, body)).toBe(`t=${t},v1=${expected}`);
  });

  it('accepts its own header within the tolerance, either side of the clock', () => {
    const header = signatureHeader([secret], t, body);
    expect(verifyWebhookSignature(secret, header, body, at(t))).toEqual({ valid: true, timestamp: t });
    expect(verifyWebhookSignature(secret, header, body, at(t + 300)).valid).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, at(t - 300)).valid).toBe(true);
  });

  it('refuses a header older or newer than the tolerance (a replayed request)', () => {
    const header = signatureHeader([secret], t, body);
    expect(verifyWebhookSignature(secret, header, body, at(t + 301))).toEqual({
      valid: false,
      reason: 'OUTSIDE_TOLERANCE',
    });
    expect(verifyWebhookSignature(secret, header, body, at(t - 301)).valid).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, at(t + 3600), 7200).valid).toBe(true);
  });

  it('refuses another secret, a changed body and a changed timestamp', () => {
    const header = signatureHeader([secret], t, body);
    expect(verifyWebhookSignature('whsec_other', header, body, at(t))).toEqual({ valid: false, reason: 'MISMATCH' });
    expect(verifyWebhookSignature(secret, header, body.replace('25', '26'), at(t)).valid).toBe(false);
    expect(verifyWebhookSignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, at(t)).valid).toBe(false);
  });

  it('accepts either secret while a rotated one is still honoured', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], t, body);
    expect(header.split(',')).toHaveLength(3);
    expect(verifyWebhookSignature('whsec_new', header, body, at(t)).valid).toBe(true);
    expect(verifyWebhookSignature('whsec_old', header, body, at(t)).valid).toBe(true);
    expect(verifyWebhookSignature('whsec_other', header, body, at(t)).valid).toBe(false);
  });

  it('ignores spaces and schemes it does not know', () => {
    const v1 = signWebhook(secret, t, body);
    expect(verifyWebhookSignature(secret, ` t=${t} , v0=abc, v1=${v1.toUpperCase()} `, body, at(t)).valid).toBe(true);
  });

  it.each([
    '',
    'garbage',
    `v1=${'a'.repeat(64)}`,
    `t=${t}`,
    `t=${t},v1=short`,
    `t=soon,v1=${'a'.repeat(64)}`,
    `t=${t},t=${t},v1=${'a'.repeat(64)}`,
  ])('calls the header %p malformed', (header) => {
    expect(verifyWebhookSignature(secret, header, body, at(t))).toEqual({ valid: false, reason: 'MALFORMED' });
  });

  it('verifies what it signs, for any secret and body, and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), (key, text, other) => {
        const header = signatureHeader([key], t, text);
        expect(verifyWebhookSignature(key, header, text, at(t)).valid).toBe(true);
        if (other !== text) expect(verifyWebhookSignature(key, header, other, at(t)).valid).toBe(false);
      }),
    );
  });
});
