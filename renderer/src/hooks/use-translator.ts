import { createContext, useContext } from 'react';
import type { Translator } from '../../../shared/i18n/translator';

/** The popover's translator: App provides the one for the language main speaks, once its catalog is in. */
export const TranslatorContext = createContext<Translator | null>(null);

/** What a component writes with: its messages, amounts and times, in the popover's language. */
export function useTranslator(): Translator {
  const translator = useContext(TranslatorContext);
  // App renders no view before the catalog is in: a view drawn outside its provider is a bug, shown at once
  // (named by what is missing; a developer reads it, never a person).
  if (!translator) throw new ReferenceError('TranslatorContext.Provider');
  return translator;
}
