import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { createWorkOrder, move } from './helpers/flows.js';
import { uploadImage } from './helpers/uploads.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const RECORD = `mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) {
  diagnosis { id symptoms troubleCodes cause proposedRepair estimatedHours requiresTeardown diagnosedBy { id name } teardownConsent { method note signature { id } } photos { id } }
  userErrors { code field message } } }`;
const token = (u: string) => app.login(u).then((t) => ({ token: t }));
const count = async () => Number((await app.orm.em.fork().execute(`select count(*) as n from diagnosis`))[0].n);

const CONTRACT = { symptoms: '冷车启动后发动机异响约 3 秒', troubleCodes: ['P0016'], cause: '正时链条张紧器失效', proposedRepair: '更换正时链条套件', estimatedHours: 4.5 };

describe('R-EST-1: recordDiagnosis', () => {
  it('records symptoms, trouble codes, cause, proposed repair and estimated hours, with who; appends an event', async () => {
    const wo = await createWorkOrder(app);
    const photo = await uploadImage(app, 'DIAGNOSIS_PHOTO', await app.login('tech1'));
    const res = (await app.gql(RECORD, { input: { workOrderId: wo.id, ...CONTRACT, troubleCodes: ['p0016', 'U0100'], photoIds: [photo] } }, await token('tech1'))).data.recordDiagnosis;
    expect(res.userErrors).toEqual([]);
    expect(res.diagnosis).toMatchObject({ ...CONTRACT, troubleCodes: ['P0016', 'U0100'], requiresTeardown: false, diagnosedBy: { name: 'tech1-姓名' }, teardownConsent: null, photos: [{ id: photo }] });
    const [event] = await app.orm.em.fork().execute(`select kind, data from domain_event where aggregate_type = 'Diagnosis' and aggregate_id = ?`, [dbId(res.diagnosis.id, 'Diagnosis')]);
    expect(event).toMatchObject({ kind: 'DIAGNOSIS_RECORDED', data: { workOrderId: dbId(wo.id, 'WorkOrder'), troubleCodes: ['P0016', 'U0100'] } });
    const read = await app.gql(`query($id: ID!) { workOrder(id: $id) { diagnoses { id cause } } }`, { id: wo.id }, await token('advisor'));
    expect(read.data.workOrder.diagnoses).toEqual([{ id: res.diagnosis.id, cause: '正时链条张紧器失效' }]);
  });

  it('refuses malformed trouble codes, bad hours and missing symptoms, writing nothing', async () => {
    const wo = await createWorkOrder(app);
    const before = await count();
    const res = (await app.gql(RECORD, { input: { workOrderId: wo.id, symptoms: ' ', troubleCodes: ['P0016', 'P4000', 'X123'], estimatedHours: 1.234 } }, await token('leader'))).data.recordDiagnosis;
    expect(res.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`)).toEqual([
      'REQUIRED@input.symptoms',
      'INVALID_TROUBLE_CODE@input.troubleCodes.1',
      'INVALID_TROUBLE_CODE@input.troubleCodes.2',
      'TOO_MANY_DECIMALS@input.estimatedHours',
    ]);
    expect(await count()).toBe(before);
  });

  it('technicians, team leaders and advisors record; cashiers may not; a delivered order is not diagnosed', async () => {
    const wo = await createWorkOrder(app);
    for (const who of ['leader', 'advisor']) expect((await app.gql(RECORD, { input: { workOrderId: wo.id, symptoms: '异响' } }, await token(who))).data.recordDiagnosis.userErrors).toEqual([]);
    expect((await app.gql(RECORD, { input: { workOrderId: wo.id, symptoms: '异响' } }, await token('cashier'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await move(app, 'advisor', wo.id, 'CANCELLED');
    const res = (await app.gql(RECORD, { input: { workOrderId: wo.id, symptoms: '异响' } }, await token('tech1'))).data.recordDiagnosis;
    expect(res.userErrors.map((e: { code: string }) => e.code)).toEqual(['ORDER_NOT_DIAGNOSABLE']);
  });
});

describe('R-REC-5: a teardown diagnosis needs the customer’s consent first', () => {
  it('refuses a teardown diagnosis without consent (TEARDOWN_CONSENT_REQUIRED) and writes nothing', async () => {
    const wo = await createWorkOrder(app);
    const before = await count();
    const res = (await app.gql(RECORD, { input: { workOrderId: wo.id, ...CONTRACT, requiresTeardown: true } }, await token('leader'))).data.recordDiagnosis;
    expect(res.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`)).toEqual(['TEARDOWN_CONSENT_REQUIRED@input.teardownConsent']);
    const noNote = (await app.gql(RECORD, { input: { workOrderId: wo.id, ...CONTRACT, requiresTeardown: true, teardownConsent: { method: 'PHONE' } } }, await token('leader'))).data.recordDiagnosis;
    expect(noNote.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOTE_REQUIRED']);
    const photo = await uploadImage(app, 'DIAGNOSIS_PHOTO');
    const wrong = (await app.gql(RECORD, { input: { workOrderId: wo.id, ...CONTRACT, requiresTeardown: true, teardownConsent: { method: 'ON_SITE_SIGNATURE', signatureId: photo } } }, await token('leader'))).data.recordDiagnosis;
    expect(wrong.userErrors.map((e: { code: string }) => e.code)).toEqual(['UPLOAD_WRONG_PURPOSE']);
    expect(await count()).toBe(before);
  });

  it('records the consent with the diagnosis: by phone with a note, or signed on site', async () => {
    const wo = await createWorkOrder(app);
    const phone = (await app.gql(RECORD, { input: { workOrderId: wo.id, ...CONTRACT, requiresTeardown: true, teardownConsent: { method: 'PHONE', note: '10:20 电话同意拆检，录音 #9001' } } }, await token('leader'))).data.recordDiagnosis;
    expect(phone.userErrors).toEqual([]);
    expect(phone.diagnosis).toMatchObject({ requiresTeardown: true, teardownConsent: { method: 'PHONE', note: '10:20 电话同意拆检，录音 #9001', signature: null } });
    const signature = await uploadImage(app, 'SIGNATURE');
    const signed = (await app.gql(RECORD, { input: { workOrderId: wo.id, ...CONTRACT, requiresTeardown: true, teardownConsent: { method: 'ON_SITE_SIGNATURE', signatureId: signature } } }, await token('advisor'))).data.recordDiagnosis;
    expect(signed.diagnosis.teardownConsent).toMatchObject({ method: 'ON_SITE_SIGNATURE', signature: { id: signature } });
  });
});
