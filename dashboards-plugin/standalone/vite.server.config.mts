import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The standalone server as one Node ESM file (the shared route handlers bundled in).
export default defineConfig({
  build: {
    ssr: fileURLToPath(new URL('./server.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('../target/standalone/server', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'server.mjs', format: 'es' } },
  },
});
