import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { Controller, Get, Inject, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../gateway-settings';
import { GRAPHIQL_ASSETS_PATH, graphiqlAsset } from './graphiql-assets';

/**
 * GraphiQL's page's scripts and styles (./graphiql-assets), from the installed packages. With
 * GraphiQL off they are 404 like any unknown path: the setting is read per request, so a test can
 * override GATEWAY_SETTINGS as for every other gateway knob.
 */
@Controller(GRAPHIQL_ASSETS_PATH)
export class GraphiqlAssetsController {
  constructor(@Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings) {}

  @Get(':name')
  asset(@Param('name') name: string, @Res({ passthrough: true }) res: ServerResponse): StreamableFile {
    const asset = this.settings.graphiql ? graphiqlAsset(name) : undefined;
    if (!asset) throw new NotFoundException();
    res.setHeader('x-content-type-options', 'nosniff');
    // Set here, not on the 404: a browser must not keep "not found" once GraphiQL is turned on.
    // No ETag (bootstrapApp turns them off): an hour spares reloading 4 MB on every visit, and is
    // short enough for an upgraded package to show the same day.
    res.setHeader('cache-control', 'public, max-age=3600');
    if ('text' in asset) return new StreamableFile(Buffer.from(asset.text), { type: asset.type });
    return new StreamableFile(createReadStream(asset.file()), { type: asset.type });
  }
}
