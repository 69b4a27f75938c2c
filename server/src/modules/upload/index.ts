import { defineModule } from '../module.js';
import { actsAs } from '../../shared/actor.js';
import { Upload } from './upload.entity.js';
import { mountUploadRoutes } from './upload.http.js';
import { UploadResolver } from './upload.resolver.js';
import { UPLOAD_ROLES } from './upload.roles.js';
import { UploadService } from './upload.service.js';
import { UrlSigner } from './upload-signing.js';
import { type FileStorage, LocalDiskStorage, S3Storage } from './upload.storage.js';
import './upload.errors.js';

export const uploadModule = defineModule({
  name: 'upload',
  entities: [Upload],
  resolvers: [UploadResolver],
  nodes: {
    Upload: async (em, id, actor) => (actsAs(actor, UPLOAD_ROLES) ? em.findOne(Upload, { id, store: actor.storeId }) : 'FORBIDDEN'),
  },
  services: ({ config, clock }) => {
    const signer = UrlSigner.fromConfig(config.signingSecret, config.dataDir);
    const storage: FileStorage = config.uploads.s3 ? new S3Storage(config.uploads.s3) : new LocalDiskStorage(config.uploads.dir, config.publicUrl, signer);
    return { uploads: new UploadService(config.uploads, config.publicUrl, storage, signer, clock) };
  },
  http: mountUploadRoutes,
});

declare module '../registry.js' {
  interface ServiceRegistry {
    uploads: UploadService;
  }
}
