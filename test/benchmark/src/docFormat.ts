// Number formats and target verdicts shared by the sections of the benchmark doc.

export const f = (n: number | undefined, d = 2) =>
  n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d);
export const mib = (b: number) => `${f(b / 2 ** 20, 1)} MiB`;
export const sec = (ms: number) => `${f(ms / 1000, 1)} s`;
export function verdict(ok: boolean | undefined) {
  if (ok === undefined) return 'not measured';
  return ok ? '**met**' : '**missed**';
}
