/** The pane with Office's theme, following changes to it. */
import { useEffect, useState, type ReactElement } from 'react';
import { defaultTheme, followOfficeTheme, type ThemeHost } from './theme';

/** Office's theme as the pane's host for followOfficeTheme (officeTheme is missing on some hosts: light then). */
function officeThemeHost(): ThemeHost {
  return {
    background: () => Office.context.officeTheme?.bodyBackgroundColor,
    onThemeEvent: (handler) => {
      // Reported by some hosts only; elsewhere addHandlerAsync fails, and focus/visibility do the work.
      const document = Office.context.document as unknown as
        | {
            addHandlerAsync?: (
              type: string,
              handler: () => void,
              callback?: (result: { status: string }) => void,
            ) => void;
            removeHandlerAsync?: (type: string, options?: unknown) => void;
          }
        | undefined;
      if (typeof document?.addHandlerAsync !== 'function') return;
      document.addHandlerAsync('officeThemeChanged', handler, () => undefined);
      return () => document.removeHandlerAsync?.('officeThemeChanged', { handler });
    },
    page: window,
  };
}

export function ThemedApp({ render }: { render: (theme: typeof defaultTheme) => ReactElement }) {
  const [theme, setTheme] = useState(defaultTheme);
  useEffect(() => followOfficeTheme(officeThemeHost(), setTheme), []);
  return render(theme);
}
