import type { ComplexityEstimator } from '@nestjs/graphql';
import { DEFAULT_PAGE_SIZE } from './list-orders.query';

/**
 * The cost-limit plugin's estimate of a connection: its selection once per requested node. It
 * over-counts pageInfo and totalCount (also multiplied), which errs on the safe side.
 */
export const connectionComplexity: ComplexityEstimator = ({ args, childComplexity }) => 1 + (Number(args.first) || DEFAULT_PAGE_SIZE) * childComplexity;
