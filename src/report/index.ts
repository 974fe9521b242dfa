import type { ScanResult } from '../scan-result.js';
import { formatCompact } from './compact.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText, type TextOptions } from './text.js';

export const REPORT_FORMATS = ['text', 'compact', 'json', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type { TextOptions };

/** The whole report, ending in a newline, ready to write to stdout or a file as is. */
export function formatReport(result: ScanResult, format: ReportFormat, options: TextOptions): string {
  switch (format) {
    case 'text':
      return formatText(result, options);
    case 'compact':
      return formatCompact(result);
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result);
  }
}
