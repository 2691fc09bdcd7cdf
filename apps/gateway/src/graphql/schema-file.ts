import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { GraphQLSchemaHost, type BuildSchemaOptions } from '@nestjs/graphql';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { JSONScalar, JsonValue } from './json.scalar';

/** How the code-first schema is built: shared by the app and the schema-contract spec. */
export const SCHEMA_BUILD_OPTIONS: BuildSchemaOptions = {
  dateScalarMode: 'isoDate',
  // Listed here (not only used by fields) so `scalar JSON` is in the schema as API.graphql says.
  scalarsMap: [{ type: JsonValue, scalar: JSONScalar }],
};

const HEADER = `# Printed by the gateway at boot (development and tests) from its code-first resolvers,
# sorted. Do not edit: change the resolvers. It must stay a subset of shared/API.graphql
# (apps/gateway/test/schema-contract.spec.ts checks both).

`;

export const printGatewaySchema = (schema: GraphQLSchema): string => `${HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;

/** apps/gateway/schema.graphql, relative to the repo root that `npm start` and Jest run from. */
export const schemaFilePath = (root = process.cwd()): string => join(root, 'apps', 'gateway', 'schema.graphql');

/**
 * Writes the checked-in schema file when (and only when) its content changed, through a rename:
 * Nest's own autoSchemaFile truncates and rewrites it on every boot, which a parallel test
 * process reading the file could catch half-written. Never in production (read-only images).
 */
@Injectable()
export class SchemaFileWriter implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchemaFileWriter.name);

  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const file = schemaFilePath();
    if (this.config.nodeEnv === 'production' || !existsSync(dirname(file))) return;
    const content = printGatewaySchema(this.schemaHost.schema);
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current === content) return;
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, file);
    this.logger.log(`updated ${file}`);
  }
}
