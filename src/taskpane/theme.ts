/** The pane's Fluent theme: Office's when Excel tells us its colours, else Fluent's web light theme. */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Chinese text falls back to a CJK font before the generic sans-serif. */
const CJK_FONTS =
  "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC'";

export function withChineseFonts(theme: Theme): Theme {
  const base = theme.fontFamilyBase.replace(/,\s*sans-serif\s*$/, '');
  return { ...theme, fontFamilyBase: `${base}, ${CJK_FONTS}, sans-serif` };
}

/** Relative luminance of a #rgb / #rrggbb colour in [0, 1]; null when it cannot be read. */
export function luminance(color: string): number | null {
  const hex = color.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  const channel = (i: number) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Office's theme (dark grey, black, white, colourful) reduced to Fluent's light or dark web theme. */
export function themeForOfficeBackground(bodyBackgroundColor: string | undefined): Theme {
  const lum = bodyBackgroundColor ? luminance(bodyBackgroundColor) : null;
  return withChineseFonts(lum !== null && lum < 0.35 ? webDarkTheme : webLightTheme);
}

export const defaultTheme: Theme = withChineseFonts(webLightTheme);

/** What followOfficeTheme needs from Office and the page (injected, so it is testable without Office). */
export interface ThemeHost {
  /** Office's current body background colour (`Office.context.officeTheme.bodyBackgroundColor`). */
  readonly background: () => string | undefined;
  /**
   * Registers for Office's own theme-change event where the host has one
   * (`Office.context.document.addHandlerAsync('officeThemeChanged', …)`); returns an unsubscribe.
   */
  readonly onThemeEvent?: (handler: () => void) => (() => void) | void;
  /** The page, for `focus` and `visibilitychange`: the theme is changed in Office's own settings, outside the pane. */
  readonly page?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/**
 * Calls `apply` with the pane's theme now and whenever Office's theme may have changed: on Office's
 * theme event where it is reported, else when the pane gets the focus or becomes visible again (the
 * user changes the theme in 文件 › 账户, away from the pane). Only actual changes are applied.
 * Returns a function that stops following.
 */
export function followOfficeTheme(host: ThemeHost, apply: (theme: Theme) => void): () => void {
  let current: Theme | null = null;
  const check = () => {
    let background: string | undefined;
    try {
      background = host.background();
    } catch {
      background = undefined;
    }
    const next = background === undefined ? defaultTheme : themeForOfficeBackground(background);
    if (current === null || next.colorNeutralBackground1 !== current.colorNeutralBackground1) {
      current = next;
      apply(next);
    }
  };
  check();
  const page = host.page;
  const onVisible = () => {
    if ((page as { document?: Document } | undefined)?.document?.visibilityState !== 'hidden') check();
  };
  page?.addEventListener('focus', check);
  page?.addEventListener('visibilitychange', onVisible);
  let unsubscribe: (() => void) | void = undefined;
  try {
    unsubscribe = host.onThemeEvent?.(check);
  } catch {
    // Not reported by this host: focus and visibility still catch the change.
  }
  return () => {
    page?.removeEventListener('focus', check);
    page?.removeEventListener('visibilitychange', onVisible);
    if (typeof unsubscribe === 'function') unsubscribe();
  };
}
