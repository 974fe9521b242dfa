/**
 * Printable strings from binary content, like `strings` and `strings -el`: runs of at least
 * MIN_RUN printable ASCII characters, and of UTF-16LE characters in the ASCII range (how .NET,
 * Windows binaries and Android resources store text). A key compiled into an app (a DEX constant,
 * a Mach-O C string, a plist value) sits in the binary as such a run. Each run becomes one line of
 * the text handed to the detector.
 *
 * Apps are tens of megabytes, so this is a tight loop over each Buffer that writes into
 * preallocated buffers: no per-byte arrays or strings.
 */

/** Shorter runs are noise; even a short secret comes with a name or a prefix. */
const MIN_RUN = 6;
/** A run this long is cut into lines, so one endless run cannot grow memory. */
const MAX_RUN = 64 * 1024;
const LINE_BREAK = 0x0a;

function isPrintable(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || byte === 0x09;
}

/** The lines found in one piece of input, in a buffer that grows as needed and is reused. */
class Lines {
  private buffer = Buffer.allocUnsafeSlow(64 * 1024);
  private length = 0;

  append(run: Buffer, runLength: number): void {
    if (this.length + runLength + 1 > this.buffer.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + runLength + 1));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    run.copy(this.buffer, this.length, 0, runLength);
    this.length += runLength;
    this.buffer[this.length++] = LINE_BREAK;
  }

  /** What was found since the last call, in a buffer of its own (it may move to a detection worker), or null. */
  take(): Buffer | null {
    if (this.length === 0) return null;
    const lines = Buffer.allocUnsafeSlow(this.length);
    this.buffer.copy(lines, 0, 0, this.length);
    this.length = 0;
    return lines;
  }
}

class RunCollector {
  private readonly run = Buffer.allocUnsafeSlow(MAX_RUN);
  private length = 0;

  constructor(private readonly lines: Lines) {}

  add(byte: number): void {
    this.run[this.length++] = byte;
    if (this.length === MAX_RUN) this.end();
  }

  end(): void {
    if (this.length >= MIN_RUN) this.lines.append(this.run, this.length);
    this.length = 0;
  }
}

/** Streams the printable runs of `pieces`, one per line. */
export async function* printableStrings(pieces: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const lines = new Lines();
  const ascii = new RunCollector(lines);
  const wide = new RunCollector(lines);
  /** A printable byte waiting for the NUL that makes it a UTF-16LE character. */
  let pendingWide = -1;
  for await (const piece of pieces) {
    const length = piece.length;
    for (let i = 0; i < length; i++) {
      const byte = piece[i]!;
      const printable = isPrintable(byte);
      if (printable) ascii.add(byte);
      else ascii.end();
      if (pendingWide !== -1) {
        if (byte === 0) {
          wide.add(pendingWide);
          pendingWide = -1;
          continue;
        }
        wide.end();
        pendingWide = -1;
      }
      if (printable) pendingWide = byte;
      else wide.end();
    }
    const found = lines.take();
    if (found) yield found;
  }
  ascii.end();
  wide.end();
  const rest = lines.take();
  if (rest) yield rest;
}
