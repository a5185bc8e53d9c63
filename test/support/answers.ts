import { expect } from 'vitest';
import { AppFailure } from '../../main/core/errors';
import { fixture } from '../fakes/fake-server';
import { say } from './english';

/** The moment every normalize test reads its answers at. */
export const NOW = new Date('2026-11-22T12:00:00Z');

/** A provider's documented example answer, from its fixtures. */
export function load<T = unknown>(provider: string, name: string): T {
  return fixture<T>(provider, name);
}

export const clone = <T>(value: T): T => structuredClone(value);

/** The answer is refused as `bad_response`, naming the field that drifted, never quoting the body. */
export function expectDrift(run: () => unknown, field: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AppFailure);
  expect((thrown as AppFailure).kind).toBe('bad_response');
  expect(say((thrown as AppFailure).said)).toContain(field);
}
