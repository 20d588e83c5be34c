import { createLogger } from '../logging/logger';
import { developmentAuth, readAuthConfig } from './authConfig';

const logger = createLogger('silent');
const real = 'a-real-secret-that-is-long-enough-1234567890';

describe('auth settings', () => {
  it('uses the published development secrets only when no secret is set and not in production', () => {
    expect(readAuthConfig({}, logger)).toMatchObject({
      jwtSecret: developmentAuth.jwtSecret,
      internalSecret: developmentAuth.internalSecret,
    });
    expect(() => readAuthConfig({ NODE_ENV: 'production' }, logger)).toThrow(/AUTH_JWT_SECRET or AUTH_JWKS_URL/);
  });

  it('never falls back to the published internal secret once a client secret is configured', () => {
    expect(() => readAuthConfig({ AUTH_JWT_SECRET: real }, logger)).toThrow(/AUTH_INTERNAL_SECRET/);
    expect(
      readAuthConfig({ AUTH_JWT_SECRET: real, AUTH_INTERNAL_SECRET: `${real}-internal` }, logger).internalSecret,
    ).toBe(`${real}-internal`);
  });

  it('refuses short secrets, and published ones in production', () => {
    expect(() => readAuthConfig({ AUTH_JWT_SECRET: 'short', AUTH_INTERNAL_SECRET: real }, logger)).toThrow(
      /32 characters/,
    );
    expect(() =>
      readAuthConfig(
        {
          NODE_ENV: 'production',
          AUTH_JWT_SECRET: 'change-me-to-a-long-random-secret-of-32-chars-or-more',
          AUTH_INTERNAL_SECRET: real,
        },
        logger,
      ),
    ).toThrow(/published example/);
    expect(() =>
      readAuthConfig(
        { NODE_ENV: 'production', AUTH_JWT_SECRET: real, AUTH_INTERNAL_SECRET: developmentAuth.internalSecret },
        logger,
      ),
    ).toThrow(/published example/);
  });
});
