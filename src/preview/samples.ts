/**
 * Loads the sample registers into the preview workbook: the files webpack copied byte for byte
 * from samples/ (listed in samples/index.json), parsed with the same reader the CLI uses.
 */
import { readWorkbook } from '../read';
import type { MemoryWorkbook } from './memoryWorkbook';

export interface SampleListing {
  readonly city: readonly string[];
  readonly counties: readonly string[];
}

export interface LoadReport {
  readonly loaded: readonly string[];
  /** Files that could not be fetched or read, with why. */
  readonly problems: readonly string[];
}

/** 广饶县-2026台账.xlsx → 广饶县-2026台账 */
function stem(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.xlsx$/i, '');
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/**
 * Adds every sheet of a workbook file. Sheets of the city registers keep their names; a county
 * file's sheet is named after the file (as if the county's sheet had been copied in), so the
 * county can still be told from the name when nothing inside the sheet says it.
 */
export async function addWorkbookFile(
  workbook: MemoryWorkbook,
  name: string,
  bytes: ArrayBuffer,
  nameSheetsAfterFile: boolean,
): Promise<string[]> {
  const result = await readWorkbook(bytes, name);
  if (!result.ok) throw new Error(result.message);
  const grids = result.sheets.filter((g) => g.values.length > 0);
  return grids.map((grid) => {
    const wanted = nameSheetsAfterFile ? (grids.length === 1 ? stem(name) : `${stem(name)}-${grid.sheet}`) : grid.sheet;
    return workbook.addGrid(grid, wanted);
  });
}

export async function loadSamples(workbook: MemoryWorkbook, base = ''): Promise<LoadReport> {
  const listing = (await (await fetch(`${base}samples/index.json`)).json()) as SampleListing;
  const loaded: string[] = [];
  const problems: string[] = [];
  const files = [
    ...listing.city.map((f) => ({ f, county: false })),
    ...listing.counties.map((f) => ({ f, county: true })),
  ];
  const fetched = await Promise.all(
    files.map(async ({ f, county }) => {
      try {
        return { f, county, bytes: await fetchBytes(`${base}${f.split('/').map(encodeURIComponent).join('/')}`) };
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
        return null;
      }
    }),
  );
  // Added in listing order so the tabs come out the same on every load.
  for (const item of fetched) {
    if (!item) continue;
    try {
      loaded.push(...(await addWorkbookFile(workbook, item.f.split('/').pop() ?? item.f, item.bytes, item.county)));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  const firstCity = listing.city.length > 0 ? loaded[0] : undefined;
  if (firstCity) workbook.activate(firstCity);
  return { loaded, problems };
}
