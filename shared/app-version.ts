import { version } from '../package.json';

/** Creditbar's version: package.json's, which electron-builder stamps into the app and electron-updater compares. */
export const APP_VERSION: string = version;
