/**
 * One fresh process of the first-cloud-call figure (bundled by firstCloudCall.ts with the SDK
 * chunk external, as the extension is): two DescribeCens calls through the product's CEN client;
 * the first loads dist/cloud-sdk.js. Prints {"firstMs","secondMs"}.
 */
import { performance } from 'node:perf_hooks';
import { createCenClient } from '../../src/cloud/cenClient';

async function main(): Promise<void> {
  const [endpoint, accessKeyId, accessKeySecret] = process.argv.slice(2);
  const api = createCenClient({ endpoint, credentials: { label: 'bench', getCredentials: async () => ({ accessKeyId, accessKeySecret }) } });
  const t0 = performance.now();
  await api.listCensPage(1, 50);
  const t1 = performance.now();
  await api.listCensPage(1, 50);
  const t2 = performance.now();
  console.log(JSON.stringify({ firstMs: t1 - t0, secondMs: t2 - t1 }));
}

void main();
