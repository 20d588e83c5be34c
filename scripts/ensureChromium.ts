import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { toolSettings } from './settings';

type Env = Record<string, string | undefined>;

/** What the machine offers, so the decision can be tested without touching the real one. */
export interface ChromiumHost {
  env: Env;
  isExecutable(file: string): boolean;
  /** Whether this process may install system packages (uid 0). */
  isRoot: boolean;
}

export type ChromiumPlan =
  { kind: 'found'; path: string } | { kind: 'install'; commands: string[][] } | { kind: 'missing'; message: string };

/** The first executable `name` on `env.PATH`. */
export function findOnPath(name: string, host: Pick<ChromiumHost, 'env' | 'isExecutable'>): string | undefined {
  for (const dir of (host.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (host.isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** CHROMIUM_PATH when set, else Debian's `chromium` on PATH; undefined when neither is there. */
export function findChromium(host: Pick<ChromiumHost, 'env' | 'isExecutable'>): string | undefined {
  const configured = toolSettings.settings.chromiumPath.read(host.env);
  if (configured) return host.isExecutable(configured) ? configured : undefined;
  return findOnPath('chromium', host);
}

const installHint =
  "Install Debian's Chromium (`apt-get install chromium`, as root) or set CHROMIUM_PATH to a Chromium binary; " +
  'npm downloads no browser.';

/**
 * What `npm test` does about the browser test's Chromium: use the one there is, install Debian's
 * package when it may (root with apt-get, as `.ci/run` runs), or stop and say what to install.
 */
export function planChromium(host: ChromiumHost): ChromiumPlan {
  const found = findChromium(host);
  if (found) return { kind: 'found', path: found };
  const configured = toolSettings.settings.chromiumPath.read(host.env);
  if (configured) {
    return {
      kind: 'missing',
      message: `CHROMIUM_PATH is ${configured}, which is not an executable file. ${installHint}`,
    };
  }
  const aptGet = findOnPath('apt-get', host);
  if (host.isRoot && aptGet) {
    return {
      kind: 'install',
      commands: [
        [aptGet, 'update', '-qq'],
        [aptGet, 'install', '-y', '-qq', 'chromium'],
      ],
    };
  }
  const why = aptGet ? 'not running as root, so it cannot be installed here' : 'apt-get is not available here';
  return { kind: 'missing', message: `The browser test needs Chromium: none on PATH (${why}). ${installHint}` };
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export const localHost: ChromiumHost = {
  env: process.env,
  isExecutable: isExecutableFile,
  isRoot: process.getuid?.() === 0,
};

/** `npm test` runs this before Jest; it exits non-zero with what to install when Chromium cannot be had. */
function main(): void {
  const plan = planChromium(localHost);
  if (plan.kind === 'found') return;
  if (plan.kind === 'missing') {
    console.error(plan.message);
    process.exit(1);
  }
  console.log("Chromium is missing; installing Debian's package for the browser test");
  for (const [command, ...args] of plan.commands) {
    const result = spawnSync(command!, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(`${[command, ...args].join(' ')} failed. ${installHint}`);
      process.exit(1);
    }
  }
  if (!findChromium(localHost)) {
    console.error(`apt-get installed chromium, yet no chromium is on PATH. ${installHint}`);
    process.exit(1);
  }
}

if (require.main === module) main();
