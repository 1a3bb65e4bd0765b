// Builds the one-file classroom page: the page template with uPlot's and the page's CSS, the
// Emscripten engine (wasm inlined, -sSINGLE_FILE), the page's code bundled with uPlot by
// esbuild, and every shipped scenario, all inlined. Nothing is fetched when the page runs.
//   node web/bundle.mjs --engine build/web/engine.js --scenarios scenarios \
//        --out build/web/brainload.html
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
for (const need of ['engine', 'scenarios', 'out']) {
  if (!args[need]) { console.error(`bundle.mjs: --${need} is required`); process.exit(2); }
}

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('bundle.mjs: esbuild is missing: run `npm ci` in the repository root first');
  process.exit(1);
}

function tomlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tomlFiles(p);
    return e.name.endsWith('.toml') ? [p] : [];
  });
}
const scenarios = tomlFiles(args.scenarios).sort().map((file) => {
  const path = relative(args.scenarios, file).split(sep).join('/');
  const text = readFileSync(file, 'utf8');
  const group = path.includes('/') ? path.split('/')[0] : '';
  const key = path.replace(/\.toml$/, '');
  const description = (text.match(/^description\s*=\s*"([^"]*)"/m) || [])[1] || '';
  const stem = key.split('/').pop();
  const title = description ? `${stem}: ${description}` : stem;
  return { key, path, group, title: title.length > 90 ? `${title.slice(0, 87)}…` : title, text };
});

const app = await esbuild.build({
  entryPoints: [join(here, 'src', 'app.js')],
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2020',
  write: false,
  absWorkingDir: root,
  legalComments: 'inline',
});
const appJs = app.outputFiles[0].text;

// Inline <script> text must not contain "</script"; JSON must not either.
const scriptSafe = (js) => js.replace(/<\/(script)/gi, '<\\/$1');
const jsonSafe = (obj) => JSON.stringify(obj).replace(/</g, '\\u003c');

const parts = {
  '/*UPLOT_CSS*/': readFileSync(join(root, 'node_modules', 'uplot', 'dist', 'uPlot.min.css'), 'utf8'),
  '/*PAGE_CSS*/': readFileSync(join(here, 'src', 'style.css'), 'utf8'),
  '/*SCENARIOS*/': jsonSafe(scenarios),
  '/*ENGINE_JS*/': scriptSafe(readFileSync(args.engine, 'utf8')),
  '/*APP_JS*/': scriptSafe(appJs),
};
let html = readFileSync(join(here, 'src', 'page.html'), 'utf8');
for (const [mark, text] of Object.entries(parts)) {
  const at = html.indexOf(mark);
  if (at < 0) { console.error(`bundle.mjs: ${mark} missing from page.html`); process.exit(1); }
  html = html.slice(0, at) + text + html.slice(at + mark.length);  // no $-patterns as in replace()
}
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, html);
console.log(`bundle.mjs: ${args.out} (${(html.length / 1024).toFixed(0)} KiB, ${scenarios.length} scenarios)`);
