/**
 * The one CenApi and one SlsApi the extension uses, built from the active credentials and the
 * endpoint settings, and rebuilt when either changes (explorer and query workbench share them).
 * The SDKs stay unloaded until the first call: the cloud clients load them lazily.
 */
import * as vscode from 'vscode';
import type { CenApi } from '../cloud/cenApi';
import { createCenClient } from '../cloud/cenClient';
import type { RequestLimiter } from '../cloud/requestLimiter';
import { createSlsClient } from '../cloud/slsClient';
import { CloudError } from '../cloud/cloudError';
import { unavailableCenApi } from '../cloud/unavailableCenApi';
import type { CredentialSource } from '../cloud/credentialTypes';
import type { SlsApi } from '../cloud/slsApi';
import type { ActiveCredentials } from './activeCredentials';

/** What the cloud clients report per API call; logged, never containing a secret. */
export interface ApiCallLogEntry {
  readonly action: string;
  readonly regionId?: string;
  /** Log Service calls name their project instead of a region. */
  readonly project?: string;
  readonly requestId?: string;
  readonly durationMs: number;
  /** 1 for the first try; higher for retries. */
  readonly attempt?: number;
  readonly ok: boolean;
  readonly code?: string;
}

export interface CloudSettings {
  readonly cenEndpoint: string;
  readonly slsEndpoint?: string;
  readonly slsProtocol: 'http' | 'https';
}

export interface CloudClientFactories {
  createCen(settings: CloudSettings, credentials: CredentialSource, log: (e: ApiCallLogEntry) => void): CenApi;
  createSls(settings: CloudSettings, credentials: CredentialSource, log: (e: ApiCallLogEntry) => void): SlsApi;
}

/** The product's clients; every query-path Log Service request takes a slot of `limiter`. */
export function cloudClientFactories(limiter: RequestLimiter): CloudClientFactories {
  return {
    createCen: (s, credentials, log) => createCenClient({ endpoint: s.cenEndpoint, credentials, log }),
    createSls: (s, credentials, log) => createSlsClient({ endpoint: s.slsEndpoint, protocol: s.slsProtocol, credentials, log, limiter }),
  };
}

export class CloudClients implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the clients were rebuilt (sign-in, sign-out, switch, endpoint settings). */
  readonly onDidChange = this.changed.event;
  private cenApi: CenApi | undefined;
  private slsApi: SlsApi | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly credentials: ActiveCredentials,
    private readonly factories: CloudClientFactories,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      credentials.onDidChange(() => this.rebuild()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cenFlowLogs')) this.rebuild();
      }),
    );
    this.rebuild();
  }

  /** The CEN client, or undefined when not signed in. */
  get cen(): CenApi | undefined {
    return this.cenApi;
  }

  /** For operations: the CEN client, or a clear "not signed in" error. */
  requireCen(): CenApi {
    if (this.cenApi) return this.cenApi;
    throw notSignedIn();
  }

  get sls(): SlsApi | undefined {
    return this.slsApi;
  }

  /** For queries: the Log Service client, or a clear "not signed in" error. */
  requireSls(): SlsApi {
    if (this.slsApi) return this.slsApi;
    throw notSignedIn();
  }

  private rebuild(): void {
    const source = this.credentials.source;
    const settings = readCloudSettings();
    const log = (e: ApiCallLogEntry): void => this.logCall(e);
    try {
      this.cenApi = source ? this.factories.createCen(settings, source, log) : undefined;
    } catch (e) {
      // A bad endpoint setting: every call reports it, so the tree shows it as an error row.
      this.cenApi = unavailableCenApi(e);
    }
    try {
      this.slsApi = source ? this.factories.createSls(settings, source, log) : undefined;
    } catch {
      this.slsApi = undefined;
    }
    this.changed.fire();
  }

  private logCall(e: ApiCallLogEntry): void {
    const line = [
      e.action,
      e.regionId ? `region ${e.regionId}` : undefined,
      e.project ? `project ${e.project}` : undefined,
      e.attempt && e.attempt > 1 ? `attempt ${e.attempt}` : undefined,
      `${Math.round(e.durationMs)} ms`,
      e.requestId ? `request id ${e.requestId}` : undefined,
      e.ok ? 'ok' : `failed${e.code ? ` (${e.code})` : ''}`,
    ]
      .filter((p): p is string => p !== undefined)
      .join(' · ');
    if (e.ok) this.log.info(line);
    else this.log.warn(line);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

export function readCloudSettings(): CloudSettings {
  const c = vscode.workspace.getConfiguration('cenFlowLogs');
  const protocol = c.get<string>('slsProtocol');
  return {
    cenEndpoint: c.get<string>('cenEndpoint') || 'https://cbn.aliyuncs.com',
    slsEndpoint: c.get<string>('slsEndpoint') || undefined,
    slsProtocol: protocol === 'http' ? 'http' : 'https',
  };
}

function notSignedIn(): CloudError {
  return new CloudError({
    kind: 'credentials',
    message: vscode.l10n.t('Not signed in to Alibaba Cloud.'),
    nextStep: vscode.l10n.t('Sign in with an AccessKey or choose an aliyun CLI profile (click the status-bar item).'),
  });
}
