import { Resvg } from '@resvg/resvg-js';
import { DossierError } from '../../src/errors.js';

/** One latency distribution, drawn as a cumulative curve. */
export interface ChartSeries {
  label: string;
  color: string;
  samples: number[];
  dashed?: boolean;
}

export interface BenchChartInput {
  title: string;
  latency: ChartSeries[];
  /** Vertical target markers on the latency axis, e.g. the p95 targets. */
  latencyTargets?: Array<{ ms: number; label: string; color: string }>;
  throughput: Array<{ label: string; value: number; color: string }>;
  throughputTarget: number;
}

const W = 1200;
const H = 560;
const FONT = 'DejaVu Sans, Arial, sans-serif';

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function text(x: number, y: number, s: string, opts: { size?: number; anchor?: 'start' | 'middle' | 'end'; weight?: string; fill?: string } = {}): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${FONT}" font-size="${opts.size ?? 13}" text-anchor="${opts.anchor ?? 'start'}" font-weight="${opts.weight ?? 'normal'}" fill="${opts.fill ?? '#1a202c'}">${esc(s)}</text>`;
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : ms >= 1 ? `${ms} ms` : `${ms} ms`;
}

/**
 * Draws the benchmark chart as SVG: the cumulative latency distribution of each series on a log time
 * axis (left; p50/p95 guides) and build throughput bars against the target (right).
 */
export function benchChartSvg(input: BenchChartInput): string {
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(text(W / 2, 30, input.title, { size: 17, anchor: 'middle', weight: 'bold' }));

  // Left panel: latency CDF on a log axis.
  const L = { x: 80, y: 70, w: 690, h: 400 };
  const all = input.latency.flatMap((s) => s.samples).filter((v) => v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.max(0.01, Math.min(...all, 1)))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...all, 10))));
  const xOf = (ms: number) => L.x + ((Math.log10(Math.max(ms, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * L.w;
  const yOf = (q: number) => L.y + L.h - q * L.h;
  parts.push(text(L.x + L.w / 2, L.y - 14, 'Query latency — cumulative share of queries answered within t', { size: 14, anchor: 'middle', weight: 'bold' }));
  for (let d = lo; d <= hi * 1.0001; d *= 10) {
    const x = xOf(d);
    parts.push(`<line x1="${x}" y1="${L.y}" x2="${x}" y2="${L.y + L.h}" stroke="#e2e8f0"/>`);
    parts.push(text(x, L.y + L.h + 20, fmtMs(Number(d.toPrecision(3))), { size: 12, anchor: 'middle' }));
  }
  for (const q of [0, 0.25, 0.5, 0.75, 0.95]) {
    const y = yOf(q);
    parts.push(`<line x1="${L.x}" y1="${y}" x2="${L.x + L.w}" y2="${y}" stroke="${q === 0.5 || q === 0.95 ? '#cbd5e0' : '#edf2f7'}" ${q === 0.95 || q === 0.5 ? 'stroke-dasharray="4 3"' : ''}/>`);
    parts.push(text(L.x - 8, y + 4, q === 0.5 ? 'p50' : q === 0.95 ? 'p95' : `${q * 100}%`, { size: 12, anchor: 'end' }));
  }
  parts.push(`<rect x="${L.x}" y="${L.y}" width="${L.w}" height="${L.h}" fill="none" stroke="#a0aec0"/>`);
  parts.push(text(L.x + L.w / 2, L.y + L.h + 42, 'latency per query (log scale)', { size: 13, anchor: 'middle' }));
  (input.latencyTargets ?? []).forEach((t, i) => {
    const x = xOf(t.ms);
    parts.push(`<line x1="${x}" y1="${L.y}" x2="${x}" y2="${L.y + L.h}" stroke="${t.color}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
    // Staggered so labels of nearby targets do not overprint each other.
    parts.push(text(x + 4, L.y + L.h - 8 - i * 16, t.label, { size: 11, fill: t.color }));
  });
  const curves: string[] = [];
  const legend: string[] = [`<rect x="${L.x + 6}" y="${L.y + 4}" width="390" height="${input.latency.length * 20 + 8}" fill="#ffffff" fill-opacity="0.9" stroke="#e2e8f0"/>`];
  input.latency.forEach((s, i) => {
    const sorted = [...s.samples].sort((a, b) => a - b);
    if (sorted.length === 0) return;
    const pts = sorted.map((v, k) => `${xOf(v).toFixed(1)},${yOf((k + 1) / sorted.length).toFixed(1)}`);
    curves.push(`<polyline points="${xOf(sorted[0] ?? lo).toFixed(1)},${yOf(0)} ${pts.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2.5" ${s.dashed ? 'stroke-dasharray="7 4"' : ''}/>`);
    const p95 = sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
    const ly = L.y + 18 + i * 20;
    legend.push(`<line x1="${L.x + 12}" y1="${ly - 4}" x2="${L.x + 40}" y2="${ly - 4}" stroke="${s.color}" stroke-width="3" ${s.dashed ? 'stroke-dasharray="7 4"' : ''}/>`);
    legend.push(text(L.x + 46, ly, `${s.label} (p95 ${p95.toFixed(1)} ms, n=${sorted.length})`, { size: 12 }));
  });
  parts.push(...curves, ...legend);

  // Right panel: throughput bars.
  const R = { x: 880, y: 70, w: 270, h: 400 };
  parts.push(text(R.x + R.w / 2, R.y - 14, 'Cold build throughput', { size: 14, anchor: 'middle', weight: 'bold' }));
  const max = Math.max(input.throughputTarget, ...input.throughput.map((t) => t.value)) * 1.15;
  const yB = (v: number) => R.y + R.h - (v / max) * R.h;
  parts.push(`<rect x="${R.x}" y="${R.y}" width="${R.w}" height="${R.h}" fill="none" stroke="#a0aec0"/>`);
  const bw = R.w / (input.throughput.length * 2 + 1);
  input.throughput.forEach((t, i) => {
    const x = R.x + bw * (1 + i * 2);
    parts.push(`<rect x="${x}" y="${yB(t.value)}" width="${bw}" height="${R.y + R.h - yB(t.value)}" fill="${t.color}"/>`);
    parts.push(text(x + bw / 2, yB(t.value) - 6, `${Math.round(t.value)}`, { size: 13, anchor: 'middle', weight: 'bold' }));
    parts.push(text(x + bw / 2, R.y + R.h + 20, t.label, { size: 12, anchor: 'middle' }));
  });
  const ty = yB(input.throughputTarget);
  parts.push(`<line x1="${R.x}" y1="${ty}" x2="${R.x + R.w}" y2="${ty}" stroke="#c53030" stroke-width="2" stroke-dasharray="6 4"/>`);
  parts.push(text(R.x + R.w - 4, ty - 6, `target ${input.throughputTarget}`, { size: 12, anchor: 'end', fill: '#c53030' }));
  parts.push(text(R.x + R.w / 2, R.y + R.h + 42, 'passages (chunks) embedded per second', { size: 13, anchor: 'middle' }));
  parts.push('</svg>');
  return parts.join('\n');
}

/** Renders the chart to PNG with resvg (system fonts; DejaVu Sans is the default family). */
export function renderBenchChart(input: BenchChartInput): Buffer {
  try {
    const resvg = new Resvg(benchChartSvg(input), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'width', value: W } });
    return resvg.render().asPng();
  } catch (error) {
    throw new DossierError('RENDER_FAILED', `Could not render the benchmark chart: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
