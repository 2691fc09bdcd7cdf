import type { ComplexityEstimator } from '@nestjs/graphql';

/**
 * The cost-limit plugin's estimate of a list or connection field: 1, plus its selection once per
 * item it may return (`first`, or the field's default page size). Without it a list costs as one
 * item, and an anonymous query of 300 aliases of `products` read the whole catalogue 300 times
 * within the limit. A connection's pageInfo and totalCount are multiplied too: that errs safe.
 */
export const pageComplexity =
  (defaultSize: number): ComplexityEstimator =>
  ({ args, childComplexity }) =>
    1 + (Number(args.first) || defaultSize) * childComplexity;
