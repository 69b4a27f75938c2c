import fs from 'node:fs';
import express from 'express';
import type { Services } from '../../services.types.js';
import { translate } from '../../i18n/messages.js';
import { pickLocale } from '../../i18n/locale.js';
import { UploadError as E } from './upload.errors.js';

const STATUS: Record<string, number> = {
  [E.UPLOAD_NOT_FOUND]: 404,
  [E.UPLOAD_ALREADY_RECEIVED]: 409,
  [E.UPLOAD_TOO_LARGE]: 413,
  [E.UPLOAD_TYPE_NOT_ACCEPTED]: 415,
  [E.UPLOAD_TYPE_MISMATCH]: 415,
  [E.UPLOAD_URL_INVALID]: 403,
};

/**
 * `PUT /uploads/:id?expires&signature`: the bytes of an upload (the signed URL `createUpload` returned).
 * `GET /files/:store/:name?expires&signature`: a file on the local disk, through a signed, expiring URL.
 */
export function mountUploadRoutes(app: express.Express, services: Services): void {
  const uploads = services.uploads;
  const fail = (req: express.Request, res: express.Response, code: string, params?: Record<string, string | number>) =>
    void res.status(STATUS[code] ?? 400).json({ error: { code, message: translate(pickLocale(req.headers['accept-language']), code, params) } });

  app.put(
    '/uploads/:id',
    (req, res, next) => (uploads.mayReceive(String(req.params.id), req.query.expires, req.query.signature) ? next() : fail(req, res, E.UPLOAD_URL_INVALID)),
    express.raw({ type: () => true, limit: uploads.maxBytes }),
    async (req, res) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const result = await uploads.receive(services.orm.em.fork(), Number(req.params.id), bytes);
      if (!result.ok) return fail(req, res, result.errors[0].code, result.errors[0].params);
      res.status(204).end();
    },
  );
  app.use('/uploads', (err: { status?: number; type?: string }, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err.type === 'entity.too.large') return fail(req, res, E.UPLOAD_TOO_LARGE, { max: uploads.maxBytes });
    next(err);
  });

  app.get('/files/:store/:name', (req, res) => {
    const key = `${req.params.store}/${req.params.name}`;
    const file = uploads.localFile(key);
    if (!file || !uploads.mayRead(key, req.query.expires, req.query.signature)) return fail(req, res, E.UPLOAD_URL_INVALID);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.setHeader('Content-Security-Policy', "default-src 'none'");
    res.setHeader('Content-Disposition', 'inline');
    fs.createReadStream(file.path)
      .on('error', () => void (res.headersSent ? res.destroy() : fail(req, res, E.UPLOAD_NOT_FOUND, { id: key })))
      .pipe(res);
  });
}
