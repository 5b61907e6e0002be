/** The dispatcher: a misspelt command gets a suggestion; an internal error has its own exit code. */
import { describe, expect, it } from 'vitest';
import { EXIT, type CliIo } from '../../src/cli/command';
import { main, suggestCommand } from '../../src/cli/main';

function io(): CliIo & { outText: string; errText: string } {
  const sink = {
    outText: '',
    errText: '',
    isTTY: false,
    out(t: string) {
      sink.outText += t;
    },
    err(t: string) {
      sink.errText += t;
    },
  };
  return sink;
}

describe('ledger <command>', () => {
  it('suggests the command a typo meant: valdate → validate, consolidte → consolidate, recon → reconcile', async () => {
    const commands = ['validate', 'consolidate', 'compare', 'reconcile'];
    expect(suggestCommand('valdate', commands)).toBe('validate');
    expect(suggestCommand('vaildate', commands)).toBe('validate');
    expect(suggestCommand('consolidte', commands)).toBe('consolidate');
    expect(suggestCommand('comapre', commands)).toBe('compare');
    expect(suggestCommand('recon', commands)).toBe('reconcile');
    expect(suggestCommand('汇总', commands)).toBeNull();
    expect(suggestCommand('export', commands)).toBeNull();

    const sink = io();
    expect(await main(['valdate', '东营市市级台账.xlsx'], sink)).toBe(EXIT.usage);
    expect(sink.errText).toContain('没有“valdate”这个命令；是不是 ledger validate？');
    const en = io();
    expect(await main(['valdate', '--lang', 'en'], en)).toBe(EXIT.usage);
    expect(en.errText).toContain('did you mean ledger validate?');
    const none = io();
    await main(['export'], none);
    expect(none.errText).not.toContain('是不是');
  });

  it('an internal error exits 3, not 2 (bad usage), and names itself', async () => {
    const sink = io();
    const broken = {
      validate: {
        zh: '',
        en: '',
        load: async () => ({
          run: async () => {
            throw new TypeError("Cannot read properties of undefined (reading 'rows')");
          },
        }),
      },
    };
    const code = await main(['validate', 'a.xlsx'], sink, broken);
    expect(code).toBe(EXIT.internal);
    expect(code).toBe(3);
    expect(EXIT.usage).toBe(2);
    expect(sink.errText).toContain('内部错误');
  });
});

describe('text headings in Chinese, not raw codes', () => {
  it('ledger reconcile: 台账有、名单无 / 名单有、台账无 without the codes', async () => {
    const { join, resolve } = await import('node:path');
    const { LIST_FILES, VERSION_FILES } = await import('../../scripts/samples/versions');
    const root = resolve(import.meta.dirname, '../..');
    const sink = io();
    await main(
      ['reconcile', join(root, 'samples', VERSION_FILES.after), '--against', join(root, 'samples', LIST_FILES.csv)],
      sink,
    );
    expect(sink.outText).toContain('台账有、名单无');
    expect(sink.outText).toContain('名单有、台账无');
    expect(sink.outText).not.toMatch(/not-in-reference|missing-from-register/);
    expect(sink.outText).not.toMatch(/相似度 1\.00/);
  });
});
