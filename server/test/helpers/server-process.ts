import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../src/db/embedded-postgres.js';

export interface ServerProcess {
  port: number;
  base: string;
  url: string;
  proc: ChildProcess;
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs `pnpm start`'s server, the compiled server/dist/main.js (the tests' global setup builds it),
 * as its own process and resolves once it serves. It logs at `info` so the ready line is there.
 */
export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  // The compiled server, as `pnpm start` runs it. Exception: a test that plugs a TypeScript add-on
  // module into the process (WORKBAY_EXTRA_MODULES=….ts, importing ../src) runs the sources under tsx,
  // so that the add-on and the server share one copy of every class.
  const fromSource = /\.ts(,|$)/.test(env.WORKBAY_EXTRA_MODULES ?? '');
  const entry = fromSource ? ['--import', 'tsx', path.resolve(import.meta.dirname, '../../src/main.ts')] : ['--enable-source-maps', path.resolve(import.meta.dirname, '../../dist/main.js')];
  const proc = spawn(process.execPath, entry, {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, LOG_LEVEL: 'info', PORT: String(p), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server process did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Workbay GraphQL API')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server process exited with ${code}:\n${output}`));
    });
  });
  return {
    port: p,
    base: `http://127.0.0.1:${p}`,
    url: `http://127.0.0.1:${p}/graphql`,
    proc,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve(proc.exitCode);
        proc.once('exit', (code) => resolve(code));
        proc.kill(signal);
      }),
  };
}
