import { findChromium, planChromium, type ChromiumHost } from './ensureChromium';

function host(options: { executables?: string[]; env?: Record<string, string>; isRoot?: boolean }): ChromiumHost {
  const executables = new Set(options.executables ?? []);
  return {
    env: { PATH: '/usr/local/bin:/usr/bin', ...options.env },
    isExecutable: (file) => executables.has(file),
    isRoot: options.isRoot ?? false,
  };
}

describe('the Chromium the browser test uses', () => {
  it('finds Debian’s chromium on PATH', () => {
    expect(findChromium(host({ executables: ['/usr/bin/chromium'] }))).toBe('/usr/bin/chromium');
    expect(planChromium(host({ executables: ['/usr/bin/chromium'] }))).toEqual({
      kind: 'found',
      path: '/usr/bin/chromium',
    });
  });

  it('prefers CHROMIUM_PATH over PATH', () => {
    const machine = host({
      executables: ['/opt/chrome/chrome', '/usr/bin/chromium'],
      env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
    });
    expect(findChromium(machine)).toBe('/opt/chrome/chrome');
  });

  it('refuses a CHROMIUM_PATH that is not there rather than installing another browser', () => {
    const plan = planChromium(
      host({ executables: ['/usr/bin/apt-get'], env: { CHROMIUM_PATH: '/opt/none/chrome' }, isRoot: true }),
    );
    expect(plan.kind).toBe('missing');
    expect(plan.kind === 'missing' && plan.message).toContain('CHROMIUM_PATH is /opt/none/chrome');
  });

  it('installs Debian’s chromium with apt-get when running as root', () => {
    expect(planChromium(host({ executables: ['/usr/bin/apt-get'], isRoot: true }))).toEqual({
      kind: 'install',
      commands: [
        ['/usr/bin/apt-get', 'update', '-qq'],
        ['/usr/bin/apt-get', 'install', '-y', '-qq', 'chromium'],
      ],
    });
  });

  it('says what to install when it may not install', () => {
    const plan = planChromium(host({ executables: ['/usr/bin/apt-get'], isRoot: false }));
    expect(plan).toEqual({ kind: 'missing', message: expect.stringContaining('apt-get install chromium') });
    expect(plan.kind === 'missing' && plan.message).toContain('not running as root');
  });

  it('says what to install when there is no apt-get', () => {
    const plan = planChromium(host({ isRoot: true }));
    expect(plan.kind === 'missing' && plan.message).toMatch(/apt-get is not available.*CHROMIUM_PATH/);
  });
});
