import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import probe, { PROBE_TABLES } from './fixtures/probe.module.js';
import { approveOneLineEstimate, createWorkOrder, move, recordWalkAround } from './helpers/flows.js';
import { type ServerProcess, startServerProcess } from './helpers/server-process.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const PROBE_FILE = path.resolve(import.meta.dirname, 'fixtures/probe.module.ts');

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('durable consumers in one process', () => {
  let app: TestApp;
  let db: pg.Client;
  const q = async <R = any>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as R[];
  const logSeqs = () => q<{ seq: number }>(`select seq from domain_event where store_id = $1 and aggregate_type = 'WorkOrder' order by seq`, [app.storeId]);
  const effects = () => q<{ seq: number; kind: string }>('select seq, kind from probe_effect where store_id = $1 order by seq', [app.storeId]);

  beforeAll(async () => {
    app = await startTestApp({ modules: [probe], config: { consumerMaxAttempts: 3, consumerRetryBaseMs: 50 } });
    db = new pg.Client(app.databaseUrl);
    await db.connect();
    await db.query(PROBE_TABLES);
  });
  afterAll(async () => {
    await db?.end();
    await app?.stop();
  });

  it('handles every work-order event of the log once, in sequence order', async () => {
    const wo = await createWorkOrder(app);
    await recordWalkAround(app, wo.id);
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    await approveOneLineEstimate(app, wo.id);
    const seqs = (await logSeqs()).map((r) => r.seq);
    const seen = await until('effects', effects, (rows) => rows.length >= seqs.length);
    expect(seen.map((r) => r.seq)).toEqual(seqs);
    expect(seen.map((r) => r.kind).slice(-4)).toEqual(['CREATED', 'WALK_AROUND_RECORDED', 'TRANSITIONED', 'TRANSITIONED']);
    const [cursor] = await q<{ seq: number }>(`select seq from event_consumer_cursor where consumer = 'probe' and store_id = $1`, [app.storeId]);
    expect(cursor.seq).toBe(seqs.at(-1));
  });

  it('/metrics reports the lag of each consumer and the jobs waiting in the queue, read from the database', async () => {
    const metrics = async () => (await (await fetch(app.url.replace('/graphql', '/metrics'))).text()).split('\n');
    const value = (lines: string[], prefix: string) => Number(lines.find((l) => l.startsWith(prefix))?.split(' ').at(-1));
    await until('no lag', async () => value(await metrics(), 'workbay_event_consumer_lag_events{consumer="probe"}'), (v) => v === 0);
    const before = value(await metrics(), 'workbay_job_queue_depth');
    await q(`select graphile_worker.add_job('probe.job', json_build_object('label', 'later-' || n), run_at := now() + interval '1 hour') from generate_series(1, 3) as n`);
    expect(value(await metrics(), 'workbay_job_queue_depth')).toBe(before + 3);
  });

  it('retries a failing event with backoff, parks it after the last attempt, and goes on with the next (visible to a manager, retried by one)', async () => {
    await q(`update probe_control set fail_kind = 'TRANSITIONED'`);
    const wo = await createWorkOrder(app);
    await recordWalkAround(app, wo.id);
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL'); // fails 3 times, then parked
    const later = await createWorkOrder(app); // CREATED: handled after the parked one
    const [createdLater] = await q<{ seq: number }>(`select seq from domain_event where aggregate_id = $1 and kind = 'CREATED' and aggregate_type = 'WorkOrder'`, [Number(Buffer.from(later.id, 'base64url').toString().split(':')[1])]);
    await until('the later event handled', effects, (rows) => rows.some((r) => r.seq === createdLater!.seq));

    const manager = await app.login('manager');
    const parked = await app.gql(`{ parkedEvents { id consumer seq kind aggregateType attempts error resolvedAt } eventConsumers { name lag parked } }`, {}, { token: manager });
    expect(parked.errors).toBeUndefined();
    expect(parked.data.parkedEvents).toHaveLength(1);
    expect(parked.errors).toBeUndefined();
    const entry = parked.data.parkedEvents[0];
    expect(entry).toMatchObject({ consumer: 'probe', kind: 'TRANSITIONED', aggregateType: 'WorkOrder', attempts: 3, error: 'Error: probe refuses TRANSITIONED', resolvedAt: null });
    expect((await effects()).some((r) => r.seq === entry.seq)).toBe(false);
    expect(parked.data.eventConsumers).toEqual(expect.arrayContaining([{ name: 'probe', lag: 0, parked: 1 }]));
    expect(parked.data.eventConsumers.filter((c: { name: string }) => c.name !== 'probe').every((c: { parked: number }) => c.parked === 0)).toBe(true);

    const tech = await app.gql(`{ parkedEvents { id } }`, {}, { token: await app.login('tech1') });
    expect(tech.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const stillFailing = await app.gql(`mutation($id: Int!) { retryParkedEvent(input: { id: $id }) { parkedEvent { id } userErrors { code message } } }`, { id: entry.id }, { token: manager });
    expect(stillFailing.data.retryParkedEvent.userErrors[0].code).toBe('RETRY_FAILED');

    await q(`update probe_control set fail_kind = null`);
    const retried = await app.gql(`mutation($id: Int!) { retryParkedEvent(input: { id: $id }) { parkedEvent { id resolvedAt } userErrors { code } } }`, { id: entry.id }, { token: manager });
    expect(retried.data.retryParkedEvent.userErrors).toEqual([]);
    expect(retried.data.retryParkedEvent.parkedEvent.resolvedAt).not.toBeNull();
    expect((await effects()).filter((r) => r.seq === entry.seq)).toHaveLength(1);
    const again = await app.gql(`mutation($id: Int!) { retryParkedEvent(input: { id: $id }) { userErrors { code } } }`, { id: entry.id }, { token: manager });
    expect(again.data.retryParkedEvent.userErrors[0].code).toBe('NOT_FOUND');
  });
});

describe('durable consumers and scheduled jobs across processes', () => {
  let app: TestApp;
  let db: pg.Client;
  const children: ServerProcess[] = [];
  const q = async <R = any>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as R[];
  const env = () => ({ DATABASE_URL: app.databaseUrl, WORKBAY_DEMO: '0', WORKBAY_EXTRA_MODULES: PROBE_FILE, WORKBAY_CONSUMER_RETRY_MS: '50' });
  const start = async () => {
    const child = await startServerProcess(env());
    children.push(child);
    return child;
  };
  const duplicates = () => q(`select seq, count(*)::int as n from probe_effect group by seq having count(*) > 1`);

  beforeAll(async () => {
    // This process runs no worker: only the child processes consume.
    app = await startTestApp({ config: { worker: false } });
    db = new pg.Client(app.databaseUrl);
    await db.connect();
    await db.query(PROBE_TABLES);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(children.map((c) => c.stop('SIGKILL')));
    await db?.end();
    await app?.stop();
  });

  it('a process killed in the middle of a handler: after a restart the effect happened exactly once', async () => {
    await q('update probe_control set slow_ms = 4000');
    const first = await start();
    const wo = await createWorkOrder(app);
    const [event] = await q<{ seq: number }>(`select max(seq) as seq from domain_event where store_id = $1`, [app.storeId]);
    // The handler has written its effect (uncommitted) and is sleeping: kill the process now.
    await until('the handler to start', () => q(`select * from probe_started where seq = $1`, [event.seq]), (rows) => rows.length > 0);
    expect(await first.stop('SIGKILL')).not.toBe(0);
    expect(await q(`select * from probe_effect where seq = $1`, [event.seq])).toHaveLength(0);

    await q('update probe_control set slow_ms = 0');
    await start();
    const rows = await until('the effect after restart', () => q(`select * from probe_effect where seq = $1`, [event.seq]), (r) => r.length > 0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await q(`select * from probe_effect where seq = $1`, [event.seq])).toHaveLength(1);
    expect(rows[0].pid).not.toBe(first.proc.pid);
    expect(wo.id).toBeTruthy();
  });

  it('two processes consume the same log: each event handled once', async () => {
    await start(); // now two children run the probe
    const orders = await Promise.all(Array.from({ length: 8 }, () => createWorkOrder(app)));
    for (const wo of orders) await recordWalkAround(app, wo.id);
    for (const wo of orders) await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    const [{ max }] = await q<{ max: number }>(`select max(seq) as max from domain_event where store_id = $1`, [app.storeId]);
    await until('every event handled', () => q(`select count(distinct seq)::int as n from probe_effect where store_id = $1`, [app.storeId]), (r) => r[0].n === max);
    expect(await duplicates()).toEqual([]);
  });

  it('a scheduled job runs once, at its time, in one of the processes — and survives a restart of all of them', async () => {
    await Promise.all(children.splice(0).map((c) => c.stop('SIGTERM')));
    // Scheduled while no server runs, due in 2 s.
    await q(`select graphile_worker.add_job('probe.job', json_build_object('label', 'at-time'), run_at := now() + interval '2 seconds', job_key := 'probe-at-time')`);
    const scheduledAt = Date.now();
    await Promise.all([start(), start()]);
    const rows = await until('the job to run', () => q<{ ran_at: Date }>(`select * from probe_job where label = 'at-time'`), (r) => r.length > 0);
    expect(new Date(rows[0].ran_at).getTime()).toBeGreaterThanOrEqual(scheduledAt + 1500);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await q(`select * from probe_job where label = 'at-time'`)).toHaveLength(1);
  }, 90_000);
});
