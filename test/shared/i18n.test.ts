import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/catalog';
import { CATALOGS, translatorFor } from '../../shared/i18n/catalogs';
import { chooseLanguage, environmentLanguages, LANGUAGES } from '../../shared/i18n/languages';
import { messageArguments } from '../../shared/i18n/translate';
import { createTranslator } from '../../shared/i18n/translator';

const placeholders = (text: string) => [...messageArguments(text)].sort();

/**
 * Where German says the same as English on purpose: names, codes, symbols and words both languages share. Any
 * other key left in English fails, so a new string cannot ship untranslated by being copied over.
 */
/** Services' own names: the same word in every language. */
const SERVICE_NAMES = [
  'channels.type.slack',
  'channels.type.discord',
  'channels.type.teams',
  'channels.type.telegram',
  'channel.service.slack',
  'channel.service.discord',
  'channel.service.teams',
  'channel.service.ntfy',
  'channel.service.telegram',
];
const SAME_IN_GERMAN = new Set([
  'channels.type.webhook',
  // "Updates" is the German word too, and the About line is the name and the version.
  'settings.updates',
  'settings.about',
  // "Name" is German too.
  'channels.field.id',
  ...SERVICE_NAMES,
  // Only arranges the transport's answer and what it means.
  'channel.answeredHint',
  // "≈ {amount}": the sign says it in every language.
  'headline.estimated',
  // A command line with nothing but the command and its id.
  'cli.args.rotateKey',
  'cli.args.remove',
  'cli.args.channelsTest',
  'cli.args.channelsRemove',
  // Messages that only arrange others, or say a text given to them as it is.
  'problem.withDetail',
  'valid.issueAt',
  'cli.col.id',
  'cli.col.name',
  'cli.col.host',
  'cli.flagProblem',
  'cli.levelNoted',
  'cli.seeHelpAll',
  'detail.csv',
  'detail.png',
  'export.range',
  'reading.limit',
  'tag.demo',
  'alert.quietBody',
  'text.asIs',
  'level.ok',
  'status.offline',
  'kind.network',
  'daily.day',
  'field.custom.url.label',
  'field.custom.limit.label',
  'field.params.accountSid.label',
  'form.name',
  'app.name',
  'tray.stateMore',
  'menu.accountLevel',
  'forecast.pace',
  'cli.col.problem',
  'http.waitSeconds',
  'http.waitMilliseconds',
]);
/** Chinese shares only names, codes and punctuation-only strings with English. */
const SAME_IN_CHINESE = new Set([
  ...SERVICE_NAMES,
  'settings.about',
  'headline.estimated',
  'cli.args.rotateKey',
  'cli.args.remove',
  'cli.args.channelsTest',
  'cli.args.channelsRemove',
  'alert.quietBody',
  'detail.csv',
  'detail.png',
  'export.range',
  'cli.col.id',
  'text.asIs',
  'field.custom.url.label',
  'field.params.accountSid.label',
  'app.name',
  'menu.accountLevel',
]);

describe('message catalogs', () => {
  it.each(LANGUAGES)('%s has every key English has, and no other', (language) => {
    expect(Object.keys(CATALOGS[language]).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LANGUAGES)(
    '%s fills in the same placeholders as English, and says something for each key',
    (language) => {
      for (const [key, text] of Object.entries(CATALOGS[language])) {
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
        expect(text.trim(), `${language} ${key}`).not.toBe('');
      }
    },
  );

  it.each(LANGUAGES)('%s: every message is ICU MessageFormat, and every count has its forms', (language) => {
    const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const [key, text] of Object.entries(CATALOGS[language])) {
      // A count that picks a form names each category the language has (English: one, other).
      for (const [name, use] of messageArguments(text)) {
        if (use !== 'plural') continue;
        for (const form of forms) expect(text, `${language} ${key} ${name}`).toContain(`${form} {`);
      }
    }
  });

  it.each([
    ['de', SAME_IN_GERMAN],
    ['zh', SAME_IN_CHINESE],
  ] as const)('%s is translated: English is left only where it is the same word', (language, same) => {
    const untranslated = Object.entries(CATALOGS[language])
      .filter(([key, text]) => text === en[key as keyof typeof en] && !same.has(key))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

describe('which language', () => {
  it.each([
    ['the setting wins', 'zh', ['de-DE', 'en-US'], 'zh'],
    ['else the first preferred language shipped', undefined, ['fr-FR', 'de-AT', 'en-US'], 'de'],
    ['Traditional Chinese reads Simplified', undefined, ['zh-Hant-TW'], 'zh'],
    ['POSIX style', undefined, ['de_DE.UTF-8'], 'de'],
    ['none shipped: English', undefined, ['fr-FR', 'ja-JP'], 'en'],
    ['nothing known: English', undefined, [], 'en'],
  ] as const)('%s', (_name, chosen, preferred, expected) => {
    expect(chooseLanguage(chosen, preferred)).toBe(expected);
  });

  it.each([
    [
      'LANGUAGE first, then the messages locale',
      { LANGUAGE: 'zh_CN:de', LANG: 'en_US.UTF-8' },
      ['zh_CN', 'de', 'en_US.UTF-8'],
    ],
    [
      'LC_ALL before LC_MESSAGES before LANG',
      { LC_ALL: 'de_DE.UTF-8', LANG: 'zh_CN.UTF-8' },
      ['de_DE.UTF-8'],
    ],
    ['C and POSIX name no language', { LC_ALL: 'C', LANG: 'C.UTF-8', LC_MESSAGES: 'POSIX' }, []],
    ['under C, LANGUAGE is ignored, as gettext ignores it', { LC_ALL: 'C', LANGUAGE: 'de' }, []],
    ['a Big5 terminal gets English, not garbled UTF-8', { LANG: 'zh_TW.Big5' }, []],
    ['a Latin-1 terminal too', { LANG: 'de_DE.ISO-8859-1', LANGUAGE: 'de' }, []],
    ['utf8 spelt either way', { LANG: 'de_DE.utf8' }, ['de_DE.utf8']],
    ['nothing set', {}, []],
  ])('the terminal: %s', (_name, env, expected) => {
    expect(environmentLanguages(env)).toEqual(expected);
  });
});

describe('speaking a language', () => {
  it('fills placeholders', () => {
    expect(translatorFor('en').t('detail.removeQuestion', { label: 'Research' })).toBe('Remove Research?');
  });

  it('leaves a placeholder not given visible', () => {
    expect(translatorFor('en').t('detail.removeQuestion')).toBe('Remove {label}?');
  });

  it('shows a key its catalog lacks as the key', () => {
    expect(createTranslator('de', {}).t('detail.remove')).toBe('detail.remove');
  });

  it('two languages at once: each translator writes its own, whatever the other wrote last', () => {
    const german = translatorFor('de');
    const chinese = translatorFor('zh');
    expect(german.amountWithUnit(1840, 'credits')).toBe('1.840 Credits');
    expect(chinese.amountWithUnit(1840, 'credits')).toBe('1,840 积分');
    expect(german.t('alert.quietTitle', { count: 2 })).toBe('2 Warnungen während der Ruhezeiten');
  });

  it.each([
    ['en', 1, '1 alert during quiet hours'],
    ['en', 3, '3 alerts during quiet hours'],
    ['de', 1, '1 Warnung während der Ruhezeiten'],
    ['de', 1200, '1.200 Warnungen während der Ruhezeiten'],
    ['zh', 1, '免打扰时段内有 1 条提醒'],
  ] as const)('%s counts %d: %s', (language, count, expected) => {
    expect(translatorFor(language).t('alert.quietTitle', { count })).toBe(expected);
  });

  it.each([
    ['en', '1,840 4.25', '1.8K', '22 Nov', 'about 12 days', '3 hr ago', 'credits'],
    ['de', '1.840 4,25', '1840', '22. Nov.', 'etwa 12 Tage', 'vor 3 Std.', 'Credits'],
    ['zh', '1,840 4.25', '1840', '11月22日', '约 12 天', '3小时前', '积分'],
  ] as const)(
    '%s writes numbers, dates, days, ages and the default unit its own way',
    (language, amount, compact, day, days, ago, unit) => {
      const { formatAmount, formatNumber, intl, daysText, agoText, headline } = translatorFor(language);
      expect(`${formatAmount(1840)} ${formatAmount(4.25)}`).toBe(amount);
      expect(formatNumber(1840, 'compact')).toBe(compact);
      expect(intl().dayMonth.format(Date.parse('2026-11-22T12:00:00Z'))).toBe(day);
      expect(daysText(12.4)).toBe(days);
      expect(agoText('2026-11-22T09:00:00Z', Date.parse('2026-11-22T12:00:00Z'))).toBe(ago);
      expect(headline({ remaining: 5, unit: null, quotas: [] }).caption).toBe(unit);
    },
  );

  it.each([
    ['en', ['$12.50', '$1,840.00', '$0.05', 'CN¥1,840.00', '5 req', '1,840 credits']],
    // German puts the symbol after a no-break space.
    ['de', ['12,50\u00a0$', '1.840,00\u00a0$', '0,05\u00a0$', '1.840,00\u00a0CN¥', '5 req', '1.840 Credits']],
    ['zh', ['US$12.50', 'US$1,840.00', 'US$0.05', '¥1,840.00', '5 req', '1,840 积分']],
  ] as const)(
    '%s writes money as money with its cents, any other unit after the number',
    (language, expected) => {
      const { amountWithUnit } = translatorFor(language);
      expect([
        amountWithUnit(12.5, 'USD'),
        amountWithUnit(1840, 'USD'),
        amountWithUnit(0.05, 'usd'),
        amountWithUnit(1840, 'CNY'),
        amountWithUnit(5, 'req'),
        amountWithUnit(1840, 'credits'),
      ]).toEqual(expected);
    },
  );

  it.each([
    ['en', '$74.50', '$0.05', '€1,234.50'],
    ['de', '74,50\u00a0$', '0,05\u00a0$', '1.234,50\u00a0€'],
    ['zh', 'US$74.50', 'US$0.05', '€1,234.50'],
  ] as const)(
    '%s shows a balance as money with its cents, the currency code beside it',
    (language, a, b, c) => {
      const { headline } = translatorFor(language);
      const money = (remaining: number, unit: string) => headline({ remaining, unit, quotas: [] });
      expect(money(74.5, 'USD')).toEqual({ value: a, caption: 'USD' });
      expect(money(0.05, 'usd')).toEqual({ value: b, caption: 'USD' });
      expect(money(1234.5, 'EUR')).toEqual({ value: c, caption: 'EUR' });
      // Compact keeps its short form; a unit that is no currency keeps its own.
      expect(headline({ remaining: 74.5, unit: 'USD', quotas: [] }, 'compact').value).not.toMatch(/50$/);
      expect(money(74.5, 'credits').value).not.toMatch(/50$/);
    },
  );

  it.each([
    ['en', '87.5% of credits', '12% of API calls', '1,840 characters', '3% of Storage'],
    ['de', '87,5% von Credits', '12% von API-Aufrufe', '1.840 Zeichen', '3% von Storage'],
    ['zh', '87.5%（积分）', '12%（API 调用）', '1,840 字符', '3%（Storage）'],
  ] as const)(
    '%s reads our own units and quota names in its words, a provider’s as the provider wrote them',
    (language, byUnit, ours, unit, theirs) => {
      const { headlineText, amountWithUnit } = translatorFor(language);
      const quota = (name: string, percentUsed: number) => ({
        remaining: null,
        unit: null,
        quotas: [{ name, percentUsed }],
      });
      expect(headlineText(quota('credits', 87.5))).toBe(byUnit);
      expect(headlineText(quota('API calls', 12))).toBe(ours);
      expect(amountWithUnit(1840, 'characters')).toBe(unit);
      expect(headlineText(quota('Storage', 3))).toBe(theirs);
    },
  );
});
