// The "minimal reader" (docs/performance.md), the floor the CLI's figures are compared with: node:zlib
// inflate and a regular-expression scan of each sheet's XML that builds the rows (shared strings
// resolved, numbers parsed). No styles, dates, merges, limits or checks. Plain JavaScript, run by
// node directly (no TypeScript loader), so its start-up is Node's own.
// Usage: node bench/minimalReader.mjs FILE|FOLDER…  → prints rows read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

function entries(bytes) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  const out = new Map();
  let p = bytes.readUInt32LE(end + 16);
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = bytes.readUInt16LE(p + 28);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    out.set(name, {
      method: bytes.readUInt16LE(p + 10),
      size: bytes.readUInt32LE(p + 20),
      offset: bytes.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return out;
}

function part(bytes, list, name) {
  const e = list.get(name);
  if (!e) return '';
  const start = e.offset + 30 + bytes.readUInt16LE(e.offset + 26) + bytes.readUInt16LE(e.offset + 28);
  const data = bytes.subarray(start, start + e.size);
  return (e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

function read(path) {
  const bytes = readFileSync(path);
  const list = entries(bytes);
  const strings = [];
  for (const m of part(bytes, list, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g))
    strings.push(m[1].replace(/<[^>]*>/g, ''));
  let rows = 0;
  for (const name of list.keys()) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const sheet = [];
    for (const r of part(bytes, list, name).matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
      const row = [];
      for (const c of r[1].matchAll(
        /<c r="([A-Z]+)\d+"[^>]*?(?: t="(\w+)")?[^>]*>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)?<\/c>/g,
      )) {
        row.push(c[2] === 's' ? strings[Number(c[3])] : c[4] !== undefined ? c[4] : Number(c[3]));
      }
      sheet.push(row);
    }
    rows += sheet.length;
  }
  return rows;
}

let total = 0;
for (const arg of process.argv.slice(2)) {
  if (statSync(arg).isDirectory())
    for (const f of readdirSync(arg)) {
      if (f.endsWith('.xlsx')) total += read(join(arg, f));
    }
  else total += read(arg);
}
console.log(total);
