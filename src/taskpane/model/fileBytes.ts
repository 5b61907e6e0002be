/** Reading a file the user picked, for every tab that takes files. */
import type { PickedFile } from '../../port/workbook';

/** A picked file's bytes; FileReader where Blob.arrayBuffer is missing (older Office webviews, jsdom). */
function readFileBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name}: cannot be read`));
    reader.readAsArrayBuffer(file);
  });
}

/** Picked files as names and bytes, in the order picked. */
export function readPickedFiles(files: readonly File[]): Promise<PickedFile[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: await readFileBytes(file) })));
}
