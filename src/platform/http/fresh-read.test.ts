import { describe, expect, it } from 'vitest';
import { FreshRead } from './fresh-read.js';

/** A read that the test finishes by hand, counting how often it started. */
function manualReads() {
  const pending: ((value: number) => void)[] = [];
  let version = 0;
  const reads = new FreshRead(
    () =>
      new Promise<number>((resolve) => {
        const seen = version; // what the database holds when the query starts
        pending.push(() => resolve(seen));
      }),
  );
  return {
    reads,
    started: () => pending.length,
    write: () => (version += 1),
    finish: async (index: number) => {
      pending[index]!(0);
      await new Promise((r) => setImmediate(r));
    },
  };
}

describe('FreshRead', () => {
  it('never answers a request with a read that started before the request came', async () => {
    const m = manualReads();
    const first = m.reads.value(); // starts read 0
    m.write(); // a write commits while read 0 is under way
    const second = m.reads.value(); // came after the write: must not get read 0's answer
    await m.finish(0);
    expect(await first).toBe(0);
    expect(m.started()).toBe(2);
    await m.finish(1);
    expect(await second).toBe(1);
  });

  it('lets every request that arrives during a read share the next one', async () => {
    const m = manualReads();
    void m.reads.value();
    const waiting = Array.from({ length: 50 }, () => m.reads.value());
    await m.finish(0);
    expect(m.started()).toBe(2);
    await m.finish(1);
    expect(new Set(await Promise.all(waiting)).size).toBe(1);
    expect(m.started()).toBe(2);
  });

  it('starts again after a read failed', async () => {
    let calls = 0;
    const reads = new FreshRead(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database away');
      return calls;
    });
    await expect(reads.value()).rejects.toThrow('database away');
    expect(await reads.value()).toBe(2);
  });
});
