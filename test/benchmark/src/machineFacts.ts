import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem } from 'node:os';

export interface MachineFacts {
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  node: string;
  os: string;
  chromium: string;
}

export function machineFacts(): MachineFacts {
  let chromium = 'not found';
  try {
    chromium = execFileSync(
      process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      ['--version'],
      {
        encoding: 'utf8',
      },
    ).trim();
  } catch {
    // no browser: the report page figures are missing too
  }
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${process.platform} ${release()}`,
    chromium,
  };
}
