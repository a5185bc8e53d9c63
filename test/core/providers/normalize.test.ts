import { describe, expect, it } from 'vitest';
import { custom } from '../../../main/core/providers/custom/custom';
import { readAnswer } from '../../../main/core/providers/custom/read-answer';
import { CustomEndpoint } from '../../../shared/config';
import { migrateEndpoint, pointerToExpression } from '../../../shared/config-migration';
import { load, NOW } from '../../support/answers';
import { failureOf } from '../../support/failure';

describe('custom', () => {
  // A version 1 account, read as today's: its pointers become the expressions that read the same values.
  const spec = CustomEndpoint.parse(
    migrateEndpoint(
      {
        url: 'https://api.example.com/me',
        remainingPointer: '/account/credits/left',
        limitPointer: '/account/credits/monthly',
      },
      [],
    ).endpoint,
  );

  const read = async (body: unknown) =>
    custom.normalize({ spec, readings: await readAnswer(body, spec, {}) }, NOW);

  it('a version 1 account reads what its pointers read, numbers sent as strings included', async () => {
    expect(spec).toMatchObject({
      remaining: '$number(account.credits.left)',
      limit: '$number(account.credits.monthly)',
    });
    const snapshot = await read(load('custom', 'answer.json'));
    expect(snapshot.remaining).toBe(412.5);
    expect(snapshot.quotas[0]).toMatchObject({ used: 87.5, included: 500 });
  });

  it.each([
    ['an array’s length', { arr: [1, 2, 3] }, '/arr/length'],
    ['an index past the end', { arr: [1] }, '/arr/1'],
    ['a prototype member', { a: {} }, '/a/constructor'],
    ['an index with a leading zero', { arr: [5, 6] }, '/arr/01'],
  ])('a migrated pointer reads only a value the document holds: not %s', async (_name, body, pointer) => {
    const [reading] = await readAnswer(
      body,
      CustomEndpoint.parse({ url: 'https://h.example/', remaining: pointerToExpression(pointer) }),
      {},
    );
    expect(reading?.value).toBeUndefined();
  });

  it('migrated pointers read indexes, escaped keys and the whole document', async () => {
    const value = async (body: unknown, pointer: string) =>
      (
        await readAnswer(
          body,
          CustomEndpoint.parse({ url: 'https://h.example/', remaining: pointerToExpression(pointer) }),
          {},
        )
      )[0]?.value;
    expect(await value({ arr: [5, 6] }, '/arr/1')).toBe(6);
    expect(await value({ 'a/b': { '~k': 3 } }, '/a~1b/~0k')).toBe(3);
    expect(await value(7, '')).toBe(7);
  });

  it('drifted: an expression that reads nothing is refused, naming the expression', async () => {
    expect((await failureOf(read({ account: {} }))).message).toMatch(
      /remaining expression "\$number\(account\.credits\.left\)" gave nothing, not a number/,
    );
  });
});
