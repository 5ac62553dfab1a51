import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { isDatabaseUnavailable } from './unavailable.js';

const pgError = (code: string, message = 'x') => Object.assign(new pg.DatabaseError(message, 0, 'error'), { code });
const socketError = (code: string, syscall = 'connect') => Object.assign(new Error(`${syscall} ${code}`), { code, syscall });

describe('isDatabaseUnavailable', () => {
  it('recognises a server that goes away, is not there yet, or cannot be reached', () => {
    for (const error of [
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P03', 'the database system is starting up'),
      pgError('08006'),
      socketError('ECONNREFUSED'),
      socketError('ECONNRESET', 'read'),
      socketError('ENOENT'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
      new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')]),
      new Error('Connection terminated due to connection timeout', { cause: socketError('ETIMEDOUT') }),
      // pg-boss reports a failed poll as a copy of the error's fields.
      { ...pgError('57P01'), message: 'terminating connection (Queue: mail.send, Worker: 1)', queue: 'mail.send' },
    ]) {
      expect(isDatabaseUnavailable(error), String((error as Error).message)).toBe(true);
    }
  });

  it('leaves bugs and bad data alone: they stay errors worth a look', () => {
    for (const error of [
      pgError('42601', 'syntax error'),
      pgError('23505', 'duplicate key'),
      pgError('22021', 'invalid byte sequence'),
      new TypeError('x is undefined'),
      socketError('ENOENT', 'open'),
      'text',
      null,
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
