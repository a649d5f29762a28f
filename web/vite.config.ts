// The one web app: staff console (antd) and phone pages (plain HTML + CSS), split into lazy chunks.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
// Where the API runs in development; LINLI_API_URL points elsewhere (e.g. a second server on another port).
const api = process.env.LINLI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] }, // web/ imports ../domain
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  preview: { host: '127.0.0.1', port: 4173, proxy: { '/api': { target: api } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Modern browsers, including the WeChat in-app browser on phones a few years old.
    target: ['es2020', 'chrome87', 'safari14', 'firefox78', 'edge88'],
    chunkSizeWarningLimit: 1500, // the console's antd chunk is large by nature; phone chunks stay small
    sourcemap: false,
  },
});
