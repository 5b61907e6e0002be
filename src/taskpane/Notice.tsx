/** A warning shown instead of the pane when it cannot run here (no Office.js, not Excel, Excel too old). */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { defaultTheme } from './theme';

export function Notice({ title, body }: { title: string; body: string }) {
  return (
    <FluentProvider theme={defaultTheme} style={{ padding: 12 }}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {body}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
