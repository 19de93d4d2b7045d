import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StorageFullError, isQuotaError, toStorageError } from '../../../src/session/storageErrors';

describe('quota errors, however they arrive', () => {
  it.each([
    ['a QuotaExceededError DOMException', new DOMException('full', 'QuotaExceededError'), true],
    [
      'Firefox’s old name',
      Object.assign(new Error('full'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }),
      true,
    ],
    ['Dexie’s wrapper', new Dexie.QuotaExceededError('full'), true],
    [
      'an aborted transaction caused by the quota',
      new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')),
      true,
    ],
    [
      'a cause chain',
      new Error('write failed', { cause: new DOMException('q', 'QuotaExceededError') }),
      true,
    ],
    ['a constraint error', new Dexie.ConstraintError('duplicate key'), false],
    ['a plain error', new Error('nope'), false],
    ['a string', 'QuotaExceededError', false],
  ])('recognises %s', (_, error, quota) => {
    expect(isQuotaError(error)).toBe(quota);
  });

  it('turns a quota failure into StorageFullError that says to export the session', () => {
    const error = toStorageError(new DOMException('full', 'QuotaExceededError'), 'abc');
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error.message).toBe(
      'Storage is full; your session is kept in memory. Export it now so it is not lost.',
    );
  });

  it('passes other errors on unchanged', () => {
    const original = new Error('disk on fire');
    expect(toStorageError(original)).toBe(original);
  });
});
