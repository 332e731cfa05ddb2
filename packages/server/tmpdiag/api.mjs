import { ResultsReader } from '@embsweep/store';
import { DashboardApi } from '../dist/dashboard-api.js';
import { encodeCurves } from '../dist/curves-binary.js';
const reader = ResultsReader.open(process.argv[2]);
const api = new DashboardApi(reader);
const sweep = reader.sweep('bench');
for (let i = 0; i < 3; i++) {
let t = performance.now();
const thin = reader.thinCurves(sweep.id, ['val_loss'], 300);
const t1 = performance.now();
const c = api.curves('bench', { metrics: undefined, points: 300, trials: undefined, format: 'binary' });
const t2 = performance.now();
const bytes = encodeCurves(c.metrics, c.points, c.curves);
const t3 = performance.now();
console.log('thinCurves', (t1 - t).toFixed(0), 'api.curves (incl. read+budget thin)', (t2 - t1).toFixed(0), 'encode', (t3 - t2).toFixed(0), 'points', c.points, bytes.length);
}
let t = performance.now(); api.sweep('bench'); console.log('sweep', (performance.now() - t).toFixed(0));
t = performance.now(); api.trials('bench', { states: undefined, params: new Map(), sort: 'index', order: 'asc', offset: 0, limit: 10000, top: 0 }); console.log('trials', (performance.now() - t).toFixed(0));
t = performance.now(); reader.trials(sweep.id); console.log('reader.trials', (performance.now() - t).toFixed(0));
