/** The programmatic API: `scan(options)` is what the CLI calls. */
export { scan, DEFAULT_ARCHIVE_DEPTH } from './scan.js';
export type { ScanOptions, HistoryScanOptions, ScanProgress } from './scan.js';
export type { ScanResult, ScanSummary, RuleInfo, ScanMode } from './scan-result.js';
export type { Finding, Severity, CommitInfo, ClientExposure, Verification, VerificationStatus } from './finding/finding.js';
export type { VerifyOptions } from './verify/types.js';
export { formatReport, REPORT_FORMATS } from './report/index.js';
export type { ReportFormat } from './report/index.js';
export { KeyguardError, UsageError } from './errors.js';
export { NothingScannedError } from './sources/coverage.js';
export { ConfigError } from './config/error.js';
export { BaselineError } from './suppress/baseline.js';
