/**
 * The only module that imports the Alibaba Cloud SDKs; bundled as its own chunk and loaded through
 * sdkLoader.ts on first use.
 */
export { default as PopCore } from '@alicloud/pop-core';
export { default as Credential, CLIProfileCredentialsProvider } from '@alicloud/credentials';
// Log Service: the generated SDK (returns headers, so x-log-progress is visible); its Config and
// RuntimeOptions come from the openapi-core / darabonba packages it is built on.
export { default as SlsClient } from '@alicloud/sls20201230';
export * as SlsModels from '@alicloud/sls20201230';
export { $OpenApiUtil as SlsOpenApi } from '@alicloud/openapi-core';
export { RuntimeOptions as SlsRuntimeOptions } from '@darabonba/typescript';

import SlsGateway from '@alicloud/gateway-sls';
import type * as SlsGatewaySpi from '@alicloud/gateway-spi';

/**
 * The Log Service gateway (signing, endpoints, errors) unchanged, except that an answer the client
 * reads as a stream (`bodyType: 'binary'`: GetLogsV2, slsClient.ts) keeps its compression. The
 * SDK's gateway inflates every compressed answer on the calling thread into a fresh buffer; the
 * client's decoder inflates it on a worker thread into a reused one (answerCompression.ts).
 */
export class SlsGatewayKeepingCompression extends SlsGateway {
  override async modifyResponse(context: SlsGatewaySpi.InterceptorContext, attributeMap: SlsGatewaySpi.AttributeMap): Promise<void> {
    const { request, response } = context;
    const status = response.statusCode ?? 0;
    if (request.bodyType === 'binary' && status >= 200 && status < 300 && response.headers?.['x-log-compresstype']) {
      response.deserializedBody = response.body;
      return;
    }
    return super.modifyResponse(context, attributeMap);
  }
}
