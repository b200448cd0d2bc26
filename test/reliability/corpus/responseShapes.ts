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
  // An unknown status is no longer an odd answer: it is kept raw and shown on its row (issue 18); see cenMetadataConformance.test.ts.
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

/** Odd answers every Log Service call shares: not JSON, not an object, cut off. */
const slsUnreadable = (action: string): ShapeCase[] => [
  { name: `${action}: HTML login page`, answer: raw(200, HTML_LOGIN, 'text/html'), kind: 'unexpectedResponse', message: SLS_UNREADABLE },
  { name: `${action}: HTML 502 gateway page`, answer: raw(502, HTML_GATEWAY, 'text/html'), kind: 'unexpectedResponse', message: SLS_UNREADABLE },
  { name: `${action}: truncated JSON`, answer: raw(200, '{"total":3,"pro'), kind: 'unexpectedResponse', message: SLS_UNREADABLE },
  { name: `${action}: body is null`, answer: raw(200, 'null'), kind: 'unexpectedResponse', message: /answered something unexpected/ },
  { name: `${action}: body is a string`, answer: raw(200, '"ok"'), kind: 'unexpectedResponse', message: /answered something unexpected/ },
];

/** Answers to ListProject (listProjects). */
export const SLS_PROJECT_LIST_CASES: readonly ShapeCase[] = [
  { name: 'ListProject: empty object', answer: json(200, {}), kind: 'unexpectedResponse', message: /ListProject answer has no projects list/ },
  { name: 'ListProject: projects not a list', answer: json(200, { total: 1, count: 1, projects: 'p' }), kind: 'unexpectedResponse', message: /projects is a string where a list belongs/ },
  { name: 'ListProject: total missing', answer: json(200, { count: 0, projects: [] }), kind: 'unexpectedResponse', message: /total is missing/ },
  { name: 'ListProject: total negative', answer: json(200, { total: -1, count: 0, projects: [] }), kind: 'unexpectedResponse', message: /total is -1/ },
  { name: 'ListProject: null project', answer: json(200, { total: 1, count: 1, projects: [null] }), kind: 'unexpectedResponse' },
  { name: 'ListProject: project without a name', answer: json(200, { total: 1, count: 1, projects: [{ region: 'cn-hangzhou' }] }), kind: 'unexpectedResponse', message: /projectName is missing/ },
  { name: 'ListProject: region of the wrong type', answer: json(200, { total: 1, count: 1, projects: [{ projectName: 'p', region: { evil: true } }] }), kind: 'unexpectedResponse' },
  ...slsUnreadable('ListProject'),
];

/** Answers to ListLogStores (listLogStores). */
export const SLS_LOGSTORE_LIST_CASES: readonly ShapeCase[] = [
  { name: 'ListLogStores: empty object', answer: json(200, {}), kind: 'unexpectedResponse', message: /ListLogStores answer has no logstores list/ },
  { name: 'ListLogStores: logstores not a list', answer: json(200, { total: 1, count: 1, logstores: 'flows' }), kind: 'unexpectedResponse', message: /logstores is a string where a list belongs/ },
  { name: 'ListLogStores: total of the wrong type', answer: json(200, { total: 'all', count: 1, logstores: ['flows'] }), kind: 'unexpectedResponse' },
  { name: 'ListLogStores: a name that is not text', answer: json(200, { total: 1, count: 1, logstores: [42] }), kind: 'unexpectedResponse', message: /logstores\[0\] is not a logstore name/ },
  { name: 'ListLogStores: an empty name', answer: json(200, { total: 1, count: 1, logstores: [''] }), kind: 'unexpectedResponse', message: /not a logstore name/ },
  ...slsUnreadable('ListLogStores'),
];

/** Answers to GetIndex (getIndex). */
export const SLS_INDEX_CASES: readonly ShapeCase[] = [
  { name: 'GetIndex: keys not an object', answer: json(200, { keys: ['srcaddr'] }), kind: 'unexpectedResponse' },
  { name: 'GetIndex: a key without a type', answer: json(200, { keys: { srcaddr: { doc_value: true } } }), kind: 'unexpectedResponse', message: /index key "srcaddr" has no type/ },
  { name: 'GetIndex: a key that is not an object', answer: json(200, { keys: { srcaddr: 'text' } }), kind: 'unexpectedResponse', message: /has no type/ },
  ...slsUnreadable('GetIndex'),
];

/** Answers to GetHistograms (histogram). */
export const SLS_HISTOGRAM_CASES: readonly ShapeCase[] = [
  { name: 'GetHistograms: an object, not a list', answer: json(200, { buckets: [] }), kind: 'unexpectedResponse' },
  { name: 'GetHistograms: null bucket', answer: json(200, [null]), kind: 'unexpectedResponse' },
  { name: 'GetHistograms: bucket without count', answer: json(200, [{ from: 0, to: 60, progress: 'Complete' }]), kind: 'unexpectedResponse', message: /bucket 1 count is missing/ },
  { name: 'GetHistograms: bucket without from/to', answer: json(200, [{ count: 3, progress: 'Complete' }]), kind: 'unexpectedResponse', message: /bucket 1 has no valid from\/to/ },
  { name: 'GetHistograms: to before from', answer: json(200, [{ from: 120, to: 60, count: 3, progress: 'Complete' }]), kind: 'unexpectedResponse', message: /no valid from\/to/ },
  { name: 'GetHistograms: negative count', answer: json(200, [{ from: 0, to: 60, count: -3, progress: 'Complete' }]), kind: 'unexpectedResponse', message: /count is -3/ },
  { name: 'GetHistograms: unknown progress value', answer: json(200, [{ from: 0, to: 60, count: 3, progress: 'Exploded' }]), kind: 'unexpectedResponse', message: /progress is "Exploded"/ },
  ...slsUnreadable('GetHistograms'),
];
