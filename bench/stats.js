// Pure arithmetic for the benchmark: medians, ratios and rates. No I/O, so test/bench can check it.

/** Median of a non-empty list of numbers (mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Median of the ratios numerators[i] / denominators[i] over the rounds both sides ran. Pairing runs
 * of the same round cancels slow drifts of the machine (thermal, page cache, neighbours) that a ratio
 * of two medians would keep.
 */
export function medianPairwiseRatio(numerators, denominators) {
  const rounds = Math.min(numerators.length, denominators.length);
  if (rounds === 0) throw new Error('no paired runs to compare');
  return median(Array.from({ length: rounds }, (_, i) => numerators[i] / denominators[i]));
}

const MB = 1024 * 1024;

/** Megabytes (MiB) per second for `bytes` handled in `ms` milliseconds. */
export function mbPerSecond(bytes, ms) {
  return bytes / MB / (ms / 1000);
}

/** Items per second for `count` items handled in `ms` milliseconds. */
export function perSecond(count, ms) {
  return count / (ms / 1000);
}
