// `npm run accuracy`: precision and recall per rule family on keyguard's own labelled corpus
// (bench/accuracy/corpus.js: every family × file type × encoding, true keys and decoys), built at
// run time. Needs `npm run build` first. Prints the README table, then what was missed and what
// was reported wrongly.
import { renderTable, scoreCorpus } from './accuracy/score.js';

const score = scoreCorpus();
console.log(renderTable(score));
if (score.misses.length > 0) console.log(`\nMissed (${score.misses.length}):\n${score.misses.map((line) => `  ${line}`).join('\n')}`);
if (score.falseAlarms.length > 0) console.log(`\nReported wrongly (${score.falseAlarms.length}):\n${score.falseAlarms.map((line) => `  ${line}`).join('\n')}`);
