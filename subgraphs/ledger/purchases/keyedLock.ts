/** Runs work for one key at a time, in arrival order, within this process; other keys run freely. */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` once the key's earlier work ended; `waited` tells whether there was any. */
  async run<T>(key: string, work: (waited: boolean) => Promise<T>): Promise<T> {
    const waited = this.tails.has(key);
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work(waited);
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
