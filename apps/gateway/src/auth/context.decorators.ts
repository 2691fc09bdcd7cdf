import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GatewayContext } from './request-context';

const contextOf = (ctx: ExecutionContext): GatewayContext => GqlExecutionContext.create(ctx).getContext<GatewayContext>();

/** The verified caller, or null when anonymous; a bad token fails the field with UNAUTHENTICATED. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext) => contextOf(ctx).principal());

export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext) => contextOf(ctx).clientIp);
