import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../gateway-settings';
import { SlidingWindowLimiter } from '../../rate-limit/sliding-window-limiter';
import { emailKey } from '../auth-payload';

/**
 * Slows password guessing: per email (one account attacked from many IPs) and per client IP
 * (one IP trying many accounts). Counters are in memory, so PER GATEWAY INSTANCE.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly byEmail: SlidingWindowLimiter;
  private readonly byIp: SlidingWindowLimiter;

  constructor(@Inject(GATEWAY_SETTINGS) { loginLimit }: GatewaySettings) {
    this.byEmail = new SlidingWindowLimiter(loginLimit.perEmail, loginLimit.windowMs);
    this.byIp = new SlidingWindowLimiter(loginLimit.perIp, loginLimit.windowMs);
  }

  /** Counts the attempt and says whether it may go ahead. */
  tryAcquire(email: string, clientIp: string): boolean {
    return this.byEmail.tryAcquire(emailKey(email)) && this.byIp.tryAcquire(clientIp);
  }
}
