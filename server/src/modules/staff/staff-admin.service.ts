import { liftAccountBlock } from '../auth/sign-in-throttle.js';
import { randomInt } from 'node:crypto';
import { type EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { dbId } from '../../shared/global-id.js';
import type { StaffActor } from '../../shared/actor.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, ok, refuse, refusal, type Refusal, type Result } from '../../shared/result.js';
import { audit } from '../audit/audit.js';
import { announceRevocation } from '../auth/credential-revocation.js';
import { hashPassword } from '../auth/password.js';
import { isValidPhone } from '../store/store-setup.errors.js';
import { MANAGER_ROLES, Role } from './roles.js';
import type { CreateStaffInput, UpdateStaffInput } from './staff-admin.dto.js';
import { StaffAdminError as E } from './staff-admin.errors.js';
import { Staff } from './staff.entity.js';

export const PASSWORD_MIN = 8;
/** Sign-in reads at most 200 characters of a password (auth.service.ts); a longer one could not be typed back. */
export const PASSWORD_MAX = 200;
/** 2 to 40 characters: lower-case letters, digits, dot, underscore, hyphen (short ones like `cs` exist on real floors). */
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;
/** No 0/O, 1/l/I: read aloud or copied from a note without mistakes. 14 characters ≈ 80 bits. */
const GENERATED_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GENERATED_LENGTH = 14;

export function generatePassword(): string {
  return Array.from({ length: GENERATED_LENGTH }, () => GENERATED_ALPHABET[randomInt(GENERATED_ALPHABET.length)]).join('');
}

/** The password policy; `field` is the input field the refusals name. */
export function checkPassword(check: InputCheck, field: string, password: string, username: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) check.fail([field], E.PASSWORD_TOO_SHORT, { min: PASSWORD_MIN });
  else if (length > PASSWORD_MAX) check.fail([field], E.PASSWORD_TOO_LONG, { max: PASSWORD_MAX });
  else if (password.trim().toLowerCase() === username.toLowerCase()) check.fail([field], E.PASSWORD_IS_USERNAME);
}

const isAdmin = (roles: readonly Role[]) => roles.includes(Role.ADMIN);
const uniq = <T>(values: readonly T[] | null | undefined): T[] => [...new Set(values ?? [])];

/**
 * Staff accounts of a store, managed by its managers and admins (Platform §5). Guards: only an ADMIN
 * grants ADMIN or touches an administrator's account (a manager resetting an admin's password would
 * become one); nobody deactivates themselves or removes their own manager role (lock-out).
 * Deactivating and resetting a password end the staff member's sessions in every process.
 */
export class StaffAdminService {
  async create(em: EntityManager, actor: StaffActor, input: CreateStaffInput): Promise<Result<{ staff: Staff; generatedPassword: string | null }>> {
    const check = new InputCheck();
    const username = (input.username ?? '').trim().toLowerCase();
    if (!USERNAME.test(username)) check.fail(['username'], E.INVALID_USERNAME);
    const name = check.text(['name'], input.name, { max: 50, required: true });
    const roles = uniq(input.roles);
    if (!roles.length) check.fail(['roles'], E.ROLES_REQUIRED);
    if (isAdmin(roles) && !isAdmin(actor.roles)) check.fail(['roles'], E.ADMIN_REQUIRED);
    const businessPhone = this.phone(check, input.businessPhone);
    if (input.password != null) checkPassword(check, 'password', input.password, username);
    if (check.failed) return refuse(...check.errors);
    if (await em.count(Staff, { username })) return refuse(refusal(E.USERNAME_TAKEN, check.path('username')));

    const generatedPassword = input.password == null ? generatePassword() : null;
    const passwordHash = await hashPassword(input.password ?? generatedPassword!);
    try {
      const staff = await em.transactional(async (tx) => {
        const created = tx.create(Staff, { store: actor.storeId, username, name: name!, roles, skills: uniq(input.skills), businessPhone, passwordHash });
        await tx.flush();
        audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'staff.create', entity: 'Staff', entityId: created.id, data: { username, roles, skills: created.skills } });
        return created;
      });
      return ok({ staff, generatedPassword });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) return refuse(refusal(E.USERNAME_TAKEN, check.path('username')));
      throw e;
    }
  }

  async update(em: EntityManager, actor: StaffActor, input: UpdateStaffInput): Promise<Result<Staff>> {
    const check = new InputCheck();
    const name = input.name == null ? null : check.text(['name'], input.name, { max: 50, required: true });
    const roles = input.roles == null ? null : uniq(input.roles);
    if (roles && !roles.length) check.fail(['roles'], E.ROLES_REQUIRED);
    const businessPhone = input.businessPhone == null ? undefined : this.phone(check, input.businessPhone);
    if (check.failed) return refuse(...check.errors);
    return em.transactional(async (tx) => {
      const staff = await this.find(tx, actor, input.id);
      if (!staff) return refuse(notFound('Staff'));
      const guard = this.guard(actor, staff, roles);
      if (guard) return refuse(guard);
      if (staff.version !== input.expectedVersion) return refuse(refusal('STALE_VERSION', check.path('expectedVersion'), { current: staff.version }));
      const before = { name: staff.name, roles: staff.roles, skills: staff.skills, businessPhone: staff.businessPhone ?? null };
      if (name != null) staff.name = name;
      // Open sockets were authorised with the old roles (e.g. to see full mobiles on board cards, R-ARC-5):
      // taking a role away closes them, and the client reconnects with what the person may do now.
      const rolesTaken = roles != null && staff.roles.some((r) => !roles.includes(r));
      if (roles) staff.roles = roles;
      if (input.skills != null) staff.skills = uniq(input.skills);
      if (businessPhone !== undefined) staff.businessPhone = businessPhone;
      staff.version += 1;
      if (rolesTaken) await this.closeSockets(tx, staff.id);
      const after = { name: staff.name, roles: staff.roles, skills: staff.skills, businessPhone: staff.businessPhone ?? null };
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'staff.update', entity: 'Staff', entityId: staff.id, data: { before, after } });
      return ok(staff);
    });
  }

  async setActive(em: EntityManager, actor: StaffActor, globalId: string, active: boolean): Promise<Result<Staff>> {
    return em.transactional(async (tx) => {
      const staff = await this.find(tx, actor, globalId);
      if (!staff) return refuse(notFound('Staff'));
      const guard = this.guard(actor, staff, null);
      if (guard) return refuse(guard);
      if (!active && staff.id === actor.staffId) return refuse(refusal(E.SELF_LOCKOUT, ['input', 'id']));
      if (staff.active === active) return ok(staff);
      staff.active = active;
      staff.version += 1;
      if (!active) await this.endSessions(tx, staff.id);
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: active ? 'staff.reactivate' : 'staff.deactivate', entity: 'Staff', entityId: staff.id });
      return ok(staff);
    });
  }

  /** A temporary password set by the manager, or a generated one returned once; unlocks the account and ends its sessions. */
  async resetPassword(em: EntityManager, actor: StaffActor, globalId: string, newPassword: string | null | undefined): Promise<Result<{ staff: Staff; generatedPassword: string | null }>> {
    const target = await this.find(em, actor, globalId, false);
    if (!target) return refuse(notFound('Staff'));
    const guard = this.guard(actor, target, null);
    if (guard) return refuse(guard);
    const check = new InputCheck();
    if (newPassword != null) checkPassword(check, 'newPassword', newPassword, target.username);
    if (check.failed) return refuse(...check.errors);
    const generatedPassword = newPassword == null ? generatePassword() : null;
    const passwordHash = await hashPassword(newPassword ?? generatedPassword!);
    return em.transactional(async (tx) => {
      const staff = await this.find(tx, actor, globalId);
      if (!staff) return refuse(notFound('Staff'));
      const stillAllowed = this.guard(actor, staff, null); // roles may have changed while the password was hashed
      if (stillAllowed) return refuse(stillAllowed);
      staff.passwordHash = passwordHash;
      await liftAccountBlock(tx, staff.username);
      await this.endSessions(tx, staff.id);
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'staff.reset-password', entity: 'Staff', entityId: staff.id, data: { generated: generatedPassword != null } });
      return ok({ staff, generatedPassword });
    });
  }

  /** Refusal for touching `staff` (and giving it `roles`, when they change), or null. */
  private guard(actor: StaffActor, staff: Staff, roles: Role[] | null): Refusal | null {
    const actorIsAdmin = isAdmin(actor.roles);
    if (!actorIsAdmin && (isAdmin(staff.roles) || (roles && isAdmin(roles)))) return refusal(E.ADMIN_REQUIRED, roles && isAdmin(roles) ? ['input', 'roles'] : ['input', 'id']);
    if (roles && staff.id === actor.staffId && MANAGER_ROLES.some((r) => staff.roles.includes(r) && !roles.includes(r))) {
      return refusal(E.SELF_LOCKOUT, ['input', 'roles']);
    }
    return null;
  }

  private async find(em: EntityManager, actor: StaffActor, globalId: string, lock = true): Promise<Staff | null> {
    const id = dbId(globalId, 'Staff');
    if (!id) return null;
    return em.findOne(Staff, { id, store: actor.storeId }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {});
  }

  /** Revokes every open session of the staff member; their sockets close in every process when the transaction commits. */
  private async endSessions(tx: EntityManager, staffId: number) {
    const revoked = await tx.execute<{ id: number }[]>('update session set revoked_at = now() where staff_id = ? and revoked_at is null returning id', [staffId]);
    for (const { id } of revoked) await announceRevocation(tx, `session:${id}`);
  }

  /** Closes the sockets of the staff member's live sessions in every process; the sessions stay valid. */
  private async closeSockets(tx: EntityManager, staffId: number) {
    const live = await tx.execute<{ id: number }[]>('select id from session where staff_id = ? and revoked_at is null and expires_at > now()', [staffId]);
    for (const { id } of live) await announceRevocation(tx, `session:${id}`);
  }

  /** Null when absent or empty (cleared), the trimmed number otherwise. */
  private phone(check: InputCheck, raw: string | null | undefined): string | null {
    const phone = check.text(['businessPhone'], raw, { max: 30 });
    if (phone && !isValidPhone(phone)) {
      check.fail(['businessPhone'], 'INVALID_PHONE');
      return null;
    }
    return phone;
  }
}
