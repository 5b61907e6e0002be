/**
 * `npm run samples`: writes the sample registers into samples/ with their documentation
 * (samples/README.md) and the machine-readable list of planted mistakes (samples/planted.json).
 * Deterministic: the same bytes on every run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CITY } from './samples/city';
import { COUNTIES, COUNTY_DEPARTMENTS_FILE } from './samples/counties';
import type { SampleFile } from './samples/model';
import { AS_OF, plantedFile, readme, type PlantedFile, type PlantedManifest } from './samples/planted';
import { writeSampleFile } from './samples/workbook';
import { makeVersionSamples } from './samples/versions';
import { makeReviewSamples } from './samples/review';
import { makeEvaluationSamples } from './samples/evaluation';

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'samples');

async function put(relative: string, data: string | Uint8Array): Promise<void> {
  const path = join(SAMPLES, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  console.log(`  samples/${relative}`);
}

async function main(): Promise<void> {
  const files: SampleFile[] = [CITY, ...COUNTIES];
  const planted: PlantedFile[] = [];
  console.log('写入示例 · writing samples:');
  for (const file of files) {
    const { bytes, sheets } = await writeSampleFile(file);
    await put(file.path, bytes);
    planted.push(plantedFile(file, sheets));
  }
  await put(COUNTY_DEPARTMENTS_FILE.path, COUNTY_DEPARTMENTS_FILE.text);
  const manifest: PlantedManifest = { asOf: AS_OF, files: planted };
  await put('planted.json', `${JSON.stringify(manifest, null, 2)}\n`);
  await put('README.md', `${readme(manifest)}\n`);
  await makeVersionSamples(put); // compare / reconcile samples
  await makeReviewSamples(put); // joint approval samples
  await makeEvaluationSamples(put); // 多方评价 samples (docs/evaluate.md)
  const count = planted.reduce((n, f) => n + f.expected.length, 0);
  console.log(`预置问题 ${count} 个 · ${count} planted mistakes (as of ${AS_OF})`);
}

await main();
