import { AsyncLocalStorage } from 'node:async_hooks';
import type { TestApp } from './app.js';

const scope = new AsyncLocalStorage<symbol>();

/** The statements `work` sends to the database (jobs running meanwhile are not counted). */
export async function queriesOf(t: TestApp, work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const mine = Symbol('this work');
  const stop = t.booted.database.observeQueries((sql) => {
    if (scope.getStore() === mine) seen.push(sql);
  });
  try {
    await scope.run(mine, work);
  } finally {
    stop();
  }
  return seen;
}
