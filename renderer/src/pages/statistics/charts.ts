import {
  ArcElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only what the pie and line charts need: keeps the bundle small (chart.js is tree-shakeable).
Chart.register(
  PieController,
  ArcElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export const CHART_COLORS = {
  opened: '#1f7a5a',
  possibly: '#c9d6d0',
  machine: '#e0a43a',
  clicks: '#2f6fb3',
};
