/**
 * A GB18030 encoder for the sample files (a “CSV” saved by Excel on Chinese Windows). Node's
 * TextEncoder only writes UTF-8, so the table is built once from the platform's GB18030 decoder:
 * every two-byte sequence is decoded and the mapping reversed. Covers every character of GBK
 * (all the CJK a register uses); anything else is an error rather than a silent '?'.
 */
let table: Map<string, number> | null = null;

function twoByteTable(): Map<string, number> {
  if (table) return table;
  const decoder = new TextDecoder('gb18030');
  const map = new Map<string, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, (lead << 8) | trail);
    }
  }
  table = map;
  return map;
}

export function encodeGb18030(text: string): Uint8Array {
  const map = twoByteTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = map.get(ch);
    if (bytes === undefined) throw new Error(`encodeGb18030: “${ch}” (U+${code.toString(16)}) is outside the two-byte GBK range`);
    out.push(bytes >> 8, bytes & 0xff);
  }
  return Uint8Array.from(out);
}
