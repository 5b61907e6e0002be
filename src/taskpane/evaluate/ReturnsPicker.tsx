/** Where one kind of return comes from: a sheet of this workbook, picked files (one per department), or none when optional. */
import { Button, Label, Select, Text, useId } from '@fluentui/react-components';
import { DismissRegular, DocumentAddRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { REGISTER_FILE_ACCEPT } from '../../read';
import { HiddenFileInput } from '../components/HiddenFileInput';
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
      <HiddenFileInput
        inputRef={input}
        accept={REGISTER_FILE_ACCEPT}
        multiple
        testId={`${testId}-file-input`}
        onFiles={(files) => onChange({ kind: 'files', files })}
        onError={onError}
      />
    </div>
  );
}
