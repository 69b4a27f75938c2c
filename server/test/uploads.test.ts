import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { readConfig } from '../src/config.js';
import { UploadPurpose } from '../src/modules/upload/upload.enums.js';
import { ManualClock } from '../src/shared/clock.js';
import { CREATE_UPLOAD, JPEG, local, PNG, putBytes, uploadImage } from './helpers/uploads.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const clock = new ManualClock(new Date());
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock });
});
afterAll(() => app?.stop());

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);
const rows = async () => (await sql<{ n: number }>('select count(*)::int as n from upload'))[0].n;
const NODE = `query($id: ID!) { node(id: $id) { ... on Upload { id status contentType byteSize purpose url uploadUrl } } }`;

async function create(input: Record<string, unknown>, as = 'advisor') {
  const res = await app.gql(CREATE_UPLOAD, { input: { purpose: 'WALK_AROUND_PHOTO', contentType: 'image/png', byteSize: PNG.length, ...input } }, { token: await app.login(as) });
  return res.data?.createUpload ?? res;
}

describe('uploads: createUpload, PUT the bytes, read through a signed URL', () => {
  it('a photo goes up through the signed URL and is read back through an expiring one', async () => {
    const { upload, userErrors } = await create({});
    expect(userErrors).toEqual([]);
    expect(upload).toMatchObject({ status: 'PENDING', url: null, contentType: null, purpose: 'WALK_AROUND_PHOTO' });
    expect(upload.uploadUrl).toMatch(/^http:\/\/workbay\.test\/uploads\/\d+\?expires=\d+&signature=[\w-]+$/);

    const put = await putBytes(app, upload.uploadUrl, PNG, 'image/png');
    expect(put.status).toBe(204);

    const read = (await app.gql(NODE, { id: upload.id }, { token: await app.login('tech1') })).data.node;
    expect(read).toMatchObject({ status: 'RECEIVED', contentType: 'image/png', byteSize: PNG.length, uploadUrl: null });
    const file = await fetch(local(app, read.url));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('the type is sniffed from the bytes, never taken from the header: text sent as image/png is refused, and so are a PNG announced as JPEG', async () => {
    const fake = (await create({ byteSize: 1000 })).upload;
    const res = await putBytes(app, fake.uploadUrl, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/png');
    expect(res.status).toBe(415);
    expect(((await res.json()) as any).error.code).toBe('UPLOAD_TYPE_NOT_ACCEPTED');

    const announcedJpeg = (await create({ contentType: 'image/jpeg', byteSize: 1000 })).upload;
    const mismatch = await putBytes(app, announcedJpeg.uploadUrl, PNG, 'image/jpeg');
    expect(mismatch.status).toBe(415);
    expect(((await mismatch.json()) as any).error.code).toBe('UPLOAD_TYPE_MISMATCH');
    expect((await putBytes(app, announcedJpeg.uploadUrl, JPEG, 'image/jpeg')).status).toBe(204);

    const after = await sql<{ status: string }>('select status from upload where id = ?', [dbId(fake.id, 'Upload')]);
    expect(after[0].status).toBe('PENDING');
  });

  it('only JPEG, PNG and WebP of at most the limit can be announced; refusals write nothing', async () => {
    const before = await rows();
    expect((await create({ contentType: 'image/gif' })).userErrors).toEqual([expect.objectContaining({ code: 'UPLOAD_TYPE_NOT_ACCEPTED', field: ['input', 'contentType'] })]);
    expect((await create({ contentType: 'application/pdf' })).userErrors[0].code).toBe('UPLOAD_TYPE_NOT_ACCEPTED');
    const tooLarge = await create({ byteSize: readConfig({}).uploads.maxBytes + 1 });
    expect(tooLarge.userErrors).toEqual([expect.objectContaining({ code: 'UPLOAD_TOO_LARGE', field: ['input', 'byteSize'] })]);
    expect((await create({ byteSize: 0 })).userErrors[0].code).toBe('UPLOAD_TOO_LARGE');
    expect(await rows()).toBe(before);
  });

  it('more bytes than announced are refused, and an upload takes its bytes once', async () => {
    const { upload } = await create({ byteSize: 10 });
    const res = await putBytes(app, upload.uploadUrl, PNG, 'image/png');
    expect(res.status).toBe(413);
    const ok = (await create({})).upload;
    expect((await putBytes(app, ok.uploadUrl, PNG)).status).toBe(204);
    const again = await putBytes(app, ok.uploadUrl, JPEG);
    expect(again.status).toBe(409);
    expect(((await again.json()) as any).error.code).toBe('UPLOAD_ALREADY_RECEIVED');
  });

  it('a PUT URL with a changed signature, another id, or past its expiry is refused', async () => {
    const { upload } = await create({});
    const url = new URL(upload.uploadUrl);
    const forged = upload.uploadUrl.replace(/signature=[\w-]+/, `signature=${'A'.repeat(43)}`);
    expect((await putBytes(app, forged, PNG)).status).toBe(403);
    const otherId = upload.uploadUrl.replace(/\/uploads\/\d+/, `/uploads/${Number(url.pathname.split('/').pop()) + 1000}`);
    expect((await putBytes(app, otherId, PNG)).status).toBe(403);
    clock.set(new Date(Date.now() + 16 * 60_000));
    try {
      const expired = await putBytes(app, upload.uploadUrl, PNG);
      expect(expired.status).toBe(403);
      expect(((await expired.json()) as any).error.code).toBe('UPLOAD_URL_INVALID');
    } finally {
      clock.set(new Date());
    }
  });

  it('a read URL expires, and cannot be bent to another file', async () => {
    const id = await uploadImage(app, 'SIGNATURE');
    const url = (await app.gql(NODE, { id }, { token: await app.login('advisor') })).data.node.url as string;
    expect(url).toMatch(/\/files\/\d+\/[\w-]+\.png\?expires=\d+&signature=/);
    const other = await uploadImage(app, 'SIGNATURE');
    const otherUrl = (await app.gql(NODE, { id: other }, { token: await app.login('advisor') })).data.node.url as string;
    const swapped = `${otherUrl.split('?')[0]}?${url.split('?')[1]}`;
    expect((await fetch(local(app, swapped))).status).toBe(403);
    expect((await fetch(local(app, url.replace('/files/', '/files/..%2F')))).status).not.toBe(200);
    clock.set(new Date(Date.now() + 11 * 60_000));
    try {
      expect((await fetch(local(app, url))).status).toBe(403);
    } finally {
      clock.set(new Date());
    }
  });

  it('roles: the cashier and customer service do not upload; anonymous callers neither', async () => {
    const cashier = await app.gql(CREATE_UPLOAD, { input: { purpose: 'SIGNATURE', contentType: 'image/png', byteSize: 10 } }, { token: await app.login('cashier') });
    expect(cashier.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.gql(CREATE_UPLOAD, { input: { purpose: 'SIGNATURE', contentType: 'image/png', byteSize: 10 } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const id = await uploadImage(app, 'SIGNATURE');
    expect((await app.gql(NODE, { id }, { token: await app.login('cashier') })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('requireReady: only received uploads of the store and of the right purpose can be attached', async () => {
    const em = app.orm.em.fork();
    const uploads = app.server.services.uploads;
    const signature = dbId(await uploadImage(app, 'SIGNATURE'), 'Upload')!;
    const photo = dbId(await uploadImage(app, 'WALK_AROUND_PHOTO'), 'Upload')!;
    const pending = dbId((await create({})).upload.id, 'Upload')!;
    const ok = await uploads.requireReady(em, app.storeId, [signature], [UploadPurpose.SIGNATURE], ['input', 'signatureId']);
    expect(ok.ok && ok.value.map((u) => u.id)).toEqual([signature]);
    const refused = await uploads.requireReady(em, app.storeId, [photo, pending, 999999], [UploadPurpose.SIGNATURE], ['input', 'signatureId']);
    expect(refused.ok ? [] : refused.errors.map((e) => e.code)).toEqual(['UPLOAD_WRONG_PURPOSE', 'UPLOAD_NOT_RECEIVED', 'UPLOAD_NOT_FOUND']);
    const otherStore = await uploads.requireReady(em, app.otherStoreId, [signature], [UploadPurpose.SIGNATURE], ['input', 'signatureId']);
    expect(otherStore.ok).toBe(false);
  });
});

describe('uploads on S3-compatible storage (several server instances)', () => {
  let s3: S3rver;
  let s3app: TestApp;
  const bucket = 'workbay-uploads';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-s3-'));
  const localDir = path.join(dir, 'not-used');
  beforeAll(async () => {
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
    const { port } = await s3.run();
    const defaults = readConfig({});
    s3app = await startTestApp({
      config: {
        uploads: { ...defaults.uploads, dir: localDir, s3: { bucket, endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', forcePathStyle: true, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } },
      },
    });
  });
  afterAll(async () => {
    await s3app?.stop();
    await s3?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the bytes are sniffed by the server, stored in the bucket, and read through a presigned URL', async () => {
    const id = await uploadImage(s3app, 'WALK_AROUND_PHOTO');
    const read = (await s3app.gql(NODE, { id }, { token: await s3app.login('advisor') })).data.node;
    expect(read.status).toBe('RECEIVED');
    expect(read.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/workbay-uploads\/\d+\/[\w-]+\.png\?.*X-Amz-Expires=600/);
    const file = await fetch(read.url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    // Nothing is written to the local disk when files live in the bucket.
    expect(fs.existsSync(localDir)).toBe(false);
    expect(fs.readdirSync(path.join(dir, bucket), { recursive: true }).some((f) => String(f).includes('.png'))).toBe(true);
  });
});
