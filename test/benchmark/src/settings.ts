/** Every preset spans all 16 regions of the scale scenario. */
export const SCALE_REGION_COUNT = 16;

export const PRESETS = [10, 100, 300, 1000] as const;
/** What `npm run bench` runs without --preset: the presets that finish in minutes on 2 cores. */
export const DEFAULT_PRESETS = [10, 100];

export const TARGETS = {
  callsRatio: 1.05,
  /** Scan wall time over the lower bound AWS's quotas and the in-flight budget set. */
  wallRatio: 1.5,
  entityApiP99Ms: 25,
  /** Entity route throughput over the framework's trivial route (scan status), same run, 200 clients. */
  entityApiOverBaseline: 0.9,
  reportPageInteractiveMs: 1000,
  /** Peak heap growth of a scan over the heap of one loaded copy of the estate. */
  memoryOverOneCopy: 2,
};
