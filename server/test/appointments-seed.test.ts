import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/seed-demo.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ fixture: false });
  await seedDemo(app.orm, { config: app.server.services.config });
});
afterAll(() => app?.stop());

describe('demo seed: appointments for the coming days (issue 7)', () => {
  it('books appointments over the next days through the service: statuses, demand, tasks on the queue, a carried-over fault', async () => {
    const login = await app.gql(`mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }`, { u: 'advisor', p: DEMO_PASSWORD });
    const token = login.data.login.token;
    const res = await app.gql(
      `{ appointments(first: 30) { totalCount edges { node { id status slotStart initiator technicians { id } carriedOver { description } } } } }`,
      {},
      { token },
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const nodes = res.data.appointments.edges.map((e: { node: unknown }) => e.node) as { id: string; status: string; slotStart: string; initiator: string; technicians: unknown[]; carriedOver: unknown[] }[];
    expect(nodes.length).toBeGreaterThanOrEqual(8);
    expect(new Set(nodes.map((n) => n.status))).toEqual(new Set(['BOOKED', 'CONFIRMED', 'CANCELLED']));
    expect(new Set(nodes.map((n) => n.initiator))).toEqual(new Set(['CUSTOMER', 'STORE']));
    expect(nodes.every((n) => new Date(n.slotStart).getTime() > Date.now() && n.technicians.length > 0)).toBe(true);
    expect(nodes.filter((n) => n.carriedOver.length > 0)).toHaveLength(1);
    const conn = app.orm.em.fork().getConnection();
    const [{ n: booked }] = await conn.execute(`select count(*)::int as n from domain_event where aggregate_type = 'Appointment' and kind = 'BOOKED'`);
    expect(booked).toBe(nodes.length);
    const [{ n: jobs }] = await conn.execute(`select count(*)::int as n from graphile_worker.jobs where key like 'appointment:%'`);
    expect(jobs).toBeGreaterThanOrEqual(2 * nodes.filter((n) => n.status !== 'CANCELLED').length);
  });
});
