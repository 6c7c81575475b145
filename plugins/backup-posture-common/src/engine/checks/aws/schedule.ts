/** Longest gap between runs of an AWS Backup schedule expression, in hours (undefined if unparsable). */

const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function dayOfWeekSet(field: string): number[] | undefined {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const toNum = (d: string) =>
      /^\d$/.test(d) ? Number(d) - 1 : DAYS.indexOf(d.toUpperCase());
    const [a, b] = part.split('-');
    const from = toNum(a);
    const to = b === undefined ? from : toNum(b);
    if (from < 0 || to < 0 || from > 6 || to > 6) return undefined;
    // A range may wrap the week end (FRI-MON); SUN-SAT is the whole week.
    const length = ((to - from + 7) % 7) + 1;
    for (let i = 0; i < length; i++) out.add((from + i) % 7);
  }
  return [...out].sort((x, y) => x - y);
}

function hourGap(field: string): number | undefined {
  if (field === '*') return 1;
  const step = /^(\d+|\*)\/(\d+)$/.exec(field);
  if (step) return Number(step[2]);
  const hours = field.split(',').map(Number);
  if (hours.some(h => Number.isNaN(h) || h < 0 || h > 23)) return undefined;
  if (hours.length === 1) return 24;
  const sorted = hours.sort((a, b) => a - b);
  return Math.max(
    ...sorted.map((h, i) =>
      i + 1 < sorted.length ? sorted[i + 1] - h : 24 - h + sorted[0],
    ),
  );
}

export function maxScheduleIntervalHours(
  expression: string | undefined,
): number | undefined {
  if (!expression) return undefined;
  const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/i.exec(
    expression.trim(),
  );
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2].toLowerCase();
    if (unit.startsWith('minute')) return n / 60;
    return unit.startsWith('hour') ? n : n * 24;
  }
  const cron = /^cron\((.+)\)$/i.exec(expression.trim());
  if (!cron) return undefined;
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [, hour, dayOfMonth, month, dayOfWeek] = fields;
  const gap = hourGap(hour);
  if (gap === undefined) return undefined;
  if (month !== '*') return 366 * 24;
  if (dayOfMonth !== '*' && dayOfMonth !== '?') return 31 * 24;
  if (dayOfWeek === '*' || dayOfWeek === '?') return gap;
  const days = dayOfWeekSet(dayOfWeek);
  if (!days || days.length === 0) return undefined;
  if (days.length === 7) return gap;
  const dayGaps = days.map((d, i) =>
    i + 1 < days.length ? days[i + 1] - d : 7 - d + days[0],
  );
  return Math.max(...dayGaps) * 24;
}
