/**
 * An aliyun CLI configuration (~/.aliyun/config.json) in the HOME of the test's code-server, so the
 * extension host finds CLI profiles there exactly as on a developer's machine. The file is read when
 * the user picks a profile, so a test can write it after the window opened; remove it at the end of
 * the test (the HOME lives as long as the file's code-server).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VsCodeSession } from './session';

/** One AccessKey profile as `aliyun configure` writes it. */
export interface AliyunCliAkProfile {
  readonly name: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly regionId: string;
}

function configDir(vs: VsCodeSession): string {
  return join(vs.server.homeDir, '.aliyun');
}

/** Writes ~/.aliyun/config.json with these profiles; `current` is the CLI's default profile. */
export function writeAliyunCliConfig(vs: VsCodeSession, profiles: readonly AliyunCliAkProfile[], current: string): string {
  const dir = configDir(vs);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'config.json');
  const config = {
    current,
    profiles: profiles.map((p) => ({
      name: p.name,
      mode: 'AK',
      access_key_id: p.accessKeyId,
      access_key_secret: p.accessKeySecret,
      region_id: p.regionId,
      output_format: 'json',
      language: 'en',
    })),
    meta_path: '',
  };
  writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
  return file;
}

export function removeAliyunCliConfig(vs: VsCodeSession): void {
  rmSync(configDir(vs), { recursive: true, force: true });
}
