/**
 * The indexed near-duplicate search must find exactly the pairs that comparing every pair finds,
 * with the same scores, on a few thousand generated names of many places with planted
 * duplicates — above and below the place factor (blocked and open search).
 */
import { describe, expect, it } from 'vitest';
import { syntheticBodies } from '../../bench/synthetic';
import {
  buildNameIndex,
  inferLocalNames,
  nameSimilarity,
  profileNames,
  profileSimilarity,
  searchSimilar,
  similarPairs,
  similarPairsNaive,
} from '../../src/ledger/names';

const bodies = syntheticBodies(3000, 7);
const names = bodies.map((b) => b.name);
const locals = inferLocalNames(names);
const profiles = profileNames(names, locals);
const index = buildNameIndex(profiles);

describe('indexed similar-name search', () => {
  it('works on names of many places with planted duplicates', () => {
    expect(new Set(bodies.map((b) => b.place)).size).toBeGreaterThanOrEqual(20);
    expect(bodies.filter((b) => b.planted?.kind === 'same-name').length).toBeGreaterThan(10);
    expect(bodies.filter((b) => b.planted?.kind === 'similar-name').length).toBeGreaterThan(10);
  });

  for (const threshold of [0.71, 0.6, 0.9, 0.5, 0.3]) {
    it(`finds exactly the all-pairs result at threshold ${threshold}`, () => {
      const fast = similarPairs(index, threshold);
      const slow = similarPairsNaive(index, threshold);
      expect(fast.length).toBeGreaterThan(0);
      expect(fast).toEqual(slow);
    });
  }

  it('scores pairs with the public measure', () => {
    for (const pair of similarPairs(index, 0.6).slice(0, 200)) {
      expect(pair.score).toBeCloseTo(profileSimilarity(profiles[pair.a]!, profiles[pair.b]!), 12);
      expect(pair.score).toBeCloseTo(nameSimilarity(names[pair.a]!, names[pair.b]!, locals), 12);
    }
  });

  it('finds every planted duplicate and near-duplicate it should', () => {
    const found = new Set(similarPairs(index, 0.71).map((p) => `${p.a}/${p.b}`));
    for (const [i, body] of bodies.entries()) {
      if (!body.planted) continue;
      const expected = profileSimilarity(profiles[body.planted.of]!, profiles[i]!) >= 0.71;
      expect(found.has(`${body.planted.of}/${i}`)).toBe(expected);
      if (body.planted.kind === 'same-name') expect(profiles[i]!.key).toBe(profiles[body.planted.of]!.key);
    }
  });

  it('answers one-name searches exactly as scoring every indexed name would', () => {
    const queries = profileNames(
      [
        '东营市食品安全工作委员会',
        '市河长制领导小组',
        '寿营市第七次全国人口普查工作领导小组',
        '青营市安全生产委员会（暂行）',
        '东营市扫黑除恶专项斗争指挥部',
      ],
      locals,
    );
    for (const query of queries) {
      for (const threshold of [0.71, 0.5]) {
        const brute = profiles
          .map((p, id) => ({ id, score: profileSimilarity(query, p) }))
          .filter((m) => m.score >= threshold)
          .sort((x, y) => y.score - x.score || x.id - y.id);
        expect(searchSimilar(index, query, threshold)).toEqual(brute);
      }
    }
  });
});
