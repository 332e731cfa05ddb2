import { ResultsReader } from '@embsweep/store';
import { DashboardApi } from '../dist/dashboard-api.js';
const reader = ResultsReader.open(process.argv[2]);
const api = new DashboardApi(reader);
for (const what of ['fit', 'configurations', 'importance']) {
  const t = performance.now(); api[what]('bench'); console.log(what, (performance.now() - t).toFixed(0), 'ms');
}
