import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { GRAPHQL_PATH } from '../graphql/graphql-path';
import { GraphiqlAssetsController } from './graphiql-assets.controller';
import { GraphiqlPageMiddleware } from './graphiql-page.middleware';

/**
 * GraphiQL for a browser opening the GraphQL URL (issue 12, item 5), served entirely by this
 * gateway, on when GatewaySettings.graphiql is (development and test by default; GRAPHIQL=true).
 * Nest applies middleware before GraphQLModule's start adds Apollo's handler to the same path,
 * so the page middleware sees a GET /graphql first and hands everything else on to Apollo.
 */
@Module({
  controllers: [GraphiqlAssetsController],
  providers: [GraphiqlPageMiddleware],
})
export class GraphiqlModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GraphiqlPageMiddleware).forRoutes({ path: GRAPHQL_PATH, method: RequestMethod.GET });
  }
}
