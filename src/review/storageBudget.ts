/**
 * How much room clips may take on this device, in figures the user is shown. The browser gives
 * each site a quota (navigator.storage.estimate()); clips are by far the largest thing the app
 * keeps, so they get a budget inside it that leaves room for sessions and the app's own files.
 * Pure: the browser's figures are read by storageEstimate.ts.
 */

export interface StorageEstimateLike {
  readonly usage?: number;
  readonly quota?: number;
}

export interface ClipBudget {
  /** Bytes the stored clips take. */
  readonly clipsBytes: number;
  /** What clips may take in all. */
  readonly budgetBytes: number;
  /** What clips may still take now (budget left, and never more than the quota left). */
  readonly remainingBytes: number;
  /** The site's whole quota and use, when the browser says. */
  readonly quotaBytes: number | null;
  readonly usageBytes: number | null;
}

/** 2 GiB: about four hours of recorded clips at the recorder's 1 Mbit/s (clipRecorder.ts). */
export const DEFAULT_CLIP_BUDGET_BYTES = 2 * 1024 ** 3;
/** Clips may take at most this share of the site's quota: the rest is for sessions and the app. */
export const CLIP_SHARE_OF_QUOTA = 0.6;
/** Quota never used to the last byte: IndexedDB needs room to write a transaction. */
export const QUOTA_MARGIN_BYTES = 20 * 1024 ** 2;

export function clipBudget(
  clipsBytes: number,
  estimate: StorageEstimateLike | null,
  preferredBudgetBytes: number = DEFAULT_CLIP_BUDGET_BYTES,
): ClipBudget {
  const quota = estimate?.quota ?? null;
  const usage = estimate?.usage ?? null;
  const budgetBytes =
    quota === null
      ? preferredBudgetBytes
      : Math.min(preferredBudgetBytes, Math.floor(quota * CLIP_SHARE_OF_QUOTA));
  const quotaLeft =
    quota === null ? Infinity : Math.max(0, quota - (usage ?? 0) - QUOTA_MARGIN_BYTES);
  return {
    clipsBytes,
    budgetBytes,
    remainingBytes: Math.max(0, Math.min(budgetBytes - clipsBytes, quotaLeft)),
    quotaBytes: quota,
    usageBytes: usage,
  };
}

export function fitsBudget(budget: ClipBudget, bytes: number): boolean {
  return bytes <= budget.remainingBytes;
}

/** "12 MB", "1.4 GB": one decimal under 10 of a unit, none above. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit] ?? ''}`;
}

export function describeBudget(budget: ClipBudget): string {
  const parts = [
    `Clips use ${formatBytes(budget.clipsBytes)} of their ${formatBytes(budget.budgetBytes)} budget on this device`,
  ];
  if (budget.quotaBytes !== null)
    parts.push(
      `(this browser lets the app keep up to ${formatBytes(budget.quotaBytes)}` +
        `${budget.usageBytes === null ? '' : `, ${formatBytes(budget.usageBytes)} in use`})`,
    );
  return `${parts.join(' ')}. ${formatBytes(budget.remainingBytes)} left for new clips.`;
}
