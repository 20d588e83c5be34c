import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './messages/en.js';
import { fr } from './messages/fr.js';

/** The languages the apps speak; English is the source every other one translates. */
export const languages = {
  en: { name: 'English', locale: 'en-GB', messages: en },
  fr: { name: 'Français', locale: 'fr-FR', messages: fr },
};
export type Language = keyof typeof languages;

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  locale: string;
  setLanguage(language: Language): void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/**
 * `{name}` in a message is replaced by values.name; a key with `.one`/`.other` forms is picked by
 * values.count with the language's plural rules.
 */
export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const { messages, locale } = languages[language];
  let template: string = messages[key];
  if (typeof values.count === 'number') {
    const form = new Intl.PluralRules(locale).select(values.count);
    const plural = (messages as Record<string, string>)[`${key}.${form}`];
    if (plural) template = plural;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

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
