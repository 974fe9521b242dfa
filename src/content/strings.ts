/**
 * Printable strings from binary content, like `strings` and `strings -el`: runs of at least
 * MIN_RUN printable ASCII characters, and of UTF-16LE characters in the ASCII range (how .NET,
 * Windows binaries and Android resources store text). A key compiled into an app (a DEX constant,
 * a Mach-O C string, a plist value) sits in the binary as such a run. Each run becomes one line of
 * the text handed to the detector.
 */

/** Shorter runs are noise; even a short secret comes with a name or a prefix. */
const MIN_RUN = 6;
/** A run this long is cut into lines, so one endless run cannot grow memory. */
const MAX_RUN = 64 * 1024;

function isPrintable(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || byte === 0x09;
}

class RunCollector {
  private run: number[] = [];

  constructor(private readonly out: number[]) {}

  add(byte: number): void {
    this.run.push(byte);
    if (this.run.length >= MAX_RUN) this.end();
  }

  end(): void {
    if (this.run.length >= MIN_RUN) {
      for (const byte of this.run) this.out.push(byte);
      this.out.push(0x0a);
    }
    this.run = [];
  }
}

/** Streams the printable runs of `pieces`, one per line. */
export async function* printableStrings(pieces: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const out: number[] = [];
  const ascii = new RunCollector(out);
  const wide = new RunCollector(out);
  /** A printable byte waiting for the NUL that makes it a UTF-16LE character. */
  let pendingWide = -1;
  for await (const piece of pieces) {
    for (const byte of piece) {
      if (isPrintable(byte)) ascii.add(byte);
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
      if (isPrintable(byte)) pendingWide = byte;
      else wide.end();
    }
    if (out.length > 0) {
      yield Buffer.from(out);
      out.length = 0;
    }
  }
  ascii.end();
  wide.end();
  if (out.length > 0) yield Buffer.from(out);
}
