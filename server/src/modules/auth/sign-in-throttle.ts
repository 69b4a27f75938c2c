import { createHash } from 'node:crypto';
import { DeadlockException, type EntityManager } from '@mikro-orm/postgresql';

/**
 * Sign-in throttling (issue 9 §1–2). Every attempt first reserves itself, counted as a failure,
 * under row locks on its throttle keys — one transaction, before any password hash is compared — so
 * parallel guesses cannot slip past the limit. A success gives the reservation back.
 *
 * A growing delay instead of a hard lock anyone can trigger: after the free failures a key is
 * blocked for 1 minute, each further block of the same key twice as long (at most 15 minutes);
 * the failure count starts again when a block expires, and the doubling is forgotten after a day
 * without failures. The keys:
 *  - the account from one client address: 5 free failures (the guesser's own address);
 *  - the account from any address: 50 (a distributed guess; high so one address cannot lock others out);
 *  - the client address for any account: 30 (spraying one password over many usernames).
 * Unknown usernames take exactly the same path (their own keys, a dummy hash compared).
 */
export interface ThrottleRule {
  scope: 'account-address' | 'account' | 'address';
  freeFailures: number;
}

export const THROTTLE_RULES: Record<ThrottleRule['scope'], ThrottleRule> = {
  'account-address': { scope: 'account-address', freeFailures: 5 },
  account: { scope: 'account', freeFailures: 50 },
  address: { scope: 'address', freeFailures: 30 },
};
export const FIRST_BLOCK_SECONDS = 60;
export const MAX_BLOCK_SECONDS = 15 * 60;
/** The doubling is forgotten after this long without a failure. */
const FORGET_AFTER_MS = 24 * 3600_000;

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

const h = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32);

/** Keys hash the username and address, so the table holds no readable usernames or addresses. */
export function throttleKeys(username: string, address: string): ThrottleKey[] {
  return [
    { key: `aa:${h(username)}:${h(`${username}\n${address}`)}`, rule: THROTTLE_RULES['account-address'] },
    { key: `ac:${h(username)}`, rule: THROTTLE_RULES.account },
    { key: `ad:${h(address)}`, rule: THROTTLE_RULES.address },
  ];
}

interface Row {
  key: string;
  failures: number;
  blocks: number;
  blocked_until: Date | null;
  updated_at: Date;
  now: Date;
}

/** What a reservation changed, so a success can give it back. */
export interface Reservation {
  allowed: true;
  /** Keys whose block this attempt started (reported to the audit log if the password is wrong). */
  startedBlocks: { scope: ThrottleRule['scope']; key: string; until: Date; previous: Date | null }[];
  keys: ThrottleKey[];
}
export type ReserveResult = Reservation | { allowed: false; retryAfterSeconds: number };

export async function reserveSignInAttempt(em: EntityManager, keys: ThrottleKey[]): Promise<ReserveResult> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1)); // one lock order for everyone: no deadlocks
  for (let attempt = 0; ; attempt++) {
    try {
      return await em.transactional((tx) => reserve(tx, sorted));
    } catch (e) {
      if (!(e instanceof DeadlockException) || attempt >= 3) throw e;
    }
  }
}

async function reserve(tx: EntityManager, keys: ThrottleKey[]): Promise<ReserveResult> {
  const names = keys.map((k) => k.key);
  const marks = names.map(() => '?').join(', ');
  await tx.execute(`insert into sign_in_throttle (key) values ${names.map(() => '(?)').join(', ')} on conflict (key) do nothing`, names);
  const rows = await tx.execute<Row[]>(
    `select key, failures, blocks, blocked_until, updated_at, now() as now from sign_in_throttle where key in (${marks}) order by key for update`,
    names,
  );
  const now = new Date(rows[0].now);
  const blockedFor = Math.max(0, ...rows.map((r) => (r.blocked_until && new Date(r.blocked_until) > now ? new Date(r.blocked_until).getTime() - now.getTime() : 0)));
  if (blockedFor > 0) return { allowed: false, retryAfterSeconds: Math.ceil(blockedFor / 1000) };

  const startedBlocks: Reservation['startedBlocks'] = [];
  for (const row of rows) {
    const rule = keys.find((k) => k.key === row.key)!.rule;
    let { failures, blocks } = row;
    let blockedUntil = row.blocked_until ? new Date(row.blocked_until) : null;
    if (blockedUntil) {
      failures = 0; // the block has expired: the count starts again (its doubling is kept)
      blockedUntil = null;
    }
    if (now.getTime() - new Date(row.updated_at).getTime() > FORGET_AFTER_MS) blocks = 0;
    failures += 1; // counted before the password is compared; a success gives it back
    if (failures >= rule.freeFailures) {
      blockedUntil = new Date(now.getTime() + Math.min(MAX_BLOCK_SECONDS, FIRST_BLOCK_SECONDS * 2 ** blocks) * 1000);
      blocks += 1;
      startedBlocks.push({ scope: rule.scope, key: row.key, until: blockedUntil, previous: null });
    }
    await tx.execute(`update sign_in_throttle set failures = ?, blocks = ?, blocked_until = ?, updated_at = now() where key = ?`, [failures, blocks, blockedUntil, row.key]);
  }
  // Now and then, forget keys that have been quiet for a day.
  if (Math.random() < 0.01) await tx.execute(`delete from sign_in_throttle where updated_at < now() - interval '1 day' and (blocked_until is null or blocked_until < now())`);
  return { allowed: true, startedBlocks, keys };
}

/** The password was right: the attempt was not a failure after all. */
export async function releaseSignInAttempt(em: EntityManager, reservation: Reservation): Promise<void> {
  await em.transactional(async (tx) => {
    for (const { key, rule } of [...reservation.keys].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      if (rule.scope !== 'address') {
        // The account proved itself: its counters start afresh.
        await tx.execute(`update sign_in_throttle set failures = 0, blocks = 0, blocked_until = null, updated_at = now() where key = ?`, [key]);
        continue;
      }
      // The address keeps its history (one good account must not launder guesses at others); only this attempt is given back.
      const started = reservation.startedBlocks.find((b) => b.key === key);
      await tx.execute(
        started
          ? `update sign_in_throttle set failures = greatest(failures - 1, 0), blocks = greatest(blocks - 1, 0), blocked_until = null where key = ? and blocked_until = ?`
          : `update sign_in_throttle set failures = greatest(failures - 1, 0) where key = ?`,
        started ? [key, started.until] : [key],
      );
    }
  });
}

/**
 * A manager's password reset lifts the account's blocks, from every address, so the person can sign
 * in again at once; the blocks of addresses that sprayed many accounts stay.
 */
export async function liftAccountBlock(em: EntityManager, username: string): Promise<void> {
  await em.execute(`delete from sign_in_throttle where key = ? or key like ?`, [`ac:${h(username)}`, `aa:${h(username).replaceAll('_', '\\_')}:%`]);
}
