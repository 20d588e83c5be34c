import { en, type MessageKey } from './messages/en.js';
import { fr } from './messages/fr.js';

// Pure (no React, no DOM): i18n.tsx gives it to components, and Node unit tests call it directly.

/** The languages the apps speak; English is the source every other one translates. */
export const languages = {
  en: { name: 'English', locale: 'en-GB', messages: en },
  fr: { name: 'Français', locale: 'fr-FR', messages: fr },
};
export type Language = keyof typeof languages;

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

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
