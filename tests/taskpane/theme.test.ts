/** The pane follows Office's theme when it changes, not only once at start. */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { followOfficeTheme } from '../../src/taskpane/theme';

class Page extends EventTarget {
  readonly document = { visibilityState: 'visible' as 'visible' | 'hidden' };
}

describe('followOfficeTheme', () => {
  it('applies the theme at once and again when the pane gets the focus after the user switched Office to dark grey', () => {
    let background = '#FFFFFF';
    const page = new Page();
    const applied: string[] = [];
    const stop = followOfficeTheme({ background: () => background, page }, (theme) =>
      applied.push(theme.colorNeutralBackground1),
    );
    expect(applied).toEqual([webLightTheme.colorNeutralBackground1]);
    page.dispatchEvent(new Event('focus'));
    expect(applied).toHaveLength(1); // nothing changed, nothing re-applied
    background = '#262626'; // 文件 › 账户 › Office 主题: 深灰色
    page.dispatchEvent(new Event('focus'));
    expect(applied).toEqual([webLightTheme.colorNeutralBackground1, webDarkTheme.colorNeutralBackground1]);
    background = '#FFFFFF';
    page.dispatchEvent(new Event('visibilitychange'));
    expect(applied.at(-1)).toBe(webLightTheme.colorNeutralBackground1);
    stop();
    background = '#000000';
    page.dispatchEvent(new Event('focus'));
    expect(applied).toHaveLength(3);
  });

  it("uses Office's own theme event where the host reports one, and unsubscribes", () => {
    let background = '#F3F3F3';
    let handler: (() => void) | null = null;
    const applied: string[] = [];
    const stop = followOfficeTheme(
      {
        background: () => background,
        onThemeEvent: (h) => {
          handler = h;
          return () => (handler = null);
        },
      },
      (theme) => applied.push(theme.colorNeutralBackground1),
    );
    background = '#0A0A0A';
    handler!();
    expect(applied).toEqual([webLightTheme.colorNeutralBackground1, webDarkTheme.colorNeutralBackground1]);
    stop();
    expect(handler).toBeNull();
  });

  it('falls back to the light theme when the host has no officeTheme', () => {
    const applied: string[] = [];
    followOfficeTheme(
      {
        background: () => {
          throw new TypeError("Cannot read properties of undefined (reading 'bodyBackgroundColor')");
        },
      },
      (t) => applied.push(t.colorNeutralBackground1),
    );
    expect(applied).toEqual([webLightTheme.colorNeutralBackground1]);
  });
});
