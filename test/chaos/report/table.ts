import type { ScenarioRow } from '../scenarios/run-scenario';

const HEADER = ['scenario', 'commands acknowledged', 'events', 'lost', 'duplicated effects', 'stuck', 'dead-lettered', 'verdict'];
/** Examples printed per check that failed; the rest are counted. */
const SHOWN = 3;

const cells = (r: ScenarioRow): string[] => [
  `${r.id} ${r.title}`,
  `${r.acknowledged}${r.refused ? ` (+${r.refused} refused)` : ''}`,
  String(r.events),
  String(r.lost),
  String(r.duplicated),
  String(r.stuck),
  String(r.deadLettered),
  r.passed ? 'PASS' : `FAIL (${r.findings.length} findings)`,
];

/** The table, then per scenario its notes and, when it failed, what the oracle found. */
export const formatTable = (rows: readonly ScenarioRow[]): string[] => {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const out = [line(HEADER), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(cells(r)))];
  for (const r of rows) {
    out.push('', `${r.id} (${Math.round(r.ms / 1000)} s): ${r.notes.join('; ') || 'no notes'}`);
    const groups = new Map<string, string[]>();
    for (const f of r.findings) groups.set(`[${f.kind}] ${f.check}`, [...(groups.get(`[${f.kind}] ${f.check}`) ?? []), f.detail]);
    for (const [head, details] of groups) {
      out.push(`  ${head}: ${details.length}`);
      for (const d of details.slice(0, SHOWN)) out.push(`    - ${d}`);
      if (details.length > SHOWN) out.push(`    ... and ${details.length - SHOWN} more`);
    }
  }
  return out;
};
