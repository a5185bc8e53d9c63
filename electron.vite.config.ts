import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The CLI is a second entry of the main build: same core, no Electron.
        input: { index: resolve(__dirname, 'main/index.ts'), cli: resolve(__dirname, 'main/cli/index.ts') },
        output: { banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload may require only 'electron': zod and the contract are bundled in.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'main/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      // Smaller is faster to parse each time the popover is re-created.
      minify: true,
      // Electron's own Chromium: no down-levelling for browsers we never run in.
      target: 'esnext',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
});
