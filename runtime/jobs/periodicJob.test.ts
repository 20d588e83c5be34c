import { createLogger } from '../logging/logger';
import { PeriodicJob } from './periodicJob';

const hour = 3_600_000;
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

async function until(done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500 && !done(); attempt++) await tick();
  expect(done()).toBe(true);
}

/** A job whose runs end when the test says so. */
function controlledJob(wakeUpDelayMs = 10) {
  const finishers: Array<() => void> = [];
  let runs = 0;
  const job = new PeriodicJob(
    'test job',
    () => {
      runs += 1;
      return new Promise<void>((resolve) => finishers.push(resolve));
    },
    createLogger('error'),
    { wakeUpDelayMs },
  );
  return {
    job,
    runs: () => runs,
    finishRun: () => finishers.shift()?.(),
    finishAll: () => finishers.splice(0).forEach((finish) => finish()),
  };
}

describe('PeriodicJob wake-ups', () => {
  it('runs once for a burst of wake-ups', async () => {
    const { job, runs, finishAll } = controlledJob();
    await job.start(hour);
    for (let i = 0; i < 10; i++) job.wake();
    await until(() => runs() === 1);
    finishAll();
    await tick();
    await tick();
    expect(runs()).toBe(1);
    await job.stop();
  });

  it('runs once more after a run that wake-ups arrived during, however many', async () => {
    const { job, runs, finishRun, finishAll } = controlledJob();
    await job.start(hour);
    job.wake();
    await until(() => runs() === 1);
    for (let i = 0; i < 5; i++) job.wake();
    await tick();
    await tick();
    expect(runs()).toBe(1);
    finishRun();
    await until(() => runs() === 2);
    finishAll();
    await tick();
    await tick();
    expect(runs()).toBe(2);
    await job.stop();
  });

  it('does not wake a job that runs only on request', async () => {
    const { job, runs } = controlledJob();
    await job.start(0);
    job.wake(0);
    await tick();
    await tick();
    expect(runs()).toBe(0);
  });

  it('lets a sooner wake-up replace a later one', async () => {
    const { job, runs, finishAll } = controlledJob();
    await job.start(hour);
    job.wake(hour);
    job.wake(10 * 60_000);
    job.wake(0);
    await until(() => runs() === 1);
    finishAll();
    await job.stop();
  });
});
