import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, toGlobalId } from '../src/graphql/global-id.js';
import { taskList } from '../src/services.js';
import { ManualClock } from '../src/shared/clock.js';
import { createCustomerAndVehicle, createWorkOrder } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// Ahead of the real clock, so no deadline job comes due by itself while the tests run.
const START = new Date('2026-12-01T10:00:00+08:00');
const clock = new ManualClock(START);
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock });
});
afterAll(() => app?.stop());

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);
const FIELDS = `id status version words category severity owner { id name } createdAt firstResponseDueAt firstRespondedAt escalatedAt escalatedTo { id } reportedAt resolution recallDueAt nextStatuses events { at kind note by { id } }`;
const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { ${FIELDS} } userErrors { code field message } } }`;
const MOVE = `mutation($input: TransitionComplaintInput!) { transitionComplaint(input: $input) { complaint { ${FIELDS} } userErrors { code field message } } }`;
const ONE = `query($id: ID!) { complaint(id: $id) { ${FIELDS} } }`;
const staff = (name: string) => toGlobalId('Staff', app.staffIds[name]);

async function file(extra: Record<string, unknown> = {}, as = 'cs') {
  const { customerId } = await createCustomerAndVehicle(app);
  const res = await app.gql(FILE, { input: { customerId, words: '修完第二天异响又出现了，白跑一趟', category: 'QUALITY', severity: 'NORMAL', channel: 'PHONE', ...extra } }, { token: await app.login(as) });
  return { ...(res.data?.fileComplaint ?? res), customerId };
}
async function move(id: string, to: string, expectedVersion: number, note: string | null = null, as = 'cs') {
  const res = await app.gql(MOVE, { input: { id, to, expectedVersion, note } }, { token: await app.login(as) });
  return res.data?.transitionComplaint ?? res;
}
/** Runs a deadline job as the queue would, at `at`. */
async function deadline(id: string, which: string, at: Date) {
  clock.set(at);
  try {
    await taskList(app.server.services)['complaint.deadline']({ storeId: app.storeId, complaintId: dbId(id, 'Complaint'), which }, { attempt: 1, maxAttempts: 25 });
  } finally {
    clock.set(START);
  }
  return (await app.gql(ONE, { id }, { token: await app.login('manager') })).data.complaint;
}

describe('complaints (R-FU-3)', () => {
  it('R-FU-3 a complaint keeps the customer’s exact words, its owner and its first-response deadline; its deadlines are on the job queue', async () => {
    const { complaint, userErrors } = await file();
    expect(userErrors).toEqual([]);
    expect(complaint).toMatchObject({ status: 'OPEN', version: 1, words: '修完第二天异响又出现了，白跑一趟', owner: { id: staff('cs') }, escalatedAt: null, nextStatuses: ['RESPONDED'] });
    expect(Date.parse(complaint.firstResponseDueAt) - Date.parse(complaint.createdAt)).toBe(2 * 3_600_000);
    expect(complaint.events.map((e: { kind: string }) => e.kind)).toEqual(['FILED']);
    const jobs = await sql<{ key: string; run_at: Date }>(`select key, run_at from graphile_worker.jobs where key like ? order by run_at`, [`complaint:${dbId(complaint.id, 'Complaint')}:%`]);
    expect(jobs.map((j) => j.key.split(':')[2])).toEqual(['RESPONSE', 'REPORT']);
    expect(new Date(jobs[1].run_at).getTime() - START.getTime()).toBe(3 * 86_400_000);
  });

  it('R-FU-3 a MAJOR complaint goes to the management at once; an A-class customer’s is owned by a service manager', async () => {
    const major = await file({ severity: 'MAJOR' });
    expect(major.complaint.escalatedAt).not.toBeNull();
    expect(major.complaint.escalatedTo).toEqual({ id: staff('admin') });
    expect(major.complaint.events.map((e: { kind: string }) => e.kind)).toEqual(['FILED', 'ESCALATED']);

    const { customerId } = await createCustomerAndVehicle(app);
    await sql(`update customer set value_class = 'A' where id = ?`, [dbId(customerId, 'Customer')]);
    const vip = await app.gql(FILE, { input: { customerId, words: '等了三个小时没人理', category: 'SERVICE', severity: 'NORMAL', channel: 'IN_PERSON' } }, { token: await app.login('advisor') });
    expect(vip.data.fileComplaint.complaint.owner).toMatchObject({ id: staff('manager') });
  });

  it('R-FU-3 OPEN → RESPONDED → RESOLVED → CONFIRMED by the re-callback, with the history of every step; notes and roles are checked', async () => {
    const { complaint } = await file();
    expect((await move(complaint.id, 'RESPONDED', 1)).userErrors).toEqual([expect.objectContaining({ code: 'COMPLAINT_NOTE_REQUIRED', field: ['input', 'note'] })]);
    expect((await move(complaint.id, 'CONFIRMED', 1, '好')).userErrors[0].code).toBe('ILLEGAL_TRANSITION');
    const responded = await move(complaint.id, 'RESPONDED', 1, '已致电致歉，约明天上午复检');
    expect(responded.complaint).toMatchObject({ status: 'RESPONDED', version: 2, firstRespondedAt: START.toISOString() });
    expect((await move(complaint.id, 'RESOLVED', 1, '更换导轨')).userErrors[0].code).toBe('STALE_VERSION');
    const resolved = await move(complaint.id, 'RESOLVED', 2, '更换导轨，免工时费', 'advisor');
    expect(resolved.complaint).toMatchObject({ status: 'RESOLVED', resolution: '更换导轨，免工时费', nextStatuses: ['CONFIRMED', 'REOPENED'] });
    expect(Date.parse(resolved.complaint.recallDueAt) - START.getTime()).toBe(2 * 86_400_000);
    // The re-callback is customer service's.
    expect((await move(complaint.id, 'CONFIRMED', 3, null, 'advisor')).userErrors[0].code).toBe('TRANSITION_NOT_PERMITTED');
    const confirmed = await move(complaint.id, 'CONFIRMED', 3, '客户表示满意');
    expect(confirmed.complaint.status).toBe('CONFIRMED');
    expect(confirmed.complaint.events.map((e: { kind: string; note: string | null; by: { id: string } | null }) => [e.kind, e.note, e.by?.id])).toEqual([
      ['FILED', null, staff('cs')],
      ['RESPONDED', '已致电致歉，约明天上午复检', staff('cs')],
      ['RESOLVED', '更换导轨，免工时费', staff('advisor')],
      ['CONFIRMED', '客户表示满意', staff('cs')],
    ]);
  });

  it('R-FU-3 not satisfied on the re-callback: REOPENED with the reason, then worked on again', async () => {
    const { complaint } = await file();
    await move(complaint.id, 'RESPONDED', 1, '已回电');
    await move(complaint.id, 'RESOLVED', 2, '已复检');
    expect((await move(complaint.id, 'REOPENED', 3)).userErrors[0].code).toBe('COMPLAINT_NOTE_REQUIRED');
    const reopened = await move(complaint.id, 'REOPENED', 3, '客户说异响仍在');
    expect(reopened.complaint).toMatchObject({ status: 'REOPENED', recallDueAt: null, nextStatuses: ['RESPONDED', 'RESOLVED'] });
  });

  it('R-FU-3 the re-callback is a COMPLAINT_RECALL task on customer service’s list, due with the recall; confirming or reopening closes it, a new resolution puts a new one', async () => {
    const { complaint } = await file();
    await move(complaint.id, 'RESPONDED', 1, '已回电');
    await move(complaint.id, 'RESOLVED', 2, '更换导轨');
    const recalls = async () => {
      await app.server.services.dispatcher.dispatch(app.storeId);
      const res = await app.gql(
        `query { followUpTasks(first: 100, filter: { kind: [COMPLAINT_RECALL] }) { edges { node { id status dueAt topic workOrder { id } complaint { id status } } } } }`,
        {},
        { token: await app.login('cs') },
      );
      return res.data.followUpTasks.edges.map((e: { node: { complaint: { id: string } } }) => e.node).filter((t: { complaint: { id: string } }) => t.complaint.id === complaint.id);
    };
    const [open] = await recalls();
    expect(open).toMatchObject({ status: 'OPEN', dueAt: new Date(START.getTime() + 2 * 86_400_000).toISOString(), workOrder: null, complaint: { status: 'RESOLVED' } });
    expect(open.topic).toContain('更换导轨');
    await move(complaint.id, 'REOPENED', 3, '客户说异响仍在');
    expect((await recalls()).map((t: { status: string }) => t.status)).toEqual(['DONE']);
    await move(complaint.id, 'RESOLVED', 4, '更换整套导轨');
    const after = await recalls();
    expect(after.map((t: { status: string }) => t.status).sort()).toEqual(['DONE', 'OPEN']);
    await move(complaint.id, 'CONFIRMED', 5, '客户满意');
    expect((await recalls()).map((t: { status: string }) => t.status)).toEqual(['DONE', 'DONE']);
  });

  it('R-FU-3 deadlines: a missed first response escalates to the service manager; one answered in time writes nothing', async () => {
    const missed = await file();
    const escalated = await deadline(missed.complaint.id, 'RESPONSE', new Date(START.getTime() + 2 * 3_600_000 + 1000));
    expect(escalated).toMatchObject({ escalatedTo: { id: staff('manager') }, version: 2 });
    expect(escalated.events.map((e: { kind: string; by: unknown }) => [e.kind, e.by])).toEqual([['FILED', { id: staff('cs') }], ['ESCALATED', null]]);

    const answered = await file();
    await move(answered.complaint.id, 'RESPONDED', 1, '已回电');
    const calm = await deadline(answered.complaint.id, 'RESPONSE', new Date(START.getTime() + 3 * 3_600_000));
    expect(calm).toMatchObject({ escalatedAt: null, version: 2 });
  });

  it('R-FU-3 unresolved after 3 days it is reported to the manager; a resolution not confirmed within 2 days too', async () => {
    const stuck = await file();
    await move(stuck.complaint.id, 'RESPONDED', 1, '已回电');
    const reported = await deadline(stuck.complaint.id, 'REPORT', new Date(START.getTime() + 3 * 86_400_000));
    expect(reported.reportedAt).not.toBeNull();
    expect(reported.events.at(-1).kind).toBe('REPORTED');

    const unconfirmed = await file();
    await move(unconfirmed.complaint.id, 'RESPONDED', 1, '已回电');
    await move(unconfirmed.complaint.id, 'RESOLVED', 2, '已处理');
    const late = await deadline(unconfirmed.complaint.id, 'RECALL', new Date(START.getTime() + 2 * 86_400_000 + 1000));
    expect(late.events.at(-1).kind).toBe('REPORTED');
    // Resolved and confirmed in time: the 3-day report finds nothing to report.
    const done = await file();
    await move(done.complaint.id, 'RESPONDED', 1, '已回电');
    await move(done.complaint.id, 'RESOLVED', 2, '已处理');
    await move(done.complaint.id, 'CONFIRMED', 3, '满意');
    expect((await deadline(done.complaint.id, 'REPORT', new Date(START.getTime() + 3 * 86_400_000))).reportedAt).toBeNull();
  });

  it('refusals write nothing: a technician may not file; a work order must be the customer’s; empty words', async () => {
    const before = (await sql<{ n: number }>('select count(*)::int as n from complaint'))[0].n;
    expect((await file({}, 'tech1')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await createWorkOrder(app, { promisedAt: new Date(START.getTime() + 4 * 3_600_000).toISOString() });
    expect((await file({ workOrderId: other.id })).userErrors).toEqual([expect.objectContaining({ code: 'WORK_ORDER_NOT_OF_CUSTOMER', field: ['input', 'workOrderId'] })]);
    expect((await file({ words: '  ' })).userErrors[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'words'] });
    expect((await sql<{ n: number }>('select count(*)::int as n from complaint'))[0].n).toBe(before);
  });

  it('the list filters by status and escalation, newest first', async () => {
    const LIST = `query($f: ComplaintFilter) { complaints(first: 50, filter: $f) { totalCount edges { node { id status escalatedAt } } } }`;
    const major = await file({ severity: 'MAJOR' });
    const res = await app.gql(LIST, { f: { status: ['OPEN'], escalated: true } }, { token: await app.login('manager') });
    const nodes = res.data.complaints.edges.map((e: { node: { id: string; status: string; escalatedAt: string | null } }) => e.node);
    expect(nodes[0].id).toBe(major.complaint.id);
    expect(nodes.every((n: { status: string; escalatedAt: string | null }) => n.status === 'OPEN' && n.escalatedAt)).toBe(true);
  });
});
