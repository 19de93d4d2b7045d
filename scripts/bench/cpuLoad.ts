import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A second process that keeps one core busy (a Node busy loop), as another program on a user's
 * laptop would: issue #19 asks that the live session stays smooth with one. Started per bench
 * case and stopped after it; `stop()` is safe to call twice.
 */
export interface CpuLoad {
  stop(): void;
}

export function startOneCoreLoad(): CpuLoad {
  const child: ChildProcess = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  // The bench must not leave it running if the bench itself dies.
  const stop = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', stop);
  return {
    stop: () => {
      process.removeListener('exit', stop);
      stop();
    },
  };
}
