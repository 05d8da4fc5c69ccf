/**
 * The slice of the OpenSearch client the route handlers use: in OSD it is
 * `context.core.opensearch.client.asCurrentUser.transport`, in the standalone server a fetch-based twin.
 * Failed requests reject with an error carrying `statusCode` (or `meta.statusCode`) and the response body.
 */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  path: string;
  body?: unknown;
  querystring?: Record<string, string | number | boolean | undefined>;
}

export interface Transport {
  request(params: TransportRequest): Promise<{ body: any; statusCode?: number }>;
}
