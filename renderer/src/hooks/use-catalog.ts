import { useEffect, useState } from 'react';
import type { Language } from '../../../shared/i18n/languages';
import { createTranslator, type Translator } from '../../../shared/i18n/translator';
import { api } from '../api';

/**
 * The language main speaks, loaded: its catalog comes from main (the page carries none), and the page says which
 * language it is in so screen readers pronounce it right. Null until the first catalog is in.
 */
export function useCatalog(language: Language | undefined): Translator | null {
  const [loaded, setLoaded] = useState<Translator | null>(null);
  useEffect(() => {
    if (!language || language === loaded?.language) return;
    let current = true;
    void api()
      .i18nGet({ language })
      .then((result) => {
        if (!current || !result.ok) return;
        document.documentElement.lang = language === 'zh' ? 'zh-Hans' : language;
        setLoaded(createTranslator(language, result.value));
      });
    return () => {
      current = false;
    };
  }, [language, loaded]);
  return loaded;
}
