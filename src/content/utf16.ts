/**
 * UTF-16 text (Windows tools, PowerShell output, .reg and some .NET config files) decoded to
 * UTF-8 as it streams, so the detector sees the same text an editor shows and line breaks, hence
 * line numbers, survive. A BOM is dropped; a pair cut between two pieces is carried over.
 */
export async function* utf16ToUtf8(pieces: AsyncIterable<Buffer>, encoding: 'utf16le' | 'utf16be'): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
  for await (const piece of pieces) {
    const text = decoder.decode(piece, { stream: true });
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield Buffer.from(tail, 'utf8');
}
