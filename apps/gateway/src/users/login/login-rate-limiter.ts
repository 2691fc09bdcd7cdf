import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../gateway-settings';
import { SlidingWindowLimiter } from '../../rate-limit/sliding-window-limiter';

/**
 * A flood guard per client IP, in memory, so per gateway instance: it spares the user service
 * a burst from one address. The limits that hold for every replica (failures per address and per
 * account, without locking the owner out) are the user service's LoginGuard. No limit per email
 * here: anyone could use one to lock a victim out.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly byIp: SlidingWindowLimiter;

  constructor(@Inject(GATEWAY_SETTINGS) { loginLimit }: GatewaySettings) {
    this.byIp = new SlidingWindowLimiter(loginLimit.perIp, loginLimit.windowMs);
  }

  /** Counts the attempt and says whether it may go ahead. */
  tryAcquire(clientIp: string): boolean {
    return this.byIp.tryAcquire(clientIp);
  }
}
