/** An error answer of the CEN RPC API: HTTP status, Code and Message as the gateway sends them. */
export class CenApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CenApiError';
  }
}

export const missingParameter = (name: string): CenApiError =>
  new CenApiError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);

export const invalidParameter = (name: string, why: string, code = 'InvalidParameter'): CenApiError =>
  new CenApiError(400, code, `The parameter "${name}" is invalid: ${why}`);
