import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../main/core/errors';
import { compileExpression } from '../../../main/core/providers/custom/expression';
import { say } from '../../support/english';

const answer = {
  numbers: [5, 3, 9, 3, 1, 9, 2],
  words: ['pear', 'apple', 'fig', 'apple'],
  usage: [
    { day: '2026-11-03', used: 40, model: 'b' },
    { day: '2026-11-01', used: 12, model: 'a' },
    { day: '2026-11-02', used: 40, model: 'a' },
  ],
  objects: [{ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 2 }],
  one: [7],
  plan: { credits: 100, used: 30, nested: { x: 1 } },
};

/** What JSONata itself answers, with none of Creditbar's replacements. */
const reference = (source: string) => jsonata(source).evaluate(answer);
const ours = async (source: string, input: unknown = answer) =>
  (await compileExpression(source, 'remaining')).evaluate(input, {});

describe('$sort, $distinct and $spread, rewritten to stay within the expression limits', () => {
  it.each([
    '$sort(numbers)',
    '$sort(words)',
    '$sort(usage, function($l, $r){ $l.used > $r.used }).day',
    '$sort(usage, function($l, $r){ $l.model > $r.model })',
    '$sort(one)',
    '$sort(numbers)[0]',
    '$distinct(numbers)',
    '$distinct(words)',
    '$distinct(objects)',
    '$distinct(usage.model)',
    '$distinct(one)',
    '$spread(plan)',
    '$spread(usage)',
    '$spread([plan, [plan.nested]])',
    '$spread(5)',
    '$count($spread(usage))',
  ])('%s gives what JSONata gives', async (source) => {
    // As JSON: JSONata's own lists carry its bookkeeping (a size-checking push) that no reader sees.
    expect(JSON.stringify(await ours(source))).toBe(JSON.stringify(await reference(source)));
  });

  it.each([
    ['$sort(["a", 1])', /D3070|sort/i],
    ['$sort(numbers, 5)', /T0410|argument/i],
  ])('%s is refused as JSONata refuses it', async (source, problem) => {
    await expect(ours(source)).rejects.toThrow(AppFailure);
    await expect(ours(source)).rejects.toSatisfy((error: AppFailure) => problem.test(say(error.said)));
  });

  // 40,000 values took JSONata's own $sort 14–18 s and 1.7 GB; its $distinct and $spread grow with the square.
  const big = Array.from({ length: 40_000 }, (_, i) => (i * 7919) % 40_000);

  it('sorts 40,000 numbers', async () => {
    expect(await ours('$sort(items)[0] & "," & $sort(items)[-1]', { items: big })).toBe('0,39999');
  });

  const most = Array.from({ length: 100_000 }, (_, i) => i);

  it('drops duplicates among 100,000 values', async () => {
    expect(await ours('$count($distinct(items))', { items: most.map((i) => ({ i: i % 50_000 })) })).toBe(
      50_000,
    );
  });

  it('spreads 100,000 objects', async () => {
    expect(await ours('$count($spread(items))', { items: most.map((v) => ({ v })) })).toBe(100_000);
  });

  it('a comparator over 40,000 values is stopped by the time limit, not run for seconds', async () => {
    const error = await ours('$sort(items, function($l, $r){ $l > $r })[0]', { items: big }).catch(
      (thrown: unknown) => thrown,
    );
    // Either it finished inside the limit, or the limit stopped it and says so.
    if (error instanceof AppFailure) expect(say(error.said)).toMatch(/timeout/i);
    else expect(error).toBe(0);
  });

  it.each(['$sort(items)', '$distinct(items)', '$spread(items)'])(
    '%s over more than 100,000 values is refused, naming the limit',
    async (source) => {
      const items = Array.from({ length: 100_001 }, (_, i) => ({ i }));
      const error = await ours(source, {
        items: source.startsWith('$sort') ? items.map((o) => o.i) : items,
      }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(AppFailure);
      expect(say((error as AppFailure).said)).toMatch(/the limit is 100,000$/);
    },
  );

  // Every built-in a balance expression could be handed a long list or string: each ends within the expression
  // limits (an answer, or the limit's own refusal), never minutes later. One long call is one step, which the
  // 250 ms limit cannot interrupt, so a built-in that grew with the square of its input would hold the test here.
  const items = Array.from({ length: 100_000 }, (_, i) => i);
  const text = 'a'.repeat(100_000);
  it.each([
    '$count(items)',
    '$sum(items)',
    '$max(items)',
    '$min(items)',
    '$average(items)',
    '$count($reverse(items))',
    '$count($shuffle(items))',
    '$count($append(items, [1]))',
    '$count($zip(items, items))',
    '$count($keys(objects))',
    '$count($lookup(objects, "k"))',
    '$count($keys($merge(objects)))',
    '$count($map(items, function($v){ $v }))',
    '$count($filter(items, function($v){ $v > 5 }))',
    '$reduce(items, function($a, $b){ $a + $b })',
    '$count($each(object, function($v){ $v }))',
    '$count($keys($sift(object, function($v){ true })))',
    '$length($string(items))',
    '$length($join(words))',
    '$count($split(text, ""))',
    '$contains(text, "b")',
    '$length($replace(text, "a", "b"))',
    '$length($uppercase(text))',
    '$count($sort(items))',
    '$count($distinct(items))',
    '$count($spread(objects))',
    '$count(items[$ % 2 = 0])',
    '$count(items^($))',
    '$count($keys(objects{$string(k): $count($)}))',
  ])('%s over 100,000 values ends within the limits', async (source) => {
    const input = {
      items,
      text,
      words: items.map(String),
      objects: items.map((i) => ({ k: i % 1000 })),
      object: Object.fromEntries(items.map((i) => [`k${i}`, i])),
    };
    const outcome = await ours(source, input).catch((thrown: unknown) => thrown);
    if (outcome instanceof AppFailure) expect(say(outcome.said)).toMatch(/timeout|limit|maximum/i);
    else expect(outcome).not.toBeUndefined();
  });
});
