import { defineModule } from '../module.js';
import { UrlSigner } from '../upload/upload-signing.js';
import { mountDocumentRoutes } from './documents.http.js';
import { DEFAULT_CJK_FONT } from './documents.render.js';
import { WorkOrderDocumentsResolver } from './documents.resolver.js';
import { DocumentService } from './documents.service.js';

/** Issue 8: the printed documents (维修委托书, 结算单) as A4 PDFs. */
export const documentsModule = defineModule({
  name: 'documents',
  resolvers: [WorkOrderDocumentsResolver],
  services: ({ config, clock, registry }) => ({
    documents: new DocumentService(UrlSigner.fromConfig(config.signingSecret, config.dataDir), config.publicUrl, clock, registry, {
      path: process.env.WORKBAY_CJK_FONT || DEFAULT_CJK_FONT.path,
      name: process.env.WORKBAY_CJK_FONT_NAME || DEFAULT_CJK_FONT.name,
    }),
  }),
  http: mountDocumentRoutes,
});

declare module '../registry.js' {
  interface ServiceRegistry {
    documents: DocumentService;
  }
}
