import { ElasticsearchModule, ElasticsearchService } from '@nestjs/elasticsearch';
import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@app/config';

const { elasticsearchNode } = loadConfig();

describe('Elasticsearch through @nestjs/elasticsearch', () => {
  const index = `foundation-test-${randomUUID()}`;
  let moduleRef: TestingModule;
  let es: ElasticsearchService;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({ imports: [ElasticsearchModule.register({ node: elasticsearchNode })] }).compile();
    es = moduleRef.get(ElasticsearchService);
  });

  afterAll(async () => {
    await es.indices.delete({ index }, { ignore: [404] });
    await moduleRef.close();
  });

  it('finds an indexed document by a word of its text', async () => {
    await es.indices.create({ index, settings: { number_of_replicas: 0 }, mappings: { properties: { name: { type: 'text' } } } });
    await es.index({ index, id: 'sku-1', document: { name: 'Blue ceramic teapot' }, refresh: 'wait_for' });
    await es.index({ index, id: 'sku-2', document: { name: 'Red wool scarf' }, refresh: 'wait_for' });

    const res = await es.search<{ name: string }>({ index, query: { match: { name: 'teapot' } } });

    expect(res.hits.hits.map((h) => h._id)).toEqual(['sku-1']);
    expect(res.hits.hits[0]._source?.name).toBe('Blue ceramic teapot');
  });
});
