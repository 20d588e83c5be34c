import { SignJWT } from 'jose';
import { developmentAuthConfig } from '../config/authConfig';
import { createTokenVerifier, mintToken, TokenError, type AuthConfig } from './tokens';

const auth: AuthConfig = { ...developmentAuthConfig(), clockToleranceSeconds: 5 };
const realNow = () => Math.floor(Date.now() / 1000);

const clientToken = (subject: string, ttlSeconds = 60) =>
  mintToken(
    { role: 'admin', subject },
    { secret: auth.jwtSecret!, issuer: auth.issuer, audience: auth.audience, ttlSeconds },
  );

async function problemOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'accepted';
  } catch (error) {
    if (error instanceof TokenError) return error.problem;
    throw error;
  }
}

describe('token verifier: a verified token is remembered', () => {
  it('still refuses a remembered token once it expires, past the clock tolerance', async () => {
    let now = realNow();
    const verifier = createTokenVerifier(auth, { acceptInternal: false }, { maxTokens: 10, now: () => now });
    const token = await clientToken('member@example.com', 60);
    const expiresAt = (await verifier.verify(token)).expiresAt!;
    now = expiresAt + auth.clockToleranceSeconds - 1;
    expect((await verifier.verify(token)).subject).toBe('member@example.com');
    now = expiresAt + auth.clockToleranceSeconds;
    expect(await problemOf(verifier.verify(token))).toBe('expired');
    // Dropped once expired: the signature check runs again, with the real clock, and passes.
    now = realNow();
    expect((await verifier.verify(token)).subject).toBe('member@example.com');
  });

  it('answers a remembered token with the principal it verified, forgetting the least recently presented first', async () => {
    // A principal verified again is a new object; a remembered one is the same object.
    const verifier = createTokenVerifier(auth, { acceptInternal: false }, { maxTokens: 2 });
    const [first, second, third] = await Promise.all(['a', 'b', 'c'].map((name) => clientToken(`${name}@example.com`)));
    const firstPrincipal = await verifier.verify(first!);
    const secondPrincipal = await verifier.verify(second!);
    expect(await verifier.verify(first!)).toBe(firstPrincipal);
    await verifier.verify(third!); // drops the second token, the least recently presented
    expect(await verifier.verify(first!)).toBe(firstPrincipal);
    const secondAgain = await verifier.verify(second!);
    expect(secondAgain).not.toBe(secondPrincipal);
    expect(secondAgain).toEqual(secondPrincipal);
    const uncached = createTokenVerifier(auth, { acceptInternal: false }, { maxTokens: 0 });
    expect(await uncached.verify(first!)).not.toBe(await uncached.verify(first!));
  });

  it('remembers no token it refused', async () => {
    const verifier = createTokenVerifier(auth, { acceptInternal: false }, { maxTokens: 10 });
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin@example.com')
      .setIssuer(auth.issuer)
      .setAudience(auth.audience)
      .setExpirationTime(realNow() + 60)
      .sign(new TextEncoder().encode('another-secret-of-enough-length-1234567890'));
    expect(await problemOf(verifier.verify(forged))).toBe('invalid');
    expect(await problemOf(verifier.verify(forged))).toBe('invalid');
    // A token refused for its lifetime is refused again, not remembered from the first answer.
    const tooLong = await clientToken('member@example.com', auth.maxTokenLifetimeSeconds + 600);
    expect(await problemOf(verifier.verify(tooLong))).toBe('invalid');
    expect(await problemOf(verifier.verify(tooLong))).toBe('invalid');
  });
});
