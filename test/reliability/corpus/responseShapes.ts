/**
 * Answers of unexpected shape from the CEN and Log Service endpoints, each with the CloudError kind
 * the client must turn it into. Never a TypeError, never a silent "empty result", never a hang.
 */
import type { CloudErrorKind } from '../../../src/cloud/cloudError';
import type { ScriptedAnswer } from '../fakeAlibabaService';

export interface ShapeCase {
  readonly name: string;
  readonly answer: ScriptedAnswer;
  readonly kind: CloudErrorKind;
  /** What the message must say (besides being present). */
  readonly message?: RegExp;
}

const json = (status: number, body: unknown): ScriptedAnswer => ({ kind: 'reply', status, body: JSON.stringify(body) });
const raw = (status: number, body: string, contentType = 'application/json'): ScriptedAnswer => ({ kind: 'reply', status, body, contentType });
const HTML_LOGIN = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/login"></form></body></html>';
const HTML_GATEWAY = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Tengine</center></body></html>';

/** Answers to DescribeCens (listCensPage). */
export const CEN_SHAPE_CASES: readonly ShapeCase[] = [
  { name: 'empty object', answer: json(200, {}), kind: 'unexpectedResponse', message: /TotalCount/ },
  { name: 'TotalCount not a number', answer: json(200, { RequestId: 'r', TotalCount: 'many', Cens: { Cen: [] } }), kind: 'unexpectedResponse', message: /TotalCount is not an integer/ },
  { name: 'Cen not a list', answer: json(200, { TotalCount: 1, Cens: { Cen: 'nope' } }), kind: 'unexpectedResponse', message: /Cens\.Cen is not a list/ },
  { name: 'unknown status', answer: json(200, { TotalCount: 1, Cens: { Cen: [{ CenId: 'cen-1', Status: 'Exploded' }] } }), kind: 'unexpectedResponse', message: /unknown value "Exploded"/ },
  { name: 'missing CenId', answer: json(200, { TotalCount: 1, Cens: { Cen: [{ Status: 'Active' }] } }), kind: 'unexpectedResponse', message: /CenId is missing/ },
  { name: 'null item', answer: json(200, { TotalCount: 1, Cens: { Cen: [null] } }), kind: 'unexpectedResponse', message: /not an object/ },
  { name: 'Cens is a string', answer: json(200, { TotalCount: 1, Cens: 'x' }), kind: 'unexpectedResponse', message: /not an object/ },
  { name: 'CenId is an object', answer: json(200, { TotalCount: 1, Cens: { Cen: [{ CenId: { evil: true }, Status: 'Active' }] } }), kind: 'unexpectedResponse', message: /CenId/ },
  { name: 'body is null', answer: raw(200, 'null'), kind: 'unexpectedResponse' },
  { name: 'body is a list', answer: raw(200, '[]'), kind: 'unexpectedResponse' },
  { name: 'body is a string', answer: raw(200, '"ok"'), kind: 'unexpectedResponse' },
  { name: 'HTML login page', answer: raw(200, HTML_LOGIN, 'text/html'), kind: 'unexpectedResponse', message: /not a CEN API response/ },
  { name: 'HTML 502 gateway page', answer: raw(502, HTML_GATEWAY, 'text/html'), kind: 'unexpectedResponse', message: /not a CEN API response/ },
  { name: 'truncated JSON', answer: raw(200, '{"TotalCount":1,"Cens":{"Ce'), kind: 'unexpectedResponse' },
  { name: 'empty body', answer: raw(200, ''), kind: 'unexpectedResponse' },
  { name: 'byte-order mark before JSON', answer: raw(200, '\uFEFF{"TotalCount":0,"Cens":{"Cen":[]}}'), kind: 'unexpectedResponse' },
  { name: 'deeply nested JSON', answer: raw(200, '['.repeat(100_000) + ']'.repeat(100_000)), kind: 'unexpectedResponse' },
  { name: 'Code of the wrong type', answer: json(400, { Code: 123, Message: 'x' }), kind: 'unexpectedResponse' },
  { name: 'expired STS token', answer: json(400, { RequestId: 'r', Code: 'InvalidSecurityToken.Expired', Message: 'Specified SecurityToken is expired.' }), kind: 'credentials', message: /STS security token/ },
  { name: 'unknown AccessKey', answer: json(404, { RequestId: 'r', Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' }), kind: 'credentials' },
  { name: 'body cut off before its declared length', answer: { kind: 'truncate', status: 200, body: '{"TotalCount":1,', declaredLength: 400 }, kind: 'network' },
  { name: 'connection dropped', answer: { kind: 'drop' }, kind: 'network' },
  { name: 'no answer at all', answer: { kind: 'hang' }, kind: 'network', message: /timed out/ },
];

/** An answer that is not JSON must be explained in words, not as a parser's complaint. */
const SLS_UNREADABLE = /not a Log Service response|answered something unexpected/;

/** Answers to GetLogsV2 (query). */
export const SLS_SHAPE_CASES: readonly ShapeCase[] = [
  { name: 'empty object', answer: json(200, {}), kind: 'unexpectedResponse' },
  { name: 'meta without data', answer: json(200, { meta: { progress: 'Complete', count: 3 } }), kind: 'unexpectedResponse' },
  { name: 'data not a list', answer: json(200, { meta: { progress: 'Complete' }, data: 'rows' }), kind: 'unexpectedResponse' },
  { name: 'null row', answer: json(200, { meta: { progress: 'Complete' }, data: [null] }), kind: 'unexpectedResponse' },
  { name: 'row is a list', answer: json(200, { meta: { progress: 'Complete' }, data: [['a', 'b']] }), kind: 'unexpectedResponse' },
  { name: 'keys not a list', answer: json(200, { meta: { progress: 'Complete', keys: 'srcaddr' }, data: [] }), kind: 'unexpectedResponse' },
  { name: 'unknown progress value', answer: json(200, { meta: { progress: 'Exploded' }, data: [] }), kind: 'unexpectedResponse' },
  { name: 'body is null', answer: raw(200, 'null'), kind: 'unexpectedResponse' },
  { name: 'HTML login page', answer: raw(200, HTML_LOGIN, 'text/html'), kind: 'unexpectedResponse', message: SLS_UNREADABLE },
  { name: 'HTML 502 gateway page', answer: raw(502, HTML_GATEWAY, 'text/html'), kind: 'unexpectedResponse', message: SLS_UNREADABLE },
  { name: 'truncated JSON', answer: raw(200, '{"meta":{"progress":"Compl'), kind: 'unexpectedResponse', message: SLS_UNREADABLE },
  { name: 'empty body', answer: raw(200, ''), kind: 'unexpectedResponse' },
  { name: 'error body of the wrong shape', answer: json(400, { error: 'nope' }), kind: 'unexpectedResponse' },
  { name: 'signature rejected', answer: json(403, { errorCode: 'SignatureNotMatch', errorMessage: 'signature not match' }), kind: 'credentials' },
  { name: 'expired STS token', answer: json(401, { errorCode: 'SecurityTokenExpired', errorMessage: 'token expired' }), kind: 'credentials', message: /STS security token/ },
  { name: 'positioned ParameterInvalid', answer: json(400, { errorCode: 'ParameterInvalid', errorMessage: 'line 1:5: Column x cannot be resolved' }), kind: 'invalidInput', message: /line 1:5/ },
  { name: 'body cut off before its declared length', answer: { kind: 'truncate', status: 200, body: '{"meta":', declaredLength: 400 }, kind: 'network' },
  { name: 'connection dropped', answer: { kind: 'drop' }, kind: 'network' },
  { name: 'no answer at all', answer: { kind: 'hang' }, kind: 'network', message: /timed out/ },
];
