/** Accounts the emulator knows; overridable with --accounts <file.json>. */
import { readFileSync } from 'node:fs';

export interface EmulatorAccount {
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Whether the account is whitelisted for CEN flow logs. */
  readonly flowLogWhitelisted: boolean;
  readonly label: string;
}

export const OWNER_ACCOUNT: EmulatorAccount = {
  accountId: '1234567890123456',
  accessKeyId: 'LTAIemulatorOwner',
  accessKeySecret: 'emulator-owner-secret',
  flowLogWhitelisted: true,
  label: 'owner',
};

export const NOT_WHITELISTED_ACCOUNT: EmulatorAccount = {
  accountId: '6543210987654321',
  accessKeyId: 'LTAIemulatorNoFlowLog',
  accessKeySecret: 'emulator-noflowlog-secret',
  flowLogWhitelisted: false,
  label: 'not whitelisted',
};

export const DEFAULT_ACCOUNTS: readonly EmulatorAccount[] = [OWNER_ACCOUNT, NOT_WHITELISTED_ACCOUNT];

export class AccountRegistry {
  private readonly byKey = new Map<string, EmulatorAccount>();

  constructor(accounts: readonly EmulatorAccount[] = DEFAULT_ACCOUNTS) {
    for (const a of accounts) this.byKey.set(a.accessKeyId, a);
  }

  static fromFile(path: string): AccountRegistry {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array of accounts`);
    return new AccountRegistry(parsed.map((a, i) => validateAccount(a, `${path}[${i}]`)));
  }

  byAccessKeyId(accessKeyId: string): EmulatorAccount | undefined {
    return this.byKey.get(accessKeyId);
  }

  all(): readonly EmulatorAccount[] {
    return [...this.byKey.values()];
  }
}

function validateAccount(a: unknown, where: string): EmulatorAccount {
  if (typeof a !== 'object' || a === null) throw new Error(`${where}: expected an object`);
  const r = a as Record<string, unknown>;
  for (const k of ['accountId', 'accessKeyId', 'accessKeySecret'] as const) {
    if (typeof r[k] !== 'string' || !r[k]) throw new Error(`${where}.${k}: expected a non-empty string`);
  }
  return {
    accountId: r.accountId as string,
    accessKeyId: r.accessKeyId as string,
    accessKeySecret: r.accessKeySecret as string,
    flowLogWhitelisted: r.flowLogWhitelisted !== false,
    label: typeof r.label === 'string' ? r.label : (r.accountId as string),
  };
}
