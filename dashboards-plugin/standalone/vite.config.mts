import { defineConfig, Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * OUI loads each icon with `import('./assets/' + iconPath + '.js')`, a form only webpack (as in OSD)
 * turns into chunks; rewritten to an import.meta.glob map so Vite emits one chunk per icon.
 */
function ouiIcons(): Plugin {
  const call = /import\(\s*\/\*[\s\S]*?\*\/\s*(?:\/\/[^\n]*\n\s*)*'\.\/assets\/' \+ iconPath \+ '\.js'\)/;
  return {
    name: 'aiops-oui-icons',
    enforce: 'pre',
    transform(code, id) {
      if (!/(oui|eui)\/(es|lib)\/(eui_)?components\/icon\/icon\.js$/.test(id) || !call.test(code)) return null;
      return `const __ouiIcons = import.meta.glob('./assets/*.js');\n${code.replace(call, "__ouiIcons['./assets/' + iconPath + '.js']()")}`;
    },
  };
}

// The standalone page: the panel's public/ code with fetch and hash history in place of OSD core.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), ouiIcons()],
  build: { outDir: fileURLToPath(new URL('../target/standalone/public', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 8000 },
});
