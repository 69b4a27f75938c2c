import { createHash, randomBytes } from 'node:crypto';
import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { UploadConfig } from '../../config.js';
import { type Actor, staffIdOf } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { InputCheck } from '../../shared/input-check.js';
import { ok, refuse, refusal, type Refusal, type Result } from '../../shared/result.js';
import { Upload } from './upload.entity.js';
import { UploadPurpose, UploadStatus } from './upload.enums.js';
import { UploadError as E } from './upload.errors.js';
import { isAcceptedType, sniffImageType, type AcceptedType } from './upload.rules.js';
import type { UrlSigner } from './upload-signing.js';
import { type FileStorage, LOCAL_KEY, LocalDiskStorage } from './upload.storage.js';

export interface CreateUploadCommand {
  purpose: UploadPurpose;
  contentType: string;
  byteSize: number;
}

const EXTENSION: Record<AcceptedType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * Uploads in two steps: `create` records what is coming and hands out a signed PUT URL; `receive` takes the
 * bytes, sniffs their type (never trusting the header), enforces the size and stores them. Other modules
 * attach only uploads whose bytes arrived (`requireReady`), and read them through expiring URLs.
 */
export class UploadService {
  constructor(
    private readonly config: UploadConfig,
    private readonly publicUrl: string,
    private readonly storage: FileStorage,
    private readonly signer: UrlSigner,
    private readonly clock: Clock,
  ) {}

  get maxBytes(): number {
    return this.config.maxBytes;
  }

  async create(em: EntityManager, actor: Actor, input: CreateUploadCommand): Promise<Result<Upload>> {
    const check = new InputCheck();
    if (!isAcceptedType(input.contentType)) check.fail(['contentType'], E.UPLOAD_TYPE_NOT_ACCEPTED);
    if (!Number.isInteger(input.byteSize) || input.byteSize < 1 || input.byteSize > this.config.maxBytes) check.fail(['byteSize'], E.UPLOAD_TOO_LARGE, { max: this.config.maxBytes });
    if (check.failed) return refuse(...check.errors);
    const type = input.contentType as AcceptedType;
    const upload = em.create(Upload, {
      store: actor.storeId,
      purpose: input.purpose,
      declaredType: type,
      byteSize: input.byteSize,
      storageKey: `${actor.storeId}/${randomBytes(24).toString('base64url')}.${EXTENSION[type]}`,
      createdBy: staffIdOf(actor),
      createdAt: this.clock.now(),
    });
    await em.flush();
    const expiresAt = new Date(this.clock.now().getTime() + this.config.uploadUrlTtlSeconds * 1000);
    const { expires, signature } = this.signer.sign('put', String(upload.id), expiresAt);
    upload.uploadUrl = `${this.publicUrl}/uploads/${upload.id}?expires=${expires}&signature=${signature}`;
    return ok(upload);
  }

  /** True when a PUT URL's signature is ours for this upload and has not expired. */
  mayReceive(id: string, expires: unknown, signature: unknown): boolean {
    return /^[1-9][0-9]{0,9}$/.test(id) && this.signer.verify('put', id, expires, signature, this.clock.now());
  }

  /** Stores the bytes of a pending upload; refused when already received, too large, or not the announced image type. */
  async receive(em: EntityManager, id: number, bytes: Buffer): Promise<Result<Upload>> {
    return em.transactional(async (tx) => {
      const upload = await tx.findOne(Upload, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!upload) return refuse(refusal(E.UPLOAD_NOT_FOUND, null, { id }));
      if (upload.status !== UploadStatus.PENDING) return refuse(refusal(E.UPLOAD_ALREADY_RECEIVED, null));
      if (bytes.length === 0 || bytes.length > upload.byteSize) return refuse(refusal(E.UPLOAD_TOO_LARGE, null, { max: upload.byteSize }));
      const sniffed = await sniffImageType(bytes.subarray(0, 4100));
      if (!sniffed) return refuse(refusal(E.UPLOAD_TYPE_NOT_ACCEPTED, null));
      if (sniffed !== upload.declaredType) return refuse(refusal(E.UPLOAD_TYPE_MISMATCH, null, { declared: upload.declaredType }));
      await this.storage.put(upload.storageKey, bytes, sniffed);
      upload.status = UploadStatus.RECEIVED;
      upload.contentType = sniffed;
      upload.byteSize = bytes.length;
      upload.sha256 = createHash('sha256').update(bytes).digest('hex');
      upload.receivedAt = this.clock.now();
      return ok(upload);
    });
  }

  /**
   * The uploads behind `ids` (database ids) when every one is of the store, received and of one of the
   * purposes; otherwise the refusals (UPLOAD_NOT_FOUND, UPLOAD_NOT_RECEIVED, UPLOAD_WRONG_PURPOSE) at `field`.
   */
  async requireReady(em: EntityManager, storeId: number, ids: readonly number[], purposes: readonly UploadPurpose[], field: string[]): Promise<Result<Upload[]>> {
    const unique = [...new Set(ids)];
    const found = unique.length ? await em.find(Upload, { id: { $in: unique }, store: storeId }) : [];
    const byId = new Map(found.map((u) => [u.id, u]));
    const errors: Refusal[] = [];
    for (const id of unique) {
      const upload = byId.get(id);
      if (!upload) errors.push(refusal(E.UPLOAD_NOT_FOUND, field, { id }));
      else if (upload.status !== UploadStatus.RECEIVED) errors.push(refusal(E.UPLOAD_NOT_RECEIVED, field, { id: upload.globalId }));
      else if (!purposes.includes(upload.purpose)) errors.push(refusal(E.UPLOAD_WRONG_PURPOSE, field, { id: upload.globalId, expected: purposes.join(', ') }));
    }
    return errors.length ? refuse(...errors) : ok(unique.map((id) => byId.get(id)!));
  }

  /** A URL reading the file that expires (null until the bytes arrived). */
  async readUrl(upload: Upload): Promise<string | null> {
    if (upload.status !== UploadStatus.RECEIVED || !upload.contentType) return null;
    return this.storage.readUrl(upload.storageKey, upload.contentType, new Date(this.clock.now().getTime() + this.config.readUrlTtlSeconds * 1000));
  }

  /** For the local file route: whether a read URL's signature is ours and unexpired. */
  mayRead(key: string, expires: unknown, signature: unknown): boolean {
    return this.signer.verify('get', key, expires, signature, this.clock.now());
  }

  /** The file behind a key on the local disk (null when files live in S3 or the key is not of our shape). */
  localFile(key: string): { path: string; contentType: string } | null {
    if (!(this.storage instanceof LocalDiskStorage) || !LOCAL_KEY.test(key)) return null;
    const ext = key.slice(key.lastIndexOf('.') + 1);
    return { path: this.storage.pathOf(key), contentType: ext === 'jpg' ? 'image/jpeg' : `image/${ext}` };
  }
}
