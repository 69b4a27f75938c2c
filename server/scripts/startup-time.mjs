// Start-up time of the compiled server (what `pnpm start` runs after its build): process spawn →
// the ready log line, on an empty data directory (initdb, migrations, demo seed) and on the same
// directory again. `pnpm --filter @workbay/server build && node scripts/startup-time.mjs [rounds]`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const rounds = Number(process.argv[2] ?? 3);
const main = path.resolve(import.meta.dirname, '../dist/main.js');

function ready(dataDir, port) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(process.execPath, [main], { env: { ...process.env, WORKBAY_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let ms = null;
    const onData = (chunk) => {
      out += chunk;
      if (ms === null && out.includes('Workbay GraphQL API')) {
        ms = Math.round(performance.now() - started);
        proc.kill('SIGINT');
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', () => (ms === null ? reject(new Error(out)) : resolve(ms)));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const empty = [];
const reused = [];
for (let i = 0; i < rounds; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-startup-'));
  try {
    empty.push(await ready(dir, 4790));
    reused.push(await ready(dir, 4790));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`empty data dir:  ${empty.join(', ')} ms (median ${median(empty)})`);
console.log(`reused data dir: ${reused.join(', ')} ms (median ${median(reused)})`);
