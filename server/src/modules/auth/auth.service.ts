import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../config.js';
import type { Viewer } from './viewer.js';
import { ok, refuse, type Result, refusal } from '../../shared/result.js';
import { registerMessages } from '../../i18n/messages.js';
import { DisplayToken } from '../display/display-token.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { announceRevocation } from './credential-revocation.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { hashToken, newToken, TOKEN_PREFIX } from './tokens.js';

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

registerMessages({
  INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { zh: '登录失败次数过多，账号已锁定 {minutes} 分钟', en: 'Too many failed sign-ins; the account is locked for {minutes} minutes' },
});

export class AuthService {
  constructor(private readonly config: AppConfig) {}

  async login(em: EntityManager, username: string, password: string): Promise<Result<{ token: string; staff: Staff; expiresAt: Date }>> {
    const staff = await em.findOne(Staff, { username: username.trim().toLowerCase().slice(0, 40), active: true });
    if (staff?.lockedUntil && staff.lockedUntil > new Date()) {
      return refuse(refusal('ACCOUNT_LOCKED', ['input', 'username'], { minutes: LOCK_MINUTES }));
    }
    const valid = await verifyPassword(password.slice(0, 200), staff?.passwordHash ?? DUMMY_HASH);
    if (!staff || !valid) {
      if (staff) await this.recordFailure(em, staff.id);
      return refuse(refusal('INVALID_CREDENTIALS', ['input', 'password']));
    }
    const token = newToken(TOKEN_PREFIX.session);
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    staff.failedLogins = 0;
    staff.lockedUntil = null;
    em.create(Session, { staff, tokenHash: hashToken(token), expiresAt, createdAt: new Date() });
    await em.flush();
    return ok({ token, staff, expiresAt });
  }

  /** Atomic, so parallel guesses cannot slip past the limit. */
  private async recordFailure(em: EntityManager, staffId: number) {
    await em.getConnection().execute(
      `update staff set failed_logins = failed_logins + 1,
         locked_until = case when failed_logins + 1 >= ? then now() + make_interval(mins => ?) else locked_until end
       where id = ?`,
      [MAX_FAILED_LOGINS, LOCK_MINUTES, staffId],
    );
  }

  /** Revokes the session; its open sockets (in any process) are closed. */
  async logout(em: EntityManager, sessionId: number): Promise<void> {
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(Session, { id: sessionId }, { revokedAt: new Date() });
      await announceRevocation(tx, `session:${sessionId}`);
    });
  }

  /** Resolves a bearer token (staff session or display token) to a viewer, or null. */
  async viewerFor(em: EntityManager, token: string | null): Promise<Viewer | null> {
    if (!token) return null;
    const tokenHash = hashToken(token);
    if (token.startsWith(TOKEN_PREFIX.session)) {
      const session = await em.findOne(
        Session,
        { tokenHash, revokedAt: null, expiresAt: { $gt: new Date() }, staff: { active: true } },
        { populate: ['staff'] },
      );
      if (!session) return null;
      const staff = session.staff.getEntity();
      return { kind: 'staff', staff, staffId: staff.id, storeId: staff.store.id, roles: staff.roles, sessionId: session.id, expiresAt: session.expiresAt };
    }
    if (token.startsWith(TOKEN_PREFIX.display)) {
      const display = await em.findOne(DisplayToken, { tokenHash, revokedAt: null });
      return display ? { kind: 'display', storeId: display.store.id, displayTokenId: display.id } : null;
    }
    return null;
  }
}
