/**
 * The file input behind a tab's “choose files” button: hands over the picked files' names and
 * bytes, and clears itself afterwards so the same file can be picked again.
 */
import type { RefObject } from 'react';
import type { PickedFile } from '../../port/workbook';
import { readPickedFiles } from '../model/fileBytes';

export interface HiddenFileInputProps {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly accept: string;
  readonly multiple?: boolean;
  readonly testId: string;
  readonly onFiles: (files: PickedFile[]) => void | Promise<void>;
  readonly onError: (error: unknown) => void;
}

export function HiddenFileInput({
  inputRef,
  accept,
  multiple = false,
  testId,
  onFiles,
  onError,
}: HiddenFileInputProps) {
  return (
    <input
      ref={inputRef}
      hidden
      type="file"
      multiple={multiple}
      accept={accept}
      data-testid={testId}
      onChange={(e) => {
        const input = e.target;
        const files = [...(input.files ?? [])];
        if (files.length === 0) return;
        void readPickedFiles(files)
          .then(onFiles)
          .catch(onError)
          .finally(() => {
            input.value = '';
          });
      }}
    />
  );
}
