/**
 * Writes assets/icon.png, the installers' app icon, from the code that draws it (rasterAppIcon): run it after
 * changing the drawing; a test fails while the file and the drawing differ.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { rasterAppIcon } from '../main/core/raster/badge-raster';
import { encodePng } from '../main/core/raster/png';

writeFileSync(path.resolve(__dirname, '..', 'assets', 'icon.png'), encodePng(rasterAppIcon(512)));
