import { html, type TemplateResult } from 'lit';
import type { SentimentPoint } from '../../model/types.js';

export type Trend = 'rising' | 'falling' | 'steady';

export interface SparklineData {
  /** SVG `points` in a 100 × 30 box (sentiment -1 at the bottom, 1 at the top). */
  points: string;
  trend: Trend;
  first: number;
  end: number;
  /** Days from the first to the last point. */
  spanDays: number;
}

const WIDTH = 100;
const HEIGHT = 30;

/** Sorts the points by time and works out the shape and direction of the trend. */
export function sparkline(trend: SentimentPoint[]): SparklineData | undefined {
  const points = trend
    .map((p) => ({ t: Date.parse(p.at), v: p.value }))
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v))
    .sort((a, b) => a.t - b.t);
  if (points.length < 2) return undefined;
  const t0 = points[0]!.t;
  const t1 = points[points.length - 1]!.t;
  const span = t1 - t0 || 1;
  const xy = points.map((p) => ({
    x: Math.round(((p.t - t0) / span) * WIDTH * 10) / 10,
    y: Math.round(((1 - p.v) / 2) * HEIGHT * 10) / 10,
  }));
  const first = points[0]!.v;
  const end = points[points.length - 1]!.v;
  const delta = end - first;
  return {
    points: xy.map((p) => `${p.x},${p.y}`).join(' '),
    trend: delta > 0.15 ? 'rising' : delta < -0.15 ? 'falling' : 'steady',
    first,
    end,
    spanDays: Math.max(1, Math.round(span / 86_400_000)),
  };
}

/** The SVG drawing itself; its accessible name is given by the caller. */
export function renderSparkline(data: SparklineData, label: string): TemplateResult {
  return html`<svg class="sparkline" data-trend=${data.trend} viewBox="-2 -2 104 34" preserveAspectRatio="none" role="img" aria-label=${label} focusable="false">
    <line class="zero" x1="0" x2=${WIDTH} y1=${HEIGHT / 2} y2=${HEIGHT / 2}></line>
    <polyline class="line" points=${data.points}></polyline>
  </svg>`;
}
