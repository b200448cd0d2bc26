/**
 * Alibaba Cloud's published request metadata of the CBN actions the product calls
 * (test/contract/data/cbn-meta, from aliyun/aliyun-openapi-meta), read once, and the check of a
 * request against it: a parameter the action does not define, a missing required one, a value of
 * the wrong type or outside the documented values. The emulator refuses such requests as the
 * service does (MissingParameter / InvalidParameter); the contract test holds the client to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CBN_METADATA_DIR = join(__dirname, '..', '..', 'test', 'contract', 'data', 'cbn-meta');

export interface ParamSpec {
  readonly name: string;
  /** String | Integer | Long | Boolean | RepeatList (flattened as Name.N or Name.N.Sub). */
  readonly type: string;
  readonly required: boolean;
  /** The documented values, when the description lists them. */
  readonly values?: readonly string[];
  /** The documented inclusive range of a number, when the description gives one. */
  readonly range?: readonly [number, number];
  readonly sub?: readonly ParamSpec[];
}

export interface ActionSpec {
  readonly name: string;
  readonly params: readonly ParamSpec[];
}

/** What every RPC request carries besides the action's own parameters (pop-core's signature fields). */
export const COMMON_RPC_PARAMS = new Set([
  'Action',
  'Version',
  'Format',
  'Timestamp',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Signature',
  'SecurityToken',
]);

interface RawParam {
  name: string;
  type: string;
  required?: boolean;
  description?: string;
  sub_parameters?: RawParam[];
}

/** "Valid values: **60** and **600**", "*   **Enterprise**: …" bullets, "**1** to **50**". */
function documentedValues(raw: RawParam): Pick<ParamSpec, 'values' | 'range'> {
  const d = raw.description ?? '';
  const at = d.search(/valid values/i);
  if (at < 0) return {};
  const tail = d.slice(at);
  const range = /^valid values:\s*\*\*(-?\d+)\*\*\s+to\s+\*\*(-?\d+)\*\*/i.exec(tail);
  if (range) return { range: [Number(range[1]), Number(range[2])] };
  const pair = /^valid values:\s*\*\*([^*]+)\*\*\s+(?:and|or)\s+\*\*([^*]+)\*\*/i.exec(tail);
  if (pair) return { values: [pair[1], pair[2]] };
  const bullets = [...tail.matchAll(/^\s*\*\s+\*\*([^*]+)\*\*/gm)].map((m) => m[1]);
  return bullets.length > 0 ? { values: bullets } : {};
}

function toSpec(raw: RawParam): ParamSpec {
  return {
    name: raw.name,
    type: raw.type,
    required: raw.required === true,
    ...documentedValues(raw),
    sub: raw.sub_parameters?.map(toSpec),
  };
}

export function loadCbnMetadata(dir = CBN_METADATA_DIR): Map<string, ActionSpec> {
  const out = new Map<string, ActionSpec>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { name: string; parameters: RawParam[] };
    out.set(raw.name, { name: raw.name, params: raw.parameters.map(toSpec) });
  }
  return out;
}

export interface RequestProblem {
  readonly code: 'MissingParameter' | 'InvalidParameter';
  readonly param: string;
  readonly why: string;
}

function valueProblem(spec: ParamSpec, name: string, value: string): RequestProblem | undefined {
  switch (spec.type) {
    case 'Integer':
    case 'Long':
      if (!/^-?\d+$/.test(value)) return { code: 'InvalidParameter', param: name, why: `must be an integer (${spec.type}), got "${value}"` };
      if (spec.range && (Number(value) < spec.range[0] || Number(value) > spec.range[1])) {
        return { code: 'InvalidParameter', param: name, why: `must be from ${spec.range[0]} to ${spec.range[1]}, got ${value}` };
      }
      break;
    case 'Boolean':
      if (value !== 'true' && value !== 'false') return { code: 'InvalidParameter', param: name, why: `must be true or false, got "${value}"` };
      break;
    default:
      break;
  }
  if (spec.values && !spec.values.includes(value)) {
    return { code: 'InvalidParameter', param: name, why: `must be one of ${spec.values.join(', ')}, got "${value}"` };
  }
  return undefined;
}

/** Finds the spec of a (possibly flattened) parameter name: `Tag.1.Key`, `FeatureFilter.1.Value.2`. */
function specOf(action: ActionSpec, name: string): ParamSpec | undefined {
  const direct = action.params.find((p) => p.name === name && p.type !== 'RepeatList');
  if (direct) return direct;
  const m = /^([A-Za-z]+)\.(\d+)(?:\.([A-Za-z]+)(?:\.(\d+))?)?$/.exec(name);
  if (!m) return undefined;
  const list = action.params.find((p) => p.name === m[1] && p.type === 'RepeatList');
  if (!list || Number(m[2]) < 1) return undefined;
  if (m[3] === undefined) return list.sub ? undefined : { ...list, type: 'String' };
  const sub = list.sub?.find((s) => s.name === m[3]);
  if (!sub) return undefined;
  if (sub.type === 'RepeatList') return m[4] !== undefined ? { ...sub, type: 'String' } : undefined;
  return m[4] === undefined ? sub : undefined;
}

/** Every way the request breaks the action's published metadata (common signature fields excepted). */
export function requestProblems(action: ActionSpec, params: ReadonlyMap<string, string>): RequestProblem[] {
  const problems: RequestProblem[] = [];
  for (const p of action.params) {
    if (p.required && !params.has(p.name)) problems.push({ code: 'MissingParameter', param: p.name, why: 'is mandatory for this action' });
  }
  for (const [name, value] of params) {
    if (COMMON_RPC_PARAMS.has(name)) continue;
    const spec = specOf(action, name);
    if (!spec) {
      problems.push({ code: 'InvalidParameter', param: name, why: `is not a parameter of ${action.name}` });
      continue;
    }
    const bad = valueProblem(spec, name, value);
    if (bad) problems.push(bad);
  }
  return problems;
}
