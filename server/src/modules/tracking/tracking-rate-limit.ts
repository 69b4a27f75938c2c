import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export const RATE_LIMITED = 'RATE_LIMITED';

/**
 * Anonymous customer-link look-ups per client address (issue 9 §6): defence in depth, since the
 * 256-bit tokens cannot be guessed anyway. rate-limiter-flexible's in-memory limiter, per process.
 */
export class TrackingRateLimit {
  private readonly limiter: RateLimiterMemory;
  constructor(perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  /** Resolves when allowed; otherwise throws a RATE_LIMITED error (HTTP 429). */
  async consume(address: string | undefined): Promise<void> {
    try {
      await this.limiter.consume(address ?? 'unknown');
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfterSeconds = Math.ceil(e.msBeforeNext / 1000);
      throw new GraphQLError('Too many requests; try again shortly', { extensions: { code: RATE_LIMITED, retryAfterSeconds, http: { status: 429 } } });
    }
  }

  /** Whether an anonymous socket may open now (same budget); false when over. */
  async allows(address: string | undefined): Promise<boolean> {
    try {
      await this.limiter.consume(address ?? 'unknown');
      return true;
    } catch (e) {
      if (e instanceof RateLimiterRes) return false;
      throw e;
    }
  }
}
