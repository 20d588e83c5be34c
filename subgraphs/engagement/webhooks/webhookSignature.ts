import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a webhook receiver knows a delivery came from this program and was not replayed later
 * (issue 13). Every POST carries
 *
 *     Loyalty-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * To verify, a receiver:
 * 1. reads the raw request body as bytes/text, before any JSON parsing (re-serialising changes it);
 * 2. splits the header on "," into `key=value` pairs: one `t`, one or more `v1`;
 * 3. computes HMAC-SHA256 keyed with the whole endpoint secret (the `whsec_...` string, as UTF-8)
 *    over `${t}.${rawBody}`, hex-encoded;
 * 4. accepts if any `v1` equals it (compared in constant time) and `t` is within 5 minutes of its
 *    own clock; otherwise answers 4xx.
 *
 * More than one `v1` appears while a rotated secret's predecessor is still honoured, so a receiver
 * that has not switched yet keeps verifying. Deduplicate on the body's `id` (`<source>:<event id>`):
 * delivery is at least once, and a replay sends an event again.
 */
export const signatureVersion = 'v1';

/** How far a signature's timestamp may be from the receiver's clock. */
export const defaultToleranceSeconds = 300;

/** The hex HMAC-SHA256 of `<timestamp>.<body>` under `secret`. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The `Loyalty-Signature` header value: the timestamp and one `v1` per secret currently honoured. */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [
    `t=${timestamp}`,
    ...secrets.map((secret) => `${signatureVersion}=${signWebhook(secret, timestamp, body)}`),
  ].join(',');
}

export type SignatureCheck =
  { valid: true; timestamp: number } | { valid: false; reason: 'MALFORMED' | 'OUTSIDE_TOLERANCE' | 'MISMATCH' };

/**
 * Checks a `Loyalty-Signature` header against the raw body, as a receiver does (the recipe above):
 * the timestamp within `toleranceSeconds` of `now`, either way, and one `v1` matching.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  now: Date,
  toleranceSeconds = defaultToleranceSeconds,
): SignatureCheck {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) return { valid: false, reason: 'MALFORMED' };
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(value)) return { valid: false, reason: 'MALFORMED' };
      timestamp = Number(value);
    } else if (key === signatureVersion) {
      if (!/^[0-9a-f]{64}$/i.test(value)) return { valid: false, reason: 'MALFORMED' };
      signatures.push(value.toLowerCase());
    }
    // Other keys (a future scheme) are ignored, so receivers keep working while both are sent.
  }
  if (timestamp === undefined || signatures.length === 0) return { valid: false, reason: 'MALFORMED' };
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > toleranceSeconds) {
    return { valid: false, reason: 'OUTSIDE_TOLERANCE' };
  }
  const expected = Buffer.from(signWebhook(secret, timestamp, body), 'hex');
  const matches = signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected));
  return matches ? { valid: true, timestamp } : { valid: false, reason: 'MISMATCH' };
}
