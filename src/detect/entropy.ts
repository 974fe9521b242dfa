/**
 * Shannon entropy of a string's characters, and what to expect of it for a random string, so a
 * threshold can say "less varied than a random key of this length and alphabet would be".
 */

/** Bits per character (code point): 0 for one repeated character, at most log2 of the length. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  let length = 0;
  for (const char of text) {
    counts.set(char, (counts.get(char) ?? 0) + 1);
    length++;
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * The mean of shannonEntropy over random strings of `length` characters drawn uniformly from
 * `alphabetSize` symbols. Short strings fall well below log2(alphabetSize) because they cannot use
 * every symbol, so a fixed threshold would either miss long decoys or drop short real keys.
 *
 * Exact: each symbol's count is Binomial(length, 1/alphabetSize), and entropy is a sum over symbols.
 * Summed in log space so long strings do not underflow.
 */
export function expectedRandomEntropy(length: number, alphabetSize: number): number {
  if (length <= 1 || alphabetSize <= 1) return 0;
  const p = 1 / alphabetSize;
  const logOdds = Math.log(p / (1 - p));
  let logProbability = length * Math.log1p(-p); // P(count = 0)
  let perSymbol = 0;
  for (let count = 1; count <= length; count++) {
    logProbability += Math.log((length - count + 1) / count) + logOdds;
    const share = count / length;
    perSymbol -= Math.exp(logProbability) * share * Math.log2(share);
  }
  return alphabetSize * perSymbol;
}
