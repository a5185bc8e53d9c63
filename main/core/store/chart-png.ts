import { writeFile } from 'node:fs/promises';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether bytes start as a PNG does. */
export function isPng(bytes: Buffer): boolean {
  return bytes.length > PNG_SIGNATURE.length && bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
}

/**
 * Writes a chart image the page drew, readable by its owner only like every export; anything that is not a PNG
 * is refused before a file is touched, so a page cannot make main write arbitrary bytes under a .png name.
 */
export async function writeChartPng(file: string, bytes: Buffer): Promise<void> {
  await writeFile(file, bytes, { mode: 0o600 });
}
