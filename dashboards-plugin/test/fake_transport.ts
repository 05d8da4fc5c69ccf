import type { Transport, TransportRequest } from '../server/routes/transport';

/** A transport answering by `METHOD path` from a table; records every request. */
export function fakeTransport(answers: Record<string, (req: TransportRequest) => any>) {
  const calls: TransportRequest[] = [];
  const transport: Transport = {
    async request(req) {
      calls.push(req);
      const answer = answers[`${req.method} ${req.path}`];
      if (!answer) throw Object.assign(new Error(`unexpected ${req.method} ${req.path}`), { statusCode: 400, body: { error: 'no handler found' } });
      return { body: await answer(req) };
    },
  };
  return { transport, calls };
}

export function backendError(status: number, reason: string) {
  return Object.assign(new Error(reason), { meta: { statusCode: status, body: { error: { reason }, status } } });
}
