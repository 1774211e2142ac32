import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { tempDir } from '../../helpers/tempDir';

const here = dirname(fileURLToPath(import.meta.url));

/** Builds entry.tsx into one production script (React and Lexical as the app's build has them). */
export async function buildLoneEditorScript(): Promise<string> {
  const out = tempDir('winkelpost-lone-editor-');
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [react()],
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: out.path,
        emptyOutDir: true,
        lib: {
          entry: join(here, 'entry.tsx'),
          formats: ['iife'],
          name: 'loneEditor',
          fileName: () => 'lone-editor.js',
        },
      },
    });
    return readFileSync(join(out.path, 'lone-editor.js'), 'utf8');
  } finally {
    out.remove();
  }
}
