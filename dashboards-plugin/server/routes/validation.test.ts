import { describe, expect, it } from 'vitest';
import { HttpError, toHttpError } from './http_error';
import { matchPath } from './route_table';
import { validate } from './validation';

function message(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    expect((e as HttpError).statusCode).toBe(400);
    return (e as HttpError).message;
  }
  throw new Error('expected a 400');
}

describe('validation', () => {
  it('parses ranges and names bad fields', () => {
    const q = validate.resultsQuery({ from: '0', to: '1000', entity_key: 'host=a' });
    expect(q).toEqual({ from: 0, to: 1000, entityKey: 'host=a' });
    expect(message(() => validate.resultsQuery({ from: 'yesterday' }))).toMatch(/^\[from\] must be/);
    expect(message(() => validate.resultsQuery({ from: '2000', to: '1000' }))).toBe('[from] must be before [to]');
    expect(message(() => validate.resultsQuery({ size: '3' }))).toMatch(/^\[query.size\] is not allowed/);
  });

  it('reads the root-cause query: range and size, naming bad fields', () => {
    expect(validate.rootCauseQuery({ from: '0', to: '1000' })).toEqual({ from: 0, to: 1000, size: 10 });
    expect(validate.rootCauseQuery({ from: '0', to: '1000', size: '3' }).size).toBe(3);
    expect(message(() => validate.rootCauseQuery({ size: '0' }))).toMatch(/^\[size\]/);
    expect(message(() => validate.traceResultsQuery({ to: 'soon' }))).toMatch(/^\[to\]/);
  });

  it('refuses ids and index names that could leave their path', () => {
    expect(message(() => validate.idParams({ id: '../_cluster' }))).toMatch(/^\[id\]/);
    expect(message(() => validate.occurrencesQuery({ indices: '_all' }))).toMatch(/^\[indices\]/);
    expect(message(() => validate.occurrencesQuery({ indices: 'logs,-x' }))).toMatch(/^\[indices\]/);
    expect(validate.occurrencesQuery({ indices: 'logs-*, nezha-logs' }).indices).toEqual(['logs-*', 'nezha-logs']);
  });

  it('checks template list parameters against the backend limits', () => {
    expect(validate.templatesQuery({})).toEqual({ namespace: undefined, size: 20, from: 0, sort: 'count' });
    expect(message(() => validate.templatesQuery({ size: '1001' }))).toBe('[size] must be an integer from 1 to 1000');
    expect(message(() => validate.templatesQuery({ sort: 'name' }))).toBe('[sort] must be one of count, last_seen, first_seen');
  });

  it('checks class labels', () => {
    expect(validate.classLabelsBody({ labels: { c1: ' db errors ' } })).toEqual({ labels: { c1: 'db errors' } });
    expect(message(() => validate.classLabelsBody({ labels: { c1: 3 } }))).toMatch(/^\[labels.c1\]/);
  });
});

describe('errors and paths', () => {
  it('keeps the backend status and reason (OSD client and standalone shapes)', () => {
    expect(toHttpError({ meta: { statusCode: 404, body: { error: { reason: 'gone' } } } })).toMatchObject({ statusCode: 404, message: 'gone' });
    expect(toHttpError({ statusCode: 400, body: { error: 'no handler found' } })).toMatchObject({ statusCode: 400, message: 'no handler found' });
    expect(toHttpError(new Error('socket hang up'))).toMatchObject({ statusCode: 500 });
  });

  it('matches route patterns', () => {
    expect(matchPath('/api/aiops/detectors/{id}/results', '/api/aiops/detectors/a%20b/results')).toEqual({ id: 'a b' });
    expect(matchPath('/api/aiops/detectors/{id}', '/api/aiops/detectors/a/results')).toBeNull();
  });
});
