import type express from 'express';
import type { Services } from '../../services.types.js';
import type { DocumentKind } from './documents.service.js';

/** `GET /documents/:store/:kind/:id.pdf?expires&signature`: a printed document through a signed, expiring link (`WorkOrder.documents`). */
export function mountDocumentRoutes(app: express.Express, services: Services): void {
  app.get('/documents/:store/:kind/:file', async (req, res, next) => {
    try {
      const kind = req.params.kind as DocumentKind;
      const m = /^([1-9][0-9]{0,9})\.pdf$/.exec(String(req.params.file));
      const storeId = Number(req.params.store);
      if (!m || !['repair-order', 'settlement'].includes(kind) || !Number.isSafeInteger(storeId)) return void res.status(404).end();
      const id = Number(m[1]);
      if (!services.documents.mayRead(storeId, kind, id, req.query.expires, req.query.signature)) return void res.status(403).json({ error: { code: 'DOCUMENT_URL_INVALID' } });
      if (!services.documents.fontAvailable()) return void res.status(503).json({ error: { code: 'DOCUMENT_FONT_MISSING', message: 'Install fonts-noto-cjk or set WORKBAY_CJK_FONT' } });
      const em = services.orm.em.fork();
      const pdf = kind === 'repair-order' ? await services.documents.repairOrder(em, storeId, id) : await services.documents.settlement(em, storeId, id);
      if (!pdf) return void res.status(404).end();
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Disposition', `inline; filename="${kind}-${id}.pdf"`);
      res.end(pdf);
    } catch (e) {
      next(e);
    }
  });
}
