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
