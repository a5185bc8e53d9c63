import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  accountFigure,
  type BadgeAccount,
  badgeModel,
  balanceSum,
  compactNumber,
  stateInWords,
  trayLook,
  trayTooltip,
  WINDOWS_TOOLTIP_CHARS,
} from '../../../main/core/present/badge-model';
import {
  BADGE_SIZES,
  BADGE_TEXT_CELLS,
  fitText,
  rasterAppIcon,
  rasterBadge,
  rasterTemplate,
  TONE_COLOURS,
  TONE_SHAPES,
} from '../../../main/core/raster/badge-raster';
import { encodePng } from '../../../main/core/raster/png';
import type { BadgeChoice } from '../../../shared/config';
import { english } from '../../support/english';
import { asIs } from '../../support/said';

const acct = (over: Partial<BadgeAccount>): BadgeAccount => ({
  id: over.label?.toLowerCase() ?? 'a',
  label: 'A',
  level: 'ok',
  stale: false,
  remaining: 1000,
  unit: 'credits',
  quotas: [],
  error: null,
  ledger: null,
  ...over,
});
const quota = (percentUsed: number) => [
  { metric: 'm', name: 'M', used: percentUsed, included: 100, unit: 'x', percentUsed },
];

describe('badge model', () => {
  it.each([
    [35, '35'],
    [999, '999'],
    [1000, '1k'],
    [1234, '1.2k'],
    [1899, '1.8k'],
    [12_345, '12k'],
    [123_456, '123k'],
    [1_250_000, '1.2M'],
    [-4, '-4'],
    [-1500, '-1.5k'],
    [4.37, '4.3'],
    [0, '0'],
  ])('compacts %d as %s', (value, text) => {
    expect(compactNumber(value)).toBe(text);
  });

  it('shows the worst account by level first, whatever the units', () => {
    const model = badgeModel(english, [
      acct({ label: 'Big', remaining: 12, level: 'ok' }),
      acct({ label: 'Quota', remaining: null, quotas: quota(96.4), level: 'critical' }),
      acct({ label: 'Low', remaining: 80, level: 'warning' }),
    ]);
    expect(model).toMatchObject({ text: '96%', tone: 'critical', accountId: 'quota', stale: false });
  });

  it('within a level, credits left beat percent used, and the lowest balance wins', () => {
    const model = badgeModel(english, [
      acct({ label: 'Q', remaining: null, quotas: quota(85), level: 'warning' }),
      acct({ label: 'B', remaining: 400, level: 'warning' }),
      acct({ label: 'C', remaining: 90, level: 'warning' }),
    ]);
    expect(model).toMatchObject({ text: '90', accountId: 'c' });
  });

  it('empty beats critical; no data is an error tone with "?"; stale follows the shown account', () => {
    expect(
      badgeModel(english, [
        acct({ level: 'critical', remaining: 5 }),
        acct({ label: 'E', level: 'empty', remaining: -4 }),
      ]),
    ).toMatchObject({
      text: '-4',
      tone: 'empty',
    });
    expect(
      badgeModel(english, [
        acct({ level: 'unknown', remaining: null, error: { kind: 'auth', message: asIs('x') } }),
      ]),
    ).toMatchObject({
      text: '?',
      tone: 'error',
    });
    expect(badgeModel(english, [acct({ level: 'warning', stale: true, remaining: 50 })]).stale).toBe(true);
  });

  it('a tooltip line per account, and an idle badge with no accounts', () => {
    const model = badgeModel(
      english,
      [
        acct({ label: 'Research', remaining: 1840 }),
        acct({
          label: 'Billing',
          remaining: null,
          quotas: quota(45.2),
          level: 'ok',
          stale: true,
          error: { kind: 'network', message: asIs('x') },
        }),
      ],
      true,
    );
    expect(model.tooltip).toBe(
      'Creditbar (paused): all 2 accounts are ok\nResearch: 1,840 credits\nBilling: 45.2% of M (stale, offline)',
    );
    expect(badgeModel(english, [])).toEqual({
      text: '',
      tone: 'idle',
      stale: false,
      tooltip: 'Creditbar: no accounts yet',
      accountId: null,
    });
  });
});

describe('what the badge shows, as chosen in settings', () => {
  const fleet = [
    acct({ label: 'Research', remaining: 1840, unit: 'credits' }),
    acct({ label: 'Ads', remaining: 12.5, unit: 'USD', level: 'warning' }),
    acct({ label: 'Calls', remaining: null, quotas: quota(78), level: 'ok' }),
    acct({ label: 'Mail', remaining: 300, unit: 'USD', stale: true }),
    acct({ label: 'Scrape', remaining: 60, unit: 'credits', level: 'critical' }),
  ];
  const show = (choice: BadgeChoice | undefined, accounts = fleet) => {
    const { text, tone, stale, accountId } = badgeModel(english, accounts, false, choice);
    return { text, tone, stale, accountId };
  };

  it.each<[string, BadgeChoice | undefined, ReturnType<typeof show>]>([
    [
      'nothing chosen: the worst account',
      undefined,
      { text: '60', tone: 'critical', stale: false, accountId: 'scrape' },
    ],
    [
      'worst, percent used: a balance has no percent',
      { source: 'worst', figure: 'percent' },
      { text: '60', tone: 'critical', stale: false, accountId: 'scrape' },
    ],
    [
      'pinned: its own number and colour',
      { source: 'pinned', accountId: 'research' },
      { text: '1.8k', tone: 'ok', stale: false, accountId: 'research' },
    ],
    [
      'pinned quota, automatic: percent used',
      { source: 'pinned', accountId: 'calls' },
      { text: '78%', tone: 'ok', stale: false, accountId: 'calls' },
    ],
    [
      'pinned quota, remaining: units left',
      { source: 'pinned', accountId: 'calls', figure: 'remaining' },
      { text: '22', tone: 'ok', stale: false, accountId: 'calls' },
    ],
    [
      'pinned quota, percent',
      { source: 'pinned', accountId: 'calls', figure: 'percent' },
      { text: '78%', tone: 'ok', stale: false, accountId: 'calls' },
    ],
    [
      'pinned account gone: the worst again',
      { source: 'pinned', accountId: 'removed' },
      { text: '60', tone: 'critical', stale: false, accountId: 'scrape' },
    ],
    [
      'sum, no unit chosen: the unit most share (credits before USD on a tie, as listed)',
      { source: 'sum' },
      { text: '1.9k', tone: 'critical', stale: false, accountId: null },
    ],
    [
      'sum in USD: its own worst colour, stale when one is',
      { source: 'sum', unit: 'USD' },
      { text: '312', tone: 'warning', stale: true, accountId: null },
    ],
    [
      'sum in a unit no account has: the default unit',
      { source: 'sum', unit: 'EUR' },
      { text: '1.9k', tone: 'critical', stale: false, accountId: null },
    ],
  ])('%s', (_name, choice, expected) => {
    expect(show(choice)).toEqual(expected);
  });

  it('a sum with no balance to add falls back to the worst account', () => {
    const quotasOnly = [acct({ label: 'Calls', remaining: null, quotas: quota(91), level: 'warning' })];
    expect(show({ source: 'sum' }, quotasOnly)).toEqual({
      text: '91%',
      tone: 'warning',
      stale: false,
      accountId: 'calls',
    });
    expect(balanceSum(quotasOnly, undefined)).toBeNull();
  });

  it('the tooltip says what the menu bar shows and speaks every account in the chosen figure', () => {
    expect(
      badgeModel(english, fleet, false, { source: 'sum', unit: 'USD' }).tooltip.split('\n').slice(0, 2),
    ).toEqual(['Creditbar: 1 of 5 accounts critical, 1 low', 'Menu bar: $312.50, 2 accounts together']);
    const pinned = badgeModel(english, fleet, false, {
      source: 'pinned',
      accountId: 'calls',
      figure: 'remaining',
    });
    expect(pinned.tooltip.split('\n').slice(1)).toEqual([
      'Menu bar: Calls',
      'Research: 1,840 credits',
      'Ads: $12.50 (low)',
      'Calls: 22 x left of M',
      'Mail: $300.00 (stale)',
      'Scrape: 60 credits (critical)',
    ]);
  });

  it.each([
    [
      'balance, any figure',
      { remaining: 1840, unit: 'credits', quotas: [] },
      'percent',
      { compact: '1.8k', text: '1,840 credits' },
    ],
    [
      'quota, headline',
      { remaining: null, unit: null, quotas: quota(45.2) },
      'headline',
      { compact: '45%', text: '45.2% of M' },
    ],
    [
      'quota, percent',
      { remaining: null, unit: null, quotas: quota(45.2) },
      'percent',
      { compact: '45%', text: '45.2% of M used' },
    ],
    [
      'quota over its limit, remaining',
      { remaining: null, unit: null, quotas: quota(130) },
      'remaining',
      { compact: '-30', text: '-30 x left of M' },
    ],
    [
      'nothing yet',
      { remaining: null, unit: null, quotas: [] },
      'remaining',
      { compact: '?', text: 'no data yet' },
    ],
    [
      'a prepaid balance in percent: what is left of its last top-up',
      {
        remaining: 750,
        unit: 'credits',
        quotas: [],
        forecast: { daysLeft: 9, lastTopUp: { at: '2026-12-12T10:00:00.000Z', after: 3000 } },
      },
      'percent',
      { compact: '25%', text: '25% left of the top-up on 12 Dec' },
    ],
    [
      'an estimated balance says so in words',
      { remaining: 87.66, unit: 'USD', quotas: [], ledger: { statedAt: null, restate: null } },
      'headline',
      { compact: '87', text: '≈ $87.66' },
    ],
  ] as const)('account figure: %s', (_name, account, figure, expected) => {
    expect(accountFigure(english, { ...account, quotas: [...account.quotas] }, figure)).toEqual(expected);
  });

  it.each<
    [
      string,
      NodeJS.Platform,
      BadgeChoice | undefined,
      { text: string; stale: boolean },
      ReturnType<typeof trayLook>,
    ]
  >([
    [
      'macOS default: a title beside the template icon',
      'darwin',
      undefined,
      { text: '60', stale: false },
      { title: '60', icon: 'template' },
    ],
    [
      'macOS title marks stale with a star',
      'darwin',
      { macos: 'title' },
      { text: '60', stale: true },
      { title: '60*', icon: 'template' },
    ],
    [
      'macOS icon only: the number inside the icon, no title',
      'darwin',
      { macos: 'icon' },
      { text: '60', stale: false },
      { title: '', icon: 'badge' },
    ],
    [
      'macOS icon only without accounts: the plain icon',
      'darwin',
      { macos: 'icon' },
      { text: '', stale: false },
      { title: '', icon: 'template' },
    ],
    [
      'Windows: always the drawn badge, no title',
      'win32',
      { macos: 'title' },
      { text: '60', stale: false },
      { title: null, icon: 'badge' },
    ],
    ['Linux: the same', 'linux', undefined, { text: '60', stale: false }, { title: null, icon: 'badge' }],
  ])('%s', (_name, platform, choice, badge, expected) => {
    expect(trayLook(badge, platform, choice)).toEqual(expected);
  });
});

describe('the tray tooltip on each OS', () => {
  const long = [
    'Creditbar: 1 of 6 accounts low',
    ...Array.from({ length: 6 }, (_, i) => `Account number ${i}: 1,840 credits`),
  ].join('\n');
  it('Windows keeps whole lines under its 127 characters, the state in words first', () => {
    const shown = trayTooltip(long, 'win32');
    expect(shown.length).toBeLessThanOrEqual(WINDOWS_TOOLTIP_CHARS);
    expect(long.startsWith(shown)).toBe(true);
    expect(long.slice(shown.length, shown.length + 1)).toBe('\n');
  });
  it('a single line too long for Windows is cut with an ellipsis', () => {
    const shown = trayTooltip('x'.repeat(300), 'win32');
    expect(shown).toHaveLength(127);
    expect(shown.endsWith('…')).toBe(true);
  });
  it.each(['darwin', 'linux'] as const)('%s shows it whole', (platform) => {
    expect(trayTooltip(long, platform)).toBe(long);
  });
});

describe('the state in words (tooltip and screen readers)', () => {
  it.each([
    ['one ok', [acct({})], 'Creditbar: the account is ok'],
    ['all ok', [acct({}), acct({ id: 'b' })], 'Creditbar: all 2 accounts are ok'],
    [
      '1 of 3 low',
      [acct({}), acct({ id: 'b', level: 'warning' }), acct({ id: 'c' })],
      'Creditbar: 1 of 3 accounts low',
    ],
    [
      'worst first',
      [acct({ level: 'warning' }), acct({ id: 'b', level: 'empty' }), acct({ id: 'c', level: 'warning' })],
      'Creditbar: 1 of 3 accounts empty, 2 low',
    ],
    [
      'unknown',
      [acct({ level: 'unknown', remaining: null })],
      'Creditbar: 1 of 1 account without current data',
    ],
  ])('%s', (_name, accounts, expected) => {
    expect(stateInWords(english, accounts, false)).toBe(expected);
  });
});

describe('badge raster', () => {
  const pixel = (rgba: Uint8Array, size: number, x: number, y: number) => [
    ...rgba.slice((y * size + x) * 4, (y * size + x) * 4 + 4),
  ];
  const pixels = (bitmap: { rgba: Uint8Array }) =>
    [...Array(bitmap.rgba.length / 4).keys()].map((i) => [...bitmap.rgba.slice(i * 4, i * 4 + 4)]);
  const same = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v === b[i]);

  it('any four-glyph figure fits at 16 px ("120k", "999T", "-12k"), and decimals go only if they must', () => {
    for (const text of ['120k', '999T', '-12k', '1.2M', '35', '78%'])
      expect(fitText(text, BADGE_TEXT_CELLS)).toBe(text);
    expect(fitText('12.5%', BADGE_TEXT_CELLS)).toBe('12%');
    expect(fitText('123456', BADGE_TEXT_CELLS)).toBe('?');
  });

  it('draws the text in the tone colours, sharp where a stroke covers a pixel and smooth at its edges', () => {
    for (const size of BADGE_SIZES) {
      const bitmap = rasterBadge({ text: '120k', tone: 'ok', stale: false }, size);
      const { background, text } = TONE_COLOURS.ok;
      const all = pixels(bitmap);
      // Solid text and solid background both, as the tone's colours exactly.
      expect(all.filter((p) => same(p, [...text, 255])).length, `${size} px text`).toBeGreaterThan(size);
      expect(all.filter((p) => same(p, [...background, 255])).length).toBeGreaterThan(size * 2);
      // Above 16 px the letters are scaled by a fraction: their edges blend, not step.
      if (size > 16) {
        const between = all.filter(
          (p) => p[3] === 255 && !same(p, [...text, 255]) && !same(p, [...background, 255]),
        );
        expect(between.length, `${size} px edges`).toBeGreaterThan(0);
      }
    }
  });

  it('each state has its own shape, not only its own colour, and an error says "!" whatever its number', () => {
    const mask = (tone: keyof typeof TONE_COLOURS) =>
      pixels(rasterBadge({ text: '', tone, stale: false }, 16))
        .map((p) => ((p[3] ?? 0) > 127 ? 1 : 0))
        .join('');
    const masks = (Object.keys(TONE_SHAPES) as (keyof typeof TONE_SHAPES)[]).map(mask);
    expect(new Set(masks).size).toBe(masks.length);
    const error = rasterBadge({ text: '120k', tone: 'error', stale: false }, 32);
    expect(error.rgba).toEqual(rasterBadge({ text: '7', tone: 'error', stale: false }, 32).rgba);
    // The "!" is white on the triangle, on its axis.
    expect(pixel(error.rgba, 32, 16, 14)).toEqual([255, 255, 255, 255]);
    // The shapes' edges are smooth: some pixels are partly covered.
    const disc = rasterBadge({ text: '', tone: 'empty', stale: false }, 16);
    expect(pixels(disc).some((p) => (p[3] ?? 0) > 0 && (p[3] ?? 0) < 255)).toBe(true);
  });

  it('marks a stale number in the bottom corner, and leaves the top corners of the square clear', () => {
    const fresh = rasterBadge({ text: '7', tone: 'ok', stale: false }, 32);
    const stale = rasterBadge({ text: '7', tone: 'ok', stale: true }, 32);
    expect(pixel(fresh.rgba, 32, 0, 0)[3]).toBe(0);
    expect(pixel(stale.rgba, 32, 30, 30)).toEqual([255, 255, 255, 255]);
    expect(pixel(fresh.rgba, 32, 30, 30)).not.toEqual([255, 255, 255, 255]);
  });

  it('writes a PNG at every tray scale for every tone under test/output/badges, readable back pixel for pixel', () => {
    const dir = path.resolve(__dirname, '../../output/badges');
    mkdirSync(dir, { recursive: true });
    for (const tone of Object.keys(TONE_COLOURS) as (keyof typeof TONE_COLOURS)[]) {
      for (const size of BADGE_SIZES) {
        const bitmap = rasterBadge(
          { text: tone === 'empty' ? '-4' : '1.2k', tone, stale: tone === 'error' },
          size,
        );
        const png = encodePng(bitmap);
        writeFileSync(path.join(dir, `${tone}-${size}.png`), png);
        const back = PNG.sync.read(png);
        expect([back.width, back.height]).toEqual([size, size]);
        expect(Buffer.from(back.data).equals(Buffer.from(bitmap.rgba))).toBe(true);
      }
    }
    // What each badge choice draws for the same five accounts, checked in the same font.
    const fleet = [
      acct({ label: 'Research', remaining: 1840 }),
      acct({ label: 'Calls', remaining: null, quotas: quota(78), level: 'warning' }),
      acct({ label: 'Scrape', remaining: 60, level: 'critical' }),
    ];
    const choices: [string, BadgeChoice, string][] = [
      ['worst', { source: 'worst' }, '60'],
      ['pinned-percent', { source: 'pinned', accountId: 'calls', figure: 'percent' }, '78%'],
      ['pinned-remaining', { source: 'pinned', accountId: 'calls', figure: 'remaining' }, '22'],
      ['sum', { source: 'sum' }, '1.9k'],
    ];
    for (const [name, choice, text] of choices) {
      const model = badgeModel(english, fleet, false, choice);
      expect(model.text).toBe(text);
      const bitmap = rasterBadge(model, 32);
      const { background } = TONE_COLOURS[model.tone];
      expect(pixel(bitmap.rgba, 32, 16, 1)).toEqual([...background, 255]);
      writeFileSync(path.join(dir, `choice-${name}-32.png`), encodePng(bitmap));
    }
    const template = rasterTemplate(32);
    // Black where drawn, so the system can tint it: a gauge of a few hundred pixels at 32 px.
    expect(template.rgba.filter((_, i) => i % 4 === 3 && template.rgba[i] === 255).length).toBeGreaterThan(
      150,
    );
    expect(template.rgba.filter((v, i) => i % 4 !== 3 && v !== 0).length).toBe(0);
    writeFileSync(path.join(dir, 'template-32.png'), encodePng(template));
  });

  it('assets/icon.png, which the installers use, is the app icon the code draws', () => {
    const file = PNG.sync.read(readFileSync(path.resolve(__dirname, '../../../assets/icon.png')));
    const drawn = rasterAppIcon(512);
    expect([file.width, file.height]).toEqual([512, 512]);
    expect(Buffer.from(file.data).equals(Buffer.from(drawn.rgba))).toBe(true);
  });
});
