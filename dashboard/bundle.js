// Bundles the dashboard for the server: tsc has type-checked and compiled src/ into build/;
// esbuild joins build/main.js and chart.js into one file, and the static files are copied
// beside it. Everything the page needs is in dist/: no CDN, works offline.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
await build({
  entryPoints: [join(here, 'build/main.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: process.env.EMBSWEEP_NO_MINIFY !== '1',
  sourcemap: true,
  outfile: join(dist, 'app.js'),
  logLevel: 'warning',
});
cpSync(join(here, 'public'), dist, { recursive: true });
