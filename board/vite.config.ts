import { createRequire } from 'node:module';
import path from 'node:path';
import vue from '@vitejs/plugin-vue';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const API = process.env.WORKBAY_API ?? 'http://localhost:4000';
const require = createRequire(import.meta.url);

/** The same URLs as in production: /wall and /t/<token> are pages, not files. */
function pageRoutes(): Plugin {
  return {
    name: 'workbay-page-routes',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === '/wall' || req.url?.startsWith('/wall?')) req.url = '/wall.html' + (req.url.slice(5) || '');
        else if (req.url?.startsWith('/t/')) req.url = '/track.html';
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [vue(), pageRoutes()],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: path.resolve(import.meta.dirname, 'index.html'),
        wall: path.resolve(import.meta.dirname, 'wall.html'),
        track: path.resolve(import.meta.dirname, 'track.html'),
      },
    },
  },
  server: {
    proxy: { '/graphql': { target: API, ws: true, changeOrigin: true } },
  },
  test: {
    // Node loads graphql's CommonJS entry; Vite would give our test files the .mjs one, and two copies of graphql clash.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
