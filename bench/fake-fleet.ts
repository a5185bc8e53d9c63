import { FAKE_STARTERS } from '../test/fakes/providers';

// The loopback providers in their own process, so the bench's CPU and memory figures are Creditbar's alone.
async function main(): Promise<void> {
  const fakes = await Promise.all(Object.values(FAKE_STARTERS).map((start) => start()));
  process.stdout.write(
    `${JSON.stringify(fakes.map((f) => ({ provider: f.provider, key: f.key, account: f.account() })))}\n`,
  );
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

void main();
