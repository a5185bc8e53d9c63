import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { DEV_RENDERER_CSP, RENDERER_CSP } from './main/core/present/window-options';

/**
 * `npm run dev` only: the page's CSP meta is swapped for the dev one (inline React-refresh preamble, HMR socket),
 * since a meta CSP cannot be loosened by a header. `npm run build` keeps index.html's strict policy.
 */
export function devCspPlugin(): Plugin {
  return {
    name: 'creditbar-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => {
      if (!html.includes(RENDERER_CSP)) throw new Error('renderer/index.html no longer carries RENDERER_CSP');
      return html.replace(RENDERER_CSP, DEV_RENDERER_CSP);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // zod is bundled: loading it as ~60 files from node_modules took a third of `creditbar status`'s start.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        // The CLI is a second entry of the main build: same core, no Electron.
        input: { index: resolve(__dirname, 'main/index.ts'), cli: resolve(__dirname, 'main/cli/bin.ts') },
        output: {
          banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
          // A lazy module (node:http, keytar, jsonata) comes through require: import() would start Node's ESM
          // loader as well, for modules that are all CommonJS.
          dynamicImportInCjs: false,
        },
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
    resolve: {
      // Main sends the page its catalog already parsed (i18n:get): the page formats, it never parses ICU text.
      alias: {
        '@formatjs/icu-messageformat-parser': resolve(
          __dirname,
          'node_modules/@formatjs/icu-messageformat-parser/no-parser.js',
        ),
      },
    },
    build: {
      // Smaller is faster to parse each time the popover is re-created.
      minify: true,
      // Electron's own Chromium: no down-levelling for browsers we never run in.
      target: 'esnext',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react(), devCspPlugin()],
  },
});
