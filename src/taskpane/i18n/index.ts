import { createContext, useContext } from 'react';
import type { Lang } from '../../ledger/findings';
import { en } from './en';
import { zh, type Strings } from './zh';

export type { Strings };

export function stringsFor(lang: Lang): Strings {
  return lang === 'en' ? en : zh;
}

export const StringsContext = createContext<Strings>(zh);

/** The pane's text in the language the user chose. */
export function useStrings(): Strings {
  return useContext(StringsContext);
}
