import type { PresetResult } from './runPreset';
import { TARGETS } from './settings';

/**
 * Extra peak heap per extra byte of estate, from the smallest preset to this one: under 2 means
 * the scan does not hold the estate twice (fixed costs — catalog, clients, a batch of rows,
 * garbage not yet collected — cancel out).
 */
export function memorySlope(r: PresetResult, reference?: PresetResult) {
  if (!reference || reference.accounts >= r.accounts) return undefined;
  return (
    (r.memory.peakHeapGrowthBytes - reference.memory.peakHeapGrowthBytes) /
    (r.memory.oneEstateCopyBytes - reference.memory.oneEstateCopyBytes)
  );
}

export function targetsOf(r: PresetResult, reference?: PresetResult) {
  const slope = memorySlope(r, reference);
  const at200 = r.api?.latency.find(l => l.concurrency === 200);
  const baseline = r.api?.baseline;
  return {
    calls: r.calls.ratio <= TARGETS.callsRatio,
    wall: r.wall.ratio <= TARGETS.wallRatio,
    api:
      at200 && baseline
        ? at200.requestsPerSecond / baseline.requestsPerSecond >=
          TARGETS.entityApiOverBaseline
        : undefined,
    page: r.reportPage
      ? r.reportPage.interactiveMs < TARGETS.reportPageInteractiveMs
      : undefined,
    pageInApp:
      r.reportPage?.inAppMs === undefined
        ? undefined
        : r.reportPage.inAppMs < TARGETS.reportPageInteractiveMs,
    memory: slope === undefined ? undefined : slope < TARGETS.memoryOverOneCopy,
  };
}
