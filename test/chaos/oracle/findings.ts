/**
 * What a check found wrong. The kind decides the report's column: an effect that never happened
 * (lost), one that happened twice (duplicated), work left unfinished once the system was idle
 * (stuck), a dead letter nobody injected (deadLettered), or a copy that disagrees with the
 * stores (wrong).
 */
export type FindingKind = 'lost' | 'duplicated' | 'stuck' | 'deadLettered' | 'wrong';

export interface Finding {
  check: string;
  kind: FindingKind;
  detail: string;
}

export const finding = (check: string, kind: FindingKind, detail: string): Finding => ({ check, kind, detail });

export const countOf = (findings: readonly Finding[], kind: FindingKind): number => findings.filter((f) => f.kind === kind).length;
