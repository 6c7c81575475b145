import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { SimReady, SimStartOptions, SimStats } from './simProcess';

/** Node flags that let a forked child run TypeScript, as the `bench` script does. */
export const TS_EXEC_ARGV = [
  '--require',
  require.resolve('@backstage/cli/config/nodeTransform.cjs'),
];

/** The simulated estate served on loopback by a child process. */
export class SimChild {
  private constructor(
    private readonly child: ChildProcess,
    readonly ready: SimReady,
  ) {}

  static async start(opts: SimStartOptions): Promise<SimChild> {
    const child = fork(
      // eslint-disable-next-line no-restricted-syntax -- run from source by the bench script, never built
      join(__dirname, 'simProcess.ts'),
      [JSON.stringify(opts)],
      {
        execArgv: [...TS_EXEC_ARGV, '--max-old-space-size=4096'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    const ready = await new Promise<SimReady>((resolve, reject) => {
      // The TypeScript hook also posts { type: 'watch' } messages: wait for ours.
      const on = (m: any) => {
        if (m?.type === 'ready') {
          child.off('message', on);
          resolve(m as SimReady);
        }
      };
      child.on('message', on);
      child.once('exit', code =>
        reject(new Error(`simulator exited with ${code}`)),
      );
    });
    return new SimChild(child, ready);
  }

  stats(): Promise<SimStats> {
    return new Promise(resolve => {
      const on = (m: any) => {
        if (m?.type === 'stats') {
          this.child.off('message', on);
          resolve(m as SimStats);
        }
      };
      this.child.on('message', on);
      this.child.send({ type: 'stats' });
    });
  }

  reset() {
    this.child.send({ type: 'reset' });
  }

  async stop() {
    const exited = new Promise(r => this.child.once('exit', r));
    this.child.send({ type: 'stop' });
    await exited;
  }
}
