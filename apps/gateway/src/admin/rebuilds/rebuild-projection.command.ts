import type { Principal } from '../../auth/principal';

/** rebuildProjection(name): a read model (or `all`) rebuilt blue/green by the consumers app. */
export class RebuildProjectionCommand {
  constructor(
    readonly principal: Principal | null,
    readonly name: string,
  ) {}
}
