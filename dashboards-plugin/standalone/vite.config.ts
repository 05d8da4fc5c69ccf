import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

// The standalone page: the panel's public/ code with fetch and hash history in place of OSD core.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../target/standalone/public', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 8000 },
});
