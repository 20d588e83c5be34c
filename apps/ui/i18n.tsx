import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { languages, translate, type Language, type Translate } from './translate.js';

export { languages, translate, type Language, type Translate } from './translate.js';

interface I18n {
  language: Language;
  locale: string;
  setLanguage(language: Language): void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);

const storageKey = 'loyalty.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  if (saved && saved in languages) return saved as Language;
  const browser = navigator.language.slice(0, 2);
  return browser in languages ? (browser as Language) : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      language,
      locale: languages[language].locale,
      setLanguage,
      t: (key, values) => translate(language, key, values),
    }),
    [language, setLanguage],
  );
  document.documentElement.lang = language;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
