/** Read-only partner data endpoints, and the partner records linked to a declaration. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../platform/lib/errors.ts';
import type { AppContext } from '../../platform/server/context.ts';
import { errorSchema } from '../../platform/server/errors.ts';
import { pagedList } from '../../platform/server/route-kit.ts';
import { pageOf, pagingQuery } from '../../platform/server/schemas.ts';
import {
  getCompany,
  listCompanies,
  listManifests,
  listPayments,
  listTrademarks,
  partnerLinks,
} from './store.ts';

const stamps = { import_id: z.number().int().nullable(), created_at: z.string(), updated_at: z.string() };

export const companySchema = z
  .object({
    company_id: z.string(),
    name: z.string(),
    legal_form: z.string().nullable(),
    created_on: z.string().nullable(),
    capital: z.number().nullable(),
    address: z.string().nullable(),
    city: z.string().nullable(),
    activity: z.string().nullable(),
    phone: z.string().nullable(),
    managers: z.array(z.string()),
    ...stamps,
  })
  .meta({ id: 'Company' });

export const manifestSchema = z
  .object({
    id: z.number().int(),
    document_number: z.string(),
    document_type: z.string(),
    carrier: z.string().nullable(),
    vessel_or_flight: z.string().nullable(),
    port_of_loading: z.string().nullable(),
    port_of_discharge: z.string().nullable(),
    arrival_date: z.string().nullable(),
    consignee_code: z.string().nullable(),
    consignee_name: z.string().nullable(),
    goods_description: z.string().nullable(),
    packages: z.number().int().nullable(),
    gross_mass_kg: z.number().nullable(),
    containers: z.array(z.string()),
    declaration_reference: z.string().nullable(),
    ...stamps,
  })
  .meta({ id: 'Manifest' });

export const paymentSchema = z
  .object({
    id: z.number().int(),
    payment_reference: z.string(),
    importer_code: z.string(),
    paid_on: z.string(),
    amount: z.number(),
    currency: z.string(),
    beneficiary_name: z.string().nullable(),
    beneficiary_country: z.string().nullable(),
    bank: z.string().nullable(),
    declaration_reference: z.string().nullable(),
    ...stamps,
  })
  .meta({ id: 'FxPayment' });

export const trademarkSchema = z
  .object({
    id: z.number().int(),
    brand: z.string(),
    owner: z.string(),
    registration_number: z.string().nullable(),
    owner_country: z.string().nullable(),
    nice_classes: z.array(z.number().int()),
    registered_on: z.string().nullable(),
    expires_on: z.string().nullable(),
    ...stamps,
  })
  .meta({ id: 'Trademark' });

const code = z.string().min(1).max(64);

export async function partnerRoutes(app: FastifyInstance, { database }: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  typed.get(
    '/api/declarations/:reference/partners',
    {
      config: { permission: 'partners:read' },
      schema: {
        summary: "Partner data linked to a declaration: the importer's register record, manifests, payments",
        tags: ['partners'],
        params: z.object({ reference: code }),
        response: {
          200: z.object({
            reference: z.string(),
            importer_code: z.string().nullable(),
            company: companySchema.nullable(),
            manifests: z.array(manifestSchema),
            payments: z.array(paymentSchema),
          }),
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const links = await partnerLinks(db, request.params.reference);
      if (!links)
        throw new NotFoundError('declaration.not_found', `no declaration ${request.params.reference}`);
      return links;
    },
  );

  typed.get(
    '/api/companies',
    {
      config: { permission: 'partners:read' },
      schema: {
        summary: 'Company register, searched by name or identifier',
        tags: ['partners'],
        querystring: z.object({
          q: z.string().max(100).optional(),
          city: z.string().max(100).optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(companySchema) },
      },
    },
    pagedList(db, listCompanies),
  );

  typed.get(
    '/api/companies/:companyId',
    {
      config: { permission: 'partners:read' },
      schema: {
        summary: 'One company of the register',
        tags: ['partners'],
        params: z.object({ companyId: code }),
        response: { 200: companySchema, 404: errorSchema },
      },
    },
    async (request) => {
      const company = await getCompany(db, request.params.companyId);
      if (!company) throw new NotFoundError('company.not_found', `no company ${request.params.companyId}`);
      return company;
    },
  );

  typed.get(
    '/api/manifests',
    {
      config: { permission: 'partners:read' },
      schema: {
        summary: 'Port and airport manifests',
        tags: ['partners'],
        querystring: z.object({ consignee: code.optional(), declaration: code.optional(), ...pagingQuery }),
        response: { 200: pageOf(manifestSchema) },
      },
    },
    pagedList(db, listManifests),
  );

  typed.get(
    '/api/payments',
    {
      config: { permission: 'partners:read' },
      schema: {
        summary: 'Foreign-exchange payments',
        tags: ['partners'],
        querystring: z.object({ importer: code.optional(), declaration: code.optional(), ...pagingQuery }),
        response: { 200: pageOf(paymentSchema) },
      },
    },
    pagedList(db, listPayments),
  );

  typed.get(
    '/api/trademarks',
    {
      config: { permission: 'partners:read' },
      schema: {
        summary: 'Registered trademarks',
        tags: ['partners'],
        querystring: z.object({ brand: z.string().max(100).optional(), ...pagingQuery }),
        response: { 200: pageOf(trademarkSchema) },
      },
    },
    pagedList(db, listTrademarks),
  );
}
