import { AppFailure } from '../../main/core/errors';
import { say } from './english';

/** What a failure tells a person: its kind, and its message said. Anything but an AppFailure is thrown on. */
export async function failureOf(work: Promise<unknown>): Promise<{ kind: string; message: string }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppFailure) return { kind: error.kind, message: say(error.said) };
    throw error;
  }
  throw new Error('expected a failure, and it succeeded');
}
