import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const serverDir = path.resolve(import.meta.dirname, '../..');

/**
 * Compiles the server to server/dist exactly as `pnpm start` does (tsc, incremental: about 3 s when
 * little changed), so tests that run the server as a process run the same JavaScript users run.
 */
export function buildServer() {
  const tsc = createRequire(path.join(serverDir, 'package.json')).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: serverDir, stdio: 'inherit' });
}
