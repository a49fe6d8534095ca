/**
 * Security headers on every answer (pages of the workbench, API answers, files, errors, /docs), through
 * @fastify/helmet. The Content-Security-Policy is the second wall behind the workbench's escaping
 * (docs/decisions/security-escaping.md): no inline script and no event-handler attributes, so injected markup that
 * slipped past the escaping still runs nothing; no plugins, no <base>, no framing, forms only to us.
 *
 * Styles allow 'unsafe-inline': Mantine writes its CSS variables into a <style> element and ECharts' tooltips
 * carry style attributes, both made in the browser where no nonce can reach; CSS cannot run script. The Swagger UI
 * at /docs runs only its own files (script-src 'self' holds) but draws its icons from data: images.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

type Directives = Record<string, string[]>;

/** The policy of the workbench and the API; `tls` when served over HTTPS (VIGIE_COOKIE_SECURE). */
export function contentSecurityPolicy(tls: boolean): Directives {
  const directives: Directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    // blob: the preview of a photo chosen for an inspection outcome, before it is sent.
    'img-src': ["'self'", 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  };
  // Over plain HTTP (an office network) upgrading would break every request; behind TLS it closes mixed content.
  if (tls) directives['upgrade-insecure-requests'] = [];
  return directives;
}

/** The Swagger UI's allowance: its stylesheet's icons are data: images. Given the header helmet set. */
export function docsContentSecurityPolicy(header: string): string {
  return header.replace(/(^|;\s*)img-src ([^;]*)/, '$1img-src $2 data:');
}

export async function installSecurityHeaders(app: FastifyInstance, options: { tls: boolean }): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options.tls) },
    // frame-ancestors 'none' says it for browsers that read CSP; X-Frame-Options for the others.
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only means something over HTTPS, and pins every host of the domain when sent: only behind TLS.
    strictTransportSecurity: options.tls ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    // Helmet's defaults for the rest: X-Content-Type-Options nosniff, Cross-Origin-Opener-Policy and
    // Cross-Origin-Resource-Policy same-origin, X-Permitted-Cross-Domain-Policies none, X-XSS-Protection 0.
  });
}
