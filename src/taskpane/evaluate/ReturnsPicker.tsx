/** Where one kind of return comes from: a sheet of this workbook, picked files (one per department), or none when optional. */
import { Button, Label, Select, Text, useId } from '@fluentui/react-components';
import { DismissRegular, DocumentAddRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import type { PickedFile } from '../../port/workbook';
import { REGISTER_FILE_ACCEPT } from '../../read';
import { readFileBytes } from '../model/fileBytes';
import type { Returns } from './model';
import type { EvaluateStrings } from './strings';
import { useEvaluateStyles } from './useEvaluateStyles';

export function ReturnsPicker(props: {
  label: string;
  sheets: readonly string[];
  value: Returns;
  optional: boolean;
  onChange: (r: Returns) => void;
  testId: string;
  s: EvaluateStrings;
  onError: (e: unknown) => void;
}) {
  const { label, sheets, value, optional, onChange, testId, s, onError } = props;
  const styles = useEvaluateStyles();
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId(testId);
  const pick = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files: PickedFile[] = [];
    for (const file of Array.from(list)) files.push({ name: file.name, bytes: await readFileBytes(file) });
    onChange({ kind: 'files', files });
  };
  return (
    <div className={styles.picker} role="group" aria-labelledby={labelId}>
      <Label id={labelId}>{label}</Label>
      {value.kind === 'files' ? (
        <div className={styles.inline} data-testid={`${testId}-files`}>
          <Text className={styles.fileName}>{s.files(value.files.map((f) => f.name).join('、'))}</Text>
          <Button
            size="small"
            appearance="subtle"
            icon={<DismissRegular />}
            aria-label={s.removeFiles}
            onClick={() =>
              onChange(
                optional
                  ? { kind: 'none' }
                  : sheets[0] !== undefined
                    ? { kind: 'sheet', sheet: sheets[0] }
                    : { kind: 'none' },
              )
            }
          />
        </div>
      ) : (
        <div className={styles.inline}>
          <Select
            className={styles.grow}
            aria-labelledby={labelId}
            value={value.kind === 'sheet' ? value.sheet : ''}
            data-testid={`${testId}-select`}
            onChange={(_, d) => onChange(d.value === '' ? { kind: 'none' } : { kind: 'sheet', sheet: d.value })}
          >
            {optional && <option value="">{s.none}</option>}
            {sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
          <Button icon={<DocumentAddRegular />} onClick={() => input.current?.click()}>
            {s.pickFiles}
          </Button>
        </div>
      )}
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple
        accept={REGISTER_FILE_ACCEPT}
        data-testid={`${testId}-file-input`}
        onChange={(e) => {
          void pick(e.target.files)
            .catch(onError)
            .finally(() => {
              e.target.value = '';
            });
        }}
      />
    </div>
  );
}
