import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
});

/** Progress of a running task with its cancel button. */
export function TaskProgress({
  label,
  progress,
  onCancel,
}: {
  label: string;
  progress: number | undefined;
  onCancel: () => void;
}) {
  const t = useStrings();
  const styles = useStyles();
  const percent = progress === undefined ? undefined : Math.round(progress * 100);
  return (
    <div className={styles.row} data-testid="task-progress">
      <Field
        className={styles.bar}
        label={label}
        validationState="none"
        validationMessage={percent === undefined ? undefined : t.common.progress(percent)}
      >
        <ProgressBar value={progress} thickness="large" />
      </Field>
      <Button onClick={onCancel}>{t.common.cancel}</Button>
    </div>
  );
}
