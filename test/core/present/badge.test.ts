import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  type BadgeAccount,
  badgeModel,
  compactNumber,
  stateInWords,
} from '../../../main/core/present/badge-model';
import {
  BADGE_SIZES,
  fitText,
  GLYPHS,
  rasterAppIcon,
  rasterBadge,
  rasterTemplate,
  TONE_COLOURS,
} from '../../../main/core/raster/badge-raster';
import { encodePng } from '../../../main/core/raster/png';

const acct = (over: Partial<BadgeAccount>): BadgeAccount => ({
  id: over.label?.toLowerCase() ?? 'a',
  label: 'A',
  level: 'ok',
  stale: false,
  remaining: 1000,
  unit: 'credits',
  quotas: [],
  error: null,
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
    const model = badgeModel([
      acct({ label: 'Big', remaining: 12, level: 'ok' }),
      acct({ label: 'Quota', remaining: null, quotas: quota(96.4), level: 'critical' }),
      acct({ label: 'Low', remaining: 80, level: 'warning' }),
    ]);
    expect(model).toMatchObject({ text: '96%', tone: 'critical', accountId: 'quota', stale: false });
  });

  it('within a level, credits left beat percent used, and the lowest balance wins', () => {
    const model = badgeModel([
      acct({ label: 'Q', remaining: null, quotas: quota(85), level: 'warning' }),
      acct({ label: 'B', remaining: 400, level: 'warning' }),
      acct({ label: 'C', remaining: 90, level: 'warning' }),
    ]);
    expect(model).toMatchObject({ text: '90', accountId: 'c' });
  });

  it('empty beats critical; no data is an error tone with "?"; stale follows the shown account', () => {
    expect(
      badgeModel([
        acct({ level: 'critical', remaining: 5 }),
        acct({ label: 'E', level: 'empty', remaining: -4 }),
      ]),
    ).toMatchObject({
      text: '-4',
      tone: 'empty',
    });
    expect(
      badgeModel([acct({ level: 'unknown', remaining: null, error: { kind: 'auth', message: 'x' } })]),
    ).toMatchObject({
      text: '?',
      tone: 'error',
    });
    expect(badgeModel([acct({ level: 'warning', stale: true, remaining: 50 })]).stale).toBe(true);
  });

  it('a tooltip line per account, and an idle badge with no accounts', () => {
    const model = badgeModel(
      [
        acct({ label: 'Research', remaining: 1840 }),
        acct({
          label: 'Billing',
          remaining: null,
          quotas: quota(45.2),
          level: 'ok',
          stale: true,
          error: { kind: 'network', message: 'x' },
        }),
      ],
      true,
    );
    expect(model.tooltip).toBe(
      'Creditbar (paused): all 2 accounts are ok\nResearch: 1,840 credits\nBilling: 45.2% of M (stale, network)',
    );
    expect(badgeModel([])).toEqual({
      text: '',
      tone: 'idle',
      stale: false,
      tooltip: 'Creditbar: no accounts yet',
      accountId: null,
    });
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
    expect(stateInWords(accounts, false)).toBe(expected);
  });
});

describe('badge raster', () => {
  const pixel = (rgba: Uint8Array, size: number, x: number, y: number) => [
    ...rgba.slice((y * size + x) * 4, (y * size + x) * 4 + 4),
  ];

  it('draws each digit of "35" legibly at 16 px, in the tone colours', () => {
    const bitmap = rasterBadge({ text: '35', tone: 'ok', stale: false }, 16);
    const { background, text } = TONE_COLOURS.ok;
    // "35" is 7 px wide in the font; at 16 px it fits at scale 2: 14 px wide, 10 px tall, origin (1, 3).
    const glyphOrigin = [
      [1, 3],
      [9, 3],
    ] as const;
    ['3', '5'].forEach((digit, i) => {
      const [ox, oy] = glyphOrigin[i] as readonly [number, number];
      (GLYPHS[digit] as string[]).forEach((row, gy) => {
        [...row].forEach((bit, gx) => {
          for (const [dx, dy] of [
            [0, 0],
            [1, 1],
          ]) {
            const got = pixel(bitmap.rgba, 16, ox + gx * 2 + (dx as number), oy + gy * 2 + (dy as number));
            expect(got).toEqual([...(bit === '1' ? text : background), 255]);
          }
        });
      });
    });
  });

  it('a wide text falls back to scale 1 at 16 px and drops decimals only if it must', () => {
    expect(fitText('1.8k', 14)).toBe('1.8k');
    expect(fitText('12.5%', 14)).toBe('12%');
    const bitmap = rasterBadge({ text: '1.8k', tone: 'warning', stale: false }, 16);
    const textPixels = [...Array(256).keys()].filter(
      (i) => bitmap.rgba[i * 4] === 0 && bitmap.rgba[i * 4 + 3] === 255,
    );
    // 1 (8 px) + . (1) + 8 (13) + k (9) lit pixels in the 3×5 font, drawn once each at scale 1.
    expect(textPixels).toHaveLength(8 + 1 + 13 + 9);
  });

  it('marks a stale number in the corner, and leaves the corners of the rounded square clear', () => {
    const fresh = rasterBadge({ text: '7', tone: 'critical', stale: false }, 32);
    const stale = rasterBadge({ text: '7', tone: 'critical', stale: true }, 32);
    expect(pixel(fresh.rgba, 32, 0, 0)[3]).toBe(0);
    expect(pixel(stale.rgba, 32, 30, 1)).toEqual([255, 255, 255, 255]);
    expect(pixel(fresh.rgba, 32, 30, 1)).not.toEqual([255, 255, 255, 255]);
  });

  it('writes 1x/2x/4x PNGs for every tone under test/output/badges, readable back pixel for pixel', () => {
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
    const template = rasterTemplate(32);
    expect(template.rgba.filter((_, i) => i % 4 === 3 && template.rgba[i] === 255).length).toBeGreaterThan(
      50,
    );
    writeFileSync(path.join(dir, 'template-32.png'), encodePng(template));
  });

  it('assets/icon.png, which the installers use, is the app icon the code draws', () => {
    const file = PNG.sync.read(readFileSync(path.resolve(__dirname, '../../../assets/icon.png')));
    const drawn = rasterAppIcon(512);
    expect([file.width, file.height]).toEqual([512, 512]);
    expect(Buffer.from(file.data).equals(Buffer.from(drawn.rgba))).toBe(true);
  });
});
