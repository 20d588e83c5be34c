import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** What one block printed, and every answer its `curl` calls received (in the order they came). */
export interface BlockOutput {
  stdout: string;
  stderr: string;
  curlAnswers: string[];
}

export interface BlockRun {
  /** Null while it runs; the shell's exit status when a command of the block failed. */
  failedWithStatus: number | null;
  output(): BlockOutput;
}

/**
 * One bash session, as a reader pasting the README's blocks into one terminal: variables set by a
 * block are there for the next, and every block runs under `set -euo pipefail`, so its first
 * failing command ends the session. `curl` is wrapped to keep a copy of every answer, including
 * those a block reads into a variable.
 */
export class ShellSession {
  private readonly shell: ChildProcessWithoutNullStreams;
  private readonly doneLines: string[] = [];
  private readonly waiters: Array<() => void> = [];
  private exitStatus: number | null = null;
  private count = 0;

  constructor(
    private readonly workDir: string,
    options: { cwd: string; env: NodeJS.ProcessEnv },
  ) {
    // Its own process group, so that stopping it also stops what its blocks left running.
    this.shell = spawn('bash', ['--noprofile', '--norc'], { cwd: options.cwd, env: options.env, detached: true });
    this.shell.stderr.resume();
    createInterface({ input: this.shell.stdout }).on('line', (line) => {
      this.doneLines.push(line);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.shell.on('exit', (code, signal) => {
      this.exitStatus = code ?? (signal ? 128 : 1);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.shell.stdin.write(
      [
        'set -euo pipefail',
        'curl() { command curl "$@" | tee "$(mktemp "$README_BLOCK_DIR/curl.$(date +%s%N).XXXX")"; }',
        '',
      ].join('\n'),
    );
  }

  /** Runs a block to its end, or starts it in the background (then it returns at once). */
  async run(script: string, { background = false } = {}): Promise<BlockRun> {
    const id = ++this.count;
    const dir = path.join(this.workDir, `block-${id}`);
    mkdirSync(dir);
    const file = path.join(this.workDir, `block-${id}.sh`);
    writeFileSync(file, `${script}\n`);
    const redirections = `> '${dir}/stdout' 2> '${dir}/stderr' < /dev/null`;
    this.shell.stdin.write(
      [
        `README_BLOCK_DIR='${dir}'`,
        `{ source '${file}'; } ${redirections}${background ? ' &' : ''}`,
        `echo 'done ${id}'`,
        '',
      ].join('\n'),
    );
    while (!this.doneLines.includes(`done ${id}`) && this.exitStatus === null) {
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
    const failedWithStatus = this.doneLines.includes(`done ${id}`) ? null : this.exitStatus;
    const read = (name: string) => {
      try {
        return readFileSync(path.join(dir, name), 'utf8');
      } catch {
        return '';
      }
    };
    return {
      failedWithStatus,
      output: () => ({
        stdout: read('stdout'),
        stderr: read('stderr'),
        curlAnswers: readdirSync(dir)
          .filter((name) => name.startsWith('curl.'))
          .sort()
          .map(read),
      }),
    };
  }

  /** Stops the shell and everything it started. */
  stop(): void {
    try {
      process.kill(-this.shell.pid!, 'SIGTERM');
    } catch {
      // the shell and its children are gone already
    }
  }
}
