import { describe, expect, it } from 'vitest';
import {
  CLIP_SHARE_OF_QUOTA,
  DEFAULT_CLIP_BUDGET_BYTES,
  QUOTA_MARGIN_BYTES,
  clipBudget,
  describeBudget,
  fitsBudget,
  formatBytes,
} from '../../../src/review/storageBudget';

const MB = 1024 ** 2;
const GB = 1024 ** 3;

describe('the clip storage budget', () => {
  it('uses the default budget when the browser has room to spare', () => {
    const budget = clipBudget(100 * MB, { usage: 150 * MB, quota: 50 * GB });
    expect(budget.budgetBytes).toBe(DEFAULT_CLIP_BUDGET_BYTES);
    expect(budget.remainingBytes).toBe(DEFAULT_CLIP_BUDGET_BYTES - 100 * MB);
  });

  it('keeps clips to a share of a small quota', () => {
    const budget = clipBudget(0, { usage: 0, quota: 1 * GB });
    expect(budget.budgetBytes).toBe(Math.floor(GB * CLIP_SHARE_OF_QUOTA));
  });

  it('never offers more than the quota has left, whatever the budget says', () => {
    const budget = clipBudget(10 * MB, { usage: 990 * MB, quota: GB });
    expect(budget.remainingBytes).toBe(Math.max(0, GB - 990 * MB - QUOTA_MARGIN_BYTES));
    expect(fitsBudget(budget, 50 * MB)).toBe(false);
  });

  it('has nothing left once clips fill the budget', () => {
    const budget = clipBudget(DEFAULT_CLIP_BUDGET_BYTES + 1, null);
    expect(budget.remainingBytes).toBe(0);
    expect(budget.quotaBytes).toBeNull();
  });

  it.each([
    [0, '0 bytes'],
    [999, '999 bytes'],
    [1_500, '1.5 kB'],
    [12_345_678, '12 MB'],
    [2_400_000_000, '2.4 GB'],
  ])('writes %i bytes as "%s"', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('tells the user what clips use, their budget and the browser quota', () => {
    const text = describeBudget(clipBudget(120e6, { usage: 300e6, quota: 10e9 }));
    expect(text).toBe(
      `Clips use 120 MB of their ${formatBytes(DEFAULT_CLIP_BUDGET_BYTES)} budget on this device ` +
        `(this browser lets the app keep up to 10 GB, 300 MB in use). ` +
        `${formatBytes(DEFAULT_CLIP_BUDGET_BYTES - 120e6)} left for new clips.`,
    );
  });
});
