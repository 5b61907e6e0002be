/** 核对日期 next to the check: which date deadlines are judged against, and a way to change it here. */
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarEditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  asOf: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  dateInput: { width: '11em' },
});

export function AsOfLine({
  asOf,
  today,
  onChange,
  onError,
}: {
  asOf: string;
  today: boolean;
  onChange: ((asOf: string | null) => Promise<void>) | undefined;
  onError: (e: unknown) => void;
}) {
  const t = useStrings();
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(asOf);
  const save = async (next: string | null) => {
    try {
      await onChange?.(next);
      setEditing(false);
    } catch (e) {
      onError(e);
    }
  };
  if (!editing) {
    return (
      <div className={styles.asOf} data-testid="as-of-line">
        <Text>{t.validate.asOfLine(asOf, today)}</Text>
        {onChange && (
          <Button
            size="small"
            icon={<CalendarEditRegular />}
            onClick={() => {
              setValue(asOf);
              setEditing(true);
            }}
            data-testid="as-of-change"
          >
            {t.validate.asOfChange}
          </Button>
        )}
      </div>
    );
  }
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return (
    <div className={styles.asOf} data-testid="as-of-line">
      <Field
        label={t.validate.asOfLabel}
        validationState={valid ? 'none' : 'error'}
        validationMessage={valid ? undefined : t.settings.problem.date}
      >
        <Input
          className={styles.dateInput}
          type="date"
          value={value}
          onChange={(_, d) => setValue(d.value)}
          data-testid="as-of-edit"
        />
      </Field>
      <Button
        size="small"
        appearance="primary"
        disabled={!valid}
        onClick={() => void save(value)}
        data-testid="as-of-save"
      >
        {t.validate.asOfSave}
      </Button>
      {!today && (
        <Button size="small" onClick={() => void save(null)} data-testid="as-of-today">
          {t.validate.asOfUseToday}
        </Button>
      )}
      <Button size="small" appearance="subtle" onClick={() => setEditing(false)}>
        {t.common.cancel}
      </Button>
    </div>
  );
}
