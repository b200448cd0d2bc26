/** Credentials as the SDKs take them. Never logged, never sent to a webview, never in settings. */
export interface AccessCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

/** Where the extension gets credentials from; resolved lazily before each call (STS may rotate). */
export interface CredentialSource {
  /** For display: "AccessKey LTAI…wner", "aliyun CLI profile default", "environment". */
  readonly label: string;
  getCredentials(): Promise<AccessCredentials>;
}
