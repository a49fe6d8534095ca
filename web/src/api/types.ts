/**
 * The API's types as the pages use them, derived from web/src/api/schema.gen.ts (generated from the server's
 * OpenAPI document by `npm run api-types`) so that no page keeps its own copy of a server schema: when the server
 * changes a field, the pages that read it stop compiling instead of drifting.
 *
 * - `Schema<'RiskDecision'>`: a schema the server names with `.meta({ id })`, as the server answers it.
 * - `ApiResponse<'/api/risk/decisions'>`, `ApiResponse<'/api/risk/score', 'post'>`: a route's success answer.
 * - `ApiItem<'/api/risk/decisions'>`: one element of the `items` list such a route answers.
 * - `ApiBody<'/api/risk/outcomes', 'post'>`, `ApiQuery<'/api/risk/decisions'>`: what a route accepts.
 */
import type { components, paths } from './schema.gen.ts';

export type SchemaName = keyof components['schemas'];
export type Schema<Name extends SchemaName> = components['schemas'][Name];

export type ApiPath = keyof paths;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON of a 200, 201 or 202 answer; `undefined` for 204 (no content). */
type Success<R> = R extends { 200: infer A }
  ? Json<A>
  : R extends { 201: infer A }
    ? Json<A>
    : R extends { 202: infer A }
      ? Json<A>
      : R extends { 204: unknown }
        ? undefined
        : never;

export type ApiResponse<P extends ApiPath, M extends Method = 'get'> = paths[P][M] extends {
  responses: infer R;
}
  ? Success<R>
  : never;

export type ApiItem<P extends ApiPath, M extends Method = 'get'> =
  ApiResponse<P, M> extends {
    items: (infer I)[];
  }
    ? I
    : never;

export type ApiBody<P extends ApiPath, M extends Method = 'post'> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? Json<NonNullable<B>>
  : never;

export type ApiQuery<P extends ApiPath, M extends Method = 'get'> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
