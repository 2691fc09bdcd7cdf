/** Documents of one alias of the namespace (`<ns>.orders`...), by id; real-time `_mget`, no refresh needed. */
export const searchDocs = async (esNode: string, alias: string, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> => {
  const docs = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += 500) {
    const res = await fetch(`${esNode}/${alias}/_mget`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: ids.slice(i, i + 500) }),
      signal: AbortSignal.timeout(30000),
    });
    if (!res.ok) throw new Error(`_mget on ${alias}: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { docs: { _id: string; found?: boolean; _source?: Record<string, unknown> }[] };
    for (const doc of body.docs) if (doc.found && doc._source) docs.set(doc._id, doc._source);
  }
  return docs;
};
