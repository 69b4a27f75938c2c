import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What a signed URL lets its holder do. */
export type SignedAction = 'put' | 'get';

/**
 * HMAC-signed, expiring URLs for uploads and files served from the local disk. The secret is
 * `WORKBAY_SIGNING_SECRET`, or one generated once per data directory (readable by its owner only) so
 * that instances sharing a data directory agree; instances on several machines must set the variable.
 */
export class UrlSigner {
  constructor(private readonly secret: Buffer) {}

  static fromConfig(secret: string | undefined, dataDir: string): UrlSigner {
    if (secret) return new UrlSigner(Buffer.from(secret, 'utf8'));
    const file = path.join(dataDir, 'signing-secret');
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    return new UrlSigner(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8'));
  }

  sign(action: SignedAction, key: string, expiresAt: Date): { expires: string; signature: string } {
    const expires = String(Math.floor(expiresAt.getTime() / 1000));
    return { expires, signature: this.mac(action, key, expires) };
  }

  /** True when the signature is ours for this action and key and has not expired at `now`. */
  verify(action: SignedAction, key: string, expires: unknown, signature: unknown, now: Date): boolean {
    if (typeof expires !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(expires)) return false;
    if (Number(expires) * 1000 < now.getTime()) return false;
    const expected = Buffer.from(this.mac(action, key, expires));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(action: SignedAction, key: string, expires: string): string {
    return createHmac('sha256', this.secret).update(`${action}\n${key}\n${expires}`).digest('base64url');
  }
}
