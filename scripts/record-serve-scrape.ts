/**
 * Records what a real `creditbar serve` exports with an account in each state an operator must hear about
 * (test/support/serve-states.ts) into test/fixtures/prometheus/serve-scrape.prom: the alert rules' unit tests run
 * on it, so they see the series serve really produces, not ones written to agree with the rules. Run it again
 * whenever a metric changes (the test says when): `npm run build` first, then, with a keyring running,
 * `npx tsx scripts/record-serve-scrape.ts`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serveInStates } from '../test/support/serve-states';

const OUT = path.resolve(__dirname, '..', 'test', 'fixtures', 'prometheus', 'serve-scrape.prom');

async function record(): Promise<void> {
  const serve = await serveInStates();
  try {
    const scrape = await (await fetch(`${serve.base}/metrics`)).text();
    // Creditbar's own series only: the process's (memory, handles) differ on every run and no rule reads them.
    const lines = scrape.split('\n').filter((line) => /^(# (HELP|TYPE) )?creditbar_/.test(line));
    await writeFile(OUT, `${lines.join('\n')}\n`);
    const series = lines.filter((l) => !l.startsWith('#')).length;
    console.log(`recorded ${series} series into ${path.relative(process.cwd(), OUT)}`);
  } finally {
    await serve.stop();
  }
}

void record();
