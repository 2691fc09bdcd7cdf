import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { type PaymentView, UserView } from '@app/read-model';
import { BatchLoader } from '../graphql/batch-loader';
import { PaymentViewReader } from './payment-view.reader';

export interface OrderRelationLoaders {
  /** By user id. */
  user: BatchLoader<string, UserView>;
  /** By order id. */
  payment: BatchLoader<string, PaymentView>;
}

/**
 * One set of loaders per GraphQL request (keyed by its context object, so they go away with it):
 * a page of 20 orders asking for `user` and `payment` costs two queries, not forty.
 */
@Injectable()
export class OrderLoaders {
  private readonly perRequest = new WeakMap<object, OrderRelationLoaders>();

  constructor(
    @InjectRepository(UserView) private readonly users: Repository<UserView>,
    private readonly payments: PaymentViewReader,
  ) {}

  of(requestContext: object): OrderRelationLoaders {
    let loaders = this.perRequest.get(requestContext);
    if (!loaders) {
      loaders = {
        user: new BatchLoader(async (ids) => new Map((await this.users.findBy({ id: In(ids) })).map((u) => [u.id, u]))),
        payment: new BatchLoader((orderIds) => this.payments.findByOrderIds(orderIds)),
      };
      this.perRequest.set(requestContext, loaders);
    }
    return loaders;
  }
}
