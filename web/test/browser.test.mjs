// The classroom page in a real browser (Debian's chromium driven by puppeteer-core), opened
// from disk with the network off:
//   1. ?scenario=wingate runs on load and its peaks (the default six plots, then all 33
//      observables) equal `brainload trace` within 0.5 %;
//   2. dragging a control changes the plot and the peaks; the time per one-day trace update is
//      measured over the drag;
//   3. predict, then reveal; a personal subject from a typed name; results CSV; the teacher
//      view pools two students' files per arm.
// Screenshots and result.json go to --out (default build/web-test).
//   node web/test/browser.test.mjs [--page build/web/brainload.html] [--cli build/brainload]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const pagePath = resolve(args.page || 'build/web/brainload.html');
const cli = resolve(args.cli || 'build/brainload');
const out = resolve(args.out || 'build/web-test');
const chromium = args.chromium || '/usr/bin/chromium';
const TOLERANCE = 0.005;  // the issue's 0.5 %
mkdirSync(out, { recursive: true });

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}
for (const [file, what] of [[pagePath, 'the page (cmake --build build --target web)'],
  [cli, 'the CLI (cmake --build build --target brainload)'], [chromium, 'chromium']]) {
  if (!existsSync(file)) { console.error(`browser test: ${what} is missing: ${file}`); process.exit(1); }
}

// The CLI's reference: the peak of every column of `brainload trace` at the page's sampling.
function cliPeaks(scenario, every, toDay) {
  const csv = execFileSync(cli, ['trace', scenario, '--every', String(every), '--to', toDay, '--csv', '-'],
    { encoding: 'utf8', maxBuffer: 1 << 28 });
  const lines = csv.trim().split('\n');
  const head = lines[0].split(',');
  const peaks = Object.fromEntries(head.map((h) => [h, -Infinity]));
  for (const line of lines.slice(1)) {
    line.split(',').forEach((v, i) => { const x = Number(v); if (x > peaks[head[i]]) peaks[head[i]] = x; });
  }
  return peaks;
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const result = { page_bytes: 0, peaks: [], drag: {}, screenshots: [] };
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  // Network off: offline mode, and every request that is not the file itself or inline data is
  // refused and counted.
  await page.setOfflineMode(true);
  await page.setRequestInterception(true);
  const refused = [];
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) req.continue();
    else { refused.push(url); req.abort(); }
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  const url = `${pathToFileURL(pagePath).href}?scenario=wingate`;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.brainloadPage && window.brainloadPage.updates > 0, { timeout: 60000 });
  result.page_bytes = Number(execFileSync('stat', ['-c', '%s', pagePath], { encoding: 'utf8' }));

  // 1. Wingate peaks against the CLI.
  const every = await page.$eval('#every', (e) => Number(e.value));
  const scenario = await page.$eval('#scenario', (e) => e.value);
  check(scenario === 'wingate', `?scenario=wingate opened '${scenario}'`);
  const toDay = await page.$eval('#to-day', (e) => e.value);
  const reference = cliPeaks('scenarios/wingate.toml', every, toDay);
  result.window = { every_min: every, to_day: toDay };
  const cells = await page.$$eval('td[data-observable][data-peak]',
    (tds) => tds.map((td) => ({ name: td.dataset.observable, arm: td.dataset.arm, peak: Number(td.dataset.peak) })));
  check(cells.length >= 5, `${cells.length} peak cells with data-observable/data-peak (≥ 5)`);
  let worst = 0;
  for (const c of cells) {
    const ref = reference[c.name];
    const rel = Math.abs(c.peak - ref) / Math.max(Math.abs(ref), 1e-12);
    worst = Math.max(worst, rel);
    result.peaks.push({ observable: c.name, page: c.peak, cli: ref, rel_diff: rel });
    check(Number.isFinite(ref) && rel <= TOLERANCE,
      `wingate peak ${c.name}: page ${c.peak.toPrecision(6)} vs brainload trace ${ref} (${(rel * 100).toFixed(4)} %)`);
  }
  check(refused.length === 0, `no network request (${refused.length} refused${refused.length ? `: ${refused[0]}` : ''})`);
  let shot = join(out, 'wingate.png');
  await page.screenshot({ path: shot, fullPage: true });
  result.screenshots.push(shot);

  // Every observable (acute and chronic) plotted: each peak against the CLI too.
  const n1 = await page.evaluate(() => window.brainloadPage.updates);
  await page.$$eval('#observables input[type=checkbox]', (boxes) => {
    for (const b of boxes) {
      if (!b.checked) { b.checked = true; b.dispatchEvent(new Event('change')); }
    }
  });
  await page.waitForFunction((n) => window.brainloadPage.updates > n, { timeout: 30000 }, n1);
  const all = await page.$$eval('td[data-observable][data-peak]',
    (tds) => tds.map((td) => ({ name: td.dataset.observable, peak: Number(td.dataset.peak) })));
  const compared = all.filter((c) => c.name in reference);
  const off = compared.filter((c) => Math.abs(c.peak - reference[c.name]) > TOLERANCE * Math.max(Math.abs(reference[c.name]), 1e-12));
  for (const c of compared) worst = Math.max(worst, Math.abs(c.peak - reference[c.name]) / Math.max(Math.abs(reference[c.name]), 1e-12));
  result.worst_rel_diff = worst;
  result.peaks_compared = compared.length;
  check(compared.length >= 33 && off.length === 0,
    `all ${compared.length} plotted observables' peaks within 0.5 % of the CLI (worst ${(worst * 100).toFixed(5)} %)` +
    (off.length ? `; off: ${off.map((c) => c.name).join(', ')}` : ''));
  await page.$$eval('#observables input[type=checkbox]', (boxes) => {
    const keep = ['heart_rate_bpm', 'epinephrine_nmol_l', 'lactate_mmol_l', 'arousal', 'cerebral_blood_flow_rel',
      'brain_norepinephrine_rel'];
    for (const b of boxes) {
      if (b.checked !== keep.includes(b.value)) { b.checked = !b.checked; b.dispatchEvent(new Event('change')); }
    }
  });

  // 2. A whole day (the issue's "one-day trace"), then drag the work-duration slider with the
  // mouse, 30 s sprint → longer, timing each update.
  await page.$eval('#to-day', (e) => { e.value = '1'; e.dispatchEvent(new Event('change')); });
  await page.waitForFunction(() => window.brainloadPage.lastUpdate.days === 1);
  const canvasBefore = await page.$eval('.chart[data-observable="lactate_mmol_l"] canvas', (c) => c.toDataURL());
  const cellsDay = await page.$$eval('td[data-observable][data-peak]',
    (tds) => tds.map((td) => ({ name: td.dataset.observable, peak: Number(td.dataset.peak) })));
  const before = Object.fromEntries(cellsDay.map((c) => [c.name, c.peak]));
  const box = await (await page.$('#c-duration')).boundingBox();
  const y = box.y + box.height / 2;
  const xAt = (v) => box.x + 8 + ((v - 0.25) / (3 - 0.25)) * (box.width - 16);
  const timings = [];
  await page.mouse.move(xAt(1), y);
  await page.mouse.down();
  for (let k = 1; k <= 24; k++) {
    const n0 = await page.evaluate(() => window.brainloadPage.updates);
    await page.mouse.move(xAt(1 + k * 0.05), y);
    await page.waitForFunction((n) => window.brainloadPage.updates > n, { timeout: 10000 }, n0);
    timings.push(await page.evaluate(() => window.brainloadPage.lastUpdate));
  }
  await page.mouse.up();
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
  // One arm, window from t = 0 to day 1: engineMs is the time of one one-day trace.
  const perDay = timings.map((t) => t.engineMs / t.arms);
  const total = timings.map((t) => t.totalMs);
  result.drag = {
    updates: timings.length,
    one_day_trace_ms_median: median(perDay), one_day_trace_ms_max: Math.max(...perDay),
    update_total_ms_median: median(total), update_total_ms_max: Math.max(...total),
  };
  console.log(`drag: ${timings.length} updates, one-day trace ${median(perDay).toFixed(1)} ms median ` +
    `(max ${Math.max(...perDay).toFixed(1)}), whole update incl. drawing ${median(total).toFixed(1)} ms median ` +
    `(max ${Math.max(...total).toFixed(1)})`);
  check(median(perDay) < 100, 'a one-day trace updates in well under 100 ms (median)');
  const duration = await page.$eval('#c-duration', (e) => Number(e.value));
  check(duration > 1.5, `the slider moved (work duration × ${duration})`);
  const after = Object.fromEntries(await page.$$eval('td[data-observable][data-peak]',
    (tds) => tds.map((td) => [td.dataset.observable, Number(td.dataset.peak)])));
  check(after.lactate_mmol_l > before.lactate_mmol_l * 1.01,
    `a longer sprint raises peak lactate (${before.lactate_mmol_l.toFixed(3)} → ${after.lactate_mmol_l.toFixed(3)})`);
  const canvasAfter = await page.$eval('.chart[data-observable="lactate_mmol_l"] canvas', (c) => c.toDataURL());
  check(canvasAfter !== canvasBefore, 'the lactate plot was redrawn differently');
  shot = join(out, 'wingate_longer_sprint.png');
  await page.screenshot({ path: shot, fullPage: true });
  result.screenshots.push(shot);

  // 3. A teaching scenario: predict, then reveal.
  await page.select('#scenario', 'teaching/two_hiit_afternoon');
  await page.waitForFunction(() => document.querySelectorAll('#questions textarea').length > 0);
  const gated = await page.$eval('#questions li button', (b) => b.disabled);
  check(gated, 'the answer is locked before a prediction is typed');
  await page.type('#questions li textarea', 'double is worst, moderate best');
  await page.click('#questions li button');
  const shown = await page.$eval('#questions li .answer', (a) => !a.hidden && a.textContent.length > 10);
  check(shown, 'the answer shows after the prediction');

  // The second session of the 'double' arm moved from 10:00 to 11:30: its arousal peak moves.
  const peakTime = () => page.$eval('td[data-observable="arousal"][data-arm="double"]', (td) => Number(td.dataset.peakTimeMin));
  const early = await peakTime();
  const n0 = await page.evaluate(() => window.brainloadPage.updates);
  await page.$eval('#c-second', (e) => { e.value = '150'; e.dispatchEvent(new Event('input')); });
  await page.waitForFunction((n) => window.brainloadPage.updates > n, { timeout: 10000 }, n0);
  const late = await peakTime();
  check(late - early > 60, `second session 150 min after the first: double's arousal peak ${early} → ${late} min`);
  await page.click('#reset');

  // Two students, two personal subjects, pooled by the teacher view.
  const csvFiles = [];
  const vo2max = [];
  for (const student of ['Ada Lovelace', 'Camille Claudel']) {
    await page.$eval('#student', (e) => { e.value = ''; });
    await page.type('#student', student);
    await page.click('#draw');
    const status = await page.$eval('#status', (e) => e.textContent);
    vo2max.push((status.match(/VO2max ([0-9.]+)/) || [])[1]);
    const csv = await page.evaluate(() => window.brainloadPage.resultsCsv());
    const file = join(out, `${student.replace(/\W+/g, '_')}.csv`);
    writeFileSync(file, csv);
    csvFiles.push(file);
  }
  const subjects = csvFiles.map((f) => execFileSync('sed', ['-n', '2p', f], { encoding: 'utf8' }).split(',').slice(3, 5).join(' '));
  check(subjects[0] !== subjects[1], `the two names draw different subjects (${subjects.join(' / ')})`);
  // Not only age and sex: the engine draws the rest of the person from the population too.
  check(vo2max[0] && vo2max[1] && vo2max[0] !== vo2max[1],
    `the two subjects differ in VO2max as well (${vo2max.join(' / ')} mL/kg/min)`);
  await page.$eval('#teacher', (d) => { d.open = true; });
  const input = await page.$('#files');
  await input.uploadFile(...csvFiles);
  await page.waitForFunction(() => document.querySelectorAll('#pool-table tbody tr').length > 0, { timeout: 10000 });
  const pooled = await page.$$eval('#pool-table tbody tr', (rows) => rows.map((r) => [r.dataset.arm, Number(r.dataset.n)]));
  check(pooled.length === 4 && pooled.every(([, n]) => n === 2),
    `teacher view: ${pooled.map(([a, n]) => `${a} n=${n}`).join(', ')}`);
  await page.$eval('#teacher', (d) => d.scrollIntoView());
  shot = join(out, 'two_hiit_teacher.png');
  await page.screenshot({ path: shot, fullPage: true });
  result.screenshots.push(shot);

  check(errors.length === 0, `no errors in the page${errors.length ? `: ${errors[0]}` : ''}`);
} finally {
  await browser.close();
}
result.failures = failures;
writeFileSync(join(out, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`page ${(result.page_bytes / 1024).toFixed(0)} KiB; screenshots and result.json in ${out}`);
if (failures) { console.error(`browser test: ${failures} check(s) failed`); process.exit(1); }
console.log('browser test: all checks passed');
