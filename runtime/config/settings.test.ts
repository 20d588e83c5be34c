import { ConfigError } from './env';
import { integerSetting, numberSetting, textSetting, urlSetting } from './settings';

describe('a setting in a registry', () => {
  const interval = integerSetting('EXAMPLE_INTERVAL_MS', { default: 1000, min: 0, max: 5000, description: 'x' });

  it('reads its default when unset or empty, and a fallback a caller gives', () => {
    expect(interval.read({})).toBe(1000);
    expect(interval.read({ EXAMPLE_INTERVAL_MS: '  ' })).toBe(1000);
    expect(interval.read({}, 4000)).toBe(4000);
    expect(interval.read({ EXAMPLE_INTERVAL_MS: '250' }, 4000)).toBe(250);
  });

  it('stops start-up on a value out of its range, naming the variable', () => {
    expect(() => interval.read({ EXAMPLE_INTERVAL_MS: '9000' })).toThrow(
      new ConfigError('EXAMPLE_INTERVAL_MS must be an integer from 0 to 5000, got "9000"'),
    );
    const ratio = numberSetting('EXAMPLE_RATIO', { default: 1, min: 0, max: 1, description: 'x' });
    expect(ratio.read({ EXAMPLE_RATIO: '0.25' })).toBe(0.25);
    expect(() => ratio.read({ EXAMPLE_RATIO: 'half' })).toThrow(/EXAMPLE_RATIO must be a number from 0 to 1/);
  });

  it('requires a required URL and checks every URL', () => {
    const peer = urlSetting('EXAMPLE_URL', { required: true, description: 'x' });
    expect(() => peer.read({})).toThrow(new ConfigError('EXAMPLE_URL must be set'));
    expect(() => peer.read({ EXAMPLE_URL: 'not a url' })).toThrow(/EXAMPLE_URL must be a URL/);
    expect(peer.read({ EXAMPLE_URL: 'http://ledger:4002/graphql' })).toBe('http://ledger:4002/graphql');
    expect(urlSetting('EXAMPLE_OPTIONAL_URL', { description: 'x' }).read({})).toBeUndefined();
  });

  it('trims text and keeps its default', () => {
    const zone = textSetting('EXAMPLE_ZONE', { default: 'UTC', description: 'x' });
    expect(zone.read({ EXAMPLE_ZONE: ' Europe/Berlin ' })).toBe('Europe/Berlin');
    expect(zone.read({})).toBe('UTC');
  });
});
