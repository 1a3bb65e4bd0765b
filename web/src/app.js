// The classroom page: scenario picker, protocol controls, charts, peaks, CSV export and the
// teacher's pooled view. Every number comes from the wasm engine (web/engine.cpp), which calls
// brainload::trace_reference, the function behind `brainload trace`.
import uPlot from 'uplot';

const $ = (id) => document.getElementById(id);
const COLOURS = ['#2f6db5', '#d1495b', '#3c9a5a', '#edae49', '#7b4fa3', '#00798c', '#8a5a44', '#444'];
const DEFAULT_OBSERVABLES = ['heart_rate_bpm', 'epinephrine_nmol_l', 'lactate_mmol_l', 'arousal',
  'cerebral_blood_flow_rel', 'brain_norepinephrine_rel'];
const STATUS_NAMES = ['untrained', 'recreational', 'trained'];
const IDENTITY_EDITS = {
  intensity_scale: 1, duration_scale: 1, repeats: 0, rest_scale: 1, shift_min: 0,
  second_gap_min: 0, training_status: -1, age_years: 0, female: -1, subject_seed: 0,
};

const page = {
  ready: null,          // resolves when the first scenario has been traced
  updates: 0,           // traces drawn so far
  lastUpdate: null,     // {arms, days, engineMs, totalMs} of the last redraw
  error: null,
};
window.brainloadPage = page;

const S = {
  engine: null,
  observables: [],      // [{name, unit, meaning, kind}] in trace column order
  scenarios: [],        // [{key, path, group, text}]
  current: null,        // {key, info}
  edits: { ...IDENTITY_EDITS },
  student: '',
  selected: new Set(DEFAULT_OBSERVABLES),
  window: { from: 0, to: 1, every: 0.5 },
  traces: [],           // per arm: engine trace result
  rest: null,           // the same individual resting (the shaded band)
  restKey: '',
  charts: new Map(),    // observable name -> uPlot
  pool: [],             // rows pooled from dropped CSV files
};

// --- numbers and time ------------------------------------------------------------------------
function fmt(v) {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}
function clock(tMin) {
  const start = S.current ? S.current.info.start_clock_min : 0;
  const total = Math.round(start + tMin);
  const day = Math.floor(total / 1440);
  const m = ((total % 1440) + 1440) % 1440;
  const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return S.window.to - S.window.from > 1.001 || S.window.from > 0 ? `d${day} ${hhmm}` : hhmm;
}

// --- the engine ------------------------------------------------------------------------------
function loadScenario(key) {
  const entry = S.scenarios.find((s) => s.key === key) || S.scenarios[0];
  $('scenario').value = entry.key;
  const info = S.engine.load(entry.text, `scenarios/${entry.path}`);
  $('load-error').hidden = info.ok;
  if (!info.ok) {
    $('load-error').textContent = info.error;
    return;
  }
  S.current = { key: entry.key, info };
  $('description').textContent = info.description;
  // Window: a short scenario whole; a long one, the first day with a session.
  // Window: a one-day scenario up to 3 h after its last session or event (whole quarter
  // hours); a longer one, the first day with a session.
  let from = 0;
  let to = info.days;
  if (info.days > 2) {
    const days = info.arms.flatMap((a) => a.sessions.map((s) => s.day));
    from = days.length ? Math.min(...days) : 0;
    to = from + 1;
  } else if (info.days === 1) {
    const ends = info.arms.flatMap((a) => [...a.sessions.map((s) => s.day * 1440 + s.at_min + s.duration_min),
      ...a.events.map((e) => e.day * 1440 + e.at_min + e.minutes)]);
    const weekly = info.arms.some((a) => a.weekly > 0);
    if (ends.length && !weekly) {
      const endMin = Math.ceil((Math.max(...ends) + 180 - info.start_clock_min) / 15) * 15;
      to = Math.min(1, endMin / 1440);
    }
  }
  to = Number(to.toFixed(4));
  const every = [0.25, 0.5, 1, 2, 5, 15, 60].find((e) => ((to - from) * 1440) / e <= 3000) || 60;
  S.window = { from, to, every };
  $('from-day').value = String(from);
  $('to-day').value = String(to);
  $('every').value = String(every);
  showQuestions(info);
  S.restKey = '';
  if (S.student) drawSubject();
  rebuildCharts();
  update();
}

function traceAll() {
  const t0 = performance.now();
  const { from, to, every } = S.window;
  const arms = S.current.info.arms;
  const traces = arms.map((_, i) => S.engine.trace(i, S.edits, every, from, to, false));
  const bad = traces.find((t) => !t.ok);
  const restKey = JSON.stringify([S.current.key, S.window, S.edits.training_status,
    S.edits.age_years, S.edits.female]);
  if (!bad && restKey !== S.restKey) {
    S.rest = S.engine.trace(0, S.edits, every, from, to, true);
    S.restKey = restKey;
  }
  const engineMs = performance.now() - t0;
  return { traces, bad, engineMs };
}

let pending = false;
function scheduleUpdate() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    update();
  });
}

function update() {
  if (!S.current) return;
  const t0 = performance.now();
  const { traces, bad, engineMs } = traceAll();
  if (bad) {
    $('status').innerHTML = '';
    $('status').append(errorNode(`These settings make an invalid scenario:\n${bad.error}`));
    return;
  }
  S.traces = traces;
  drawCharts();
  fillPeaks();
  fillEvents();
  const totalMs = performance.now() - t0;
  // trace_reference integrates from t = 0 to the window's end whatever its start.
  page.updates += 1;
  page.lastUpdate = { arms: traces.length, days: S.window.to, engineMs, totalMs };
  const n = traces.length;
  $('status').textContent = `Engine: ${n} arm${n > 1 ? 's' : ''} × ${fmt(S.window.to)} day${S.window.to !== 1 ? 's' : ''} ` +
    `(from t = 0) traced in ${engineMs.toFixed(1)} ms, page updated in ${totalMs.toFixed(1)} ms. `+
    `Subject: ${subjectText(traces[0].subject)}.`;
}

function errorNode(text) {
  const p = document.createElement('span');
  p.className = 'error';
  p.textContent = text;
  return p;
}

function subjectText(s) {
  const status = STATUS_NAMES[S.edits.training_status >= 0 ? S.edits.training_status : S.current.info.training_status];
  return `${s.female ? 'female' : 'male'}, ${fmt(s.age_years)} y, ${status}, VO2max ${fmt(s.vo2max_ml_kg_min)} mL/kg/min, ` +
    `HR ${fmt(s.hr_rest_bpm)}–${fmt(s.hr_max_bpm)} bpm`;
}

// --- charts ----------------------------------------------------------------------------------
function column(trace, index) {
  const o = S.observables[index];
  return o.kind === 'acute' ? trace.acute[index] : trace.chronic[index - S.current.acuteCount];
}
function observableIndex(name) {
  return S.observables.findIndex((o) => o.name === name);
}

function bandOf(index) {
  if (!S.rest || !S.rest.ok) return null;
  const values = column(S.rest, index);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) { if (v < lo) lo = v; if (v > hi) hi = v; }
  return Number.isFinite(lo) ? [lo, hi] : null;
}

// Ticks on whole wall-clock steps (minutes since the scenario's start on the x axis).
function clockTicks(u, axis, min, max) {
  const start = S.current.info.start_clock_min;
  const step = [5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 10080]
    .find((s) => (max - min) / s <= 8) || 10080;
  const ticks = [];
  for (let t = Math.ceil((min + start) / step) * step - start; t <= max; t += step) ticks.push(t);
  return ticks;
}

function rebuildCharts() {
  for (const chart of S.charts.values()) chart.destroy();
  S.charts.clear();
  $('charts').innerHTML = '';
  if (!S.current) return;
  S.current.acuteCount = S.observables.filter((o) => o.kind === 'acute').length;
  const arms = S.current.info.arms;
  const legend = $('legend');
  legend.innerHTML = '';
  arms.forEach((arm, i) => {
    const span = document.createElement('span');
    span.innerHTML = `<i style="background:${COLOURS[i % COLOURS.length]}"></i>`;
    span.append(arm.name);
    legend.append(span);
  });
  const band = document.createElement('span');
  band.className = 'band';
  band.innerHTML = '<i></i>resting band: the same person without the exercise';
  legend.append(band);
  const width = Math.max(380, Math.floor(($('charts').clientWidth - 10) / 2) - 12);
  for (const o of S.observables) {
    if (!S.selected.has(o.name)) continue;
    const box = document.createElement('div');
    box.className = 'chart';
    box.dataset.observable = o.name;
    const h = document.createElement('h3');
    h.title = o.meaning;
    h.textContent = `${o.name} `;
    const unit = document.createElement('span');
    unit.className = 'unit';
    unit.textContent = `(${o.unit})`;
    h.append(unit);
    box.append(h);
    $('charts').append(box);
    const index = observableIndex(o.name);
    const opts = {
      width,
      height: 190,
      legend: { show: false },
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: false } },
      axes: [
        { splits: clockTicks, values: (u, ticks) => ticks.map((t) => clock(t)), space: 60 },
        { size: 56, values: (u, ticks) => ticks.map((t) => fmt(t)) },
      ],
      series: [{}, ...arms.map((arm, i) => ({
        label: arm.name, stroke: COLOURS[i % COLOURS.length], width: 1.6, points: { show: false },
      }))],
      hooks: {
        drawClear: [(u) => {
          // The same person without the exercise, moment by moment: a broad pale line.
          if (!S.rest || !S.rest.ok) return;
          const values = column(S.rest, index);
          const t = S.rest.t_min;
          const { ctx } = u;
          ctx.save();
          ctx.beginPath();
          ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
          ctx.clip();
          ctx.beginPath();
          for (let r = 0; r < t.length; r++) {
            const x = u.valToPos(t[r], 'x', true);
            const y = u.valToPos(values[r], 'y', true);
            if (r === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
          }
          ctx.strokeStyle = 'rgba(60, 160, 90, 0.25)';
          ctx.lineWidth = 9 * devicePixelRatio;
          ctx.lineJoin = 'round';
          ctx.stroke();
          ctx.restore();
        }],
      },
    };
    const chart = new uPlot(opts, [[0], ...arms.map(() => [0])], box);
    S.charts.set(o.name, chart);
  }
}

function drawCharts() {
  for (const [name, chart] of S.charts) {
    const index = observableIndex(name);
    const data = [S.traces[0].t_min, ...S.traces.map((t) => column(t, index))];
    // Keep the resting band inside the y range.
    const b = bandOf(index);
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 1; k < data.length; k++) for (const v of data[k]) { if (v < lo) lo = v; if (v > hi) hi = v; }
    if (b) { lo = Math.min(lo, b[0]); hi = Math.max(hi, b[1]); }
    const pad = (hi - lo) * 0.06 || Math.abs(hi) * 0.05 || 1;
    chart.batch(() => {
      chart.setData(data, false);
      chart.setScale('x', { min: data[0][0], max: data[0][data[0].length - 1] });
      chart.setScale('y', { min: lo - pad, max: hi + pad });
    });
  }
}

// --- peaks and events ------------------------------------------------------------------------
function peakOf(trace, index) {
  const values = column(trace, index);
  let best = -Infinity;
  let at = 0;
  for (let r = 0; r < values.length; r++) if (values[r] > best) { best = values[r]; at = trace.t_min[r]; }
  return { value: best, t_min: at };
}

function fillPeaks() {
  const arms = S.current.info.arms;
  const head = $('peaks').tHead;
  head.innerHTML = '';
  const hr = head.insertRow();
  hr.append(th('observable'), th('unit'), th('at rest (min–max)'), ...arms.map((a) => th(`${a.name}: peak (time)`)));
  const body = $('peaks').tBodies[0];
  body.innerHTML = '';
  for (const o of S.observables) {
    if (!S.selected.has(o.name)) continue;
    const index = observableIndex(o.name);
    const row = body.insertRow();
    row.insertCell().textContent = o.name;
    row.insertCell().textContent = o.unit;
    const b = bandOf(index);
    row.insertCell().textContent = b ? `${fmt(b[0])}–${fmt(b[1])}` : '–';
    S.traces.forEach((trace, i) => {
      const p = peakOf(trace, index);
      const cell = row.insertCell();
      cell.dataset.observable = o.name;
      cell.dataset.arm = arms[i].name;
      cell.dataset.peak = String(p.value);
      cell.dataset.peakTimeMin = String(p.t_min);
      cell.textContent = `${fmt(p.value)} (${clock(p.t_min)})`;
    });
  }
}
function th(text) {
  const cell = document.createElement('th');
  cell.textContent = text;
  return cell;
}

function fillEvents() {
  const body = $('events').tBodies[0];
  body.innerHTML = '';
  S.traces.forEach((trace, i) => {
    for (const e of trace.events) {
      const row = body.insertRow();
      row.insertCell().textContent = S.current.info.arms[i].name;
      row.insertCell().textContent = e.name || e.type;
      row.insertCell().textContent = clock(e.t_min);
      row.insertCell().textContent = `${fmt(e.value)}${e.unit && e.unit !== '1' ? ` ${e.unit}` : ''}`;
    }
  });
}

// --- predict, then reveal --------------------------------------------------------------------
function showQuestions(info) {
  const list = $('questions');
  list.innerHTML = '';
  if (!info.questions.length) {
    list.innerHTML = '<li class="muted">This scenario has no class questions. Before you move a control, ' +
      'write down what you expect the traces to do.</li>';
    return;
  }
  info.questions.forEach((q, i) => {
    const li = document.createElement('li');
    const text = document.createElement('div');
    text.textContent = q;
    const box = document.createElement('textarea');
    box.placeholder = 'Your prediction first…';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reveal the answer';
    button.disabled = true;
    const answer = document.createElement('div');
    answer.className = 'answer';
    answer.hidden = true;
    answer.textContent = info.answers[i] || 'No written answer: compare with the traces.';
    box.addEventListener('input', () => { button.disabled = box.value.trim().length < 3; });
    button.addEventListener('click', () => { answer.hidden = false; box.readOnly = true; button.hidden = true; });
    li.append(text, box, button, answer);
    list.append(li);
  });
}

// --- my virtual subject ----------------------------------------------------------------------
function seedOf(text) {
  let h = 0x811c9dc5;  // FNV-1a
  for (const ch of text.trim().toLowerCase()) { h ^= ch.codePointAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
  return h;
}
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// A personal subject drawn from the scenario's population: age and sex here, every other trait
// by the engine (sample_agent, as for a trial agent) from the subject_seed.
function drawSubject() {
  const info = S.current.info;
  const rng = mulberry32(seedOf(`${S.student}|${info.name}`));
  let age;
  if (info.age_kind === 'uniform') age = info.age_a + (info.age_b - info.age_a) * rng();
  else {
    const u = Math.max(rng(), 1e-12);
    age = info.age_a + info.age_b * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  }
  age = Math.round(Math.min(95, Math.max(15, age)) * 10) / 10;
  const female = rng() < info.female_fraction ? 1 : 0;
  S.edits.age_years = age;
  S.edits.female = female;
  // The rest of the person (VO2max, resting heart rate, lactate threshold, BDNF, IL-6,
  // trainability) is drawn by the engine from the same population, seeded by the name.
  S.edits.subject_seed = seedOf(`${S.student}|${info.name}|traits`) || 1;
  $('c-age').value = String(Math.max(15, Math.round(age)));
  $('c-sex').value = String(female);
  showOutputs();
  $('subject').textContent = `${S.student}'s subject: ${female ? 'female' : 'male'}, ${age} years ` +
    `(drawn from this scenario's population).`;
}

// --- CSV export ------------------------------------------------------------------------------
function csvCell(v) {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function editsText() {
  return Object.entries(S.edits).filter(([k, v]) => IDENTITY_EDITS[k] !== v).map(([k, v]) => `${k}=${v}`).join(';');
}
// One row per (arm, outcome): every observable's peak and every event's value, for pooling.
function resultsCsv() {
  const info = S.current.info;
  const s = S.traces[0].subject;
  const status = STATUS_NAMES[S.edits.training_status >= 0 ? S.edits.training_status : info.training_status];
  const lines = ['student,scenario,arm,age_years,sex,training_status,edits,kind,name,unit,value,time_min'];
  S.traces.forEach((trace, i) => {
    const base = [S.student || 'anonymous', info.name, info.arms[i].name, s.age_years, s.female ? 'female' : 'male',
      status, editsText()];
    S.observables.forEach((o, index) => {
      const p = peakOf(trace, index);
      lines.push([...base, 'peak', o.name, o.unit, p.value, p.t_min].map(csvCell).join(','));
    });
    trace.events.forEach((e) => {
      const hhmm = clock(e.t_min).replace(/^d\d+ /, '').replace(':', '');
      const day = Math.floor((info.start_clock_min + e.t_min) / 1440);
      lines.push([...base, 'event', e.name || `${e.type}_d${day}_${hhmm}`,
        e.unit || (e.type === 'cognitive_test' ? 'SD' : ''), e.value, e.t_min].map(csvCell).join(','));
    });
  });
  return `${lines.join('\n')}\n`;
}
// The time series of every arm, like `brainload trace` with an arm column in front.
function traceCsv() {
  const lines = [['arm', 'time_min', ...S.observables.map((o) => o.name)].join(',')];
  S.traces.forEach((trace, i) => {
    for (let r = 0; r < trace.t_min.length; r++) {
      const row = [S.current.info.arms[i].name, trace.t_min[r]];
      S.observables.forEach((_, index) => row.push(column(trace, index)[r]));
      lines.push(row.map(csvCell).join(','));
    }
  });
  return `${lines.join('\n')}\n`;
}
function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
const slug = (s) => (s || 'anonymous').trim().toLowerCase().replace(/[^a-z0-9]+/g, '_');
page.resultsCsv = resultsCsv;
page.traceCsv = traceCsv;

// --- teacher view ----------------------------------------------------------------------------
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.length > 1);
}

async function addFiles(files) {
  for (const file of files) {
    const rows = parseCsv(await file.text());
    const head = rows.shift() || [];
    const col = Object.fromEntries(head.map((h, i) => [h, i]));
    if (!('student' in col && 'arm' in col && 'name' in col && 'value' in col)) continue;
    for (const r of rows) {
      S.pool.push({ file: file.name, student: r[col.student], scenario: r[col.scenario], arm: r[col.arm],
        kind: r[col.kind], name: r[col.name], unit: r[col.unit], value: Number(r[col.value]) });
    }
  }
  const names = [...new Set(S.pool.map((p) => `${p.scenario} · ${p.name}`))];
  const select = $('pool-name');
  const keep = select.value;
  select.innerHTML = '';
  for (const n of names) select.add(new Option(n, n));
  const preferred = names.find((n) => n === keep) || names.find((n) => n.includes('cognitive_test')) ||
    names.find((n) => n.includes('lactate_mmol_l')) || names[0];
  if (preferred) select.value = preferred;
  drawPool();
}

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  const mean = v.reduce((s, x) => s + x, 0) / n;
  const sd = n > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : NaN;
  const q = (p) => { const k = (n - 1) * p; const lo = Math.floor(k); return v[lo] + (v[Math.ceil(k)] - v[lo]) * (k - lo); };
  return { n, mean, sd, median: q(0.5), q1: q(0.25), q3: q(0.75), min: v[0], max: v[n - 1] };
}

function drawPool() {
  const key = $('pool-name').value;
  const rows = S.pool.filter((p) => `${p.scenario} · ${p.name}` === key && Number.isFinite(p.value));
  const students = new Set(S.pool.map((p) => p.student));
  $('pool-count').textContent = `${students.size} student file${students.size !== 1 ? 's' : ''} pooled`;
  const arms = [...new Set(rows.map((r) => r.arm))];
  const body = $('pool-table').tBodies[0];
  body.innerHTML = '';
  const canvas = $('pool-canvas');
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (!rows.length) return;
  const all = rows.map((r) => r.value);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  lo -= pad; hi += pad;
  const left = 70; const top = 20; const bottom = 40;
  const h = canvas.height - top - bottom;
  const w = (canvas.width - left - 10) / arms.length;
  const y = (v) => top + h * (1 - (v - lo) / (hi - lo));
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = '#5b6670';
  ctx.strokeStyle = '#d5dbe0';
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    ctx.beginPath(); ctx.moveTo(left, y(v)); ctx.lineTo(canvas.width - 10, y(v)); ctx.stroke();
    ctx.fillText(fmt(v), 8, y(v) + 4);
  }
  ctx.fillText(`${key} (${rows[0].unit || '1'})`, left, 13);
  arms.forEach((arm, i) => {
    const values = rows.filter((r) => r.arm === arm).map((r) => r.value);
    const st = stats(values);
    const cx = left + w * (i + 0.5);
    const colour = COLOURS[i % COLOURS.length];
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(cx - w * 0.18, y(st.q3), w * 0.36, Math.max(1, y(st.q1) - y(st.q3)));
    ctx.beginPath(); ctx.moveTo(cx - w * 0.18, y(st.median)); ctx.lineTo(cx + w * 0.18, y(st.median)); ctx.stroke();
    ctx.fillStyle = colour;
    const jitter = mulberry32(i + 1);
    for (const v of values) {
      ctx.beginPath(); ctx.arc(cx + (jitter() - 0.5) * w * 0.5, y(v), 3, 0, 2 * Math.PI); ctx.globalAlpha = 0.55; ctx.fill(); ctx.globalAlpha = 1;
    }
    ctx.fillStyle = '#1d2329';
    ctx.textAlign = 'center';
    ctx.fillText(`${arm} (n = ${st.n})`, cx, canvas.height - 14);
    ctx.textAlign = 'left';
    const row = body.insertRow();
    row.dataset.arm = arm;
    row.dataset.n = String(st.n);
    for (const v of [arm, st.n, fmt(st.mean), fmt(st.sd), fmt(st.median), fmt(st.min), fmt(st.max)]) row.insertCell().textContent = v;
  });
}

// --- controls --------------------------------------------------------------------------------
const CONTROLS = [
  ['c-intensity', 'intensity_scale', (v) => `× ${v.toFixed(2)}`],
  ['c-duration', 'duration_scale', (v) => `× ${v.toFixed(2)}`],
  ['c-repeats', 'repeats', (v) => (v > 0 ? String(v) : 'as written')],
  ['c-rest', 'rest_scale', (v) => `× ${v.toFixed(2)}`],
  ['c-shift', 'shift_min', (v) => (v === 0 ? 'as written' : `${v > 0 ? '+' : '−'}${Math.abs(v)} min`)],
  ['c-second', 'second_gap_min', (v) => (v > 0 ? `${v} min after` : 'as written')],
  // The slider's lowest stop (14) means "as in the scenario".
  ['c-age', 'age_years', (v) => (v >= 15 ? `${v} y` : 'scenario'), (v) => (v >= 15 ? v : 0)],
];
function showOutputs() {
  for (const [id, , label] of CONTROLS) {
    const input = $(id);
    input.nextElementSibling.textContent = label(Number(input.value));
  }
}
function resetEdits() {
  S.edits = { ...IDENTITY_EDITS };
  for (const [id, key] of CONTROLS) $(id).value = id === 'c-age' ? '14' : String(IDENTITY_EDITS[key]);
  $('c-status').value = '-1';
  $('c-sex').value = '-1';
  $('subject').textContent = '';
  showOutputs();
}

function bindControls() {
  for (const [id, key, , toEdit] of CONTROLS) {
    $(id).addEventListener('input', (ev) => {
      const v = Number(ev.target.value);
      S.edits[key] = toEdit ? toEdit(v) : v;
      showOutputs();
      scheduleUpdate();
    });
  }
  $('c-status').addEventListener('change', (ev) => { S.edits.training_status = Number(ev.target.value); update(); });
  $('c-sex').addEventListener('change', (ev) => { S.edits.female = Number(ev.target.value); update(); });
  $('reset').addEventListener('click', () => {
    resetEdits();
    S.student = '';
    update();
  });
  // A new experiment starts from its protocol as written (the subject is drawn again from
  // its population when a name was given).
  $('scenario').addEventListener('change', (ev) => {
    resetEdits();
    loadScenario(ev.target.value);
  });
  const windowChanged = () => {
    const from = Math.max(0, Number($('from-day').value) || 0);
    const to = Math.max(from + 0.05, Number($('to-day').value) || from + 1);
    S.window = { from, to, every: Number($('every').value) };
    rebuildCharts();
    update();
  };
  for (const id of ['from-day', 'to-day', 'every']) $(id).addEventListener('change', windowChanged);
  $('draw').addEventListener('click', () => {
    S.student = $('student').value.trim();
    if (!S.student) return;
    drawSubject();
    update();
  });
  $('student').addEventListener('keydown', (ev) => { if (ev.key === 'Enter') $('draw').click(); });
  $('export-results').addEventListener('click', () => download(`${slug(S.student)}_${S.current.info.name}_results.csv`, resultsCsv()));
  $('export-trace').addEventListener('click', () => download(`${slug(S.student)}_${S.current.info.name}_trace.csv`, traceCsv()));
  const drop = $('drop');
  drop.addEventListener('dragover', (ev) => { ev.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (ev) => { ev.preventDefault(); drop.classList.remove('over'); addFiles(ev.dataTransfer.files); });
  $('files').addEventListener('change', (ev) => addFiles(ev.target.files));
  $('pool-name').addEventListener('change', drawPool);
  showOutputs();
}

function buildObservableList() {
  const box = $('observables');
  for (const kind of ['acute', 'chronic']) {
    const title = document.createElement('div');
    title.className = 'muted';
    title.textContent = kind === 'acute' ? 'minutes to hours' : 'months (chronic layer)';
    box.append(title);
    for (const o of S.observables.filter((x) => x.kind === kind)) {
      const label = document.createElement('label');
      label.title = o.meaning;
      const check = document.createElement('input');
      check.type = 'checkbox';
      check.value = o.name;
      check.checked = S.selected.has(o.name);
      check.addEventListener('change', () => {
        if (check.checked) S.selected.add(o.name); else S.selected.delete(o.name);
        rebuildCharts();
        update();
      });
      const unit = document.createElement('span');
      unit.className = 'unit';
      unit.textContent = ` (${o.unit})`;
      label.append(check, ` ${o.name}`, unit);
      box.append(label);
    }
  }
}

function buildScenarioList() {
  const data = JSON.parse($('scenario-data').textContent);
  const groups = [['teaching', 'Class demos'], ['', 'Scenarios'], ['validation', 'Validation experiments']];
  const select = $('scenario');
  for (const [group, label] of groups) {
    const og = document.createElement('optgroup');
    og.label = label;
    for (const s of data.filter((d) => d.group === group)) {
      S.scenarios.push(s);
      const option = new Option(`${s.title}`, s.key);
      og.append(option);
    }
    select.append(og);
  }
}

async function start() {
  const module = await createBrainloadEngine();  // from engine.js, inlined above
  S.engine = new module.Engine();
  S.observables = module.observables();
  $('version').textContent = module.version();
  buildScenarioList();
  buildObservableList();
  bindControls();
  const params = new URLSearchParams(location.search);
  const wanted = params.get('scenario');
  const key = (wanted && (S.scenarios.find((s) => s.key === wanted || s.path === wanted ||
    s.path === `${wanted}.toml` || s.key.endsWith(`/${wanted}`)) || {}).key) || S.scenarios[0].key;
  loadScenario(key);
}

page.ready = start().catch((e) => {
  page.error = String(e && e.stack ? e.stack : e);
  $('status').textContent = '';
  $('status').append(errorNode(`The engine did not start: ${page.error}`));
  throw e;
});
