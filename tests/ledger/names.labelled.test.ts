/**
 * Precision and recall of the similar-name measure at the default threshold, on the labelled
 * pairs in tests/fixtures/name-pairs.tsv (true duplicates and near misses, with the ambiguous
 * choices explained in the file). A pair counts as flagged when duplicate-name or similar-name
 * would fire: the same key, or a similarity at or above the threshold.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nameSimilarity } from '../../src/ledger/names';
import { makeSettings } from '../../src/ledger/settings';

interface LabelledPair {
  readonly a: string;
  readonly b: string;
  readonly same: boolean;
  readonly line: number;
}

function readPairs(): LabelledPair[] {
  const text = readFileSync(fileURLToPath(new URL('../fixtures/name-pairs.tsv', import.meta.url)), 'utf8');
  const pairs: LabelledPair[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const [a, b, label] = line.split('\t');
    if (!a || !b || (label !== '0' && label !== '1'))
      throw new Error(`name-pairs.tsv line ${i + 1}: expected “name A<TAB>name B<TAB>0|1”, got “${line}”`);
    pairs.push({ a, b, same: label === '1', line: i + 1 });
  });
  return pairs;
}

/** The register's own places the labels were read with (see the file's header). */
const LOCAL_NAMES = ['潍坊市', '广饶县'];

describe('labelled name pairs', () => {
  const pairs = readPairs();
  const threshold = makeSettings().similarNameThreshold;

  it('holds at least 200 distinct pairs of both kinds', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(200);
    expect(new Set(pairs.map((p) => `${p.a}\t${p.b}`)).size).toBe(pairs.length);
    expect(pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(100);
    expect(pairs.filter((p) => !p.same).length).toBeGreaterThanOrEqual(100);
  });

  it('reaches precision and recall ≥ 0.9 at the default threshold', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const wrong: string[] = [];
    for (const p of pairs) {
      const score = nameSimilarity(p.a, p.b, LOCAL_NAMES);
      const flagged = score >= threshold;
      if (flagged && p.same) truePositives++;
      else if (flagged) falsePositives++;
      else if (p.same) falseNegatives++;
      if (flagged !== p.same)
        wrong.push(`  line ${p.line}: ${p.same ? 'missed' : 'false alarm'} ${score.toFixed(2)} ${p.a} / ${p.b}`);
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.log(
      `name pairs: ${pairs.length} (${truePositives + falseNegatives} same, ${pairs.length - truePositives - falseNegatives} different), threshold ${threshold}: ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n${wrong.join('\n')}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
