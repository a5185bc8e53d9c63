/**
 * Preloaded (`node --require`) in the child that runs the built main process: `require('electron')` gets the
 * double beside this file, and `process.platform` is the platform under test, so the shell takes that
 * platform's branches. Node itself keeps running on Linux underneath.
 */
import Module from 'node:module';
import path from 'node:path';
import { type DoubleSetup, SETUP_ENV } from './protocol';

const setup = JSON.parse(process.env[SETUP_ENV] ?? 'null') as DoubleSetup | null;
if (!setup) throw new Error(`${SETUP_ENV} is not set: this file is for the shell harness only`);

Object.defineProperty(process, 'platform', { value: setup.platform });
// Electron defines it for the main process (process docs: "process.resourcesPath").
Object.defineProperty(process, 'resourcesPath', { value: setup.resourcesPath });

const loader = Module as unknown as {
  _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string;
};
const resolve = loader._resolveFilename;
const DOUBLE = path.join(__dirname, 'electron.ts');
loader._resolveFilename = function (request, parent, ...rest) {
  return request === 'electron' ? DOUBLE : resolve.call(this, request, parent, ...rest);
};
