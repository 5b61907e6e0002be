/**
 * Bytes for the ASCII-only bulk of a worksheet (cell references, style and string indexes,
 * numbers), written byte by byte into fixed-size chunks: no intermediate strings, and no copying
 * of a growing buffer.
 */
const CHUNK = 1 << 20;

export class AsciiSink {
  private readonly done: Uint8Array<ArrayBuffer>[] = [];
  private chunk = new Uint8Array(CHUNK);
  private length = 0;

  /** Appends pre-encoded bytes (short fragments: a loop beats `set` on these). */
  bytes(fragment: Uint8Array): void {
    this.reserve(fragment.length);
    const chunk = this.chunk;
    let at = this.length;
    for (let i = 0; i < fragment.length; i++) chunk[at++] = fragment[i]!;
    this.length = at;
  }

  /** Appends a non-negative integer in decimal; any other number as JavaScript prints it. */
  number(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      this.ascii(String(value));
      return;
    }
    this.reserve(10);
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    const chunk = this.chunk;
    let at = this.length + digits;
    this.length = at;
    let rest = value;
    do {
      chunk[--at] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /** Appends text known to be ASCII. */
  ascii(text: string): void {
    this.reserve(text.length);
    const chunk = this.chunk;
    let at = this.length;
    for (let i = 0; i < text.length; i++) chunk[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** Everything written, in order; the sink must not be used afterwards. */
  parts(): Uint8Array<ArrayBuffer>[] {
    return this.length === 0 ? this.done : [...this.done, this.chunk.subarray(0, this.length)];
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.chunk.length) return;
    this.done.push(this.chunk.subarray(0, this.length));
    this.chunk = new Uint8Array(Math.max(CHUNK, extra));
    this.length = 0;
  }
}

/** Bytes of an ASCII fragment, encoded once. */
export function ascii(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
