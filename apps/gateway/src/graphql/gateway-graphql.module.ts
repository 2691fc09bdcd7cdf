import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AuthModule } from '../auth/auth.module';
import { TokenRevocations } from '../auth/token-revocations';
import { createRequestContext, type HttpRequest } from '../auth/request-context';
import { createSocketContext, isSocketContext, type SocketContext } from '../auth/socket-context';
import { TokenService } from '../auth/token.service';
import { GraphiqlModule } from '../graphiql/graphiql.module';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../gateway-settings';
import { type ApolloPlugin, costLimitPlugin } from './cost-limit.plugin';
import { depthLimitRule } from './depth-limit.rule';
import { formatGraphQLError } from './format-error';
import { GRAPHQL_PATH } from './graphql-path';
import { graphqlMetricsPlugin } from './metrics.plugin';
import { SCHEMA_BUILD_OPTIONS, SchemaFileWriter } from './schema-file';
import { ConnectionSlots, ConnectionSlotsModule } from './connection-slots';
import { graphqlWsOptions } from './subscriptions';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AuthModule, ConnectionSlotsModule],
      inject: [APP_CONFIG, GATEWAY_SETTINGS, TokenService, TokenRevocations, ConnectionSlots, ModuleRef],
      useFactory: (config: AppConfig, settings: GatewaySettings, tokens: TokenService, revocations: TokenRevocations, slots: ConnectionSlots, moduleRef: ModuleRef): ApolloDriverConfig => ({
        path: GRAPHQL_PATH,
        // Built in memory; SchemaFileWriter prints apps/gateway/schema.graphql (see there why).
        autoSchemaFile: true,
        sortSchema: true,
        buildSchemaOptions: SCHEMA_BUILD_OPTIONS,
        // Nest's GraphiQL loads React and GraphiQL from unpkg.com, and Apollo's landing pages from
        // its CDN: neither works offline. GraphiqlModule serves GraphiQL from this gateway instead;
        // false here keeps Apollo's landing page disabled (a browser's GET without it is a 400).
        graphiql: false,
        introspection: config.nodeEnv !== 'production',
        // Automatic persisted queries would add a protocol error code outside API.graphql's list.
        persistedQueries: false,
        includeStacktraceInErrorResponses: false,
        // formatGraphQLError maps Nest's HTTP exceptions itself, to the contract's codes.
        autoTransformHttpErrors: false,
        formatError: formatGraphQLError,
        validationRules: [depthLimitRule({ max: settings.maxDepth, maxIntrospection: Math.max(settings.maxDepth, 15) })],
        // Cache control (on by default) wraps every field's resolver to gather cache hints that
        // this API never sets nor sends: measured at about a tenth of an order(id)'s CPU.
        plugins: [ApolloServerPluginCacheControlDisabled() as ApolloPlugin, costLimitPlugin(settings.maxCost), graphqlMetricsPlugin()],
        // HTTP requests get Express' request; subscriptions graphql-ws' context of their socket.
        context: (arg: { req: HttpRequest } | SocketContext) => (isSocketContext(arg) ? createSocketContext(arg, tokens) : createRequestContext(arg.req, tokens)),
        // The schema is built after this factory runs: looked up when the first subscription comes.
        subscriptions: { 'graphql-ws': graphqlWsOptions(tokens, revocations, slots, settings, () => moduleRef.get(GraphQLSchemaHost, { strict: false }).schema) },
      }),
    }),
    GraphiqlModule,
  ],
  providers: [SchemaFileWriter],
})
export class GatewayGraphQLModule {}
