import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import {
  astFromValue,
  buildSchema,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  print,
} from 'graphql';
import { printGatewaySchema, SCHEMA_BUILD_OPTIONS, schemaFilePath } from '../src/graphql/schema-file';
import { GATEWAY_RESOLVERS } from '../src/resolvers';

const REPO_ROOT = join(__dirname, '..', '..', '..');
// CI lays shared/ beside the clone; so is it beside the working tree here.
const API_FILE = join(REPO_ROOT, '..', 'shared', 'API.graphql');
const SCHEMA_FILE = schemaFilePath(REPO_ROOT);

const IMPLEMENTED = {
  Query: ['me', 'user', 'order', 'orders', 'products', 'product', 'events', 'notifications', 'salesReport', 'search', 'systemStatus', 'deadLetters', 'saga', 'sagas', 'trace'],
  Mutation: ['registerUser', 'login', 'addProduct', 'restockProduct', 'createOrder', 'cancelOrder', 'redriveDeadLetters', 'discardDeadLetters', 'rebuildProjection'],
  User: ['orders'],
  Order: ['user', 'payment'],
  Subscription: ['orderStatusChanged', 'notificationReceived'],
};

/**
 * What the gateway offers beyond the contract, which DEVELOPERS.md allows ("add freely"): named
 * here so that every addition is a decision and a typo of a contract field is still caught.
 */
const ADDITIONS: Record<string, readonly string[]> = {
  // Sign out everywhere (issue 11: tokens need a revocation path).
  Mutation: ['logout'],
};

const defaultOf = (arg: GraphQLArgument | GraphQLInputField): string => {
  if (arg.defaultValue === undefined) return '(none)';
  const ast = astFromValue(arg.defaultValue, arg.type);
  return ast ? print(ast) : '(none)';
};

const kindOf = (type: GraphQLNamedType): string => type.constructor.name;

/** Every way `ours` differs from the contract; empty when it is a faithful subset. */
function contractViolations(ours: GraphQLSchema, api: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const type of Object.values(ours.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    const theirs = api.getType(type.name);
    if (!theirs) {
      problems.push(`type ${type.name} is not in API.graphql`);
      continue;
    }
    if (kindOf(type) !== kindOf(theirs)) problems.push(`${type.name} is a ${kindOf(type)}, API.graphql has a ${kindOf(theirs)}`);
    else if (isEnumType(type) && isEnumType(theirs)) {
      const [a, b] = [type, theirs].map((t) => t.getValues().map((v) => v.name).sort().join(' '));
      if (a !== b) problems.push(`enum ${type.name} has values [${a}], API.graphql [${b}]`);
    } else if (isInputObjectType(type) && isInputObjectType(theirs)) {
      // Inputs must match both ways: a missing field would reject what clients send.
      const names = new Set([...Object.keys(type.getFields()), ...Object.keys(theirs.getFields())]);
      for (const name of names) {
        const [a, b] = [type.getFields()[name], theirs.getFields()[name]];
        if (!a || !b) problems.push(`input field ${type.name}.${name} is ${a ? 'not in API.graphql' : 'missing'}`);
        else if (String(a.type) !== String(b.type) || defaultOf(a) !== defaultOf(b))
          problems.push(`input field ${type.name}.${name}: ${a.type} = ${defaultOf(a)}, API.graphql ${b.type} = ${defaultOf(b)}`);
      }
    } else if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(theirs) || isInterfaceType(theirs))) {
      for (const field of Object.values(type.getFields())) {
        const other = theirs.getFields()[field.name];
        if (!other) {
          if (!ADDITIONS[type.name]?.includes(field.name)) problems.push(`field ${type.name}.${field.name} is not in API.graphql`);
          continue;
        }
        if (String(field.type) !== String(other.type)) problems.push(`field ${type.name}.${field.name}: ${field.type}, API.graphql ${other.type}`);
        // Arguments must match both ways: clients send the contract's arguments.
        const args = new Set([...field.args, ...other.args].map((a) => a.name));
        for (const name of args) {
          const [a, b] = [field.args.find((x) => x.name === name), other.args.find((x) => x.name === name)];
          if (!a || !b) problems.push(`argument ${type.name}.${field.name}(${name}) is ${a ? 'not in API.graphql' : 'missing'}`);
          else if (String(a.type) !== String(b.type) || defaultOf(a) !== defaultOf(b))
            problems.push(`argument ${type.name}.${field.name}(${name}): ${a.type} = ${defaultOf(a)}, API.graphql ${b.type} = ${defaultOf(b)}`);
        }
      }
    }
  }
  for (const [root, fields] of Object.entries(IMPLEMENTED)) {
    const type = ours.getType(root);
    for (const field of fields) if (!isObjectType(type) || !type.getFields()[field]) problems.push(`${root}.${field} is not implemented`);
  }
  return problems;
}

(existsSync(API_FILE) ? describe : describe.skip)(
  existsSync(API_FILE) ? 'the gateway schema against API.graphql' : `the gateway schema against API.graphql: SKIPPED, ${API_FILE} not found`,
  () => {
    let built: GraphQLSchema;

    beforeAll(async () => {
      const moduleRef = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
      built = await moduleRef.get(GraphQLSchemaFactory).create(GATEWAY_RESOLVERS, SCHEMA_BUILD_OPTIONS);
    });

    it('keeps apps/gateway/schema.graphql up to date with the resolvers (boot the gateway to refresh it)', () => {
      expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printGatewaySchema(built));
    });

    it('declares only types, fields, arguments, defaults and enum values that API.graphql has, identically typed', () => {
      const ours = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
      const api = buildSchema(readFileSync(API_FILE, 'utf8'));

      expect(contractViolations(ours, api)).toEqual([]);
    });

    it('finds the difference when a field is renamed', () => {
      const api = buildSchema(readFileSync(API_FILE, 'utf8'));
      const renamed = buildSchema(readFileSync(SCHEMA_FILE, 'utf8').replace('registeredAt:', 'registered_at:'));

      expect(contractViolations(renamed, api)).toContain('field User.registered_at is not in API.graphql');
    });
  },
);
