// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage, setUpPageTests, signedIn, stubApi } from '../test/harness.tsx';
import { Imports } from './Imports.tsx';

setUpPageTests('en');

describe('the imports page', () => {
  it("sends a French spreadsheet's conventions with the file, and asks for people's jobs only", async () => {
    const api = stubApi(signedIn(['imports:read', 'imports:write', 'jobs:read']), {
      'GET /api/jobs': () => ({ body: { total: 0, limit: 10, offset: 0, items: [] } }),
      'POST /api/imports': () => ({ status: 202, body: { job: { id: 'j' }, links: {} } }),
    });
    renderPage(<Imports />, { route: '/imports' });
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/jobs')).toBe(true));
    const jobs = api.calls.find((c) => c.path === '/api/jobs')!;
    expect(jobs.url.searchParams.get('scheduled')).toBe('hide');

    fireEvent.click(await screen.findByRole('button', { name: /French spreadsheet/ }));
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['reference;lodged_on\n'], 'declarations.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the import' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    const form = api.calls.find((c) => c.method === 'POST')!.body as FormData;
    expect(form.get('delimiter')).toBe(';');
    expect(form.get('decimal_separator')).toBe(',');
    expect(form.get('date_format')).toBe('DD/MM/YYYY');
    // The encoding is left to detection (UTF-8, else Windows-1252).
    expect(form.get('encoding')).toBeNull();
    expect((form.get('file') as File).name).toBe('declarations.csv');
  });
});
