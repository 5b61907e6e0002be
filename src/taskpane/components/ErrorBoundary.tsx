import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Strings } from '../i18n';

interface Props {
  readonly strings: Strings;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** Whatever a component throws while rendering, the pane shows a MessageBar instead of going blank. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for whoever debugs the add-in; the user sees the MessageBar.
    console.error('Task pane error:', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = this.props.strings;
    return (
      <MessageBar intent="error" layout="multiline" role="alert" data-testid="error-boundary">
        <MessageBarBody>
          <MessageBarTitle>{t.boundary.title}</MessageBarTitle>
          {t.boundary.body} ({error.message})
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>{t.boundary.reload}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
