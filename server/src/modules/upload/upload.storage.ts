import fs from 'node:fs/promises';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { UrlSigner } from './upload-signing.js';

/** Where the bytes of uploads live. Keys are `<store>/<random>.<ext>`, created by the upload service. */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** A URL that reads the file until `expiresAt`. */
  readUrl(key: string, contentType: string, expiresAt: Date): Promise<string>;
}

/** The default: files under the data directory, read through `/files/<key>` with an HMAC-signed, expiring URL. */
export class LocalDiskStorage implements FileStorage {
  readonly kind = 'local';
  constructor(
    private readonly root: string,
    private readonly publicUrl: string,
    private readonly signer: UrlSigner,
  ) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    await fs.writeFile(partial, bytes, { mode: 0o600 });
    await fs.rename(partial, file);
  }

  async readUrl(key: string, _contentType: string, expiresAt: Date): Promise<string> {
    const { expires, signature } = this.signer.sign('get', key, expiresAt);
    return `${this.publicUrl}/files/${key}?expires=${expires}&signature=${signature}`;
  }

  /** The file behind a key; null for keys that are not of our shape (no path tricks). */
  pathOf(key: string): string {
    if (!LOCAL_KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    return path.join(this.root, key);
  }
}

export const LOCAL_KEY = /^[0-9]{1,10}\/[A-Za-z0-9_-]{16,64}\.(jpg|png|webp)$/;

export interface S3Settings {
  bucket: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  /** Optional static credentials; otherwise the AWS SDK's usual chain (environment, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
}

/**
 * S3-compatible object storage (AWS S3, MinIO, OSS/COS gateways) for several server instances: objects are
 * private; reading uses presigned GET URLs that expire. The SDK is loaded only when configured.
 */
export class S3Storage implements FileStorage {
  readonly kind = 's3';
  private client: Promise<S3Client> | null = null;
  constructor(private readonly settings: S3Settings) {}

  private s3(): Promise<S3Client> {
    this.client ??= import('@aws-sdk/client-s3').then(({ S3Client }) => {
      const { endpoint, region, forcePathStyle, accessKeyId, secretAccessKey } = this.settings;
      return new S3Client({ endpoint, region, forcePathStyle, credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined });
    });
    return this.client;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await (await this.s3()).send(new PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: bytes, ContentType: contentType }));
  }

  async readUrl(key: string, contentType: string, expiresAt: Date): Promise<string> {
    const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);
    const expiresIn = Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 1000));
    const command = new GetObjectCommand({ Bucket: this.settings.bucket, Key: key, ResponseContentType: contentType });
    return getSignedUrl(await this.s3(), command, { expiresIn });
  }
}
