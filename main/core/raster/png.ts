import { PNG } from 'pngjs';
import type { Bitmap } from './badge-raster';

/** PNG bytes for a bitmap: what Electron's nativeImage and the test screenshots both read. */
export function encodePng(bitmap: Bitmap): Buffer {
  const png = new PNG({ width: bitmap.width, height: bitmap.height });
  png.data = Buffer.from(bitmap.rgba);
  return PNG.sync.write(png);
}
