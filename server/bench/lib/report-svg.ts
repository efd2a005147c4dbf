// The ratios as a horizontal bar chart (SVG, no dependencies): one bar per scenario, its goal as a tick.
import type { Report } from './measure';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function barChart(report: Report): string {
  const rowH = 34;
  const left = 420;
  const plotW = 420;
  const top = 56;
  const max = Math.max(1, ...report.rows.map((r) => r.ratio), ...report.rows.map((r) => r.goal ?? 0));
  const x = (ratio: number) => left + (ratio / max) * plotW;
  const height = top + report.rows.length * rowH + 40;
  const width = left + plotW + 90;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="16" y="22" font-size="15" font-weight="600">Linli bench: throughput as a ratio of its baseline (2xx only)</text>`,
    `<text x="16" y="42" fill="#555">${escape(`${report.date.slice(0, 16)}Z · server ${report.server} · ${report.connections} connections · ${report.seconds} s · reads vs bare Koa, writes vs their SQL replayed by mysql2, seckill attempts vs /healthz · tick = goal`)}</text>`,
  ];
  for (const t of [0, 0.25, 0.5, 0.75, 1].filter((v) => v <= max)) {
    parts.push(
      `<line x1="${x(t)}" y1="${top - 4}" x2="${x(t)}" y2="${height - 34}" stroke="#e5e5e5"/>`,
      `<text x="${x(t)}" y="${height - 18}" text-anchor="middle" fill="#777">${t}</text>`,
    );
  }
  report.rows.forEach((r, i) => {
    const y = top + i * rowH;
    const colour = r.met === undefined ? '#7a8ca3' : r.met ? '#2e8b57' : '#c0392b';
    // opening a group is set against the order's SQL (the issue's goal), not its own
    const label =
      r.baseline === 'koa' || r.baseline === r.name
        ? r.title
        : r.baseline === 'healthz'
          ? `${r.title} vs /healthz`
          : `${r.title} vs ${r.baseline} SQL`;
    parts.push(
      `<text x="${left - 10}" y="${y + 20}" text-anchor="end">${escape(label)}</text>`,
      `<rect x="${left}" y="${y + 7}" width="${Math.max(1, x(r.ratio) - left)}" height="18" fill="${colour}"/>`,
      `<text x="${x(r.ratio) + 6}" y="${y + 20}">${r.ratio.toFixed(2)}${r.errors ? ` · ${r.errors} errors` : ''}</text>`,
    );
    if (r.goal !== undefined) {
      parts.push(
        `<line x1="${x(r.goal)}" y1="${y + 3}" x2="${x(r.goal)}" y2="${y + 29}" stroke="#111" stroke-width="2"><title>goal ${r.goal}</title></line>`,
      );
    }
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
