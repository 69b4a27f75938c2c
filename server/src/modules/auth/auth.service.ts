import { rootLogger } from '../../observability/logger.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../config.js';
import type { Viewer } from './viewer.js';
import { ok, refuse, type Result, refusal } from '../../shared/result.js';
import { registerMessages } from '../../i18n/messages.js';
import { describeForLog } from '../../observability/describe-error.js';
import { audit } from '../audit/audit.js';
import { DisplayToken } from '../display/display-token.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { announceRevocation } from './credential-revocation.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { releaseSignInAttempt, type Reservation, reserveSignInAttempt, throttleKeys } from './sign-in-throttle.js';
import { hashToken, newToken, TOKEN_PREFIX } from './tokens.js';

registerMessages({
  INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { zh: '登录失败次数过多，请 {minutes} 分钟后再试', en: 'Too many failed sign-ins; try again in {minutes} minutes' },
});

export class AuthService {
  constructor(private readonly config: AppConfig) {}

  /**
   * Known and unknown usernames take the same path: the attempt is reserved under the throttle's row
   * locks first (sign-in-throttle.ts), then a password hash is compared either way.
   */
  async login(em: EntityManager, username: string, password: string, clientAddress = 'unknown'): Promise<Result<{ token: string; staff: Staff; expiresAt: Date }>> {
    const name = username.trim().toLowerCase().slice(0, 40);
    const reservation = await reserveSignInAttempt(em, throttleKeys(name, clientAddress));
    if (!reservation.allowed) {
      return refuse(refusal('ACCOUNT_LOCKED', ['input', 'username'], { minutes: Math.max(1, Math.ceil(reservation.retryAfterSeconds / 60)) }));
    }
    const staff = await em.findOne(Staff, { username: name, active: true });
    const valid = await verifyPassword(password.slice(0, 200), staff?.passwordHash ?? DUMMY_HASH);
    if (!staff || !valid) {
      // Not awaited: a known username must not answer slower than an unknown one.
      if (staff) void this.auditFailure(em, staff, clientAddress, reservation).catch((e) => rootLogger.error({ err: describeForLog(e) }, 'sign-in audit failed'));
      return refuse(refusal('INVALID_CREDENTIALS', ['input', 'password']));
    }
    await releaseSignInAttempt(em, reservation);
    const token = newToken(TOKEN_PREFIX.session);
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    em.create(Session, { staff, tokenHash: hashToken(token), expiresAt, createdAt: new Date() });
    await em.flush();
    return ok({ token, staff, expiresAt });
  }

  /** Wrong passwords of real accounts, and the blocks they start, go to the store's audit log. */
  private async auditFailure(em: EntityManager, staff: Staff, address: string, reservation: Reservation) {
    const fork = em.fork();
    const entry = { storeId: staff.store.id, actorId: null, entity: 'Staff', entityId: staff.id };
    audit(fork, { ...entry, action: 'auth.sign_in_failed', data: { address } });
    for (const block of reservation.startedBlocks) {
      audit(fork, { ...entry, action: 'auth.sign_in_blocked', data: { address, scope: block.scope, until: block.until.toISOString() } });
    }
    await fork.flush();
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
