import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system) of a process and all its descendants, from Linux's /proc. */
export interface ProcessTreeCpu {
  readonly cpuMs: number;
  readonly processes: number;
}

interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  readonly cpuTicks: number;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux build). */
const USER_HZ = 100;

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // Fields from `state` (3rd in proc(5)): ppid is the 4th, utime the 14th, stime the 15th.
    const at = (n: number): number => Number(fields[n - 3]);
    return { pid, ppid: at(4), cpuTicks: at(14) + at(15) };
  } catch {
    return null; // exited meanwhile
  }
}

/**
 * The CPU time so far of `rootPid`'s descendants, and of `rootPid` itself unless `withRoot` is
 * false. Only Linux has /proc: elsewhere this throws.
 */
export function processTreeCpu(rootPid: number, { withRoot = true } = {}): ProcessTreeCpu {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((s): s is ProcStat => s !== null);
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const root = stats.find((s) => s.pid === rootPid);
  if (root === undefined) throw new Error(`process ${rootPid} is not running`);
  let ticks = 0;
  let processes = 0;
  const queue = [root];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (next !== root || withRoot) {
      ticks += next.cpuTicks;
      processes++;
    }
    queue.push(...(children.get(next.pid) ?? []));
  }
  return { cpuMs: (ticks * 1000) / USER_HZ, processes };
}
