import { defineConfig } from 'vite';

// The page is built into the server module's classes, so it ships inside the server jar and
// SitrepServer serves it from the classpath (/sitrep/web) at "/".
// `npm run dev` serves it with hot reload and sends /api to a running `sitrep serve`
// (SITREP_API, default http://127.0.0.1:8080).
export default defineConfig({
  base: './',
  build: {
    outDir: '../server/target/classes/sitrep/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.SITREP_API || 'http://127.0.0.1:8080' },
  },
});
