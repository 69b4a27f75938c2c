import type { TestApp } from './test-app.js';

/** A real 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
/** The start of a JPEG (SOI + JFIF APP0), enough for the type to be recognised. */
export const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 0), Buffer.from('ffd9', 'hex')]);

export const CREATE_UPLOAD = `mutation($input: CreateUploadInput!) { createUpload(input: $input) { upload { id status uploadUrl url contentType byteSize purpose } userErrors { code field message } } }`;

/** The URL the server handed out, pointed at the test server (the public URL of tests is http://workbay.test). */
export function local(app: TestApp, url: string): string {
  const u = new URL(url);
  return `${new URL(app.url).origin}${u.pathname}${u.search}`;
}

export async function putBytes(app: TestApp, uploadUrl: string, bytes: Buffer, contentType = 'application/octet-stream'): Promise<Response> {
  return fetch(local(app, uploadUrl), { method: 'PUT', body: bytes, headers: { 'content-type': contentType } });
}

/** Creates an upload and PUTs a real PNG: returns the global id of a received upload. */
export async function uploadImage(app: TestApp, purpose: 'WALK_AROUND_PHOTO' | 'SIGNATURE' | 'DIAGNOSIS_PHOTO', token?: string): Promise<string> {
  const res = await app.gql(CREATE_UPLOAD, { input: { purpose, contentType: 'image/png', byteSize: PNG.length } }, { token: token ?? (await app.login('advisor')) });
  const upload = res.data?.createUpload?.upload;
  if (!upload) throw new Error(JSON.stringify(res));
  const put = await putBytes(app, upload.uploadUrl, PNG, 'image/png');
  if (put.status !== 204) throw new Error(`PUT ${put.status}: ${await put.text()}`);
  return upload.id as string;
}
