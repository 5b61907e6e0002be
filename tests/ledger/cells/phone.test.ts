import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../../src/ledger/cells/phone';

describe('parsePhone: one landline', () => {
  it.each([
    ['0546-8382378', '0546-8382378'],
    ['0546 8382378', '0546-8382378'],
    ['(0546)8382378', '0546-8382378'],
    ['（0546）8382378', '0546-8382378'],
    ['(0546) 8382378', '0546-8382378'],
    ['05468382378', '0546-8382378'],
    ['0546—8382378', '0546-8382378'],
    ['０５４６－８３８２３７８', '0546-8382378'],
    ['0536-88888888', '0536-88888888'],
    // Three-digit area codes: 010 and 02x.
    ['010-65123456', '010-65123456'],
    ['01065123456', '010-65123456'],
    ['(010)65123456', '010-65123456'],
    ['020-8765 4321', '020-87654321'],
    ['021 6123 4567', '021-61234567'],
    ['+86 546 8382378', '0546-8382378'],
    ['+86-10-65123456', '010-65123456'],
    // The 东营 notice (docs/domain.md) lists bare 7-digit numbers: 联系电话：8382378，8382366.
    ['8382378', '8382378'],
    ['83823781', '83823781'],
    ['838 2378', '8382378'],
    // Extensions.
    ['0546-8382378转123', '0546-8382378转123'],
    ['0546-8382378 转 123', '0546-8382378转123'],
    ['0546-8382378-123', '0546-8382378转123'],
    ['0546-8382378分机8', '0546-8382378转8'],
    ['8382378转6601', '8382378转6601'],
    // Labels and notes around the number.
    ['办公电话：0546-8382378', '0546-8382378'],
    ['电话:0546-8382378', '0546-8382378'],
    ['0546-8382378（办）', '0546-8382378'],
  ])('%j → %s', (text, number) => {
    expect(parsePhone(text)).toEqual({ ok: true, numbers: [number] });
  });
});

describe('parsePhone: one mobile', () => {
  it.each([
    '13805461234',
    '138 0546 1234',
    '138-0546-1234',
    '+86 138 0546 1234',
    '+8613805461234',
    '8613805461234',
    '0086 13805461234',
    '+86-138-0546-1234',
    '13805461234（手机）',
    '手机：13805461234',
    '１３８０５４６１２３４',
  ])('%j', (text) => {
    expect(parsePhone(text)).toEqual({ ok: true, numbers: ['13805461234'] });
  });

  it('accepts every 1[3-9] prefix', () => {
    for (const second of '3456789') expect(parsePhone(`1${second}912345678`).ok).toBe(true);
  });
});

describe('parsePhone: several numbers', () => {
  it.each([
    ['8382378，8382366', ['8382378', '8382366']],
    ['8382378、8382366', ['8382378', '8382366']],
    ['8382378;8382366', ['8382378', '8382366']],
    ['8382378；8382366', ['8382378', '8382366']],
    ['8382378/8382366', ['8382378', '8382366']],
    ['8382378 8382366', ['8382378', '8382366']],
    ['8382378\n8382366', ['8382378', '8382366']],
    ['0546 8382378 8382366', ['0546-8382378', '8382366']],
    ['0546-8382378、13805461234', ['0546-8382378', '13805461234']],
    ['0546-8382378 13805461234', ['0546-8382378', '13805461234']],
    ['0546-8382378或13805461234', ['0546-8382378', '13805461234']],
    ['手机 13805461234 / 办公 0546-8382378', ['13805461234', '0546-8382378']],
  ])('%j', (text, numbers) => {
    expect(parsePhone(text)).toEqual({ ok: true, numbers });
  });

  it('is not ok when any of them is wrong, but keeps the good ones', () => {
    expect(parsePhone('8382378，12345')).toEqual({ ok: false, numbers: ['8382378'] });
    expect(parsePhone('13805461234、1380546123')).toEqual({ ok: false, numbers: ['13805461234'] });
    expect(parsePhone('8382378 1234')).toEqual({ ok: false, numbers: ['8382378'] });
  });
});

describe('parsePhone: not a phone number', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['无', 'placeholder'],
    ['#N/A', 'error value'],
    ['贾永健', 'a name only'],
    ['12345', 'a hotline-length number'],
    ['12345678901', '11 digits not starting 1[3-9]'],
    ['1380546123', '10 digits'],
    ['138054612345', '12 digits'],
    ['12805461234', 'no mobile starts with 12'],
    ['0546-838237', 'six-digit local number'],
    ['0546-1382378', 'local number starting with 1'],
    ['0546-03823780', 'local number starting with 0'],
    // 05468382378 typed into a number cell loses its 0: flagged, so the user fixes the format.
    ['5468382378', 'leading zero lost'],
    ['13805461234转12', 'mobiles have no extension'],
    ['0546-8382378转123-4', 'two extensions'],
    ['8382378-8382366', 'two numbers joined by a hyphen'],
    ['abc', 'letters'],
    ['😀', 'emoji'],
    ['0546-8382378😀', 'trailing emoji'],
  ])('%j (%s)', (text) => {
    expect(parsePhone(text).ok).toBe(false);
  });

  it('empty input finds no numbers', () => {
    expect(parsePhone('')).toEqual({ ok: false, numbers: [] });
  });

  it('survives huge strings and non-strings', () => {
    expect(parsePhone('8382378 '.repeat(100_000)).ok).toBe(false);
    expect(parsePhone(undefined as unknown as string)).toEqual({ ok: false, numbers: [] });
    expect(parsePhone(8382378 as unknown as string)).toEqual({ ok: false, numbers: [] });
  });
});

describe('parsePhone: properties', () => {
  const NORMALISED = /^(?:1[3-9]\d{9}|(?:0\d{2,3}-)?[2-9]\d{6,7}(?:转\d{1,6})?)$/;
  const piece = fc.constantFrom(
    '0546',
    '-',
    ' ',
    '8382378',
    '138',
    '0546',
    '1234',
    '13805461234',
    '+86',
    '转',
    '123',
    '、',
    '，',
    '(',
    ')',
    '手机',
    '办公电话：',
    '/',
    'x',
  );
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.stringMatching(/^[\d +()-]{0,20}$/),
    fc.array(piece, { maxLength: 10 }).map((p) => p.join('')),
  );

  it('never throws; ok implies numbers; every number is normalised', () => {
    fc.assert(
      fc.property(text, (t) => {
        const result = parsePhone(t);
        return (!result.ok || result.numbers.length > 0) && result.numbers.every((n) => NORMALISED.test(n));
      }),
      { numRuns: 5_000 },
    );
  });

  it('any generated mobile or landline, written with common separators, reads back the same', () => {
    const mobile = fc
      .tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/))
      .map(([d, rest]) => `1${d}${rest}`);
    const landline = fc
      .tuple(
        fc.constantFrom('0546', '0536', '0531', '010', '021'),
        fc.integer({ min: 2, max: 9 }),
        fc.stringMatching(/^\d{6}$/),
      )
      .map(([area, first, rest]) => ({ area, local: `${first}${rest}` }));
    fc.assert(
      fc.property(mobile, landline, fc.constantFrom('-', ' ', ''), (m, l, sep) => {
        const written = `${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}、${l.area}${sep === '' ? '' : sep}${l.local}`;
        expect(parsePhone(written)).toEqual({ ok: true, numbers: [m, `${l.area}-${l.local}`] });
      }),
      { numRuns: 1_000 },
    );
  });
});
