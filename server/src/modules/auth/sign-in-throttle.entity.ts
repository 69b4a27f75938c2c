import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';

/**
 * Failed sign-ins per throttle key (an account from one address, an account from anywhere, an
 * address for any account). Read and changed only under a row lock, before a password is compared.
 */
@Entity({ tableName: 'sign_in_throttle' })
export class SignInThrottle {
  [OptionalProps]?: 'failures' | 'blocks' | 'updatedAt';

  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  /** Failures since the last block ended (or since the last success). */
  @Property({ type: 'integer', default: 0 })
  failures: number = 0;

  /** Consecutive blocks: each one lasts twice as long as the one before. */
  @Property({ type: 'integer', default: 0 })
  blocks: number = 0;

  @Property({ type: 'datetime', nullable: true })
  blockedUntil?: Date | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
