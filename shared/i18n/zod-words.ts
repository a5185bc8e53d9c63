import { de, en, zhCN } from 'zod/locales';
import { carried } from '../issue-message';
import { type InLanguages, message } from '../message';
import { z } from '../zod';

type ErrorMap = ReturnType<typeof en>['localeError'];
type Issue = Parameters<ErrorMap>[0];

const LOCALES = { en: en().localeError, de: de().localeError, zh: zhCN().localeError } as const;

function words(map: ErrorMap, issue: Issue): string | undefined {
  const said = map(issue);
  return typeof said === 'string' ? said : (said?.message ?? undefined);
}

/**
 * zod's own words (a wrong type, an unknown key) in every language at once, for a process that holds every
 * catalog (main, the CLI): the issue carries them all and the reader's is said where it is shown. The popover keeps
 * zod's English (shared/zod.ts): it checks what its own form built, and carries one locale only.
 */
export function zodInEveryLanguage(): void {
  z.config({
    localeError: (issue) => {
      const byLanguage: InLanguages['byLanguage'] = { en: words(LOCALES.en, issue) ?? issue.code };
      for (const language of ['de', 'zh'] as const) {
        const said = words(LOCALES[language], issue);
        if (said) byLanguage[language] = said;
      }
      return carried(message('text.asIs', { text: { byLanguage } }));
    },
  });
}
