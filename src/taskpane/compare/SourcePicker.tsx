/** One side of a comparison: a sheet of this workbook, or a picked file instead. */
import { Button, Label, Select, Text, useId } from '@fluentui/react-components';
import { DismissRegular, DocumentAddRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { REGISTER_FILE_ACCEPT } from '../../read';
import { HiddenFileInput } from '../components/HiddenFileInput';
import type { Source } from './model';
import type { CompareStrings } from './strings';
import { useCompareStyles } from './useCompareStyles';

export function SourcePicker(props: {
  label: string;
  sheets: readonly string[];
  value: Source | null;
  onChange: (source: Source) => void;
  accept?: string;
  testId: string;
  s: CompareStrings;
  onError: (error: unknown) => void;
}) {
  const { label, sheets, value, onChange, accept, testId, s, onError } = props;
  const styles = useCompareStyles();
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId(testId);
  return (
    <div className={styles.picker} role="group" aria-labelledby={labelId}>
      <Label id={labelId}>{label}</Label>
      {value?.kind === 'file' ? (
        <div className={styles.inline} data-testid={`${testId}-file`}>
          <Text className={styles.fileName}>{s.fromFile(value.file.name)}</Text>
          <Button
            size="small"
            appearance="subtle"
            icon={<DismissRegular />}
            aria-label={s.removeFile(value.file.name)}
            onClick={() => sheets[0] !== undefined && onChange({ kind: 'sheet', sheet: sheets[0] })}
          />
        </div>
      ) : (
        <div className={styles.inline}>
          <Select
            className={styles.grow}
            aria-labelledby={labelId}
            value={value?.kind === 'sheet' ? value.sheet : ''}
            disabled={sheets.length === 0}
            onChange={(_, d) => d.value !== '' && onChange({ kind: 'sheet', sheet: d.value })}
            data-testid={`${testId}-select`}
          >
            {value === null && (
              <option value="" disabled>
                {s.choose}
              </option>
            )}
            {sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
          <Button icon={<DocumentAddRegular />} onClick={() => input.current?.click()}>
            {s.pickFile}
          </Button>
        </div>
      )}
      <HiddenFileInput
        inputRef={input}
        accept={accept ?? REGISTER_FILE_ACCEPT}
        testId={`${testId}-file-input`}
        onFiles={(files) => onChange({ kind: 'file', file: files[0]! })}
        onError={onError}
      />
    </div>
  );
}
