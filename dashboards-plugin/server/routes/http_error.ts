/** An error the routes answer with its own status code (4xx for bad input, the backend's code otherwise). */
export class HttpError extends Error {
  constructor(public readonly statusCode: number, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Status code of a backend error: the OSD client puts it in `meta.statusCode`, the standalone client in `statusCode`. */
export function statusOf(error: any): number | undefined {
  return error?.statusCode ?? error?.meta?.statusCode;
}

/** The reason OpenSearch gave, else the error's message. */
function reasonOf(error: any): string {
  const body = error?.meta?.body ?? error?.body;
  const reason = body?.error?.reason ?? (typeof body?.error === 'string' ? body.error : undefined) ?? body?.message;
  return reason ?? error?.message ?? String(error);
}

export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const status = statusOf(error);
  return new HttpError(status && status >= 400 && status < 600 ? status : 500, reasonOf(error));
}

/** True when the backend said the thing (index, detector, endpoint) does not exist. */
export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}
