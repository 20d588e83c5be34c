import { isRole, type Principal } from '../runtime/auth/principal';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { readAuthConfig } from '../runtime/config/authConfig';
import { createLogger } from '../runtime/logging/logger';

const usage = `Mints a token for trying the graph (signed with AUTH_JWT_SECRET, or the development secret).

  npm run -s token -- admin [subject]
  npm run -s token -- marketer [subject]
  npm run -s token -- member <customerId>
  npm run -s token -- associate <storeId> [subject]
  npm run -s token -- service <CHANNEL> [subject]
  options: --ttl <seconds> (default 3600)

Use it as: curl -H "authorization: Bearer $(npm run -s token -- admin)" ...`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

/** `token <role> ...`: prints a token for the role. */
export async function mintTokenCommand(args: string[]): Promise<void> {
  const ttlAt = args.indexOf('--ttl');
  let ttlSeconds = 3600;
  if (ttlAt >= 0) {
    ttlSeconds = Number(args[ttlAt + 1]);
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) fail('--ttl takes a number of seconds');
    args.splice(ttlAt, 2);
  }
  const [role, first, second] = args;
  if (!isRole(role) || role === 'internal') fail(`unknown role ${role ?? '(none)'}`);
  let principal: Omit<Principal, 'expiresAt'>;
  switch (role) {
    case 'member':
      if (!first) fail('a member token needs the customer id');
      principal = { role, subject: first };
      break;
    case 'associate':
      if (!first) fail('an associate token needs the store id');
      principal = { role, subject: second ?? `associate@${first}`, storeId: first };
      break;
    case 'service':
      if (!first) fail('a service token needs the channel');
      principal = { role, subject: second ?? `integration-${first.toLowerCase()}`, channel: first };
      break;
    default:
      principal = { role, subject: first ?? `${role}@example.com` };
  }
  const auth = readAuthConfig(process.env, createLogger('error'));
  if (!auth.jwtSecret)
    fail('tokens are issued by your identity provider (AUTH_JWKS_URL); there is no secret to sign with');
  const authorization = await signClientAuthorization(principal, auth, ttlSeconds);
  process.stdout.write(`${authorization.slice('Bearer '.length)}\n`);
}

if (require.main === module)
  mintTokenCommand(process.argv.slice(2)).catch((error: unknown) => fail((error as Error).message));
