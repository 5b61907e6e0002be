import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { WorkbookError } from '../../port/workbook';
import { useStrings } from '../i18n';

type Kind = WorkbookError['kind'] | 'unexpected';

function kindOf(error: unknown): Kind {
  if (error instanceof WorkbookError) return error.kind;
  // A WorkbookError from another copy of the module (tests, a second bundle) still counts.
  const maybe = error as { name?: unknown; kind?: unknown } | null;
  if (maybe?.name === 'WorkbookError' && typeof maybe.kind === 'string') return maybe.kind as Kind;
  return 'unexpected';
}

/** The error's message in the pane's language when the host gave one (ExcelWorkbookError.messageEn). */
export function messageOf(error: unknown, lang: 'zh' | 'en' = 'zh'): string {
  const english = (error as { messageEn?: unknown } | null)?.messageEn;
  if (lang === 'en' && typeof english === 'string' && english !== '') return english;
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** An error as a Fluent MessageBar: what happened (title and message) and what to do. */
export function ErrorBar({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const t = useStrings();
  const kind = kindOf(error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitles[kind]}</MessageBarTitle>
        {messageOf(error, t.lang)} {t.errorAdvice[kind]}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              aria-label={t.common.dismiss}
              appearance="transparent"
              icon={<DismissRegular />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}
