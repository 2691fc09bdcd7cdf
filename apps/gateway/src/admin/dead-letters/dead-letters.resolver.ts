import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { DeadLetterConnectionModel } from '../models/dead-letter.model';
import { ListDeadLettersQuery } from './list-dead-letters/list-dead-letters.query';
import { SettleDeadLettersCommand } from './settle-dead-letters/settle-dead-letters.command';

@Resolver()
export class DeadLettersResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Query(() => DeadLetterConnectionModel, { name: 'deadLetters', description: 'admin: the dead letters of one consumer group, oldest first' })
  deadLetters(
    @CurrentPrincipal() principal: Principal | null,
    @Args('group') group: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.queries.execute(new ListDeadLettersQuery(principal, group, first, after ?? undefined));
  }

  @Mutation(() => Int, { description: 'admin: puts dead letters back on their topic (upcast to the current schema); recorded in the audit log' })
  redriveDeadLetters(@CurrentPrincipal() principal: Principal | null, @Args('group') group: string, @Args('ids', { type: () => [ID] }) ids: string[]) {
    return this.commands.execute(new SettleDeadLettersCommand(principal, { group, ids, action: 'REDRIVE' }));
  }

  @Mutation(() => Int, { description: 'admin: drops dead letters with a reason; recorded in the audit log' })
  discardDeadLetters(
    @CurrentPrincipal() principal: Principal | null,
    @Args('group') group: string,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Args('reason') reason: string,
  ) {
    return this.commands.execute(new SettleDeadLettersCommand(principal, { group, ids, action: 'DISCARD', reason }));
  }
}
