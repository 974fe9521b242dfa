import type { ScanProgress } from '../scan.js';
import { formatBytes } from '../report/human-units.js';

/** A single self-overwriting progress line on a terminal's stderr, for long scans. */
export function progressPrinter(stream: NodeJS.WriteStream): { update: (progress: ScanProgress) => void; clear: () => void } {
  const started = performance.now();
  let shown = false;
  return {
    update(progress) {
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 ? `${formatBytes(progress.bytesScanned / seconds)}/s` : '';
      const commits = progress.commitsScanned !== null ? `${progress.commitsScanned} commits, ` : '';
      stream.write(`\r\x1b[2Kscanning: ${commits}${progress.filesScanned} files, ${formatBytes(progress.bytesScanned)} (${rate})`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
