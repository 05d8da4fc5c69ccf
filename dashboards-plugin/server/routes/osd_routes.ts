import type { IRouter, RouteValidationFunction } from '../../../../src/core/server';
import { HttpError, toHttpError } from './http_error';
import { ROUTES } from './route_table';

/** Wraps a shared validator as an OSD custom validation function (400 with the validator's message). */
function osdValidation(validator?: (raw: unknown) => any): RouteValidationFunction<any> | false {
  if (!validator) return false;
  return (data, { ok, badRequest }) => {
    try {
      return ok(validator(data));
    } catch (e) {
      if (e instanceof HttpError) return badRequest(e.message);
      throw e;
    }
  };
}

export function registerRoutes(router: IRouter) {
  for (const spec of ROUTES) {
    router[spec.method](
      {
        path: spec.path,
        validate: {
          params: osdValidation(spec.validate.params),
          query: osdValidation(spec.validate.query),
          body: osdValidation(spec.validate.body),
        } as any,
      },
      async (context: any, request: any, response: any) => {
        try {
          const client = context.core.opensearch.client.asCurrentUser.transport;
          const body = await spec.handler(client, { params: request.params, query: request.query, body: request.body });
          return response.ok({ body: body as any });
        } catch (e) {
          const err = toHttpError(e);
          return response.customError({ statusCode: err.statusCode, body: { message: err.message } });
        }
      }
    );
  }
}
