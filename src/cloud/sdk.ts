/**
 * The only module that imports the Alibaba Cloud SDKs; bundled as its own chunk and loaded through
 * sdkLoader.ts on first use.
 */
export { default as PopCore } from '@alicloud/pop-core';
