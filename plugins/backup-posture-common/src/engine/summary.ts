import { Finding } from '../posture';

/** A check's one-line summary: its findings counted by status (`2 pass, 1 fail`). */
export function summariseFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'nothing to evaluate';
  const counts = new Map<string, number>();
  for (const f of findings)
    counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  return [...counts.entries()]
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
}
