/**
 * The similar-name search on the name shapes that used to make it quadratic: a numbered
 * series (东营市安全生产第3领导小组 …), the same topics in 140 counties, and the candidate cap.
 */
import { describe, expect, it } from 'vitest';
import { namesOfShape } from '../../bench/nameShapes';
import { messageOf } from '../../src/ledger/findings';
import {
  buildNameIndex,
  inferLocalNames,
  profileNames,
  searchSimilarPairs,
  similarPairs,
  similarPairsNaive,
} from '../../src/ledger/names';

function indexOf(names: readonly string[]) {
  return buildNameIndex(profileNames(names, inferLocalNames(names)));
}

describe('similar names at scale', () => {
  it('splits a numbered series by its numbers and still finds exactly the all-pairs result', () => {
    const names = [
      ...namesOfShape('numbered', 600),
      // Unmarked names that a numbered one can still match, and near-duplicates within one number.
      '东营市安全生产领导小组',
      '东营市食品安全领导小组',
      '东营市安全生产工作领导小组',
      '东营市防汛抗旱指挥部',
      '东营市安全生产第3工作领导小组',
      '东营市安全生产第3指挥部',
      '东营市第七次全国人口普查领导小组',
      '东营市第七次人口普查领导小组',
    ];
    const index = indexOf(names);
    for (const threshold of [0.71, 0.6, 0.5]) {
      expect(similarPairs(index, threshold)).toEqual(similarPairsNaive(index, threshold));
    }
    const found = similarPairs(index, 0.71).map((p) => [names[p.a], names[p.b]].sort().join(' / '));
    expect(found).toContain('东营市安全生产第3工作领导小组 / 东营市安全生产第3领导小组');
    expect(found).toContain('东营市第七次人口普查领导小组 / 东营市第七次全国人口普查领导小组');
    // 第3 and 第4 never match, however alike the rest.
    expect(found.some((pair) => pair.includes('第3领导小组') && pair.includes('第4领导小组'))).toBe(false);
  });

  it('finds the same pairs as all-pairs for the same topics in 140 counties', () => {
    const index = indexOf(namesOfShape('counties', 3000));
    expect(similarPairs(index, 0.71)).toEqual(similarPairsNaive(index, 0.71));
  });

  it('searches 40,000 names of a numbered series in seconds, not minutes', () => {
    const index = indexOf(namesOfShape('numbered', 40_000));
    const started = performance.now();
    const { capped } = searchSimilarPairs(index, 0.71);
    const ms = performance.now() - started;
    console.log(`numbered series, 40,000 names: ${Math.round(ms)} ms`);
    // All-pairs on this shape took 46 s at 40,000 names before the split by numbers.
    expect(ms).toBeLessThan(15_000);
    expect(capped.size).toBe(0);
  });

  it('stops a name at the candidate cap and says so in its findings', () => {
    // 400 names that share all their rare tokens: each meets every other one.
    const names = Array.from(
      { length: 400 },
      (_, i) =>
        `东营市安全生产${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(i / 10) % 12]}${'春夏秋冬'[Math.floor(i / 120) % 4]}领导小组`,
    );
    const index = indexOf([...new Set(names)]);
    const full = searchSimilarPairs(index, 0.71, Infinity);
    const cut = searchSimilarPairs(index, 0.71, 50);
    expect(full.capped.size).toBe(0);
    expect(cut.capped.size).toBeGreaterThan(0);
    // What a capped search finds is right, only possibly incomplete.
    const all = new Set(full.pairs.map((p) => `${p.a}/${p.b}`));
    for (const p of cut.pairs) expect(all.has(`${p.a}/${p.b}`)).toBe(true);
    const params = { otherRow: 12, otherName: '东营市安全生产甲子春领导小组', score: 0.8, candidateCap: 50 };
    expect(messageOf({ code: 'similar-name', params }, 'zh')).toContain(
      '与此名称相近的候选超过 50 个，只比较了前 50 个',
    );
    expect(messageOf({ code: 'similar-name', params }, 'en')).toContain('more than 50 candidates');
    expect(messageOf({ code: 'similar-name', params: { ...params, candidateCap: 0 } }, 'zh')).not.toContain('候选');
  });
});
