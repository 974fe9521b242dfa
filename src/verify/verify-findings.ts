import type { RawFinding } from '../finding/raw-finding.js';
import type { ScanMode } from '../scan-result.js';
import { verifyBaseUrl } from './base-url.js';
import { credentialFor, holdsCredential, identityOf } from './credentials.js';
import { unverifiableReason, verifierFor } from './providers/index.js';
import { verifiedRemedy } from './remedy.js';
import { runJobs, type VerifyJob } from './runner.js';
import { sourceTextOf } from './source-text.js';
import { openTransport } from './transport.js';
import type { Verification, VerifyOptions } from './types.js';

export interface VerifyRun {
  root: string;
  mode: ScanMode;
  options: Required<VerifyOptions>;
}

/**
 * The verify stage's work: ask each distinct key's provider once, record the answer on every
 * finding of that key (with an urgent remedy for live keys), then keep the findings whose status
 * `--results` asks for. Findings without a credential (hygiene, risky code) are never sent anywhere
 * and always kept.
 */
export async function verifyFindings(findings: RawFinding[], run: VerifyRun, warnings: string[]): Promise<RawFinding[]> {
  const baseUrl = verifyBaseUrl();
  const candidates = findings.filter(holdsCredential);
  const verdicts = new Map<RawFinding, Verification | number>();
  const jobs: VerifyJob[] = [];
  const jobIndex = new Map<string, number>();
  for (const finding of candidates) {
    const verifier = verifierFor(finding.ruleId);
    if (!verifier) {
      verdicts.set(finding, { status: 'unknown', detail: `not checked: ${unverifiableReason(finding.ruleId, finding.provider)}` });
      continue;
    }
    const credential = await credentialFor(finding, candidates, (source) => sourceTextOf(source, run.root, run.mode));
    const identity = identityOf(verifier.id, credential);
    let index = jobIndex.get(identity);
    if (index === undefined) {
      index = jobs.push({ verifier, credential }) - 1;
      jobIndex.set(identity, index);
    }
    verdicts.set(finding, index);
  }

  let answers: Verification[] = [];
  if (jobs.length > 0) {
    const transport = await openTransport(baseUrl !== null);
    try {
      answers = await runJobs(jobs, { transport, baseUrl, options: run.options });
    } finally {
      await transport.close();
    }
  }

  const results = new Set(run.options.results);
  const kept: RawFinding[] = [];
  for (const finding of findings) {
    const verdict = verdicts.get(finding);
    if (verdict === undefined) {
      kept.push(finding);
      continue;
    }
    const verification = typeof verdict === 'number' ? answers[verdict]! : verdict;
    if (!results.has(verification.status)) continue;
    const keyPage = verifierFor(finding.ruleId)?.keyPage;
    kept.push({ ...finding, verification, remedy: verifiedRemedy(finding, verification, keyPage) });
  }
  const left = findings.length - kept.length;
  if (left > 0) warnings.push(`${left} verified finding(s) not reported: --results ${[...results].join(',')} leaves them out`);
  return kept;
}
