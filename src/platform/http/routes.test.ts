import Fastify from 'fastify';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { ButtonForm, declaredForm, formBody, IdParams, missingDeclarations, NoQuery, requireTypedRoutes } from './routes.js';

describe('typed routes', () => {
  it('names what a route leaves undeclared', () => {
    expect(missingDeclarations({ method: 'GET', url: '/ferien/angebote/:id', schema: {} })).toEqual(['params', 'querystring']);
    expect(missingDeclarations({ method: ['GET', 'HEAD'], url: '/ferien', schema: { querystring: NoQuery } })).toEqual([]);
    expect(missingDeclarations({ method: 'POST', url: '/ferien/plaetze/:id/annehmen', schema: { params: IdParams } })).toEqual(['body']);
    expect(missingDeclarations({ method: 'POST', url: '/ferien/plaetze/:id/annehmen', schema: { params: IdParams, body: ButtonForm } })).toEqual([]);
    // Static files are served by @fastify/static under a wildcard.
    expect(missingDeclarations({ method: 'GET', url: '/assets/*' })).toEqual([]);
  });

  it('keeps the form schema beside the permissive body schema Fastify checks', () => {
    const form = Type.Object({ name: Type.String({ minLength: 1 }) });
    const body = formBody(form);
    expect(declaredForm(body)).toBe(form);
    // Nothing of the form leaks into what Fastify compiles: a form that does not fit reaches the handler.
    expect(JSON.parse(JSON.stringify(body))).toEqual({ type: 'object' });
  });

  it('refuses to start with an untyped route and lists every one', async () => {
    const app = Fastify();
    requireTypedRoutes(app);
    app.get('/a/:id', async () => 'a');
    app.post('/b', async () => 'b');
    app.get('/c', { schema: { querystring: NoQuery } }, async () => 'c');
    await expect(app.ready()).rejects.toThrow(/:\n {2}GET \/a\/:id: params, querystring\n {2}POST \/b: body$/);
  });
});
