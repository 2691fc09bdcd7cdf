import { Module } from '@nestjs/common';
import { ReadModelChangesModule } from '../shared/read-model-changes.module';
import { TokenRevocations } from './token-revocations';
import { TokenService } from './token.service';

@Module({
  imports: [ReadModelChangesModule],
  providers: [TokenService, TokenRevocations],
  exports: [TokenService, TokenRevocations],
})
export class AuthModule {}
