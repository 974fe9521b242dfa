// The benchmark's canaries: fake secrets of six kinds planted in each corpus, so a benchmark run can
// check that the scanners it times actually find something. They are generated at run time from a
// fixed seed (no key-shaped literal sits in the repository) by the same procedure as the reference
// corpus builder, so every machine plants the same values and the history corpus gets the same
// commit ids.
import { createHash } from 'node:crypto';

export const TREE_CANARY_SEED = '20241101';
export const HISTORY_CANARY_SEED = '20241102';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URL_SAFE = `${ALNUM}_-`;
const BASE32_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';

/** A deterministic character stream: the first 4 bytes of sha256("seed:counter") pick each character. */
function picker(seed) {
  let counter = 0;
  const next = () => createHash('sha256').update(`${seed}:${counter++}`).digest().readUInt32BE(0);
  return (alphabet, length) => Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
}

/**
 * [name, value] pairs of the six canaries for `seed`, in a fixed order (the values are drawn in this
 * order, so it is part of the result). Prefixes are split so that this file holds no key-shaped string.
 * @param {string} seed
 * @returns {Array<[string, string]>}
 */
export function canarySecrets(seed) {
  const pick = picker(seed);
  return [
    ['OPENAI_API_KEY', `sk-${'proj-'}${pick(URL_SAFE, 74)}T3Blbk${'FJ'}${pick(URL_SAFE, 74)}`],
    ['AWS_ACCESS_KEY_ID', `AK${'IA'}${pick(BASE32_UPPER, 16)}`],
    ['GITHUB_TOKEN', `gh${'p_'}${pick(ALNUM, 36)}`],
    ['ANTHROPIC_API_KEY', `sk-${'ant-api03-'}${pick(URL_SAFE, 93)}AA`],
    ['GOOGLE_API_KEY', `AI${'za'}${pick(URL_SAFE, 35)}`],
    ['service_api_key', pick(HEX, 40)],
  ];
}

/** The working-tree canary, DIR/tree/canary/app-config.js: a CommonJS config object. */
export function treeCanaryFile(seed = TREE_CANARY_SEED) {
  const entries = canarySecrets(seed).map(([name, value]) => `  ${name}: "${value}",\n`);
  return `// keyguard benchmark canary: FAKE credentials, generated from a fixed seed. Expected: 6 findings.\nmodule.exports = {\n${entries.join('')}};\n`;
}

/** The history canary, config/dev.env: added by one commit and deleted by the next. */
export function historyCanaryEnv(seed = HISTORY_CANARY_SEED) {
  const lines = canarySecrets(seed).map(([name, value]) => `${name}=${value}\n`);
  return `# local dev config (FAKE keyguard benchmark canary values)\n${lines.join('')}`;
}
