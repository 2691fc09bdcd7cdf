import { join } from 'node:path';
import { compileWithMetadata } from './nest-metadata';

/** Imported before any module of the consumers app: they then load with decorator metadata (see nest-metadata.ts). */
compileWithMetadata(join(__dirname, '../../apps/consumers/src'));
