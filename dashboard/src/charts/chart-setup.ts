import {
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LogarithmicScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import { typedLinesPlugin } from './typed-lines.js';

// Only the chart.js parts the dashboard draws with, so the bundle stays small.
Chart.register(
  LineController,
  ScatterController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  CategoryScale,
  Tooltip,
  Filler,
  Legend,
  typedLinesPlugin,
);
// Thousands of series redraw on every live update: no animation, no per-point parsing.
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", sans-serif';
Chart.defaults.color = '#333';

export { Chart };
